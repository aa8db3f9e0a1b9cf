// Lessons as data: every built-in lesson parses and runs headless, and its verdict is computed
// from that run's numbers; rules are evaluated as written; broken lessons name file and field.
#include "cli.h"
#include "ipclab/lesson/lesson_runner.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace ipclab;

namespace {

// A small lesson whose verdict is "a.x / b.x", for rule tests without running anything.
std::string ratioLesson(const std::string& holds, const std::string& holdsBut = "") {
    return R"({"title": "t", "claim": "c", "watch": "w", "question": {"en": "q?", "ko": "질문?"},
      "args": ["--experiment", "stream", "--transport", "pipe"],
      "choices": [1, 10],
      "measure": [{"name": "a", "args": ["--experiment", "stream", "--transport", "shm"]},
                  {"name": "b", "args": ["--experiment", "stream", "--transport", "pipe"]}],
      "verdict": {"value": {"ratio": ["a.x", "b.x"]}, "unit": "x", "holds": )" +
           holds + (holdsBut.empty() ? "" : R"(, "holds_but": )" + holdsBut) +
           R"(, "says": {"holds": "yes {value}", "holds_but": "partly {value}", "does_not_hold": {"en": "no {value}", "ko": "아니오 {value}"}},
        "show": [{"label": "b alone", "value": "b.x", "unit": "msgs/s"}]}})";
}

std::string lessonError(const std::string& json) {
    try {
        parseLesson(json, "t");
    } catch (const LessonError& e) {
        return e.what();
    }
    return "";
}

// The lesson's value recomputed here from the names it uses (independently of evaluate()).
double recompute(const ValueExpr& e, const Measurements& m) {
    auto n = e.names();
    switch (e.op) {
    case ValueExpr::Op::Of: return m.at(e.name);
    case ValueExpr::Op::Ratio: return recompute(e.operands[0], m) / recompute(e.operands[1], m);
    case ValueExpr::Op::Percent: return 100 * recompute(e.operands[0], m) / recompute(e.operands[1], m);
    case ValueExpr::Op::Sum: {
        double s = 0;
        for (const auto& o : e.operands) s += recompute(o, m);
        return s;
    }
    }
    return NAN;
}

} // namespace

TEST(LessonRule, OutcomesFollowTheMeasuredValue) {
    Lesson l = parseLesson(ratioLesson(R"({"at_least": 2})", R"({"above": 1})"), "t");
    Verdict v = decide(l, {{"a.x", 25}, {"b.x", 10}}, 10.0, "en");
    EXPECT_DOUBLE_EQ(v.value, 2.5);
    EXPECT_EQ(v.outcome, Outcome::Holds);
    EXPECT_EQ(v.explanation, "yes 2.5x");
    EXPECT_EQ(v.comparison, "you said 10x; measured 2.5x");
    ASSERT_EQ(v.numbers.size(), 3u); // a.x, b.x, then the shown one
    EXPECT_EQ(v.numbers[0].name, "a.x");
    EXPECT_DOUBLE_EQ(v.numbers[1].value, 10);
    EXPECT_EQ(v.numbers[2].label, "b alone");

    v = decide(l, {{"a.x", 15}, {"b.x", 10}}, std::nullopt, "en");
    EXPECT_EQ(v.outcome, Outcome::HoldsBut);
    EXPECT_EQ(v.explanation, "partly 1.5x");
    EXPECT_TRUE(v.comparison.empty());

    v = decide(l, {{"a.x", 5}, {"b.x", 10}}, std::nullopt, "ko");
    EXPECT_EQ(v.outcome, Outcome::DoesNotHold);
    EXPECT_EQ(v.explanation, "아니오 0.5x");
    EXPECT_EQ(outcomeWords(v.outcome, "en"), "does not hold here");

    // Without holds_but a value between the two is simply "does not hold".
    Lesson strict = parseLesson(ratioLesson(R"({"at_least": 2})"), "t");
    EXPECT_EQ(decide(strict, {{"a.x", 15}, {"b.x", 10}}, std::nullopt, "en").outcome, Outcome::DoesNotHold);
    // A name the run did not measure is an error, never a made-up number.
    EXPECT_THROW(decide(l, {{"a.x", 1}}, std::nullopt, "en"), LessonError);
}

TEST(LessonRule, FormatsThreeSignificantDigits) {
    EXPECT_EQ(formatValue(11.234, "x"), "11.2x");
    EXPECT_EQ(formatValue(2.0, "calls"), "2 calls");
    EXPECT_EQ(formatValue(0.4123, "%"), "0.412 %");
    EXPECT_EQ(formatValue(28140000, "msgs/s"), "28.1 M msgs/s");
    EXPECT_EQ(formatValue(12345, ""), "12.3 k");
    EXPECT_EQ(formatValue(0, ""), "0");
    EXPECT_EQ(formatValue(2, unitIn("calls", "ko")), "2회");
}

TEST(LessonParse, ErrorsNameTheField) {
    EXPECT_NE(lessonError("{").find("not valid JSON"), std::string::npos);
    std::string ok = ratioLesson(R"({"at_least": 2})");
    EXPECT_EQ(lessonError(ok), "");
    auto broken = [&](const std::string& from, const std::string& to) {
        std::string s = ok;
        auto p = s.find(from);
        EXPECT_NE(p, std::string::npos) << from;
        return lessonError(s.replace(p, from.size(), to));
    };
    EXPECT_NE(broken(R"("question": {"en": "q?", "ko": "질문?"},)", "").find("field \"question\""), std::string::npos);
    EXPECT_NE(broken(R"("a.x", "b.x")", R"("a.x", "c.x")").find("field \"verdict.value.ratio[1]\""), std::string::npos);
    EXPECT_NE(broken(R"({"at_least": 2})", R"({"more": 2})").find("field \"verdict.holds\""), std::string::npos);
    EXPECT_NE(broken(R"("--transport", "shm")", R"("--transport", "carrier-pigeon")").find("field \"measure[0].args\""), std::string::npos);
    EXPECT_NE(broken(R"("choices": [1, 10])", R"("choices": [1])").find("field \"choices\""), std::string::npos);
    EXPECT_NE(broken(R"("name": "b")", R"("name": "a")").find("field \"measure[1].name\""), std::string::npos);
    EXPECT_NE(broken(R"("does_not_hold": {"en": "no {value}", "ko": "아니오 {value}"})", R"("x": "y")").find("field \"does_not_hold\""), std::string::npos);
}

TEST(LessonFolder, BrokenFilesAreReportedByFileAndFieldAndTheRestLoad) {
    auto dir = std::filesystem::temp_directory_path() / ("ipclab-lesson-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "a-good.json") << ratioLesson(R"({"at_least": 2})");
    std::ofstream(dir / "b-broken.ipclab-lesson") << R"({"title": "t", "claim": "c", "watch": "w"})";
    std::ofstream(dir / "c-ignored.txt") << "not a lesson";
    std::vector<std::string> errors;
    auto lessons = loadLessonFolder(dir.string(), &errors);
    std::filesystem::remove_all(dir);
    ASSERT_EQ(lessons.size(), 1u);
    EXPECT_EQ(lessons[0].id, "a-good");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("b-broken.ipclab-lesson: field \"question\""), std::string::npos) << errors[0];
}

TEST(Measurements, EveryNumericCellSummedOverRows) {
    Table t;
    t.columns = {"pid", "seen", "name"};
    t.addRow({"10", "1", "x"});
    t.addRow({"11", "0", "y"});
    Measurements m;
    addMeasurements(m, "iso", t);
    EXPECT_DOUBLE_EQ(m.at("iso.seen"), 1);
    EXPECT_DOUBLE_EQ(m.at("iso.pid"), 21);
    EXPECT_FALSE(m.count("iso.name"));
}

// Every built-in lesson, run for real with short steps: the verdict's value and numbers are the
// run's own measurements; and the same run judged by a rule it cannot meet says "does not hold".
TEST(BuiltinLessons, EveryLessonAsksRunsAndConcludesFromItsOwnRun) {
    auto lessons = builtinLessons();
    ASSERT_GE(lessons.size(), 9u);
    for (const Lesson& l : lessons) {
        SCOPED_TRACE(l.id);
        EXPECT_FALSE(l.question.in("en").empty());
        EXPECT_FALSE(l.question.in("ko").empty());
        EXPECT_NE(l.question.in("ko"), l.question.in("en"));
        EXPECT_GE(l.choices.size(), 2u);
        LessonRunOptions o;
        o.secondsPerStep = 0.3;
        Measurements m = measureLesson(l, o);
        for (const auto& step : l.measure) {
            bool any = false;
            for (const auto& [k, v] : m) any |= k.rfind(step.name + ".", 0) == 0;
            EXPECT_TRUE(any) << "no numbers from step " << step.name;
        }
        Verdict v = decide(l, m, l.choices[0].value, "en");
        double expected = recompute(l.verdict.value, m);
        if (std::isfinite(expected)) {
            EXPECT_DOUBLE_EQ(v.value, expected);
        }
        for (const auto& n : v.numbers)
            if (!n.name.empty()) {
                EXPECT_DOUBLE_EQ(n.value, m.at(n.name)) << n.name;
            }
        EXPECT_EQ(v.outcome == Outcome::Holds, l.verdict.holds.test(v.value));
        EXPECT_NE(v.explanation.find(formatValue(v.value, l.verdict.unit)), std::string::npos) << v.explanation;
        EXPECT_FALSE(v.comparison.empty());

        Lesson impossible = l;
        impossible.verdict.holds = {Condition::Op::Below, -1e300};
        impossible.verdict.holdsBut.reset();
        Verdict no = decide(impossible, m, std::nullopt, "ko");
        EXPECT_EQ(no.outcome, Outcome::DoesNotHold);
        EXPECT_DOUBLE_EQ(no.value, v.value);
        EXPECT_EQ(outcomeWords(no.outcome, "ko"), "이 컴퓨터에서는 성립하지 않습니다");
    }
}

TEST(LessonCli, JsonVerdictCarriesTheRunsNumbers) {
    std::ostringstream out, err;
    int code = runCli({"lesson", "6", "--json", "--seconds", "0.3", "--predict", "3"}, out, err);
    ASSERT_EQ(code, 0) << err.str();
    auto j = nlohmann::json::parse(out.str());
    EXPECT_EQ(j["lesson"], "06-side-by-side");
    EXPECT_EQ(j["prediction"], 3.0);
    double shm = j["measurements"]["shm.msgs_per_s"], pipe = j["measurements"]["pipe.msgs_per_s"];
    EXPECT_GT(shm, 0);
    EXPECT_DOUBLE_EQ(j["value"].get<double>(), shm / pipe);
    std::string outcome = j["outcome"];
    EXPECT_TRUE(outcome == "holds" || outcome == "holds_but" || outcome == "does_not_hold");
    EXPECT_NE(j["comparison"].get<std::string>().find("you said 3x"), std::string::npos);

    std::ostringstream o2, e2;
    EXPECT_EQ(runCli({"lesson", "99"}, o2, e2), 2);
    EXPECT_NE(e2.str().find("no lesson '99'"), std::string::npos);
    std::ostringstream o3, e3;
    EXPECT_EQ(runCli({"lesson", "list"}, o3, e3), 0);
    EXPECT_NE(o3.str().find("06-side-by-side"), std::string::npos);
    std::ostringstream o4, e4;
    EXPECT_EQ(runCli({"lesson", "1", "--seconds", "abc"}, o4, e4), 2);
}
