#pragma once
// The verdict of a lesson, computed from this run's measurements and nothing written in advance
// but the rule: the value, whether the claim held, the numbers it came from, and the prediction
// beside the result.
#include "ipclab/lesson/lesson.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

// "<step>.<column>" -> the measured number.
using Measurements = std::map<std::string, double>;

enum class Outcome { Holds, HoldsBut, DoesNotHold };
std::string_view toString(Outcome o); // "holds", "holds_but", "does_not_hold"
std::string outcomeWords(Outcome o, const std::string& language); // "holds", "holds, but", "does not hold here"

struct VerdictNumber {
    std::string name; // "<step>.<column>", or empty for a computed one
    std::string label;
    double value = 0;
    std::string unit;
};

struct Verdict {
    std::string lessonId;
    Outcome outcome = Outcome::DoesNotHold;
    std::string label; // what the value is
    double value = 0;
    std::string unit;        // in the verdict's language
    std::string rule;        // "holds if at least 2x"
    std::string explanation; // the lesson's sentence for this outcome, {value} filled in
    std::vector<VerdictNumber> numbers; // every measured number the value came from, then the shown ones
    std::optional<double> prediction;
    std::string comparison; // "you said 3x; measured 11.2x" (empty without a prediction)
};

// Throws LessonError when the rule names a value the measurements do not have.
double evaluate(const ValueExpr& e, const Measurements& m);
Verdict decide(const Lesson& lesson, const Measurements& m, std::optional<double> prediction, const std::string& language);

// A unit in the reader's language ("calls" -> "회" in Korean; "x", "%", "µs" stay).
std::string unitIn(const std::string& unit, const std::string& language);
// 3 significant digits, then the unit: "11.2x", "0.412 %", "2 calls".
std::string formatValue(double v, const std::string& unit);

// The verdict as JSON (for ipclab-cli lesson --json), with every measurement of the run.
std::string verdictJson(const Lesson& lesson, const Verdict& v, const Measurements& m, const std::string& language);

} // namespace ipclab
