#pragma once
// The processes of the run and what happened to them: the process table (real PIDs, state,
// rate, sync in use, exit status) fed from RunSamples, and the event log (sync changes,
// acknowledgements, deaths, errors).
#include "ipclab/experiment/run_sample.h"

#include <QFont>
#include <QHash>
#include <QVector>
#include <QWidget>

#include <optional>

class QListWidget;
class QTableView;

namespace ipclab::ui {

class ProcessTableModel;

struct SelectedWorker {
    int lane = 0, slot = 0, pid = 0;
};

class ProcessPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProcessPanel(QWidget* parent = nullptr);

    void update(const RunSample& sample, bool numbersDue = true); // (see ProcessTableModel::update)
    void log(const QString& line); // time-stamped; the oldest go after 500 lines
    QStringList eventLog() const;
    // The worker selected in the table (for Kill worker), if any.
    std::optional<SelectedWorker> selectedWorker() const;

    ProcessTableModel* model() const { return model_; }
    QTableView* view() const { return view_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    int cellWidth(int row, int column) const;
    void fitColumns();
    void growColumns(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    // Sets the columns to their fitted widths, the last one that fits whole widened to the
    // view's edge: no column is drawn cut off there; the rest are a scroll away.
    void layOutColumns();
    void fitRowHeight();
    ProcessTableModel* model_;
    QTableView* view_;
    QListWidget* events_;
    QVector<int> fitted_; // each column's width for its widest text
    mutable QHash<QString, int> widths_; // cellWidth by column and text, for widthsFont_
    mutable QFont widthsFont_;
};

} // namespace ipclab::ui
