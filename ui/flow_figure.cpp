#include "flow_figure.h"

#include "core_text.h"
#include "qt_text.h"
#include "token_layer.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {
constexpr double kBoundaryY = 300;
constexpr int kMaxShown = 5; // worker boxes drawn per column; the rest are summarized


QString human(double v) {
    if (v >= 1e6) return QString::number(v / 1e6, 'f', 2) + " M";
    if (v >= 1e3) return QString::number(v / 1e3, 'f', 1) + " k";
    return QString::number(v, 'f', v < 10 ? 1 : 0);
}

QString kernelObjectName(TransportKind k) {
    switch (k) {
    case TransportKind::Pipe: return QObject::tr("pipe buffer");
    case TransportKind::Fifo: return QObject::tr("FIFO (named pipe) buffer");
    case TransportKind::UnixSocket: return QObject::tr("Unix socket buffers");
    case TransportKind::Tcp: return QObject::tr("TCP loopback socket buffers");
    case TransportKind::MessageQueue: return QObject::tr("POSIX message queue");
    case TransportKind::File: return QObject::tr("file in the page cache");
    case TransportKind::SharedMemory: break;
    }
    return {};
}

// Receivers sit on the right of a lane and are where tokens end.
bool isReceiver(WorkerRole r) { return r == WorkerRole::Consumer || r == WorkerRole::Ponger; }

bool usesSegment(const FlowLane& l) {
    return l.transport == TransportKind::SharedMemory || l.experiment == ExperimentKind::Race;
}

QColor stateColor(const FlowWorker& w) {
    if (w.dead) return QColor(200, 60, 60);
    switch (w.state) {
    case WorkerState::HoldingLock: return QColor(255, 200, 80);
    case WorkerState::WaitingLock: return QColor(255, 150, 120);
    case WorkerState::InKernel: return QColor(170, 190, 240);
    case WorkerState::Paused: return QColor(200, 200, 200);
    default: return QColor(190, 230, 190);
    }
}

// Per message, the way the course counts: send side + receive side (a pipe: 1 write + 1 read = 2).
// Calls that only waited or woke a waiter are shown apart: in slow motion an idle reader sleeps
// in the kernel many times per message, which says nothing about the data path.
QString callsText(const FlowLane& l) {
    double data = l.sendCallsPerMsg + l.receiveCallsPerMsg;
    return FlowFigure::tr("%1 system calls/msg moving data (%2 send + %3 receive), %4 waiting")
        .arg(QString::number(data, 'f', 2), QString::number(l.sendCallsPerMsg, 'f', 2),
             QString::number(l.receiveCallsPerMsg, 'f', 2), QString::number(l.waitCallsPerMsg, 'f', 2));
}

QString stateWord(const FlowWorker& w) {
    if (w.dead) return w.exitText;
    return nameOf(w.state);
}
} // namespace


FlowFigure::FlowFigure() : tokenLayer_(new TokenLayer(this)) {
    setFlag(ItemUsesExtendedStyleOption, false);
    // Rendered once per data change (30 Hz at most) into a pixmap at the view's resolution; the
    // 60 Hz frames blit it and draw the token layer on top.
    setCacheMode(QGraphicsItem::DeviceCoordinateCache);
}

QRectF FlowFigure::laneRect(int lane) const {
    int n = std::max<int>(1, static_cast<int>(lanes_.size()));
    double w = kWidth / n;
    return {lane * w, 0, w, kHeight};
}

QRectF FlowFigure::workerRect(int lane, int index) const {
    QRectF L = laneRect(lane);
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    double bw = std::min(130.0, L.width() / 4), bh = 50;
    if (l.experiment == ExperimentKind::Race || l.experiment == ExperimentKind::Isolation) {
        int n = std::min<int>(static_cast<int>(l.workers.size()), 6);
        double gap = (L.width() - 20) / std::max(1, n);
        int slot = std::min(index, n - 1);
        return {L.left() + 10 + slot * gap + (gap - std::min(bw, gap - 8)) / 2, 50, std::min(bw, gap - 8), bh};
    }
    // Streams and ping-pong: senders on the left, receivers on the right.
    bool right = isReceiver(l.workers[static_cast<std::size_t>(index)].role);
    int row = 0;
    for (int i = 0; i < index; ++i) row += isReceiver(l.workers[static_cast<std::size_t>(i)].role) == right;
    row = std::min(row, kMaxShown - 1);
    double x = right ? L.right() - bw - 12 : L.left() + 12;
    return {x, 50 + row * (bh + 8), bw, bh};
}

QRectF FlowFigure::segmentRect(int lane) const {
    QRectF L = laneRect(lane);
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    if (l.experiment == ExperimentKind::Race) return {L.left() + 30, 150, L.width() - 60, 110};
    double inset = std::min(130.0, L.width() / 4) + 30;
    return {L.left() + inset, 100, L.width() - 2 * inset, 140};
}

QRectF FlowFigure::kernelRect(int lane) const {
    QRectF L = laneRect(lane);
    double w = std::min(300.0, L.width() * 0.55);
    return {L.center().x() - w / 2, 370, w, 100};
}

std::vector<QPointF> FlowFigure::path(const FlowToken& tok) const {
    const FlowLane& l = lanes_[static_cast<std::size_t>(tok.lane)];
    QRectF a = workerRect(tok.lane, tok.from), b = workerRect(tok.lane, tok.to);
    std::vector<QPointF> pts;
    if (l.experiment == ExperimentKind::Race) {
        QRectF s = segmentRect(tok.lane);
        pts = {QPointF(a.center().x(), a.bottom()), QPointF(a.center().x(), s.top() + 40)};
    } else if (usesSegment(l)) {
        QRectF s = segmentRect(tok.lane);
        pts = {QPointF(a.right(), a.center().y()), QPointF(s.left() + 12, s.center().y()),
               QPointF(s.right() - 12, s.center().y()), QPointF(b.left(), b.center().y())};
    } else {
        QRectF k = kernelRect(tok.lane);
        pts = {QPointF(a.center().x(), a.bottom()), QPointF(a.center().x(), kBoundaryY),
               QPointF(k.left() + 10, k.center().y()), QPointF(k.right() - 10, k.center().y()),
               QPointF(b.center().x(), kBoundaryY), QPointF(b.center().x(), b.bottom())};
    }
    if (tok.back) std::reverse(pts.begin(), pts.end());
    return pts;
}

QPointF FlowFigure::pathPoint(const FlowToken& tok, double t) const {
    std::vector<QPointF> pts = path(tok);
    double total = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) total += QLineF(pts[i - 1], pts[i]).length();
    double want = std::clamp(t, 0.0, 1.0) * total;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        double len = QLineF(pts[i - 1], pts[i]).length();
        if (want <= len && len > 0) return pts[i - 1] + (pts[i] - pts[i - 1]) * (want / len);
        want -= len;
    }
    return pts.back();
}

std::pair<double, double> FlowFigure::mediumSpan(const FlowToken& tok) const {
    // The medium is the path's middle leg: the ring across the segment, or the kernel object.
    std::vector<QPointF> pts = path(tok);
    if (pts.size() < 4) return {1.0, 1.0};
    std::size_t first = pts.size() == 4 ? 1 : 2;
    double total = 0, start = 0, end = 0;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        if (i == first + 1) start = total;
        total += QLineF(pts[i - 1], pts[i]).length();
        if (i == first + 1) end = total;
    }
    return total > 0 ? std::make_pair(start / total, end / total) : std::make_pair(1.0, 1.0);
}

void FlowFigure::advance(double dt) {
    for (auto& t : tokens_) {
        double next = t.t + t.speed * dt;
        // A slow-motion message not yet received stays in the medium, where it really is.
        if (t.waits && next > t.holdAt) next = std::max(t.t, t.holdAt);
        if (t.skipsMedium && next >= t.mediumFrom && next < t.mediumTo) next = t.mediumTo;
        t.t = next;
    }
    // Tokens do not all move at the same speed; drop finished ones anywhere in the queue.
    tokens_.erase(std::remove_if(tokens_.begin(), tokens_.end(), [](const FlowToken& t) { return t.t >= 1.0; }), tokens_.end());
    for (auto& l : lanes_) {
        if (l.flash > 0) pending_ = true; // the collision highlight fades
        l.flash = std::max(0.0, l.flash - dt * 1.5);
    }
}

void FlowFigure::setLanes(std::vector<FlowLane> lanes) {
    lanes_ = std::move(lanes);
    QString key;
    for (const auto& l : lanes_) {
        key += QString("%1/%2/%3/%4/%5/%6/%7|").arg(int(l.experiment)).arg(int(l.transport)).arg(int(l.sync)).arg(l.stopped).arg(l.slowMotion).arg(l.lost).arg(l.inconsistent);
        for (const auto& w : l.workers) key += QString("%1:%2:%3:%4:%5,").arg(w.pid).arg(int(w.state)).arg(w.dead).arg(w.read).arg(w.wrote);
        key += l.lostStep;
    }
    pending_ = true;
    if (key != meaningKey_) {
        meaningKey_ = key;
        rendered_.invalidate(); // render at the next frame
    }
}

void FlowFigure::renderIfDue() {
    if (!pending_ || (rendered_.isValid() && rendered_.elapsed() < 1000 / kRenderHz)) return;
    pending_ = false;
    rendered_.start();
    update();
}

void FlowFigure::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(boundingRect(), theme_.lecture ? Qt::white : QColor(248, 249, 252));
    if (!isolation_.isEmpty()) {
        // Two address spaces, no kernel path: the result takes the whole figure.
        paintIsolation(p);
        return;
    }
    // Kernel space background and the boundary every system call crosses.
    p->fillRect(QRectF(0, kBoundaryY, kWidth, kHeight - kBoundaryY), theme_.lecture ? QColor(240, 240, 240) : QColor(232, 236, 245));
    QPen boundary(QColor(70, 70, 90), 2, Qt::DashLine);
    p->setPen(boundary);
    p->drawLine(QPointF(0, kBoundaryY), QPointF(kWidth, kBoundaryY));
    p->setFont(theme_.font(9));
    p->setPen(QColor(70, 70, 90));
    p->drawText(QRectF(8, 4, 400, 20), Qt::AlignLeft, tr("USER SPACE (each process: its own address space)"));
    p->drawText(QRectF(8, kBoundaryY + 4, 400, 20), Qt::AlignLeft, tr("KERNEL SPACE (reached only by system calls)"));

    if (lanes_.empty()) {
        p->setFont(theme_.font(12));
        p->drawText(QRectF(0, 140, kWidth, 60), Qt::AlignCenter,
                    tr("Press Start (Space): real worker processes will appear here."));
        return;
    }
    for (int i = 0; i < static_cast<int>(lanes_.size()); ++i) paintLane(p, i);
}

// Drawn by the token layer, every frame, above the cached figure.
void FlowFigure::paintTokens(QPainter* p) const {
    if (!isolation_.isEmpty() || lanes_.empty()) return;
    p->setRenderHint(QPainter::Antialiasing);
    p->setFont(theme_.font(7));
    for (const auto& t : tokens_) {
        if (t.lane >= static_cast<int>(lanes_.size())) continue;
        QPointF c = pathPoint(t, t.t);
        QColor col = t.collision ? QColor(220, 30, 30) : ChartTheme::laneColor(t.lane, 0);
        p->setPen(QPen(col.darker(130), 1));
        p->setBrush(col);
        double r = theme_.lecture ? 8 : 6;
        p->drawEllipse(c, r, r);
        if (!t.label.isEmpty()) {
            p->setPen(Qt::black);
            // Two producers' labels ("P0 #12", "P1 #12") at one place would overwrite each other.
            p->drawText(c + QPointF(r + 2, -r - 11.0 * (t.producer % 3)), t.label);
        }
    }
}

void FlowFigure::paintLane(QPainter* p, int lane) {
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    QRectF L = laneRect(lane);
    if (lane > 0) {
        p->setPen(QPen(QColor(150, 150, 150), 1, Qt::DotLine));
        p->drawLine(L.topLeft(), L.bottomLeft());
    }
    // Lane header: what is measured right now.
    p->setPen(Qt::black);
    p->setFont([&] { QFont f = theme_.font(10); f.setBold(true); return f; }());
    QString unit = l.experiment == ExperimentKind::Race ? tr("updates/s") : l.experiment == ExperimentKind::PingPong ? tr("round trips/s") : tr("msgs/s");
    QString header = tr("%1: %2 %3").arg(nameOf(l.transport), human(l.rate), unit);
    if (l.stopped) header = tr("%1 (stopped; last measured)").arg(header);
    p->drawText(QRectF(L.left() + 6, 20, L.width() - 12, 22), Qt::AlignHCenter, header);

    // Workers (real PIDs).
    p->setFont(theme_.font(8));
    int hidden = 0;
    for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
        const FlowWorker& w = l.workers[static_cast<std::size_t>(i)];
        QRectF r = workerRect(lane, i);
        bool stacked = false;
        for (int j = 0; j < i; ++j) stacked |= workerRect(lane, j) == r;
        if (stacked) { ++hidden; continue; }
        p->setPen(QPen(QColor(60, 60, 60), theme_.lecture ? 2 : 1));
        p->setBrush(stateColor(w));
        p->drawRoundedRect(r, 6, 6);
        p->setPen(Qt::black);
        p->drawText(r.adjusted(4, 2, -4, -2), Qt::AlignHCenter | Qt::AlignTop, nameOf(w.role) + "\nPID " + QString::number(w.pid));
        p->setFont(theme_.font(7));
        p->drawText(r.adjusted(4, 2, -4, -2), Qt::AlignHCenter | Qt::AlignBottom, stateWord(w));
        p->setFont(theme_.font(8));
    }
    if (hidden) {
        p->setPen(QColor(80, 80, 80));
        p->drawText(QRectF(L.left(), 50 + kMaxShown * 58, L.width(), 18), Qt::AlignHCenter,
                    tr("+ %n more worker(s), see the process table", nullptr, hidden));
    }

    QColor flashCol = QColor(220, 30, 30, static_cast<int>(255 * l.flash));
    if (usesSegment(l)) {
        QRectF s = segmentRect(lane);
        // The segment is one region of physical memory, mapped into every worker's address space.
        p->setPen(QPen(QColor(120, 120, 160), 1, Qt::DashLine));
        for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
            QRectF r = workerRect(lane, i);
            QPointF from = l.experiment == ExperimentKind::Race ? QPointF(r.center().x(), r.bottom())
                                                                : (r.center().x() < s.center().x() ? QPointF(r.right(), r.bottom() - 6)
                                                                                                   : QPointF(r.left(), r.bottom() - 6));
            QPointF to(std::clamp(from.x(), s.left(), s.right()), s.top());
            p->drawLine(from, to);
        }
        p->setPen(QPen(l.flash > 0 ? flashCol : QColor(60, 90, 160), l.flash > 0 ? 4 : 2));
        p->setBrush(QColor(210, 225, 250));
        p->drawRoundedRect(s, 8, 8);
        p->setPen(Qt::black);
        p->setFont(theme_.font(8));
        p->drawText(s.adjusted(6, 4, -6, -4), Qt::AlignTop | Qt::AlignHCenter | Qt::TextWordWrap,
                    tr("shared memory segment, mapped into every process: %1").arg(l.objectName));
        if (l.experiment == ExperimentKind::Race) {
            p->setFont(theme_.font(10));
            p->drawText(s.adjusted(6, 40, -6, -4), Qt::AlignTop | Qt::AlignHCenter,
                        tr("counter = %1\nlost updates: %2    inconsistent records: %3")
                            .arg(QString::number(l.raceCounter), QString::number(l.lost), QString::number(l.inconsistent)));
        } else {
            // The ring's slots, filled by what is in flight.
            int cells = 16;
            int filled = l.inFlight > 0 ? std::clamp(static_cast<int>(std::ceil(l.inFlight / std::max(1.0, l.capacity) * cells)), 1, cells) : 0;
            double cw = (s.width() - 40) / cells;
            for (int c = 0; c < cells; ++c) {
                QRectF cell(s.left() + 20 + c * cw, s.center().y() - 12, cw - 3, 24);
                p->setPen(QColor(100, 120, 170));
                p->setBrush(c < filled ? QColor(90, 140, 220) : QColor(245, 248, 255));
                p->drawRect(cell);
            }
            p->setFont(theme_.font(8));
            p->drawText(s.adjusted(6, 4, -6, -4), Qt::AlignBottom | Qt::AlignHCenter | Qt::TextWordWrap,
                        tr("ring: %1 of %2 slots in use").arg(QString::number(l.inFlight, 'f', 0), QString::number(l.capacity, 'f', 0)) +
                            "\n" +
                            // Short: a half-width lane has room for two lines under the slots.
                            tr("%1 system calls/msg, %2 waiting (measured)")
                                .arg(QString::number(l.sendCallsPerMsg + l.receiveCallsPerMsg, 'f', 2),
                                     QString::number(l.waitCallsPerMsg, 'f', 2)));
        }
        // The lock: who holds it, who waits.
        if (l.sync != SyncMode::None && l.sync != SyncMode::Atomic) {
            QString holder;
            int waiting = 0;
            for (const auto& w : l.workers) {
                if (w.state == WorkerState::HoldingLock && !w.dead) holder = QString::number(w.pid);
                waiting += w.state == WorkerState::WaitingLock && !w.dead;
            }
            QRectF lockBox(s.right() - 150, s.bottom() + 8, 150, 26);
            p->setPen(QColor(120, 90, 0));
            p->setBrush(QColor(255, 225, 140));
            p->drawRoundedRect(lockBox, 4, 4);
            p->setPen(Qt::black);
            p->drawText(lockBox, Qt::AlignCenter, tr("%1: %2").arg(toQString(toString(l.sync)), holder.isEmpty() ? tr("free") : tr("held by %1").arg(holder)));
            for (int i = 0; i < std::min(waiting, 8); ++i) {
                QRectF wq(lockBox.left() - 22 - i * 20, lockBox.top() + 5, 16, 16);
                p->setBrush(QColor(255, 150, 120));
                p->drawRect(wq);
            }
            if (waiting) p->drawText(QRectF(s.left(), lockBox.top(), lockBox.left() - 30 - std::min(waiting, 8) * 20 - s.left(), 26),
                                     Qt::AlignRight | Qt::AlignVCenter, tr("%n waiting", nullptr, waiting));
        } else if (l.sync == SyncMode::None) {
            p->setPen(QColor(190, 30, 30));
            p->setFont(theme_.font(9));
            p->drawText(QRectF(s.left(), s.bottom() + 8, s.width(), 22), Qt::AlignCenter,
                        tr("no synchronization: concurrent writes collide"));
        }
        if (l.experiment != ExperimentKind::Race) {
            p->setPen(QColor(40, 110, 40));
            p->setFont(theme_.font(8));
            p->drawText(QRectF(L.left() + 10, kBoundaryY - 24, L.width() - 20, 20), Qt::AlignCenter,
                        tr("data never crosses into the kernel: plain loads and stores"));
        }
    } else {
        QRectF k = kernelRect(lane);
        p->setPen(QPen(l.flash > 0 ? flashCol : QColor(90, 90, 120), l.flash > 0 ? 4 : 2));
        p->setBrush(QColor(255, 250, 235));
        p->drawRoundedRect(k, 8, 8);
        p->setPen(Qt::black);
        p->setFont(theme_.font(9));
        // The object's real name where it has one (what `ls /dev/mqueue` or the FIFO's
        // directory shows); pipes and sockets have none.
        QString title = kernelObjectName(l.transport);
        if (!l.objectName.isEmpty()) title += "\n" + l.objectName;
        p->drawText(k.adjusted(6, 4, -6, -4), Qt::AlignTop | Qt::AlignHCenter, title);
        double fill = std::clamp(l.inFlight / std::max(1.0, l.capacity), 0.0, 1.0);
        QRectF bar(k.left() + 14, k.center().y() - 8, k.width() - 28, 16);
        p->setBrush(Qt::white);
        p->drawRect(bar);
        p->setBrush(QColor(240, 160, 60));
        p->drawRect(QRectF(bar.left(), bar.top(), bar.width() * fill, bar.height()));
        p->setFont(theme_.font(7));
        // A medium of known depth (a message queue's mq_maxmsg) says "n of depth"; where the
        // kernel counts bytes, the bar is against a 64 KiB buffer's worth and says only n.
        int n = static_cast<int>(l.inFlight);
        // (Singular and plural spelled out: without an English translation file Qt's %n would
        // print "message(s)".)
        QString cap = QString::number(l.capacity, 'f', 0);
        QString held = l.capacityKnown ? (n == 1 ? tr("1 of %1 messages in the queue").arg(cap)
                                                 : tr("%1 of %2 messages in the queue").arg(n).arg(cap))
                                       : (n == 1 ? tr("1 message in flight") : tr("%1 messages in flight").arg(n));
        // Two lines below the bar: how much is held, then what the kernel does with it.
        p->drawText(k.adjusted(6, 4, -6, -4), Qt::AlignBottom | Qt::AlignHCenter,
                    held + "\n" + tr("the kernel copies every byte twice"));
        // System-call arrows across the boundary.
        p->setFont(theme_.font(8));
        p->setPen(QColor(150, 60, 0));
        QString calls = tr("%1 (measured)").arg(callsText(l));
        p->drawText(QRectF(L.left() + 6, kBoundaryY - 22, L.width() - 12, 18), Qt::AlignCenter, calls);
        QString down = l.transport == TransportKind::MessageQueue ? "mq_send()" : l.transport == TransportKind::File ? "write()" : "write()/send()";
        QString up = l.transport == TransportKind::MessageQueue ? "mq_receive()" : l.transport == TransportKind::File ? "pread()" : "read()/recv()";
        p->drawText(QRectF(L.left() + 8, kBoundaryY + 24, 160, 18), Qt::AlignLeft, QString::fromUtf8("↓ ") + down);
        p->drawText(QRectF(L.right() - 168, kBoundaryY + 24, 160, 18), Qt::AlignRight, up + QString::fromUtf8(" ↑"));
    }
    if (l.experiment != ExperimentKind::Race && (l.lost || l.inconsistent)) {
        p->setPen(QColor(200, 20, 20));
        p->setFont(theme_.font(9));
        p->drawText(QRectF(L.left(), kHeight - 30, L.width(), 24), Qt::AlignCenter,
                    tr("lost/duplicated: %1   corrupted/out of order: %2").arg(QString::number(l.lost), QString::number(l.inconsistent)));
    }
    if (l.slowMotion && l.experiment == ExperimentKind::Race) {
        // Each worker's own read and write of the counter, as it published them.
        p->setFont([&] { QFont f = theme_.font(9); f.setBold(true); return f; }());
        for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
            const FlowWorker& w = l.workers[static_cast<std::size_t>(i)];
            if (w.read < 0) continue;
            QRectF r = workerRect(lane, i);
            QString step = w.wrote < 0 ? tr("read %1 …").arg(w.read) : tr("read %1 → wrote %2").arg(w.read).arg(w.wrote);
            p->setPen(w.wrote < 0 ? QColor(150, 90, 0) : QColor(30, 90, 30));
            p->drawText(QRectF(r.left() - 30, r.bottom() + 2, r.width() + 60, 22), Qt::AlignCenter, step);
        }
        if (!l.lostStep.isEmpty()) {
            p->setPen(QColor(200, 20, 20));
            p->setFont([&] { QFont f = theme_.font(12); f.setBold(true); return f; }());
            p->drawText(QRectF(L.left() + 10, kBoundaryY + 40, L.width() - 20, 60), Qt::AlignCenter | Qt::TextWordWrap, l.lostStep);
        }
        p->setPen(QColor(90, 90, 90));
        p->setFont(theme_.font(8));
        p->drawText(QRectF(L.left(), kHeight - 50, L.width(), 20), Qt::AlignCenter,
                    tr("slow motion: each worker reads the counter, waits, then writes it back (values as published)"));
    } else if (l.slowMotion) {
        p->setPen(QColor(90, 90, 90));
        p->setFont(theme_.font(8));
        p->drawText(QRectF(L.left(), kHeight - 50, L.width(), 20), Qt::AlignCenter,
                    tr("slow motion: every token is a real message (producer #sequence)"));
    } else if (l.rate > 0) {
        p->setPen(QColor(90, 90, 90));
        p->setFont(theme_.font(7));
        p->drawText(QRectF(L.left(), kHeight - 50, L.width(), 20), Qt::AlignCenter,
                    tr("token rate on a log scale of the measured %1/s").arg(human(l.rate)));
    }
}

void FlowFigure::paintIsolation(QPainter* p) {
    // The result is the whole lesson: large and wrapped. Its sections (separated by empty lines):
    // the claim, the private values (grey), the shared ones (blue), the conclusion; the first
    // line of each in bold.
    double y = 36;
    int section = 0;
    bool first = true;
    for (const QString& line : isolation_) {
        if (line.isEmpty()) {
            y += 14;
            ++section;
            first = true;
            continue;
        }
        QFont f = theme_.font(section == 0 ? 14 : 12);
        f.setBold(first && section != 1);
        first = false;
        p->setFont(f);
        p->setPen(section == 1 ? QColor(70, 70, 70) : section == 2 ? QColor(30, 70, 160) : QColor(0, 0, 0));
        QRectF box(30, y, kWidth - 60, kHeight - y);
        QRectF used = p->boundingRect(box, Qt::AlignLeft | Qt::TextWordWrap, line);
        p->drawText(box, Qt::AlignLeft | Qt::TextWordWrap, line);
        y += used.height() + 8;
    }
}

} // namespace ipclab::ui
