// The real `ipclab` binary, stopped from outside: `kill` (SIGTERM), Ctrl+C (SIGINT) or a closed
// terminal (SIGHUP) while an experiment runs closes the window the normal way. Its workers are
// reaped and its kernel objects removed; before, the process died and left its segments in
// /dev/shm. Also: --lesson / --start open a lesson running, a wrong --lesson is refused, and a
// recording outlives the app being killed with SIGKILL.
#include "ipclab/base/object_names.h"
#include "ipclab/recording/recording.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {
QString gui() { return QString::fromLocal8Bit(qgetenv("IPCLAB_GUI")); }

// Objects named by this process (every name carries the creator's PID).
int objectsOf(qint64 pid) {
    int n = 0;
    for (const QString& dir : {QStringLiteral("/dev/shm"), QStringLiteral("/dev/mqueue")})
        n += QDir(dir).entryList({QStringLiteral("ipclab-%1-*").arg(pid)}, QDir::Files | QDir::System).size();
    return n;
}

QList<qint64> childrenOf(qint64 pid) {
    QList<qint64> out;
    for (const QString& entry : QDir("/proc").entryList(QDir::Dirs)) {
        bool ok = false;
        qint64 p = entry.toLongLong(&ok);
        if (!ok) continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(p));
        if (!f.open(QIODevice::ReadOnly)) continue;
        QByteArray stat = f.readAll();
        // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
        QList<QByteArray> rest = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (rest.size() > 1 && rest[1].toLongLong() == pid) out << p;
    }
    return out;
}

void startGui(QProcess& p, const QTemporaryDir& home, const QStringList& args) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_CONFIG_HOME", home.path());
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(gui(), args);
}
} // namespace

class SignalQuitTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(gui()), "set IPCLAB_GUI to the ipclab binary"); }

    void signalsCloseTheWindowAndLeaveNothing_data() {
        QTest::addColumn<int>("sig");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
        QTest::newRow("SIGHUP") << SIGHUP;
    }
    void signalsCloseTheWindowAndLeaveNothing() {
        QFETCH(int, sig);
        QTemporaryDir home;
        QProcess p;
        startGui(p, home, {"--lesson", "2", "--start"}); // the shared-memory stream
        QVERIFY(p.waitForStarted(5000));
        qint64 pid = p.processId();
        // Running: its workers are its children and its segments are in /dev/shm.
        QTRY_VERIFY_WITH_TIMEOUT(childrenOf(pid).size() >= 2 && objectsOf(pid) > 0, 10000);
        QList<qint64> workers = childrenOf(pid);
        ::kill(static_cast<pid_t>(pid), sig);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit); // it quit; the signal did not kill it
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(objectsOf(pid), 0);
        for (qint64 w : workers) QVERIFY2(!QFile::exists(QStringLiteral("/proc/%1").arg(w)), qPrintable(QString::number(w)));
    }

    // Killed outright (SIGKILL: no handler, no last commit) while recording: the recording
    // opens, with the samples of every second committed before the kill.
    void aRecordingSurvivesTheAppBeingKilled() {
        QTemporaryDir home, recordings;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", home.path());
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("IPCLAB_RECORDINGS_DIR", recordings.path());
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(gui(), {"--lesson", "2", "--start", "--record"});
        QVERIFY(p.waitForStarted(5000));
        qint64 pid = p.processId();
        QTRY_VERIFY_WITH_TIMEOUT(childrenOf(pid).size() >= 2, 10000);
        QTest::qWait(2500);
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        // What the killed run left in /dev/shm is this user's stale objects: cleanup's job.
        QTRY_VERIFY_WITH_TIMEOUT(childrenOf(pid).isEmpty(), 5000);
        ipclab::removeStaleObjects();
        QStringList files = QDir(recordings.path()).entryList({"*.ipclab"});
        QCOMPARE(files.size(), 1);
        ipclab::Recording r = ipclab::Recording::open(QDir(recordings.path()).filePath(files[0]).toStdString());
        QVERIFY2(r.samples().size() >= 30, qPrintable(QString::number(r.samples().size()))); // at least its first second
        QVERIFY(r.durationS() >= 1.0);
    }

    void aLessonThatDoesNotExistIsRefused() {
        QTemporaryDir home;
        QProcess p;
        startGui(p, home, {"--lesson", "99"});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(SignalQuitTest)
#include "signal_quit_test.moc"
