#include "process_table_model.h"

#include "core_text.h"
#include "flow_model.h"
#include "qt_text.h"

#include <QBrush>
#include <algorithm>
#include <QColor>
#include <QLocale>

namespace ipclab::ui {

namespace {

QString stateText(WorkerState s) {
    switch (s) {
    case WorkerState::Starting: return QObject::tr("starting");
    case WorkerState::Running: return QObject::tr("running");
    case WorkerState::WaitingLock: return QObject::tr("waiting on lock");
    case WorkerState::HoldingLock: return QObject::tr("holding lock");
    case WorkerState::InKernel: return QObject::tr("blocked in kernel");
    case WorkerState::Paused: return QObject::tr("paused");
    case WorkerState::Exited: return QObject::tr("exited");
    case WorkerState::Spinning: return QObject::tr("spinning");
    case WorkerState::UnlockedSection: return QObject::tr("in critical section, no lock");
    }
    return {};
}
} // namespace

ProcessTableModel::ProcessTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int ProcessTableModel::rowCount(const QModelIndex& p) const { return p.isValid() ? 0 : static_cast<int>(rows_.size()); }
int ProcessTableModel::columnCount(const QModelIndex& p) const { return p.isValid() ? 0 : ColumnCount; }

std::pair<int, int> ProcessTableModel::workerAt(int row) const {
    if (row < 0 || row >= rows_.size() || rows_[row].slot < 0) return {-1, -1}; // (a CPU hog is no worker)
    return {rows_[row].lane, rows_[row].slot};
}

bool ProcessTableModel::sameProcesses(const RunSample& sample) const {
    int i = 0;
    for (const LaneSample& lane : sample.lanes) {
        for (const WorkerSample& w : lane.workers) {
            if (i >= rows_.size()) return false;
            const Row& r = rows_[i++];
            if (r.pid != static_cast<int>(w.pid) || r.dead != w.exit.exited ||
                (!r.dead && r.syncMode != static_cast<int>(w.activeSync)))
                return false;
        }
        for (const HogSample& h : lane.hogs)
            if (i >= rows_.size() || rows_[i++].pid != static_cast<int>(h.pid)) return false;
    }
    return i == rows_.size();
}

void ProcessTableModel::update(const RunSample& sample, bool numbersDue) {
    if (sample.lanes.empty()) return; // a sweep or isolation run: the last run's processes stay listed
    // Between due samples at full speed nothing but a new process, an exit or a sync change is
    // shown: checked without making a row's texts (30 samples a second).
    const bool slow = std::any_of(sample.lanes.begin(), sample.lanes.end(), isSlowMotion);
    if (!numbersDue && !slow && sameProcesses(sample)) return;
    QList<Row> rows;
    int laneIndex = 0;
    for (const LaneSample& lane : sample.lanes) {
        for (const WorkerSample& w : lane.workers) {
            Row r{laneIndex, w.slot, static_cast<int>(w.pid), laneName(lane), nameOf(w.role), {}, {}, 0, w.exit.exited, {}};
            if (w.exit.exited) {
                r.state = describeExit(w.exit);
            } else {
                r.state = stateText(w.state);
                r.sync = toQString(toString(w.activeSync));
                r.syncMode = static_cast<int>(w.activeSync);
                r.rate = w.rate;
                r.kernel = w.kernel;
            }
            rows.push_back(r);
        }
        for (const HogSample& h : lane.hogs) {
            Row r{laneIndex, -1, static_cast<int>(h.pid), QStringLiteral("—"), tr("CPU hog"), tr("burning CPU"), {}, 0, false, h.kernel};
            rows.push_back(r);
        }
        ++laneIndex;
    }
    if (rows.size() != rows_.size()) {
        beginResetModel();
        rows_ = rows;
        endResetModel();
        return;
    }
    // Only cells that changed are repainted, and the per-worker rates when numbers are due: a number that
    // changes 30 times a second cannot be read, and repainting every cell of the table at the
    // sample rate cost the UI thread more than the 60 Hz animation. At full speed the states
    // too (they flip between almost every two samples), with the numbers and with the scene's
    // states, from the same sample; in slow motion every state change at once, as in the scene.
    // An exit is shown at once.
    for (int i = 0; i < rows.size(); ++i) {
        Row& old = rows_[i];
        Row now = rows[i];
        if (!numbersDue && !now.dead && !old.dead) {
            now.rate = old.rate;
            now.kernel = old.kernel;
            if (!slow) now.state = old.state;
        }
        auto changed = [&](int column, bool differs) {
            if (differs) emit dataChanged(index(i, column), index(i, column));
        };
        bool whole = now.pid != old.pid || now.dead != old.dead || now.laneName != old.laneName || now.role != old.role;
        Row before = old;
        old = now;
        if (whole) {
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            continue;
        }
        changed(State, now.state != before.state);
        changed(Sync, now.sync != before.sync);
        changed(Rate, now.rate != before.rate);
        if (!(now.kernel == before.kernel)) emit dataChanged(index(i, UserCpu), index(i, Switches));
    }
}

QVariant ProcessTableModel::data(const QModelIndex& i, int role) const {
    if (!i.isValid() || i.row() >= rows_.size()) return {};
    const Row& r = rows_[i.row()];
    if (role == Qt::DisplayRole) {
        switch (i.column()) {
        case Pid: return r.pid;
        case Lane: return r.laneName;
        case Role: return r.role;
        case State: return r.state;
        case Rate: return r.dead || r.slot < 0 ? QString() : QLocale().toString(r.rate, 'f', 0);
        case Sync: return r.sync;
        case UserCpu: return r.kernel.valid ? QLocale().toString(r.kernel.userPct, 'f', 0) : QString();
        case KernelCpu: return r.kernel.valid ? QLocale().toString(r.kernel.systemPct, 'f', 0) : QString();
        case Switches:
            return r.kernel.valid ? tr("%1 / %2").arg(QLocale().toString(r.kernel.voluntaryPerS, 'f', 0),
                                                      QLocale().toString(r.kernel.involuntaryPerS, 'f', 0))
                                  : QString();
        }
    }
    if (role == Qt::TextAlignmentRole && (i.column() == Pid || i.column() == Rate || i.column() >= UserCpu))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && r.dead) return QBrush(QColor(180, 30, 30));
    if (role == Qt::ToolTipRole) {
        // The whole row in one place: a narrow panel shows only its first columns.
        QStringList lines{tr("PID %1: %2 over %3, %4").arg(QString::number(r.pid), r.role, r.laneName, r.state)};
        if (i.column() == State) lines << tr("(what the worker is doing right now, as it wrote into its telemetry slot)");
        for (int c : {int(Rate), int(Sync), int(UserCpu), int(KernelCpu), int(Switches)}) {
            QString v = data(index(i.row(), c), Qt::DisplayRole).toString();
            if (!v.isEmpty()) lines << tr("%1: %2").arg(headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(), v);
        }
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Pid: return tr("PID");
        case Lane: return tr("Transport");
        case Role: return tr("Role");
        case State: return tr("State");
        case Rate: return tr("msgs/s");
        case Sync: return tr("Sync in use");
        case UserCpu: return tr("CPU user %");
        case KernelCpu: return tr("CPU kernel %");
        case Switches: return tr("switches/s");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Pid: return tr("The real process ID: look it up with ps or top");
        case Rate: return tr("Messages (or updates) per second of this process over the last half second");
        case Sync: return tr("The synchronization this worker acknowledged from the control block");
        case UserCpu: return tr("Share of one CPU this process ran its own code over the last second: counted by the kernel (/proc/PID/stat), not by IPC Lab");
        case KernelCpu: return tr("Share of one CPU this process spent inside the kernel (system calls) over the last second: counted by the kernel, not by IPC Lab");
        case Switches: return tr("Context switches per second, counted by the kernel: voluntary (the process waited: a blocking read, a futex) / involuntary (the scheduler preempted it)");
        }
    }
    return {};
}

} // namespace ipclab::ui
