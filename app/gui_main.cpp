// ipclab: the desktop app. `--bench-ui` runs the UI-attached vs headless benchmark instead.
#include "lesson_controller.h"
#include "main_window.h"
#include "quit_on_signal.h"
#include "translations.h"
#include "ui_bench.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
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
    parser.setApplicationDescription("IPC Lab: inter-process communication, run for real.");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption bench("bench-ui", "Benchmark: frame times and worker throughput with the UI attached vs headless.");
    QCommandLineOption seconds("seconds", "Length of each --bench-ui phase (default 10).", "s", "10");
    QCommandLineOption lang("lang", "Language of the window: en or ko (default: the saved choice, else the system's).", "code");
    QCommandLineOption lesson("lesson", "Open with lesson N set up (1, 2, ...; see the Lessons menu).", "N");
    QCommandLineOption startNow("start", "Start the experiment at once (the lesson's, else the last one used).");
    QCommandLineOption presenter("presenter", "Open in presenter mode (full screen, the scene and one chart; F11 leaves).");
    parser.addOption(bench);
    parser.addOption(seconds);
    parser.addOption(lang);
    parser.addOption(lesson);
    parser.addOption(startNow);
    parser.addOption(presenter);
    parser.process(app);

    if (parser.isSet(bench)) {
        bool ok = false;
        double s = parser.value(seconds).toDouble(&ok);
        if (!ok || s <= 0 || s > 600) {
            fprintf(stderr, "ipclab: --seconds must be a number in (0, 600]\n");
            return 2;
        }
        return ipclab::ui::runUiBench(s);
    }
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
    if (parser.isSet(presenter)) w.setPresenterMode(true);
    if (parser.isSet(startNow) && !w.start()) fprintf(stderr, "ipclab: could not start: %s\n", qPrintable(w.lastError()));
    return app.exec();
}
