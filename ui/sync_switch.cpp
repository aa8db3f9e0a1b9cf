#include "sync_switch.h"

#include <QPainter>

namespace ipclab::ui {

SyncSwitch::SyncSwitch(QWidget* parent) : QAbstractButton(parent) {
    setCheckable(true);
    setChecked(true);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Synchronization"));
}

QSize SyncSwitch::sizeHint() const {
    QFontMetrics fm(font());
    return {fm.horizontalAdvance(tr("SYNC OFF")) + 70, std::max(36, fm.height() + 16)};
}

void SyncSwitch::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QRectF r = rect().adjusted(1, 1, -1, -1);
    bool on = isChecked();
    QColor track = on ? QColor(46, 160, 67) : QColor(210, 50, 50);
    if (!isEnabled()) track = QColor(170, 170, 170);
    p.setPen(hasFocus() ? QPen(palette().highlight(), 2) : Qt::NoPen);
    p.setBrush(track);
    p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
    double d = r.height() - 8;
    QRectF knob(on ? r.right() - d - 4 : r.left() + 4, r.top() + 4, d, d);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawEllipse(knob);
    p.setPen(Qt::white);
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    QRectF text = on ? r.adjusted(12, 0, -d - 8, 0) : r.adjusted(d + 8, 0, -12, 0);
    p.drawText(text, Qt::AlignCenter, on ? tr("SYNC ON") : tr("SYNC OFF"));
}

} // namespace ipclab::ui
