#pragma once
// The process table: one row per worker of every lane, from a RunSample (live or recorded): its
// state and rate as the worker published them, its exit status once reaped, and beside them
// what the kernel counted for the process (CPU in user mode and in the kernel, context switches). Updated once per
// sample, never per message.
#include "ipclab/experiment/run_sample.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>

namespace ipclab::ui {

class ProcessTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Pid, Lane, Role, State, Rate, Sync, UserCpu, KernelCpu, Switches, ColumnCount };
    explicit ProcessTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    // (lane, slot) of a row, for "kill worker".
    std::pair<int, int> workerAt(int row) const;
    // The rates, the kernel's numbers and (at full speed) the states change in the table only
    // when `numbersDue` (the window says so with its big number and the figure's numbers, a few
    // times a second, so all show the same moment); syncs, exits and new processes at every
    // sample, and in slow motion the states too.
    void update(const RunSample& sample, bool numbersDue = true);

private:
    struct Row {
        int lane, slot, pid;
        QString laneName, role, state, sync;
        double rate;
        bool dead;
        // The kernel's accounting over the last second (invalid: not yet, or reaped).
        KernelRates kernel;
        int syncMode = -1; // the sync column's value, to compare without making its text
    };
    // Whether a sample shows what is listed: the same processes, none newly dead, the same syncs.
    bool sameProcesses(const RunSample& sample) const;
    QList<Row> rows_;
};

} // namespace ipclab::ui
