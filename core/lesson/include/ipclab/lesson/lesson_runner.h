#pragma once
// Runs a lesson's measured experiments one after the other, headless (the CLI's path, and the
// window's on a background thread), and collects every number of their result tables.
#include "ipclab/base/table.h"
#include "ipclab/lesson/verdict.h"

#include <functional>

namespace ipclab {

// step (0-based), steps, seconds into that step, its length.
using LessonProgressFn = std::function<void(int step, int steps, double elapsedS, double stepS)>;

struct LessonRunOptions {
    double secondsPerStep = 0;       // 0: each step's own --duration
    std::function<bool()> cancelled; // polled between steps and during them
};

// Throws SystemError if a step fails, and LessonError naming the step if a worker died in it
// (its numbers would not be the mechanism's). Returns what it measured before a cancel.
Measurements measureLesson(const Lesson& lesson, const LessonRunOptions& options = {}, const LessonProgressFn& progress = {});

// Every numeric cell of a result table as "<step>.<column>", summed over rows.
void addMeasurements(Measurements& m, const std::string& step, const Table& t);

} // namespace ipclab
