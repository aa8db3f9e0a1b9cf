#include "ui_bench.h"

#include "ipclab/experiment/experiment_run.h"
#include "flow_view.h"
#include "main_window.h"
#include "run_controller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

namespace ipclab::ui {

namespace {
ExperimentConfig benchConfig() {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Stream;
    c.transport = TransportKind::SharedMemory;
    c.sync = SyncMode::Atomic;
    c.producers = 4;
    c.consumers = 4;
    c.messageSize = 64;
    c.durationS = 0;
    c.workerNice = RunController::kWorkerNice; // as the GUI starts them, in both phases
    return c;
}

double consumerRate(const Snapshot& a, const Snapshot& b) {
    return ratesBetween(a, b, roleBit(WorkerRole::Consumer)).msgsPerS;
}

// `wakerHz` > 0 adds a control: a thread that only wakes up that often and does nothing, to show
// how much of the UI's cost is merely waking up next to 8 busy workers on 2 cores.
double headless(double seconds, double wakerHz = 0) {
    std::atomic<bool> done{false};
    std::thread waker;
    if (wakerHz > 0)
        waker = std::thread([&] {
            while (!done) std::this_thread::sleep_for(std::chrono::duration<double>(1.0 / wakerHz));
        });
    struct Join {
        std::atomic<bool>& d;
        std::thread& t;
        ~Join() {
            d = true;
            if (t.joinable()) t.join();
        }
    } join{done, waker};
    ExperimentRun run(benchConfig());
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // warm-up
    Snapshot a = run.sample();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    Snapshot b = run.sample();
    run.stop();
    return consumerRate(a, b);
}

void spin(double seconds) {
    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
}

// CPU seconds this process (the UI) has used so far, user + system.
double cpuSeconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size())))];
}
} // namespace

int runUiBench(double seconds) {
    std::printf("IPC Lab UI benchmark: 4 producers + 4 consumers over the shared-memory ring, 64 B, full speed\n");
    std::printf("platform: %s, %u hardware threads, %.0f s per phase\n", qPrintable(QGuiApplication::platformName()),
                std::thread::hardware_concurrency(), seconds);
    try {
        double h1 = headless(seconds);

        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        w.setConfig(benchConfig());
        if (!w.start()) {
            std::fprintf(stderr, "ipclab: could not start: %s\n", qPrintable(w.lastError()));
            return 1;
        }
        spin(0.5); // warm-up
        w.flowView()->resetFrameStats();
        // The window's own samples (30 Hz): the rate is over the interval between their stamps.
        Snapshot a = w.controller().sample().lanes.front().counters;
        double cpu0 = cpuSeconds();
        spin(seconds);
        double uiCpu = (cpuSeconds() - cpu0) / seconds * 100.0;
        Snapshot b = w.controller().sample().lanes.front().counters;
        double withUi = consumerRate(a, b);
        auto intervals = w.flowView()->frameIntervalsMs();
        auto work = w.flowView()->frameWorkMs();
        auto cpu = w.flowView()->frameCpuMs();
        auto painted = w.flowView()->paintedShare();
        double wholePerS = static_cast<double>(std::count_if(painted.begin(), painted.end(), [](double s) { return s > 0.5; })) / seconds;
        w.stop();

        double h2 = headless(seconds);
        double idleWaker = headless(seconds, 90.0);
        double base = (h1 + h2) / 2;
        std::printf("\n%-34s %12s\n", "measure", "value");
        std::printf("%-34s %12zu\n", "frames", intervals.size());
        std::printf("%-34s %12.2f\n", "frame interval p50 (ms)", pct(intervals, 50));
        std::printf("%-34s %12.2f   (target <= 17: every frame of a 60 Hz display)\n", "frame interval p95 (ms)", pct(intervals, 95));
        std::printf("%-34s %12.2f\n", "frame work p50 (ms)", pct(work, 50));
        std::printf("%-34s %12.2f\n", "frame work p95 (ms)", pct(work, 95));
        std::printf("%-34s %12.2f\n", "frame UI-thread CPU p50 (ms)", pct(cpu, 50));
        std::printf("%-34s %12.2f\n", "frame UI-thread CPU p95 (ms)", pct(cpu, 95));
        std::printf("%-34s %12.1f\n", "scene repainted per paint p50 (%)", pct(painted, 50) * 100);
        std::printf("%-34s %12.1f   (the figure's data: 10 a second)\n", "whole-scene repaints per second", wholePerS);
        std::printf("%-34s %12.1f   (target <= 15)\n", "UI process CPU (% of one core)", uiCpu);
        std::printf("%-34s %12.0f\n", "headless msgs/s (before)", h1);
        std::printf("%-34s %12.0f\n", "headless msgs/s (after)", h2);
        std::printf("%-34s %12.0f\n", "headless + idle 90 Hz waker msgs/s", idleWaker);
        std::printf("%-34s %12.0f\n", "with UI msgs/s", withUi);
        std::printf("%-34s %12.3f   (target >= 0.95)\n", "with UI / headless", base > 0 ? withUi / base : 0.0);
        std::printf("%-34s %12.3f   (control: waking up alone)\n", "idle waker / headless", base > 0 ? idleWaker / base : 0.0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ipclab: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace ipclab::ui
