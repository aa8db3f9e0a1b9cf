#include "core_text.h"

#include <QCoreApplication>

#include <cstring>
#include <string>

namespace ipclab::ui {

namespace {
// Kept in step with core/experiment_config.cpp and core/telemetry.cpp: the translation test
// fails when the core shows a word that is missing here or untranslated.
const char* const kCoreStrings[] = {
    QT_TRANSLATE_NOOP("core", "shared memory"),
    QT_TRANSLATE_NOOP("core", "pipe"),
    QT_TRANSLATE_NOOP("core", "FIFO"),
    QT_TRANSLATE_NOOP("core", "Unix socket"),
    QT_TRANSLATE_NOOP("core", "TCP loopback"),
    QT_TRANSLATE_NOOP("core", "message queue"),
    QT_TRANSLATE_NOOP("core", "file"),
    QT_TRANSLATE_NOOP("core", "One region mapped into both address spaces: after setup, data moves with plain loads and stores, no system call."),
    QT_TRANSLATE_NOOP("core", "An anonymous kernel buffer inherited by both processes: write() copies in, read() copies out."),
    QT_TRANSLATE_NOOP("core", "A named pipe: a path in the file system, the same kernel buffer as a pipe."),
    QT_TRANSLATE_NOOP("core", "A local stream socket: send/recv copy the bytes through a kernel socket buffer."),
    QT_TRANSLATE_NOOP("core", "TCP over 127.0.0.1: the whole network stack, without the network."),
    QT_TRANSLATE_NOOP("core", "A POSIX message queue: the kernel keeps whole messages, with a small size and count limit."),
    QT_TRANSLATE_NOOP("core", "A writer appends records to a file and a reader follows it through the page cache."),
    QT_TRANSLATE_NOOP("core", "No synchronization: concurrent read-modify-write in shared memory loses updates."),
    QT_TRANSLATE_NOOP("core", "A process-shared robust pthread mutex: waiters sleep in the kernel; survives a dead holder."),
    QT_TRANSLATE_NOOP("core", "Test-and-test-and-set on an atomic flag: waiters burn CPU instead of sleeping."),
    QT_TRANSLATE_NOOP("core", "A semaphore in shared memory (P and V on one futex word, as glibc's sem_t inside), used as a binary lock."),
    QT_TRANSLATE_NOOP("core", "Lock-free: hardware atomic instructions (fetch_add, compare-and-swap), no lock at all."),
    QT_TRANSLATE_NOOP("core", "producer"),
    QT_TRANSLATE_NOOP("core", "consumer"),
    QT_TRANSLATE_NOOP("core", "race worker"),
    QT_TRANSLATE_NOOP("core", "pinger"),
    QT_TRANSLATE_NOOP("core", "ponger"),
    QT_TRANSLATE_NOOP("core", "isolation"),
    QT_TRANSLATE_NOOP("core", "starting"),
    QT_TRANSLATE_NOOP("core", "running"),
    QT_TRANSLATE_NOOP("core", "waiting on lock"),
    QT_TRANSLATE_NOOP("core", "holding lock"),
    QT_TRANSLATE_NOOP("core", "spinning"),
    QT_TRANSLATE_NOOP("core", "in section, no lock"),
    QT_TRANSLATE_NOOP("core", "in kernel"),
    QT_TRANSLATE_NOOP("core", "paused"),
    QT_TRANSLATE_NOOP("core", "exited"),
};
} // namespace

QString trCore(std::string_view english) {
    return QCoreApplication::translate("core", std::string(english).c_str());
}

QString describeExit(const ExitInfo& e) {
    if (!e.exited) return trCore(toString(WorkerState::Running));
    if (e.signaled) return QCoreApplication::translate("core", "killed by signal %1 (%2)").arg(e.signal).arg(QString::fromLocal8Bit(strsignal(e.signal)));
    return QCoreApplication::translate("core", "exited with status %1").arg(e.code);
}

QStringList coreStrings() {
    QStringList out;
    for (const char* s : kCoreStrings) out << QString::fromUtf8(s);
    return out;
}

} // namespace ipclab::ui
