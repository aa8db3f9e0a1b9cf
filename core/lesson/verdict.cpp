#include "ipclab/lesson/verdict.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace ipclab {

std::string_view toString(Outcome o) {
    switch (o) {
    case Outcome::Holds: return "holds";
    case Outcome::HoldsBut: return "holds_but";
    case Outcome::DoesNotHold: return "does_not_hold";
    }
    return "?";
}

std::string outcomeWords(Outcome o, const std::string& language) {
    bool ko = language == "ko";
    switch (o) {
    case Outcome::Holds: return ko ? "성립합니다" : "holds";
    case Outcome::HoldsBut: return ko ? "성립하지만, 조건이 있습니다" : "holds, but…";
    case Outcome::DoesNotHold: return ko ? "이 컴퓨터에서는 성립하지 않습니다" : "does not hold here";
    }
    return "";
}

std::string formatValue(double v, const std::string& unit) {
    // Three significant digits without an exponent: 11.2, 0.412, 2, 28.1 M.
    const char* prefix = "";
    if (std::fabs(v) >= 1e6 && std::isfinite(v)) {
        v /= 1e6;
        prefix = " M";
    } else if (std::fabs(v) >= 1e4 && std::isfinite(v)) {
        v /= 1e3;
        prefix = " k";
    }
    int decimals = 0;
    if (v != 0 && std::isfinite(v)) decimals = std::clamp(2 - static_cast<int>(std::floor(std::log10(std::fabs(v)))), 0, 4);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) { // 2.00 -> 2, 0.50 -> 0.5
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
    }
    s += prefix;
    if (unit.empty()) return s;
    if (unit == "x") return s + "x";
    // Korean counters join the number ("2회", "0개"); other units stand apart ("2 calls").
    bool hangul = static_cast<unsigned char>(unit[0]) >= 0xEA && static_cast<unsigned char>(unit[0]) <= 0xED;
    return s + (hangul && !*prefix && unit.find('/') == std::string::npos ? "" : " ") + unit;
}

std::string unitIn(const std::string& unit, const std::string& language) {
    if (language != "ko") return unit;
    static const std::map<std::string, std::string> kKo = {
        {"calls", "회"}, {"processes", "개"}, {"messages", "개"}, {"updates", "회"}, {"records", "건"}, {"msgs/s", "메시지/s"}};
    auto it = kKo.find(unit);
    return it == kKo.end() ? unit : it->second;
}

std::string Condition::describe(const std::string& unit) const {
    const char* words[] = {"at least", "at most", "above", "below"};
    return std::string(words[static_cast<int>(op)]) + " " + formatValue(bound, unit);
}

namespace {
std::string describeIn(const Condition& c, const std::string& unit, const std::string& language) {
    if (language != "ko") return c.describe(unit);
    const char* words[] = {"이상", "이하", "초과", "미만"};
    return formatValue(c.bound, unitIn(unit, language)) + " " + words[static_cast<int>(c.op)];
}
} // namespace

double evaluate(const ValueExpr& e, const Measurements& m) {
    switch (e.op) {
    case ValueExpr::Op::Of: {
        auto it = m.find(e.name);
        if (it == m.end()) throw LessonError("field \"verdict\": no measured value '" + e.name + "' (no such column in that step's results)");
        return it->second;
    }
    case ValueExpr::Op::Ratio:
    case ValueExpr::Op::Percent: {
        double a = evaluate(e.operands[0], m), b = evaluate(e.operands[1], m);
        double r = b != 0 ? a / b : (a == 0 ? 0 : INFINITY);
        return e.op == ValueExpr::Op::Percent ? 100 * r : r;
    }
    case ValueExpr::Op::Sum: {
        double s = 0;
        for (const auto& o : e.operands) s += evaluate(o, m);
        return s;
    }
    }
    return 0;
}

namespace {
// {value} is the verdict's value with its unit; {<step>.<column>} any measured number.
std::string fill(std::string s, const std::string& value, const Measurements& m) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t open = s.find('{', i), close = open == std::string::npos ? open : s.find('}', open);
        if (close == std::string::npos) break;
        std::string key = s.substr(open + 1, close - open - 1);
        out += s.substr(i, open - i);
        if (key == "value") out += value;
        else if (m.count(key)) out += formatValue(m.at(key), "");
        else out += s.substr(open, close - open + 1);
        i = close + 1;
    }
    return out + s.substr(std::min(i, s.size()));
}
} // namespace

Verdict decide(const Lesson& lesson, const Measurements& m, std::optional<double> prediction, const std::string& language) {
    const VerdictRule& r = lesson.verdict;
    Verdict v;
    v.lessonId = lesson.id;
    v.label = r.label.in(language);
    v.value = evaluate(r.value, m);
    if (r.holds.test(v.value)) v.outcome = Outcome::Holds;
    else if (r.holdsBut && r.holdsBut->test(v.value)) v.outcome = Outcome::HoldsBut;
    else v.outcome = Outcome::DoesNotHold;
    v.unit = unitIn(r.unit, language);
    if (language == "ko")
        v.rule = describeIn(r.holds, r.unit, language) + "이면 성립" +
                 (r.holdsBut ? ", " + describeIn(*r.holdsBut, r.unit, language) + "이면 부분적으로 성립" : "");
    else
        v.rule = "holds if " + r.holds.describe(r.unit) + (r.holdsBut ? "; holds in part if " + r.holdsBut->describe(r.unit) : "");
    const LocalText& says = v.outcome == Outcome::Holds ? r.saysHolds : v.outcome == Outcome::HoldsBut ? r.saysHoldsBut : r.saysDoesNotHold;
    v.explanation = fill(says.in(language), formatValue(v.value, v.unit), m);
    for (const auto& name : r.value.names()) v.numbers.push_back({name, name, m.at(name), ""});
    for (const auto& s : r.show) v.numbers.push_back({"", s.label.in(language), evaluate(s.value, m), unitIn(s.unit, language)});
    v.prediction = prediction;
    if (prediction) {
        bool ko = language == "ko";
        v.comparison = (ko ? "예측 " : "you said ") + formatValue(*prediction, v.unit) + (ko ? ", 측정 " : "; measured ") +
                       formatValue(v.value, v.unit);
    }
    return v;
}

std::string verdictJson(const Lesson& lesson, const Verdict& v, const Measurements& m, const std::string& language) {
    using nlohmann::json;
    auto num = [](double d) { return std::isfinite(d) ? json(d) : json(nullptr); };
    json j;
    j["lesson"] = lesson.id;
    j["title"] = lesson.title.in(language);
    j["claim"] = lesson.claim.in(language);
    j["question"] = lesson.question.in(language);
    j["prediction"] = v.prediction ? num(*v.prediction) : json(nullptr);
    j["outcome"] = std::string(toString(v.outcome));
    j["verdict"] = outcomeWords(v.outcome, language);
    j["label"] = v.label;
    j["value"] = num(v.value);
    j["unit"] = v.unit;
    j["rule"] = v.rule;
    j["explanation"] = v.explanation;
    j["comparison"] = v.comparison;
    json numbers = json::array();
    for (const auto& n : v.numbers) numbers.push_back({{"name", n.name}, {"label", n.label}, {"value", num(n.value)}, {"unit", n.unit}});
    j["numbers"] = numbers;
    json all = json::object();
    for (const auto& [k, x] : m) all[k] = num(x);
    j["measurements"] = all;
    return j.dump(2) + "\n";
}

} // namespace ipclab
