#pragma once
// The large on/off switch for synchronization: a checkable button painted as a toggle, so a
// class can see its state from the back row.
#include <QAbstractButton>

namespace ipclab::ui {

class SyncSwitch : public QAbstractButton {
    Q_OBJECT
public:
    explicit SyncSwitch(QWidget* parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;
};

} // namespace ipclab::ui
