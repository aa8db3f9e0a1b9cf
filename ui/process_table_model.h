#pragma once
// The process table: one row per worker of every lane, from the latest telemetry sample and the
// controller's reaped exit statuses. Refreshed once per sample, never per message.
#include <QAbstractTableModel>
#include <QElapsedTimer>

namespace ipclab::ui {

class RunController;

class ProcessTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Pid, Lane, Role, State, Rate, Sync, ColumnCount };
    explicit ProcessTableModel(const RunController& controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    // (lane, slot) of a row, for "kill worker".
    std::pair<int, int> workerAt(int row) const;
    void refresh();

private:
    struct Row {
        int lane, slot, pid;
        QString laneName, role, state, sync;
        double rate;
        bool dead;
    };
    static constexpr int kRateHz = 4;
    const RunController& controller_;
    QList<Row> rows_;
    QElapsedTimer rateClock_;
};

} // namespace ipclab::ui
