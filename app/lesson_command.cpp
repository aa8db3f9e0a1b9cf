// ipclab-cli lesson: runs a lesson headless and prints its verdict, computed from the run.
#include "cli.h"

#include "ipclab/base/error.h"
#include "ipclab/base/table.h"
#include "ipclab/lesson/lesson_runner.h"

#include <signal.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <ostream>

namespace ipclab {

namespace {
int usage(std::ostream& err, const std::string& msg) {
    err << "ipclab-cli: lesson: " << msg << "\n";
    return 2;
}

double numberArg(const std::string& flag, const std::string& v) {
    std::size_t used = 0;
    double d = 0;
    try {
        d = std::stod(v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v.size() || !std::isfinite(d)) throw ConfigError(flag + " needs a number, not '" + v + "'");
    return d;
}

// The built-in lessons, then the user's own folder, as the window lists them.
std::vector<Lesson> allLessons(std::vector<std::string>* errors) {
    std::vector<Lesson> all = builtinLessons();
    for (auto& l : loadLessonFolder(userLessonFolder(), errors)) all.push_back(std::move(l));
    return all;
}
} // namespace

int runLessonCommand(const std::vector<std::string>& args, bool json, std::ostream& out, std::ostream& err) {
    std::vector<std::string> folderErrors;
    std::vector<Lesson> lessons;
    try {
        lessons = allLessons(&folderErrors);
    } catch (const LessonError& e) {
        err << "ipclab-cli: " << e.what() << "\n";
        return 1;
    }
    for (const auto& e : folderErrors) err << "ipclab-cli: lesson left out: " << e << "\n";

    if (args.empty()) return usage(err, "which lesson? (a number, an id, a file, or 'list')");
    std::string language = "en";
    std::optional<double> prediction;
    LessonRunOptions options;
    std::string which;
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            bool hasValue = i + 1 < args.size();
            if (a == "--lang" || a == "--seconds" || a == "--predict") {
                if (!hasValue) throw ConfigError(a + " needs a value");
                const std::string& v = args[++i];
                if (a == "--lang") {
                    if (v != "en" && v != "ko") throw ConfigError("--lang takes en or ko");
                    language = v;
                } else if (a == "--seconds") {
                    options.secondsPerStep = numberArg(a, v);
                    if (options.secondsPerStep < 0.1 || options.secondsPerStep > 60)
                        throw ConfigError("--seconds must be 0.1 .. 60");
                } else prediction = numberArg(a, v);
            } else if (a.rfind("--", 0) == 0) throw ConfigError("lesson takes no option " + a + " (see ipclab-cli lesson --help)");
            else if (which.empty()) which = a;
            else throw ConfigError("unexpected argument '" + a + "'");
        }
    } catch (const ConfigError& e) {
        return usage(err, e.what());
    }

    if (which == "list") {
        Table t;
        t.columns = {"number", "id", "title", "question"};
        for (std::size_t i = 0; i < lessons.size(); ++i)
            t.addRow({std::to_string(i + 1), lessons[i].id, lessons[i].title.in(language), lessons[i].question.in(language)});
        out << (json ? t.toJson() : t.toText());
        return 0;
    }

    const Lesson* lesson = nullptr;
    Lesson fromFile;
    if (std::filesystem::is_regular_file(which)) {
        std::ifstream in(which, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        try {
            fromFile = parseLesson(ss.str(), std::filesystem::path(which).stem().string());
        } catch (const LessonError& e) {
            err << "ipclab-cli: " << which << ": " << e.what() << "\n";
            return 2;
        }
        lesson = &fromFile;
    } else {
        for (std::size_t i = 0; i < lessons.size(); ++i)
            if (which == std::to_string(i + 1) || which == lessons[i].id) lesson = &lessons[i];
        if (!lesson)
            return usage(err, "no lesson '" + which + "': give 1.." + std::to_string(lessons.size()) +
                                   ", an id, or a lesson file (ipclab-cli lesson list)");
    }

    ::signal(SIGPIPE, SIG_IGN);
    bool live = ::isatty(STDERR_FILENO);
    try {
        Measurements m = measureLesson(*lesson, options, [&](int step, int steps, double elapsed, double length) {
            if (live)
                err << "\r[step " << step + 1 << "/" << steps << ": " << lesson->measure[step].name << " " << fmt(elapsed, 1)
                    << " s / " << fmt(length, 1) << " s]      " << std::flush;
        });
        if (live) err << "\r" << std::string(50, ' ') << "\r";
        Verdict v = decide(*lesson, m, prediction, language);
        if (json) {
            out << verdictJson(*lesson, v, m, language);
            return 0;
        }
        out << lesson->title.in(language) << "\n\n"
            << "claim:    " << lesson->claim.in(language) << "\n"
            << "question: " << lesson->question.in(language) << "\n"
            << "measured: " << v.label << " = " << formatValue(v.value, v.unit) << "\n"
            << "verdict:  " << outcomeWords(v.outcome, language) << " (" << v.rule << ")\n"
            << "          " << v.explanation << "\n";
        if (!v.comparison.empty()) out << "          " << v.comparison << "\n";
        out << "computed from:\n";
        for (const auto& n : v.numbers)
            if (!n.name.empty()) out << "  " << n.name << " = " << formatValue(n.value, n.unit) << "\n";
        out << "also measured:\n";
        for (const auto& n : v.numbers)
            if (n.name.empty()) out << "  " << n.label << ": " << formatValue(n.value, n.unit) << "\n";
        return 0;
    } catch (const LessonError& e) {
        err << "ipclab-cli: lesson " << lesson->id << ": " << e.what() << "\n";
        return kExitWorkerDied;
    } catch (const std::exception& e) {
        err << "ipclab-cli: lesson " << lesson->id << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace ipclab
