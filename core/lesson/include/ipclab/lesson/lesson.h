#pragma once
// A lesson as data: the claim of the course material it tests, the question asked before
// anything runs, the experiment shown live, the experiments measured for the verdict, and the
// verdict rule. Parsed from JSON (resources/lessons/README.md has the schema); the core
// evaluates the rule (verdict.h), so the window, the CLI and the tests reach the same verdict.
#include "ipclab/config/experiment_config.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

// A malformed lesson: what() names the field, e.g. 'field "verdict.value": ...'.
class LessonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One text in several languages ("en", "ko", ...); English when the asked one is missing.
struct LocalText {
    std::map<std::string, std::string> byLanguage;
    std::string in(const std::string& language) const;
    bool empty() const { return byLanguage.empty(); }
};

// A measured value: a name "<step>.<column>" (the column of that step's result table, summed
// over its rows), or a computation on two or more of them.
struct ValueExpr {
    enum class Op { Of, Ratio, Percent, Sum };
    Op op = Op::Of;
    std::string name;                // Of
    std::vector<ValueExpr> operands; // Ratio: a / b; Percent: 100 a / b; Sum: a + b + ...
    // Every "<step>.<column>" this value is computed from, in order, without repeats.
    std::vector<std::string> names() const;
};

struct Condition {
    enum class Op { AtLeast, AtMost, Above, Below };
    Op op = Op::AtLeast;
    double bound = 0;
    bool test(double v) const;
    std::string describe(const std::string& unit) const; // "at least 2x"
};

struct LessonStep {
    std::string name;        // what the verdict's values call it ("shm", "pipe")
    ExperimentConfig config; // stream, race, pingpong or isolation; its --duration is the default
};

struct ShownValue {
    LocalText label;
    ValueExpr value;
    std::string unit;
};

struct VerdictRule {
    LocalText label; // what the value is, e.g. "shared memory / pipe, 64 B messages"
    ValueExpr value;
    std::string unit; // "x", "%", "calls", "processes", "messages", "us"
    Condition holds;
    std::optional<Condition> holdsBut;   // the claim holds only in part
    LocalText saysHolds, saysHoldsBut, saysDoesNotHold; // why, in one or two sentences; {value} is filled in
    std::vector<ShownValue> show;        // further numbers for the card
};

struct Choice {
    double value = 0;
    LocalText label; // empty: the number and the unit
};

struct Lesson {
    std::string id; // file name without its extension; lessons are listed in id order
    LocalText title, claim, watch, question;
    ExperimentConfig config;              // what the window shows live
    std::optional<TransportKind> compare; // a second, message-passing lane in the window
    std::vector<Choice> choices;          // the answers offered to the question (in the verdict's unit)
    std::vector<LessonStep> measure;
    VerdictRule verdict;
};

// Throws LessonError naming the field.
Lesson parseLesson(std::string_view json, const std::string& id);

// The lessons that ship with IPC Lab (resources/lessons, compiled in), in id order.
std::vector<Lesson> builtinLessons();

// Every *.json and *.ipclab-lesson in `dir`, by file name. A broken file is left out and
// reported in *errors as "<path>: <why>".
std::vector<Lesson> loadLessonFolder(const std::string& dir, std::vector<std::string>* errors);

// Where a user's own lessons live: $XDG_DATA_HOME (or ~/.local/share) + "/IPC Lab/ipclab/lessons",
// the folder Qt's AppDataLocation names for the window.
std::string userLessonFolder();

} // namespace ipclab
