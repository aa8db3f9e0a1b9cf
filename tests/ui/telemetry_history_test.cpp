// TelemetryHistory without a screen: rates over the window, the 60 s slide, marks and CSV.
#include "telemetry_history.h"

#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {
Snapshot snap(double tS, uint64_t consumed, uint64_t updates = 0, uint64_t counter = 0) {
    Snapshot s;
    s.timeNs = static_cast<uint64_t>(tS * 1e9);
    WorkerCounters c;
    c.role = updates ? WorkerRole::RaceWorker : WorkerRole::Consumer;
    c.messages = consumed;
    c.bytes = consumed * 100;
    c.updates = updates;
    s.workers.push_back(c);
    s.raceCounter = counter;
    return s;
}
} // namespace

class TelemetryHistoryTest : public QObject {
    Q_OBJECT
private slots:
    void ratesComeFromTheWindow() {
        TelemetryHistory h(60, 0.5);
        for (int i = 0; i <= 30; ++i) h.add(snap(i / 30.0, static_cast<uint64_t>(i) * 1000), 0, roleBit(WorkerRole::Consumer), ExperimentKind::Stream);
        QCOMPARE(h.points().size(), std::size_t(31));
        QVERIFY(qAbs(h.points().back()[Series::MsgsPerS] - 30000.0) < 1.0);
        QVERIFY(qAbs(h.points().back()[Series::MbPerS] - 3.0) < 0.01);
        QVERIFY(qAbs(h.workerRate(0) - 30000.0) < 1.0);
    }
    void windowSlides() {
        TelemetryHistory h(10, 0.5);
        for (int i = 0; i <= 200; ++i) h.add(snap(i * 0.1, static_cast<uint64_t>(i)), 0, ~0, ExperimentKind::Stream);
        QVERIFY(h.points().front().t >= h.now() - 10.0 - 1e-9);
        QVERIFY(h.points().size() <= 102);
    }
    void raceLostUpdatesNeverGoBackwards() {
        TelemetryHistory h(60, 0.5);
        h.add(snap(0.0, 0, 100, 90), 0, ~0, ExperimentKind::Race);
        QCOMPARE(h.points().back()[Series::LostUpdates], 10.0);
        h.add(snap(0.1, 0, 200, 195), 0, ~0, ExperimentKind::Race); // a skewed sample reads 5
        QCOMPARE(h.points().back()[Series::LostUpdates], 10.0);
        h.add(snap(0.2, 0, 300, 280), 0, ~0, ExperimentKind::Race);
        QCOMPARE(h.points().back()[Series::LostUpdates], 20.0);
    }
};

QTEST_GUILESS_MAIN(TelemetryHistoryTest)
#include "telemetry_history_test.moc"
