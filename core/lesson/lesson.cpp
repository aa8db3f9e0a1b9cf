#include "ipclab/lesson/lesson.h"

#include "ipclab/experiment/sweep.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace ipclab {

using nlohmann::json;

std::string LocalText::in(const std::string& language) const {
    auto it = byLanguage.find(language);
    if (it != byLanguage.end() && !it->second.empty()) return it->second;
    it = byLanguage.find("en");
    return it == byLanguage.end() ? std::string() : it->second;
}

std::vector<std::string> ValueExpr::names() const {
    std::vector<std::string> out;
    if (op == Op::Of) out.push_back(name);
    for (const auto& o : operands)
        for (auto& n : o.names())
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return out;
}

bool Condition::test(double v) const {
    switch (op) {
    case Op::AtLeast: return v >= bound;
    case Op::AtMost: return v <= bound;
    case Op::Above: return v > bound;
    case Op::Below: return v < bound;
    }
    return false;
}

namespace {

[[noreturn]] void fail(const std::string& field, const std::string& why) {
    throw LessonError("field \"" + field + "\": " + why);
}

LocalText text(const json& o, const std::string& field, bool required) {
    LocalText t;
    if (!o.contains(field)) {
        if (required) fail(field, "needs a text, at least in English (\"en\")");
        return t;
    }
    const json& v = o.at(field);
    if (v.is_string()) t.byLanguage["en"] = v.get<std::string>();
    else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!it.value().is_string()) fail(field + "." + it.key(), "must be a string");
            t.byLanguage[it.key()] = it.value().get<std::string>();
        }
    } else fail(field, "must be a string or an object of language -> text");
    if (required && t.in("en").empty()) fail(field, "needs a text, at least in English (\"en\")");
    return t;
}

// o[key] is an argument list as the CLI takes it; `field` is where it is, for errors.
ExperimentConfig configFrom(const json& o, const std::string& key, const std::string& field) {
    if (!o.contains(key) || !o.at(key).is_array()) fail(field, "must be a list of command-line arguments");
    std::vector<std::string> args;
    for (const json& v : o.at(key)) {
        if (!v.is_string()) fail(field, "every argument must be a string");
        args.push_back(v.get<std::string>());
    }
    try {
        ExperimentConfig c = ExperimentConfig::fromArgs(args);
        if (c.experiment == ExperimentKind::Sweep) fillSweepDefaults(c);
        c.validate();
        return c;
    } catch (const std::exception& e) {
        fail(field, e.what());
    }
}

ValueExpr valueFrom(const json& v, const std::string& field, const std::set<std::string>& steps) {
    ValueExpr e;
    if (v.is_string()) {
        e.name = v.get<std::string>();
        auto dot = e.name.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == e.name.size())
            fail(field, "'" + e.name + "' must be <step>.<column>, e.g. \"pipe.msgs_per_s\"");
        if (!steps.count(e.name.substr(0, dot)))
            fail(field, "'" + e.name + "' names no step of \"measure\"");
        return e;
    }
    if (!v.is_object() || v.size() != 1) fail(field, "must be \"<step>.<column>\" or one of {\"ratio\": [a, b]}, {\"percent\": [a, b]}, {\"sum\": [a, ...]}");
    auto it = v.begin();
    static const std::map<std::string, ValueExpr::Op> kOps = {
        {"ratio", ValueExpr::Op::Ratio}, {"percent", ValueExpr::Op::Percent}, {"sum", ValueExpr::Op::Sum}};
    auto op = kOps.find(it.key());
    if (op == kOps.end()) fail(field, "unknown computation '" + it.key() + "' (ratio, percent, sum)");
    e.op = op->second;
    if (!it.value().is_array()) fail(field + "." + it.key(), "must be a list of values");
    std::size_t i = 0;
    for (const json& a : it.value()) e.operands.push_back(valueFrom(a, field + "." + it.key() + "[" + std::to_string(i++) + "]", steps));
    bool two = e.op != ValueExpr::Op::Sum;
    if (two ? e.operands.size() != 2 : e.operands.empty())
        fail(field + "." + it.key(), two ? "takes exactly two values" : "takes at least one value");
    return e;
}

Condition conditionFrom(const json& v, const std::string& field) {
    static const std::map<std::string, Condition::Op> kOps = {{"at_least", Condition::Op::AtLeast},
                                                               {"at_most", Condition::Op::AtMost},
                                                               {"above", Condition::Op::Above},
                                                               {"below", Condition::Op::Below}};
    if (!v.is_object() || v.size() != 1) fail(field, "must be one of {\"at_least\": n}, {\"at_most\": n}, {\"above\": n}, {\"below\": n}");
    auto it = v.begin();
    auto op = kOps.find(it.key());
    if (op == kOps.end()) fail(field, "unknown test '" + it.key() + "' (at_least, at_most, above, below)");
    if (!it.value().is_number()) fail(field + "." + it.key(), "must be a number");
    return {op->second, it.value().get<double>()};
}

std::string unitFrom(const json& o, const std::string& field) {
    if (!o.contains("unit")) return "";
    if (!o.at("unit").is_string()) fail(field + ".unit", "must be a string");
    return o.at("unit").get<std::string>();
}

} // namespace

Lesson parseLesson(std::string_view text_, const std::string& id) {
    json o;
    try {
        o = json::parse(text_);
    } catch (const json::parse_error& e) {
        throw LessonError("not valid JSON at byte " + std::to_string(e.byte) + ": " + e.what());
    }
    if (!o.is_object()) throw LessonError("not a JSON object");

    Lesson l;
    l.id = id;
    l.title = text(o, "title", true);
    l.claim = text(o, "claim", true);
    l.watch = text(o, "watch", true);
    l.question = text(o, "question", true);
    l.config = configFrom(o, "args", "args");
    if (o.contains("compare")) {
        auto t = o.at("compare").is_string() ? transportFromString(o.at("compare").get<std::string>()) : std::nullopt;
        if (!t || !isMessagePassing(*t)) fail("compare", "must name a message-passing transport");
        l.compare = t;
    }

    if (!o.contains("measure") || !o.at("measure").is_array() || o.at("measure").empty())
        fail("measure", "must list the experiments whose numbers the verdict is computed from");
    std::set<std::string> steps;
    std::size_t i = 0;
    for (const json& s : o.at("measure")) {
        std::string f = "measure[" + std::to_string(i++) + "]";
        if (!s.is_object()) fail(f, "must be an object with \"name\" and \"args\"");
        if (!s.contains("name") || !s.at("name").is_string() || s.at("name").get<std::string>().empty() ||
            s.at("name").get<std::string>().find('.') != std::string::npos)
            fail(f + ".name", "must be a name without dots, e.g. \"pipe\"");
        LessonStep step{s.at("name").get<std::string>(), configFrom(s, "args", f + ".args")};
        if (step.config.experiment == ExperimentKind::Sweep)
            fail(f + ".args", "a sweep cannot be measured in a lesson: measure the sizes it needs as streams");
        if (!steps.insert(step.name).second) fail(f + ".name", "'" + step.name + "' is used twice");
        l.measure.push_back(std::move(step));
    }

    if (!o.contains("verdict") || !o.at("verdict").is_object()) fail("verdict", "must be an object with \"value\" and \"holds\"");
    const json& v = o.at("verdict");
    VerdictRule& r = l.verdict;
    r.label = text(v, "label", false);
    if (!v.contains("value")) fail("verdict.value", "is missing");
    r.value = valueFrom(v.at("value"), "verdict.value", steps);
    r.unit = unitFrom(v, "verdict");
    if (!v.contains("holds")) fail("verdict.holds", "is missing");
    r.holds = conditionFrom(v.at("holds"), "verdict.holds");
    if (v.contains("holds_but")) r.holdsBut = conditionFrom(v.at("holds_but"), "verdict.holds_but");
    if (!v.contains("says") || !v.at("says").is_object()) fail("verdict.says", "must give a sentence per outcome: holds, does_not_hold (and holds_but if used)");
    const json& says = v.at("says");
    r.saysHolds = text(says, "holds", true);
    r.saysDoesNotHold = text(says, "does_not_hold", true);
    if (r.holdsBut) r.saysHoldsBut = text(says, "holds_but", true);
    if (v.contains("show")) {
        if (!v.at("show").is_array()) fail("verdict.show", "must be a list");
        std::size_t k = 0;
        for (const json& s : v.at("show")) {
            std::string f = "verdict.show[" + std::to_string(k++) + "]";
            if (!s.is_object() || !s.contains("value")) fail(f, "must be an object with \"label\" and \"value\"");
            r.show.push_back({text(s, "label", true), valueFrom(s.at("value"), f + ".value", steps), unitFrom(s, f)});
        }
    }

    if (!o.contains("choices") || !o.at("choices").is_array() || o.at("choices").size() < 2)
        fail("choices", "must offer at least two answers (numbers in the verdict's unit)");
    i = 0;
    for (const json& c : o.at("choices")) {
        std::string f = "choices[" + std::to_string(i++) + "]";
        Choice ch;
        if (c.is_number()) ch.value = c.get<double>();
        else if (c.is_object() && c.contains("value") && c.at("value").is_number()) {
            ch.value = c.at("value").get<double>();
            ch.label = text(c, "label", false);
        } else fail(f, "must be a number or {\"value\": n, \"label\": {...}}");
        l.choices.push_back(std::move(ch));
    }
    return l;
}

namespace {
bool isLessonFile(const std::filesystem::path& p) {
    return p.extension() == ".json" || p.extension() == ".ipclab-lesson";
}
} // namespace

std::vector<Lesson> loadLessonFolder(const std::string& dir, std::vector<std::string>* errors) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && isLessonFile(it->path())) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    std::vector<Lesson> out;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        try {
            if (!in) throw LessonError("cannot be read");
            out.push_back(parseLesson(ss.str(), f.stem().string()));
        } catch (const LessonError& e) {
            // The file and the field, so the lesson's author knows where to look.
            if (errors) errors->push_back(f.string() + ": " + e.what());
        }
    }
    return out;
}

std::string userLessonFolder() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    std::string base = xdg && *xdg == '/' ? xdg : std::string(std::getenv("HOME") ? std::getenv("HOME") : "") + "/.local/share";
    return base + "/IPC Lab/ipclab/lessons";
}

} // namespace ipclab
