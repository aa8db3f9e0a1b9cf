#include "ui_bench.h"

#include "bench_stats.h"
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

struct FrameStats {
    std::vector<double> intervals, work, cpu, painted;
    double wholePerS = 0;
};

// One phase: one live run started from the window, measured after a warm-up in alternating
// windows, nobody looking (the window hidden and its 30 Hz sampling stopped: nothing in this
// process wakes up, as with no window at all) and the window on screen (sampling, drawing at
// 60 Hz): off, on, off, ..., on, off. Each on window is compared with the mean of the two off
// windows beside it: this VM changes speed by 2-3x from one second to the next, and the
// restarts of separate headless and UI phases, seconds apart, put that into every ratio.
struct Phase {
    std::vector<double> ratios, onRates, offRates;
    double uiCpuPct = 0;
};
constexpr double kWindowS = 0.5;  // each on or off window, measured
constexpr double kSettleS = 0.15; // after showing or hiding, before measuring
Phase alternating(MainWindow& w, double seconds, FrameStats& frames) {
    w.setConfig(benchConfig());
    if (!w.start()) throw std::runtime_error("could not start: " + w.lastError().toStdString());
    RunController& rc = w.controller();
    spin(0.5); // warm-up
    // Counters read when asked (one sampling step), not from the last 30 Hz sample.
    auto counters = [&] {
        rc.tick();
        return rc.sample().lanes.front().counters;
    };
    Phase p;
    double cpu = 0, onS = 0;
    auto offWindow = [&] {
        rc.setSampling(false);
        w.hide();
        spin(kSettleS);
        Snapshot a = counters();
        spin(kWindowS);
        p.offRates.push_back(consumerRate(a, counters()));
    };
    auto onWindow = [&] {
        w.show();
        rc.setSampling(true);
        spin(kSettleS); // the first paint after mapping is not a frame of the running scene
        w.flowView()->resetFrameStats();
        Snapshot a = counters();
        double c0 = cpuSeconds();
        spin(kWindowS);
        cpu += cpuSeconds() - c0;
        onS += kWindowS;
        p.onRates.push_back(consumerRate(a, counters()));
        const FlowView& v = *w.flowView();
        frames.intervals.insert(frames.intervals.end(), v.frameIntervalsMs().begin(), v.frameIntervalsMs().end());
        frames.work.insert(frames.work.end(), v.frameWorkMs().begin(), v.frameWorkMs().end());
        frames.cpu.insert(frames.cpu.end(), v.frameCpuMs().begin(), v.frameCpuMs().end());
        frames.painted.insert(frames.painted.end(), v.paintedShare().begin(), v.paintedShare().end());
        frames.wholePerS += static_cast<double>(std::count_if(v.paintedShare().begin(), v.paintedShare().end(),
                                                              [](double s) { return s > 0.5; }));
    };
    int pairs = std::max(1, static_cast<int>(seconds / (2 * kWindowS) + 0.5));
    offWindow();
    for (int i = 0; i < pairs; ++i) {
        onWindow();
        offWindow();
    }
    w.show();
    w.stop();
    p.ratios = againstNeighbours(p.offRates, p.onRates);
    p.uiCpuPct = onS > 0 ? cpu / onS * 100.0 : 0;
    frames.wholePerS /= onS > 0 ? onS : 1;
    return p;
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
    std::printf("platform: %s, %u hardware threads, %d phases of %.0f s: one live run each, measured in %.1f s windows\n"
                "alternating between nobody looking (window hidden, no sampling) and the window on screen\n",
                qPrintable(QGuiApplication::platformName()), std::thread::hardware_concurrency(), repeats, seconds, kWindowS);
    try {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        FrameStats frames;
        std::vector<double> phaseRatios, cpus, allRatios, onRates, offRates;
        double wholePerS = 0;
        for (int i = 0; i < repeats; ++i) {
            FrameStats f;
            Phase p = alternating(w, seconds, f);
            phaseRatios.push_back(median(p.ratios));
            cpus.push_back(p.uiCpuPct);
            allRatios.insert(allRatios.end(), p.ratios.begin(), p.ratios.end());
            onRates.push_back(median(p.onRates));
            offRates.push_back(median(p.offRates));
            frames.intervals.insert(frames.intervals.end(), f.intervals.begin(), f.intervals.end());
            frames.work.insert(frames.work.end(), f.work.begin(), f.work.end());
            frames.cpu.insert(frames.cpu.end(), f.cpu.begin(), f.cpu.end());
            frames.painted.insert(frames.painted.end(), f.painted.begin(), f.painted.end());
            wholePerS += f.wholePerS / repeats;
        }
        std::sort(allRatios.begin(), allRatios.end());
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
        std::printf("%-34s %12.1f   (the figure's data: %d a second)\n", "whole-scene repaints per second", wholePerS,
                    FlowFigure::kRenderHz);
        std::printf("%-34s %12.1f   (target <= 15; phases: %s)\n", "UI process CPU (% of one core)", median(cpus),
                    joined(cpus, "%.1f").c_str());
        std::printf("%-34s %12.0f   (phases' medians: %s)\n", "nobody looking msgs/s", median(offRates),
                    joined(offRates, "%.0f").c_str());
        std::printf("%-34s %12.0f   (phases' medians: %s)\n", "window on screen msgs/s", median(onRates),
                    joined(onRates, "%.0f").c_str());
        std::printf("%-34s %12.3f   (target >= 0.95; phases' medians: %s)\n", "with UI / headless", median(phaseRatios),
                    joined(phaseRatios, "%.3f").c_str());
        std::printf("%-34s %12s   (%zu windows: min %.3f, p25 %.3f, p75 %.3f, max %.3f)\n", "  each on window / its neighbours",
                    "", allRatios.size(), allRatios.empty() ? 0 : allRatios.front(), pct(allRatios, 25), pct(allRatios, 75),
                    allRatios.empty() ? 0 : allRatios.back());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ipclab: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace ipclab::ui
