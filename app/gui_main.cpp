// ipclab: the desktop app. `--bench-ui` runs the UI-attached vs headless benchmark instead.
#include "lesson_controller.h"
#include "animation_export.h"
#include "main_window.h"
#include "ipclab/recording/recording.h"
#include "quit_on_signal.h"
#include "roff.h"
#include "translations.h"
#include "ui_bench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {
// The options, once: the parser and the manual page are made from this table.
struct GuiOption {
    const char* name;
    const char* valueName; // "" for a switch
    const char* help;
};
const GuiOption kOptions[] = {
    {"lesson", "N", "Open with lesson N set up (1, 2, ...; see the Lessons menu)."},
    {"start", "", "Start the experiment at once (the lesson's, else the last one used)."},
    {"presenter", "", "Open in presenter mode (full screen, the scene and one chart; F11 leaves)."},
    {"record", "", "Record live runs (Run > Record runs) into Documents/IPC Lab recordings, or $IPCLAB_RECORDINGS_DIR."},
    {"lang", "code", "Language of the window: en or ko (default: the saved choice, else the system's)."},
    {"bench-ui", "", "Benchmark: frame times and worker throughput with the window on screen vs nobody looking."},
    {"seconds", "s", "Length of each --bench-ui phase, or of --export-animation's clip (default 10)."},
    {"repeats", "N", "--bench-ui: how many live runs (phases), each measured in half-second windows alternating between the "
                "window hidden and on screen (1-10, default 3)."},
    {"export-animation", "file", "Record the scene for --seconds into an animated GIF, MP4 or WebM (1280x720, 15 frames/s), "
                                 "then quit: with --start (a live run) or a recording to replay."},
    {"man", "", "Print this manual page (roff) and exit."},
};
const char* kDescription = "IPC Lab: inter-process communication, run for real.";

std::string manPage() {
    std::string m = ".TH IPCLAB 1 \"\" \"IPC Lab " IPCLAB_VERSION "\" \"User Commands\"\n"
                     ".SH NAME\nipclab \\- watch real processes exchange data through shared memory and message passing\n"
                     ".SH SYNOPSIS\n.B ipclab\n[\\fIoptions\\fR] [\\fIlesson.ipclab\\-lesson\\fR]\n"
                     ".SH DESCRIPTION\n" + ipclab::roff(kDescription) +
                     " Worker processes (\\fBipclab\\-worker\\fR, visible in \\fBps\\fR) exchange data through shared memory, pipes, FIFOs, "
                     "Unix sockets, TCP, POSIX message queues and files; the window shows the processes, the kernel objects and "
                     "measured charts, and switches synchronization while they run. A file argument is a lesson of one's own "
                     "(the JSON of the built\\-in lessons) to set up.\n.SH OPTIONS\n";
    m += ".TP\n.B \\-h, \\-\\-help\nShow the options.\n.TP\n.B \\-v, \\-\\-version\nShow the version.\n";
    for (const auto& o : kOptions) {
        m += ".TP\n.B \\-\\-" + ipclab::roff(o.name);
        if (*o.valueName) m += std::string(" \\fI") + o.valueName + "\\fR";
        m += "\n" + ipclab::roff(o.help) + "\n";
    }
    m += ".SH KEYS\nSpace start/stop; S sync on/off; M next sync primitive; T next transport; O slow motion; P pause; "
         "Del kill the selected worker; Page Down/Up next/previous lesson; Ctrl+1..9 a lesson; Alt+0..4 charts; "
         "Ctrl+E export all; Ctrl+L lecture theme; F11 presenter mode; Ctrl+Q quit.\n"
         ".SH SIGNALS\nSIGTERM, SIGINT and SIGHUP close the window the normal way: the workers are reaped and every "
         "kernel object of the run is removed.\n"
         ".SH FILES\n.TP\n.I ~/.config/IPC Lab/ipclab.conf\nsettings (last experiment, window, theme, language).\n"
         ".TP\n.I ~/Pictures/IPC Lab/\nwhere exports go unless another folder is chosen.\n"
         ".SH SEE ALSO\n.BR ipclab\\-cli (1)\n";
    return m;
}
} // namespace

int main(int argc, char** argv) {
    // Before Qt starts: the manual page needs no screen (the build writes it).
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--man") == 0) {
            std::fputs(manPage().c_str(), stdout);
            return 0;
        }
    // The benchmark needs no screen: default it to the offscreen platform before Qt starts.
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--bench-ui") == 0 && !std::getenv("QT_QPA_PLATFORM")) ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    // Qt's own event dispatcher instead of GLib's: its timers wait with sub-millisecond
    // precision (GLib rounds every wait to whole milliseconds), so the 60 Hz animation frames
    // start on time. (Set QT_NO_GLIB=0 to get GLib's back.)
    ::setenv("QT_NO_GLIB", "1", 0);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("IPC Lab");
    QApplication::setApplicationName("ipclab");
    QApplication::setApplicationDisplayName("IPC Lab");
    QApplication::setApplicationVersion(IPCLAB_VERSION);
    QApplication::setDesktopFileName("ipclab");

    QCommandLineParser parser;
    parser.setApplicationDescription(kDescription);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", "A lesson of your own to set up (*.ipclab-lesson), or a recording to replay (*.ipclab).",
                                 "[file]");
    for (const auto& o : kOptions) {
        QCommandLineOption opt(o.name, o.help);
        if (*o.valueName) opt.setValueName(o.valueName);
        if (std::strcmp(o.name, "seconds") == 0) opt.setDefaultValue("10");
        if (std::strcmp(o.name, "repeats") == 0) opt.setDefaultValue("3");
        parser.addOption(opt);
    }
    parser.process(app);
    const QString bench = "bench-ui", seconds = "seconds", lang = "lang", lesson = "lesson", startNow = "start",
                  presenter = "presenter", exportAnim = "export-animation", record = "record";

    // --seconds, checked against the limit of what uses it (0 and a message if it is not in range).
    auto secondsUpTo = [&](double max) {
        bool ok = false;
        double s = parser.value(seconds).toDouble(&ok);
        if (ok && s > 0 && s <= max) return s;
        fprintf(stderr, "ipclab: --seconds must be a number in (0, %g]\n", max);
        return 0.0;
    };
    if (parser.isSet(bench)) {
        double s = secondsUpTo(600);
        bool ok = false;
        int repeats = parser.value("repeats").toInt(&ok);
        if (!ok || repeats < 1 || repeats > 10) {
            fprintf(stderr, "ipclab: --repeats must be a whole number from 1 to 10\n");
            return 2;
        }
        return s > 0 ? ipclab::ui::runUiBench(s, repeats) : 2;
    }
    const double clipS = parser.isSet(exportAnim) ? secondsUpTo(120) : 0;
    if (parser.isSet(exportAnim) && clipS <= 0) return 2;
    QString warning;
    ipclab::ui::Translations::install(parser.value(lang), &warning);
    if (!warning.isEmpty()) fprintf(stderr, "ipclab: %s\n", qPrintable(warning));
    ipclab::ui::MainWindow w;
    // A terminal's Ctrl+C, `kill` or a closed session: close like the window's Quit, so the
    // run's workers are reaped and its kernel objects removed.
    ipclab::ui::QuitOnSignal quit;
    QObject::connect(&quit, &ipclab::ui::QuitOnSignal::received, &w, [&w] {
        w.close();
        QApplication::quit();
    });
    if (parser.isSet(lesson)) {
        bool ok = false;
        int n = parser.value(lesson).toInt(&ok);
        if (!ok || n < 1 || n > w.lessons()->lessons().size()) {
            fprintf(stderr, "ipclab: --lesson must be a number from 1 to %d\n", static_cast<int>(w.lessons()->lessons().size()));
            return 2;
        }
        w.applyLesson(n - 1);
    }
    w.show();
    if (!parser.positionalArguments().isEmpty()) {
        const QString file = parser.positionalArguments().front();
        bool ok = file.endsWith(ipclab::kRecordingSuffix) ? w.openRecording(file) : w.openLessonFile(file);
        if (!ok) fprintf(stderr, "ipclab: %s\n", qPrintable(w.lastError()));
    }
    if (parser.isSet(presenter)) w.setPresenterMode(true);
    if (parser.isSet(record)) w.setRecording(true);
    if (parser.isSet(startNow) && !w.start()) fprintf(stderr, "ipclab: could not start: %s\n", qPrintable(w.lastError()));
    if (parser.isSet(exportAnim)) {
        const double s = clipS;
        const QString file = parser.value(exportAnim);
        // A second for the run (or the replay) to get going, then the clip; quit when written.
        QObject::connect(w.animationExport(), &ipclab::ui::AnimationExport::finished, &app, [](bool written, const QString& m) {
            fprintf(written ? stdout : stderr, "%s\n", qPrintable(m));
            QApplication::exit(written ? 0 : 1);
        });
        QTimer::singleShot(1000, &w, [&w, file, s] {
            if (!w.exportAnimation(0, file, {1280, 720}, 15, s)) {
                fprintf(stderr, "ipclab: %s\n", qPrintable(w.lastError()));
                QApplication::exit(1);
            }
        });
    }
    return app.exec();
}
