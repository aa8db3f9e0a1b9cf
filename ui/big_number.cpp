#include "big_number.h"

#include "core_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace ipclab::ui {

std::optional<BigNumber> bigNumberFor(const RunSample& sample) {
    if (sample.lanes.empty()) return std::nullopt;
    const LaneSample& a = sample.lanes.front();
    QLocale loc;
    if (sample.lanes.size() == 2) {
        const LaneSample& b = sample.lanes[1];
        double ra = a.point[Series::MsgsPerS], rb = b.point[Series::MsgsPerS];
        if (ra <= 0 || rb <= 0) return std::nullopt;
        QString unit = sample.experiment == ExperimentKind::PingPong ? QCoreApplication::translate("ipclab::ui::BigNumber", "round trips/s") : QCoreApplication::translate("ipclab::ui::BigNumber", "msgs/s");
        return BigNumber{loc.toString(ra / rb, 'f', ra / rb >= 10 ? 0 : 1) + QString::fromUtf8("×"),
                         QCoreApplication::translate("ipclab::ui::BigNumber", "%1 ÷ %2, %3 measured").arg(laneName(a), laneName(b), unit)};
    }
    switch (sample.experiment) {
    case ExperimentKind::Race:
        return BigNumber{loc.toString(static_cast<qulonglong>(a.point[Series::LostUpdates])), QCoreApplication::translate("ipclab::ui::BigNumber", "lost updates")};
    case ExperimentKind::PingPong: {
        double us = a.point[Series::LatencyP50Us];
        QString v = us >= 1000 ? loc.toString(us / 1000, 'f', 2) + " ms" : loc.toString(us, 'f', us < 10 ? 1 : 0) + QString::fromUtf8(" µs");
        return BigNumber{v, QCoreApplication::translate("ipclab::ui::BigNumber", "round trip, median")};
    }
    case ExperimentKind::Stream:
        return BigNumber{loc.toString(a.point[Series::SendCallsPerMsg] + a.point[Series::ReceiveCallsPerMsg], 'f', 2),
                         QCoreApplication::translate("ipclab::ui::BigNumber", "system calls per message (send + receive)")};
    default: return std::nullopt;
    }
}

} // namespace ipclab::ui
