#include "process_panel.h"

#include "process_table_model.h"

#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QVBoxLayout>

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
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->setWordWrap(false);
    view_->setToolTip(tr("The real worker processes; select one and press Kill worker"));
    layout->addWidget(new QLabel(tr("Processes")));
    layout->addWidget(view_, 2);
    events_ = new QListWidget;
    events_->setToolTip(tr("What happened: sync changes, acknowledgements, deaths, errors"));
    layout->addWidget(new QLabel(tr("Events")));
    layout->addWidget(events_, 1);
}

void ProcessPanel::update(const RunSample& sample) { model_->update(sample); }

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
