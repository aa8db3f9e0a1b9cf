#include "process_panel.h"

#include "process_table_model.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ipclab::ui {

ProcessPanel::ProcessPanel(QWidget* parent) : QWidget(parent), model_(new ProcessTableModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    view_ = new QTableView;
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    // Columns are sized here, not by the header (ResizeToContents): that mode measures the text
    // of every row of a column whenever one cell of it changes, 30 times a second in a run, and
    // was a fifth of the window's CPU. Here: fitted exactly when the rows change, and a column
    // grows at once when a changed cell needs more room (only that cell is measured).
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // What a student watches first, left: which process, its role and what it is doing. The
    // transport (the same for a whole lane) after them: in a narrow panel the state was the
    // column cut off by the edge.
    view_->horizontalHeader()->moveSection(ProcessTableModel::Lane, ProcessTableModel::State);
    connect(model_, &QAbstractItemModel::modelReset, this, &ProcessPanel::fitColumns);
    connect(model_, &QAbstractItemModel::headerDataChanged, this, &ProcessPanel::fitColumns);
    connect(model_, &QAbstractItemModel::dataChanged, this, &ProcessPanel::growColumns);
    view_->setWordWrap(false);
    // Scrolling sideways moves a whole column at a time, so a column reached by the scroll bar
    // starts at the left edge, never half shown.
    view_->setHorizontalScrollMode(QAbstractItemView::ScrollPerItem);
    view_->installEventFilter(this);
    view_->viewport()->installEventFilter(this);
    fitRowHeight();
    view_->setToolTip(tr("The real worker processes; select one and press Kill worker"));
    layout->addWidget(new QLabel(tr("Processes")));
    // On a 1280x720 projector the panel has little height: the processes get three parts of it
    // and the event log one, down to two lines (it scrolls).
    layout->addWidget(view_, 3);
    events_ = new QListWidget;
    events_->setToolTip(tr("What happened: sync changes, acknowledgements, deaths, errors"));
    layout->addWidget(new QLabel(tr("Events")));
    events_->setMinimumHeight(2 * events_->fontMetrics().lineSpacing() + 2 * events_->frameWidth() + 4);
    // A line wraps at the panel's edge instead of running off it behind a scroll bar ("Started
    // Stream over shared memory vs p" at 1920x1080): an event, an error above all, is read whole.
    events_->setWordWrap(true);
    events_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    events_->setResizeMode(QListView::Adjust);
    layout->addWidget(events_, 1);
}

void ProcessPanel::update(const RunSample& sample, bool numbersDue) { model_->update(sample, numbersDue); }

// The room a cell's text needs (and the grid line beside it). Measured from the model, not from
// the view's layout, which after a reset is not done yet (QTableView::resizeColumnToContents
// then sees no rows and fits the header alone).
// A cell's width depends only on its column and text (no fonts or icons per cell; the view's
// font, e.g. presenter mode's, clears the cache): the same texts come back sample after sample,
// and asking the view (style, delegate, text layout) each time was 2 % of the UI thread.
int ProcessPanel::cellWidth(int row, int column) const {
    if (view_->font() != widthsFont_) {
        widths_.clear();
        widthsFont_ = view_->font();
    }
    QModelIndex i = model_->index(row, column);
    QString key = QString::number(column) + QChar(0x1f) + model_->data(i, Qt::DisplayRole).toString();
    auto it = widths_.constFind(key);
    if (it != widths_.constEnd()) return *it;
    if (widths_.size() > 4096) widths_.clear(); // (numbers that never come back)
    int w = view_->sizeHintForIndex(i).width() + (view_->showGrid() ? 1 : 0);
    widths_.insert(key, w);
    return w;
}

void ProcessPanel::fitColumns() {
    fitted_.resize(model_->columnCount());
    for (int c = 0; c < model_->columnCount(); ++c) {
        int w = view_->horizontalHeader()->sectionSizeHint(c);
        for (int r = 0; r < model_->rowCount(); ++r) w = std::max(w, cellWidth(r, c));
        fitted_[c] = w;
    }
    layOutColumns();
}

void ProcessPanel::growColumns(const QModelIndex& topLeft, const QModelIndex& bottomRight) {
    bool grew = false;
    for (int c = topLeft.column(); c <= bottomRight.column() && c < fitted_.size(); ++c) {
        int need = 0;
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r) need = std::max(need, cellWidth(r, c));
        if (need > fitted_[c]) {
            fitted_[c] = need;
            grew = true;
        }
    }
    if (grew) layOutColumns();
}

void ProcessPanel::layOutColumns() {
    if (fitted_.size() != model_->columnCount()) return;
    QHeaderView* h = view_->horizontalHeader();
    const int room = view_->viewport()->width();
    int used = 0, lastWhole = -1;
    for (int v = 0; v < h->count(); ++v) {
        int c = h->logicalIndex(v);
        if (used + fitted_[c] > room) break;
        used += fitted_[c];
        lastWhole = c;
    }
    for (int c = 0; c < fitted_.size(); ++c) {
        int w = fitted_[c];
        // (When every column fits, the header stretches the last one itself.)
        if (c == lastWhole && used < room && lastWhole != h->logicalIndex(h->count() - 1)) w += room - used;
        if (view_->columnWidth(c) != w) view_->setColumnWidth(c, w);
    }
}

// Rows as tall as a line of text and a little air (the style's default is a third more): at
// 1280x720 the panel's few hundred pixels then show four workers, a compare run's two lanes.
void ProcessPanel::fitRowHeight() {
    QHeaderView* v = view_->verticalHeader();
    v->setMinimumSectionSize(0);
    v->setSectionResizeMode(QHeaderView::Fixed);
    v->setDefaultSectionSize(view_->fontMetrics().lineSpacing() + 6);
}

bool ProcessPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_->viewport() && event->type() == QEvent::Resize) layOutColumns();
    if (watched == view_ && event->type() == QEvent::FontChange) {
        fitRowHeight();
        fitColumns();
    }
    return QWidget::eventFilter(watched, event);
}

void ProcessPanel::log(const QString& line) {
    events_->addItem(QDateTime::currentDateTime().toString("HH:mm:ss  ") + line);
    while (events_->count() > 500) delete events_->takeItem(0);
    events_->scrollToBottom();
}

QStringList ProcessPanel::eventLog() const {
    QStringList out;
    for (int i = 0; i < events_->count(); ++i) out << events_->item(i)->text();
    return out;
}

std::optional<SelectedWorker> ProcessPanel::selectedWorker() const {
    auto rows = view_->selectionModel() ? view_->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty()) return std::nullopt;
    int row = rows.first().row();
    auto [lane, slot] = model_->workerAt(row);
    if (lane < 0) return std::nullopt;
    return SelectedWorker{lane, slot, model_->data(model_->index(row, ProcessTableModel::Pid), Qt::DisplayRole).toInt()};
}

} // namespace ipclab::ui
