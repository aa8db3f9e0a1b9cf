#include "ipclab/lesson/lesson_runner.h"

#include "ipclab/experiment/experiment_runner.h"

#include <cstdlib>

namespace ipclab {

namespace {
struct Cancelled {};

bool number(const std::string& s, double* out) {
    if (s.empty()) return false;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return false;
    *out = v;
    return true;
}
} // namespace

void addMeasurements(Measurements& m, const std::string& step, const Table& t) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        double sum = 0;
        bool any = false;
        for (const auto& row : t.rows) {
            double v;
            if (c < row.size() && number(row[c], &v)) {
                sum += v;
                any = true;
            }
        }
        if (any) m[step + "." + t.columns[c]] = sum;
    }
}

Measurements measureLesson(const Lesson& lesson, const LessonRunOptions& options, const LessonProgressFn& progress) {
    Measurements m;
    const int steps = static_cast<int>(lesson.measure.size());
    for (int i = 0; i < steps; ++i) {
        if (options.cancelled && options.cancelled()) break;
        ExperimentConfig cfg = lesson.measure[i].config;
        if (options.secondsPerStep > 0) cfg.durationS = options.secondsPerStep;
        if (!(cfg.durationS > 0)) cfg.durationS = 2;
        if (progress) progress(i, steps, 0, cfg.durationS);
        Table t;
        try {
            // The run's workers are stopped and reaped by its destructor when we leave early.
            t = runExperiment(cfg, [&](double elapsed, const Snapshot&) {
                if (options.cancelled && options.cancelled()) throw Cancelled{};
                if (progress) progress(i, steps, elapsed, cfg.durationS);
            });
        } catch (const Cancelled&) {
            break;
        }
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            if (t.has("worker_deaths") && t.at(r, "worker_deaths") != "none")
                throw LessonError("step \"" + lesson.measure[i].name + "\": a worker died: " + t.at(r, "worker_deaths"));
        if (t.rows.empty()) throw LessonError("step \"" + lesson.measure[i].name + "\": the experiment gave no result");
        addMeasurements(m, lesson.measure[i].name, t);
        if (progress) progress(i, steps, cfg.durationS, cfg.durationS);
    }
    return m;
}

} // namespace ipclab
