#pragma once
// SIGTERM, SIGINT and SIGHUP close the window the normal way (its run stops, every worker is
// reaped and every kernel object removed) instead of killing the process with its segments left
// in /dev/shm. The handler only writes a byte to a socket; the event loop does the rest.
#include <QObject>

class QSocketNotifier;

namespace ipclab::ui {

class QuitOnSignal : public QObject {
    Q_OBJECT
public:
    explicit QuitOnSignal(QObject* parent = nullptr);
    ~QuitOnSignal() override;

signals:
    void received(int signal);

private:
    QSocketNotifier* notifier_ = nullptr;
};

} // namespace ipclab::ui
