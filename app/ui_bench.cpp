#include "ui_bench.h"

#include "ipclab/experiment/experiment_run.h"
#include "flow_figure.h"
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
#include <stdexcept>
#include <string>
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

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2; // (an even count: not the better half's)
}

// One phase with the window attached: a live run started in it, `seconds` measured after a
// warm-up; the frame statistics are appended to `frames`.
struct UiPhase {
    double msgsPerS = 0, uiCpuPct = 0;
};
struct FrameStats {
    std::vector<double> intervals, work, cpu, painted;
    double wholePerS = 0;
};
UiPhase withUi(MainWindow& w, double seconds, FrameStats& frames) {
    w.setConfig(benchConfig());
    if (!w.start()) throw std::runtime_error("could not start: " + w.lastError().toStdString());
    spin(0.5); // warm-up
    w.flowView()->resetFrameStats();
    // The window's own samples (30 Hz): the rate is over the interval between their stamps.
    Snapshot a = w.controller().sample().lanes.front().counters;
    double cpu0 = cpuSeconds();
    spin(seconds);
    UiPhase r;
    r.uiCpuPct = (cpuSeconds() - cpu0) / seconds * 100.0;
    Snapshot b = w.controller().sample().lanes.front().counters;
    r.msgsPerS = consumerRate(a, b);
    const FlowView& v = *w.flowView();
    frames.intervals.insert(frames.intervals.end(), v.frameIntervalsMs().begin(), v.frameIntervalsMs().end());
    frames.work.insert(frames.work.end(), v.frameWorkMs().begin(), v.frameWorkMs().end());
    frames.cpu.insert(frames.cpu.end(), v.frameCpuMs().begin(), v.frameCpuMs().end());
    frames.painted.insert(frames.painted.end(), v.paintedShare().begin(), v.paintedShare().end());
    frames.wholePerS += static_cast<double>(std::count_if(v.paintedShare().begin(), v.paintedShare().end(),
                                                          [](double s) { return s > 0.5; })) / seconds;
    w.stop();
    return r;
}

std::string joined(const std::vector<double>& v, const char* fmt) {
    std::string out;
    char buf[32];
    for (double x : v) {
        std::snprintf(buf, sizeof buf, fmt, x);
        out += (out.empty() ? "" : " ") + std::string(buf);
    }
    return out;
}
} // namespace

int runUiBench(double seconds, int repeats) {
    std::printf("IPC Lab UI benchmark: 4 producers + 4 consumers over the shared-memory ring, 64 B, full speed\n");
    std::printf("platform: %s, %u hardware threads, %d UI phases of %.0f s, each between two headless ones\n",
                qPrintable(QGuiApplication::platformName()), std::thread::hardware_concurrency(), repeats, seconds);
    try {
        // Interleaved: headless, UI, headless, UI, ..., headless. Each UI phase is compared with
        // the mean of the headless phases on either side of it, so a machine that changes speed
        // between phases (this VM does, by 2-3x) moves both sides of a ratio together.
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        std::vector<double> headlessRates{headless(seconds)};
        std::vector<UiPhase> ui;
        FrameStats frames;
        for (int i = 0; i < repeats; ++i) {
            ui.push_back(withUi(w, seconds, frames));
            headlessRates.push_back(headless(seconds));
        }
        double waker = headless(seconds, 90.0);
        std::vector<double> ratios, cpus, uiRates;
        for (int i = 0; i < repeats; ++i) {
            double base = (headlessRates[static_cast<std::size_t>(i)] + headlessRates[static_cast<std::size_t>(i) + 1]) / 2;
            ratios.push_back(base > 0 ? ui[static_cast<std::size_t>(i)].msgsPerS / base : 0.0);
            cpus.push_back(ui[static_cast<std::size_t>(i)].uiCpuPct);
            uiRates.push_back(ui[static_cast<std::size_t>(i)].msgsPerS);
        }
        double lastBase = (headlessRates[headlessRates.size() - 2] + headlessRates.back()) / 2;
        std::printf("\n%-34s %12s\n", "measure", "value");
        std::printf("%-34s %12zu\n", "frames", frames.intervals.size());
        std::printf("%-34s %12.2f\n", "frame interval p50 (ms)", pct(frames.intervals, 50));
        std::printf("%-34s %12.2f   (target <= 17: every frame of a 60 Hz display)\n", "frame interval p95 (ms)",
                    pct(frames.intervals, 95));
        std::printf("%-34s %12.2f\n", "frame work p50 (ms)", pct(frames.work, 50));
        std::printf("%-34s %12.2f\n", "frame work p95 (ms)", pct(frames.work, 95));
        std::printf("%-34s %12.2f\n", "frame UI-thread CPU p50 (ms)", pct(frames.cpu, 50));
        std::printf("%-34s %12.2f\n", "frame UI-thread CPU p95 (ms)", pct(frames.cpu, 95));
        std::printf("%-34s %12.1f\n", "scene repainted per paint p50 (%)", pct(frames.painted, 50) * 100);
        std::printf("%-34s %12.1f   (the figure's data: %d a second)\n", "whole-scene repaints per second",
                    frames.wholePerS / repeats, FlowFigure::kRenderHz);
        std::printf("%-34s %12.1f   (target <= 15; phases: %s)\n", "UI process CPU (% of one core)", median(cpus),
                    joined(cpus, "%.1f").c_str());
        std::printf("%-34s %12.0f   (phases: %s)\n", "headless msgs/s", median(headlessRates),
                    joined(headlessRates, "%.0f").c_str());
        std::printf("%-34s %12.0f   (phases: %s)\n", "with UI msgs/s", median(uiRates), joined(uiRates, "%.0f").c_str());
        std::printf("%-34s %12.3f   (target >= 0.95; each phase: %s)\n", "with UI / headless", median(ratios),
                    joined(ratios, "%.3f").c_str());
        std::printf("%-34s %12.0f\n", "headless + idle 90 Hz waker msgs/s", waker);
        std::printf("%-34s %12.3f   (control: waking up alone, against the last headless pair)\n",
                    "idle waker / headless", lastBase > 0 ? waker / lastBase : 0.0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ipclab: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace ipclab::ui
