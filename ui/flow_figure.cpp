#include "flow_figure.h"

#include "core_text.h"
#include "qt_text.h"
#include "token_layer.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QImage>
#include <QPainterPath>
#include <QTextOption>

#include <algorithm>
#include <cmath>

namespace ipclab::ui {

namespace {
constexpr int kMaxShown = 5; // worker boxes drawn per column; the rest are summarized
constexpr double kKernelBarH = 22;  // large: the kernel object's fill bar
constexpr double kStraightUnderB = 20; // large: tokens go straight down this far past the boundary
constexpr double kStreamSegmentTop = 176; // large: a stream's segment, under the worker boxes
constexpr double kRingTop = 24;           // large: the ring's slots' middle, under the segment's top
constexpr double kRingCellH = 30;         // large: a slot's height (normal: 24)
constexpr double kRingLineH = 30;         // large: "ring: n of m slots in use", 2 under the slots
constexpr double kRingIn = kRingTop + kRingCellH / 2 + 2; // large: from the segment's top to that line


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

QColor stateColor(const FlowWorker& w) { return ChartTheme::stateColor(w.state, w.dead); }

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
    // Rendered once per data change (kRenderHz at full speed) into a pixmap at the view's
    // resolution (paint); the 60 Hz frames copy the part they repaint and draw the token layer
    // on top.
}

QSizeF FlowFigure::shapeFor(double aspect, bool large) {
    const double least = large ? kLargeHeight : kHeight;
    return {std::max(kWidth, least * aspect), std::max(least, kWidth / aspect)};
}

void FlowFigure::setAspect(double aspect) {
    if (!(aspect > 0.1 && aspect < 10)) return;
    aspect_ = aspect;
    reshape();
}

void FlowFigure::reshape() {
    const QSizeF s = shapeFor(aspect_, large_);
    if (std::abs(s.width() - width_) < 0.5 && std::abs(s.height() - height_) < 0.5) return;
    prepareGeometryChange();
    width_ = s.width();
    height_ = s.height();
    invalidate();
}

void FlowFigure::setLarge(bool large) {
    if (large == large_) return;
    large_ = large;
    invalidate();
    reshape();
}

QFont FlowFigure::font(int basePt, bool bold) const {
    // Presenter mode: twice the size, never under 15 pt (7-8 pt notes would be 11 px on a projector).
    QFont f = theme_.font(large_ ? std::max(15, 2 * basePt) : basePt);
    f.setBold(bold);
    if (smallestPt_ <= 0 || f.pointSizeF() < smallestPt_) smallestPt_ = f.pointSizeF();
    return f;
}

QFont FlowFigure::fitted(QFont f, const QString& text, double width) const {
    // Large: a smaller size (never under 15 pt) rather than a line cut or run into the next.
    auto widest = [&] {
        double w = 0;
        for (const QString& line : text.split('\n')) w = std::max(w, QFontMetricsF(f).horizontalAdvance(line));
        return w;
    };
    while (large_ && f.pointSizeF() > 15 && widest() > width) f.setPointSizeF(f.pointSizeF() - 1);
    if (smallestPt_ <= 0 || f.pointSizeF() < smallestPt_) smallestPt_ = f.pointSizeF();
    return f;
}

double FlowFigure::boundaryY() const {
    bool race = std::any_of(lanes_.begin(), lanes_.end(), [](const FlowLane& l) { return l.experiment == ExperimentKind::Race; });
    // Large: the race needs room above for the read/write labels and the counter; the other
    // experiments need it below for the kernel object.
    if (large_ && race) {
        // Tall enough for what the segment holds (the tokens' way in, the counter, the title): in
        // a lesson at 1280x720 the fonts are larger in figure units and the counter ran into the
        // title. The kernel half keeps room for its line and the footnote.
        // (Asked for every token's path each frame: the fonts are measured once a change of the
        // figure, see invalidate.)
        if (raceNeed_ < 0) {
            raceNeed_ = 0;
            for (int i = 0; i < static_cast<int>(lanes_.size()); ++i)
                if (lanes_[static_cast<std::size_t>(i)].experiment == ExperimentKind::Race)
                    raceNeed_ = std::max(raceNeed_, kRaceTokensIn + raceCounterHeight() + 2 + titleHeight(i) + 4);
        }
        double fit = std::ceil(kRaceSegmentTop + raceNeed_ + kNoteUnderSegment); // (rounded down, it would be short)
        return std::round(std::min(std::max({0.62 * height_, 400.0, fit}), std::max(400.0, height_ - kKernelHalfForRace)));
    }
    if (large_) {
        // A shared-memory lane's segment holds the ring, its line and the title under them
        // (three lines with the segment's name): the boundary goes low enough for that.
        if (segmentNeed_ < 0) {
            segmentNeed_ = 0;
            for (int i = 0; i < static_cast<int>(lanes_.size()); ++i)
                if (usesSegment(lanes_[static_cast<std::size_t>(i)]))
                    segmentNeed_ = std::max(segmentNeed_, kRingIn + kRingLineH + 4 + titleHeight(i) + 4);
        }
        return std::round(std::max({0.56 * height_, 340.0, std::ceil(kStreamSegmentTop + segmentNeed_ + kNoteUnderSegment)}));
    }
    return 300 + (height_ - kHeight) / 2;
}

QString FlowFigure::segmentTitle(int lane) const {
    // The name on a line of its own: wrapped with the words, it broke after its leading '/'.
    return tr("shared memory segment, mapped into every process:\n%1").arg(lanes_[static_cast<std::size_t>(lane)].objectName);
}

double FlowFigure::titleHeight(int lane) const {
    // Wrapped as wide as the large segment's inside: the lane less 12 each side, less 6 each side.
    QRectF room(0, 0, laneRect(lane).width() - 24 - 12, 1000);
    return QFontMetricsF(font(8)).boundingRect(room, Qt::AlignHCenter | Qt::TextWordWrap, segmentTitle(lane)).height();
}

double FlowFigure::raceCounterHeight() const { return 2 * QFontMetricsF(font(10)).lineSpacing() + 4; }

QString FlowFigure::raceCounterText(int lane) const {
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    QString text = tr("counter = %1\nlost updates: %2    inconsistent records: %3")
                       .arg(QLocale().toString(qulonglong(l.raceCounter)), QLocale().toString(qulonglong(l.lost)),
                            QLocale().toString(qulonglong(l.inconsistent))); // grouped, as the big number above it
    // Large, in a wide and short figure: one line when two do not fit under each other but one fits across.
    if (large_) {
        QFontMetricsF fm(font(10));
        QRectF box = raceCounterBox(lane);
        QString oneLine = QString(text).replace('\n', QStringLiteral("    "));
        if (2 * fm.lineSpacing() > box.height() - 4 && fm.horizontalAdvance(oneLine) <= box.width()) return oneLine;
    }
    return text;
}

QFont FlowFigure::raceCounterFont(int lane) const {
    // The segment is as tall as the counter needs unless the kernel half would get too little:
    // then one line (raceCounterText) or a smaller size (large: never under 15 pt), not lines run
    // into the title.
    QFont f = font(10);
    const QRectF box = raceCounterBox(lane);
    const QStringList lines = raceCounterText(lane).split('\n');
    auto fits = [&] {
        QFontMetricsF fm(f);
        double w = 0;
        for (const QString& s : lines) w = std::max(w, fm.horizontalAdvance(s));
        return lines.size() * fm.lineSpacing() <= box.height() - 4 && w <= box.width();
    };
    while (large_ && f.pointSizeF() > 15 && !fits()) f.setPointSizeF(f.pointSizeF() - 1);
    if (smallestPt_ <= 0 || f.pointSizeF() < smallestPt_) smallestPt_ = f.pointSizeF();
    return f;
}

QRectF FlowFigure::segmentTitleBox(int lane) const {
    QRectF room = segmentRect(lane).adjusted(6, 4, -6, -4);
    if (!large_) return room;
    // Large: tokens come down into the top of the segment (the slots are there, the race's
    // counter just under it), so the title goes at the bottom, out of their way.
    double h = titleHeight(lane);
    return {room.left(), room.bottom() - h, room.width(), h};
}

QRectF FlowFigure::raceCounterBox(int lane) const {
    QRectF s = segmentRect(lane);
    if (!large_) return s.adjusted(6, 40, -6, -4);
    double top = s.top() + kRaceTokensIn;
    return {s.left() + 6, top, s.width() - 12, segmentTitleBox(lane).top() - 2 - top};
}

QRectF FlowFigure::laneRect(int lane) const {
    int n = std::max<int>(1, static_cast<int>(lanes_.size()));
    double w = width_ / n;
    return {lane * w, 0, w, height_};
}

QRectF FlowFigure::workerRect(int lane, int index) const {
    QRectF L = laneRect(lane);
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    double top = large_ ? 76 : 50, bh = large_ ? 84 : 50;
    double bw = large_ ? 210 : std::min(130.0, L.width() / 4);
    if (l.experiment == ExperimentKind::Race || l.experiment == ExperimentKind::Isolation) {
        int n = std::min<int>(static_cast<int>(l.workers.size()), 6);
        double gap = (L.width() - 20) / std::max(1, n);
        int slot = std::min(index, n - 1);
        return {L.left() + 10 + slot * gap + (gap - std::min(bw, gap - 8)) / 2, top, std::min(bw, gap - 8), bh};
    }
    // Streams and ping-pong: senders on the left, receivers on the right.
    bool right = isReceiver(l.workers[static_cast<std::size_t>(index)].role);
    int row = 0;
    for (int i = 0; i < index; ++i) row += isReceiver(l.workers[static_cast<std::size_t>(i)].role) == right;
    if (large_) {
        // Side by side in each half of the lane (the segment or the kernel is below them);
        // boxes under 150 wide would not hold their text, so the rest are counted, not drawn.
        double half = L.width() / 2 - 12;
        int cols = std::clamp(static_cast<int>(half / 158), 1, 3);
        bw = std::min(bw, half / cols - 8);
        int col = std::min(row, cols - 1);
        double x = right ? L.right() - 12 - bw - col * (bw + 8) : L.left() + 12 + col * (bw + 8);
        return {x, top, bw, bh};
    }
    row = std::min(row, kMaxShown - 1);
    double x = right ? L.right() - bw - 12 : L.left() + 12;
    return {x, top + row * (bh + 8), bw, bh};
}

QRectF FlowFigure::segmentRect(int lane) const {
    QRectF L = laneRect(lane);
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    if (large_) {
        // Below the workers, across the lane: data goes down into it and comes up on the other side.
        double top = l.experiment == ExperimentKind::Race ? kRaceSegmentTop : kStreamSegmentTop;
        return {L.left() + 12, top, L.width() - 24, boundaryY() - kNoteUnderSegment - top};
    }
    if (l.experiment == ExperimentKind::Race) return {L.left() + 30, 150, L.width() - 60, 110};
    double inset = std::min(130.0, L.width() / 4) + 30;
    return {L.left() + inset, 100, L.width() - 2 * inset, 140};
}

double FlowFigure::kernelBarY(int lane) const {
    QRectF k = kernelRect(lane);
    if (!large_) return k.center().y();
    // Under the object's title (one line, or more with its name: /dev/mqueue, the FIFO's path).
    return k.top() + 4 + kernelText(lane).titleH + 6 + kKernelBarH / 2;
}

QString FlowFigure::kernelTitle(int lane) const {
    // The object's real name where it has one (what `ls /dev/mqueue` or the FIFO's directory
    // shows); pipes and sockets have none.
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    QString title = kernelObjectName(l.transport);
    if (!l.objectName.isEmpty()) title += "\n" + l.objectName;
    return title;
}

QRectF FlowFigure::kernelTitleBox(int lane) const {
    const QRectF k = kernelRect(lane);
    if (!large_) return k.adjusted(6, 4, -6, -4);
    return {k.left() + kernelTitleInset(), k.top() + 4, k.width() - 2 * kernelTitleInset(), kernelText(lane).titleH};
}

const FlowFigure::KernelText& FlowFigure::kernelText(int lane) const {
    if (kernelText_.size() != lanes_.size()) {
        kernelText_.assign(lanes_.size(), KernelText{});
        for (int i = 0; i < static_cast<int>(lanes_.size()); ++i) {
            // (As wide as kernelTitleBox, which asks for this height.)
            double w = kernelWidth(i) - 2 * kernelTitleInset();
            KernelText& t = kernelText_[static_cast<std::size_t>(i)];
            t.titleH = QFontMetricsF(font(9)).boundingRect(QRectF(0, 0, std::max(20.0, w), 1e6), Qt::AlignTop | Qt::AlignHCenter | Qt::TextWrapAnywhere, kernelTitle(i)).height();
            t.heldH = 2 * QFontMetricsF(font(7)).lineSpacing();
        }
    }
    return kernelText_[static_cast<std::size_t>(lane)];
}

bool FlowFigure::stacked(int lane, int index) const {
    const QRectF r = workerRect(lane, index);
    for (int j = 0; j < index; ++j)
        if (workerRect(lane, j) == r) return true;
    return false;
}

QRectF FlowFigure::moreBox(const QRectF& L) const {
    return large_ ? QRectF(L.left(), 76 + 84 + 2, L.width(), 28) : QRectF(L.left(), 50 + kMaxShown * 58, L.width(), 18);
}

bool FlowFigure::sideLeg(int lane, int index) const {
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    if (large_ || usesSegment(l)) return false;
    const bool right = isReceiver(l.workers[static_cast<std::size_t>(index)].role);
    int column = 0;
    for (const FlowWorker& w : l.workers) column += isReceiver(w.role) == right;
    return column > 1; // (a way down under the top box would cross the boxes under it)
}

double FlowFigure::legX(int lane, int index) const {
    const QRectF r = workerRect(lane, index);
    if (!sideLeg(lane, index)) return r.center().x();
    const bool right = isReceiver(lanes_[static_cast<std::size_t>(lane)].workers[static_cast<std::size_t>(index)].role);
    return right ? r.left() - tokenRadius() - 4 : r.right() + tokenRadius() + 4;
}

FlowFigure::CallsLayout FlowFigure::callsLayout(int lane, const QString& down, const QString& up) const {
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    const double r = tokenRadius(), B = boundaryY();
    double downX = laneRect(lane).left(), upX = laneRect(lane).right(), lowest = 0;
    for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
        // (the rightmost way down, the leftmost way up)
        if (isReceiver(l.workers[static_cast<std::size_t>(i)].role)) upX = std::min(upX, legX(lane, i));
        else downX = std::max(downX, legX(lane, i));
        lowest = std::max(lowest, workerRect(lane, i).bottom());
    }
    for (int i = 0; i < static_cast<int>(l.workers.size()); ++i)
        if (stacked(lane, i)) lowest = std::max(lowest, moreBox(laneRect(lane)).bottom()); // ("+ n more" under the boxes)
    const double left = downX + r + 6, right = upX - r - 6;
    QFontMetricsF fm(font(8));
    const double labelH = fm.height() + 2;
    CallsLayout c;
    c.down = QRectF(left, B - 4 - labelH, fm.horizontalAdvance(down) + 4, labelH);
    c.up = QRectF(right - fm.horizontalAdvance(up) - 4, B - 4 - labelH, fm.horizontalAdvance(up) + 4, labelH);
    if (c.up.left() < c.down.right() + 8) c.up.moveTop(c.down.top() - labelH - 2); // (one above the other)
    const double top = lowest + 6;
    c.calls = QRectF(left, top, std::max(20.0, right - left), std::max(labelH, std::min(c.down.top(), c.up.top()) - 4 - top));
    return c;
}

double FlowFigure::ringY(const QRectF& s) const { return large_ ? s.top() + kRingTop : s.center().y(); }

double FlowFigure::kernelWidth(int lane) const {
    const double laneW = laneRect(lane).width();
    return large_ ? std::min(460.0, laneW * 0.86) : std::min(300.0, laneW * 0.55);
}

QRectF FlowFigure::kernelRect(int lane) const {
    QRectF L = laneRect(lane);
    double B = boundaryY();
    if (large_) {
        // Under the kernel half's label; as tall as its title, bar and two lines need.
        double w = kernelWidth(lane), top = B + 38;
        const KernelText& t = kernelText(lane);
        double need = 4 + t.titleH + 6 + kKernelBarH + 6 + t.heldH + 6;
        return {L.center().x() - w / 2, top, w, std::min(std::max(need, 100.0), height_ - 8 - top)};
    }
    double w = kernelWidth(lane);
    return {L.center().x() - w / 2, B + 70, w, 100};
}

std::vector<QPointF> FlowFigure::path(const FlowToken& tok, std::size_t* mediumFirst) const {
    const FlowLane& l = lanes_[static_cast<std::size_t>(tok.lane)];
    QRectF a = workerRect(tok.lane, tok.from), b = workerRect(tok.lane, tok.to);
    std::vector<QPointF> pts;
    // A token leaves (and reaches) a box below it, not on its edge: centred on the edge, it
    // covered the bottom line of the box, the worker's state ("in section, no lock").
    const double below = tokenRadius() + 1;
    if (l.experiment == ExperimentKind::Race) {
        QRectF s = segmentRect(tok.lane);
        pts = {QPointF(a.center().x(), a.bottom() + below), QPointF(a.center().x(), s.top() + (large_ ? 16 : 40))};
    } else if (usesSegment(l)) {
        QRectF s = segmentRect(tok.lane);
        double y = ringY(s);
        if (large_)
            pts = {QPointF(a.center().x(), a.bottom() + below), QPointF(a.center().x(), y), QPointF(b.center().x(), y),
                   QPointF(b.center().x(), b.bottom() + below)};
        else
            pts = {QPointF(a.right(), a.center().y()), QPointF(s.left() + 12, y), QPointF(s.right() - 12, y),
                   QPointF(b.left(), b.center().y())};
        if (mediumFirst) *mediumFirst = 1;
    } else {
        // Down from the sender to the boundary, into the kernel object and through its bar, up
        // to the receiver. Large: into the object at its top corner and down its side, so the
        // title between the two sides is never crossed.
        QRectF k = kernelRect(tok.lane);
        double B = boundaryY(), y = kernelBarY(tok.lane);
        const double xa = legX(tok.lane, tok.from), xb = legX(tok.lane, tok.to);
        const double in = k.left() + kKernelWayIn, out = k.right() - kKernelWayIn;
        if (sideLeg(tok.lane, tok.from)) pts.push_back(QPointF(xa, a.center().y()));
        else pts.push_back(QPointF(xa, a.bottom() + below));
        pts.push_back(QPointF(xa, B));
        // Large: straight on a little way under the boundary, so that the turn towards the
        // object does not clip the call's name just above it.
        if (large_) pts.push_back(QPointF(xa, B + kStraightUnderB));
        if (large_) pts.push_back(QPointF(in, k.top()));
        if (mediumFirst) *mediumFirst = pts.size();
        pts.push_back(QPointF(in, y));
        pts.push_back(QPointF(out, y));
        if (large_) pts.push_back(QPointF(out, k.top()));
        if (large_) pts.push_back(QPointF(xb, B + kStraightUnderB));
        pts.push_back(QPointF(xb, B));
        if (sideLeg(tok.lane, tok.to)) pts.push_back(QPointF(xb, b.center().y()));
        else pts.push_back(QPointF(xb, b.bottom() + below));
    }
    if (tok.back) {
        std::reverse(pts.begin(), pts.end());
        if (mediumFirst) *mediumFirst = pts.size() - 2 - *mediumFirst;
    }
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
    std::size_t first = 0;
    std::vector<QPointF> pts = path(tok, &first);
    if (pts.size() < 4) return {1.0, 1.0};
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

void FlowFigure::setLanes(std::vector<FlowLane> lanes, bool numbersDue) {
    lanes_ = std::move(lanes);
    // At full speed the workers' states (running, spinning, in the kernel) change between almost
    // every two samples, so they are not part of the key there: re-rendering the figure 30 times
    // a second for them cost a fifth of the UI's CPU, and each render still shows one sample's
    // states together, with the numbers. In slow motion every change is rendered at once.
    bool slow = std::any_of(lanes_.begin(), lanes_.end(), [](const FlowLane& l) { return l.slowMotion; });
    QString key;
    for (const auto& l : lanes_) {
        key += QString("%1/%2/%3/%4/%5|").arg(int(l.experiment)).arg(int(l.transport)).arg(int(l.sync)).arg(l.stopped).arg(l.slowMotion);
        if (slow) key += QString("%1/%2|").arg(l.lost).arg(l.inconsistent) + l.lostStep;
        for (const auto& w : l.workers) {
            key += QString("%1:%2,").arg(w.pid).arg(w.dead);
            if (slow) key += QString("%1:%2:%3,").arg(int(w.state)).arg(w.read).arg(w.wrote);
        }
    }
    pending_ = true;
    if (key != meaningKey_ || numbersDue) renderDue_ = true; // at the next frame
    meaningKey_ = key;
}

void FlowFigure::renderIfDue() {
    if (!pending_ || !renderDue_) return;
    pending_ = renderDue_ = false;
    invalidate();
}

void FlowFigure::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget* widget) {
    // Item to viewport (the paint device's own offset in the window is the painter's business).
    const QTransform at = p->worldTransform();
    // Not a view (an export renders the scene), or turned: drawn directly.
    if (!widget || at.type() > QTransform::TxScale) {
        render(p);
        return;
    }
    const QRect device = at.mapRect(boundingRect()).toAlignedRect();
    const qreal dpr = p->device()->devicePixelRatioF();
    if (!cacheValid_ || at != cacheFor_ || cache_.devicePixelRatioF() != dpr) {
        // The same pixmap while the view keeps its size (a new one each render was 3 MB of fresh
        // pages 4 times a second), opaque: the figure covers it, and copying an opaque image to
        // the window is a plain copy where a transparent one is blended pixel by pixel.
        // render() fills the figure's own area first; the whole pixmap is filled only when new or
        // the background changes (its edges may fall between device pixels).
        if (cache_.size() != device.size() * dpr || cacheFill_ != background()) {
            if (cache_.size() != device.size() * dpr) cache_ = QPixmap(device.size() * dpr);
            cache_.fill(background());
            cacheFill_ = background();
        }
        cache_.setDevicePixelRatio(dpr);
        QPainter cp(&cache_);
        cp.setTransform(at * QTransform::fromTranslate(-device.x(), -device.y()));
        text_.setEnabled(true);
        render(&cp);
        text_.setEnabled(false);
        text_.sweep();
        cacheFor_ = at;
        cacheValid_ = true;
    }
    // In the view's pixels, only where it repaints (the whole figure when it does not say).
    p->save();
    p->resetTransform();
    QRegion where = paintRegion_.isEmpty() ? QRegion(device) : paintRegion_.intersected(device);
    copiedPixels_ = 0;
    for (const QRect& r : where) {
        copiedPixels_ += static_cast<double>(r.width()) * r.height() * dpr * dpr;
        p->drawPixmap(QRectF(r), cache_, QRectF(QPointF(r.topLeft() - device.topLeft()) * dpr, QSizeF(r.size()) * dpr));
    }
    p->restore();
}

std::pair<QString, QRectF> FlowFigure::kernelHeading(double labelH) const {
    // Where no token goes: the tokens cross its line on their way down to the kernel objects
    // and up from them. The x ranges their discs cover in the heading's band, from every way
    // a token can take (every sender to every receiver of every message-passing lane).
    const double B = boundaryY(), top = B + 4, bottom = B + 4 + labelH, r = tokenRadius() + 2;
    std::vector<std::pair<double, double>> taken;
    for (int lane = 0; lane < static_cast<int>(lanes_.size()); ++lane) {
        const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
        if (usesSegment(l) || l.experiment == ExperimentKind::Isolation) continue;
        for (int from = 0; from < static_cast<int>(l.workers.size()); ++from)
            for (int to = 0; to < static_cast<int>(l.workers.size()); ++to) {
                if (isReceiver(l.workers[static_cast<std::size_t>(from)].role) || !isReceiver(l.workers[static_cast<std::size_t>(to)].role)) continue;
                FlowToken tok;
                tok.lane = lane;
                tok.from = from;
                tok.to = to;
                const std::vector<QPointF> pts = path(tok);
                for (std::size_t i = 1; i < pts.size(); ++i) {
                    QPointF a = pts[i - 1], b = pts[i];
                    if (std::max(a.y(), b.y()) < top - r || std::min(a.y(), b.y()) > bottom + r) continue;
                    // The x range of the segment's part within the band (widened by the disc).
                    double x0 = a.x(), x1 = b.x();
                    if (a.y() != b.y()) {
                        auto xAt = [&](double y) { return a.x() + (b.x() - a.x()) * std::clamp((y - a.y()) / (b.y() - a.y()), 0.0, 1.0); };
                        x0 = xAt(top - r);
                        x1 = xAt(bottom + r);
                    }
                    taken.push_back({std::min(x0, x1) - r, std::max(x0, x1) + r});
                }
            }
    }
    std::sort(taken.begin(), taken.end());
    QFontMetricsF fm(font(9));
    // The whole label where it fits, else its first words (presenter mode's large type).
    for (const QString& label : {tr("KERNEL SPACE (reached only by system calls)"), tr("KERNEL SPACE")}) {
        const double w = fm.horizontalAdvance(label) + 4;
        double x = 8;
        for (const auto& [a, b] : taken) {
            if (x + w <= a) break;
            x = std::max(x, b);
        }
        if (x + w <= width_ - 8) return {label, QRectF(x, top, w, labelH)};
    }
    return {tr("KERNEL SPACE"), QRectF(8, top, width_ - 16, labelH)};
}

void FlowFigure::render(QPainter* p) {
    smallestPt_ = 0;
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(boundingRect(), background());
    if (!isolation_.isEmpty()) {
        // Two address spaces, no kernel path: the result takes the whole figure.
        paintIsolation(p);
        return;
    }
    // Kernel space background and the boundary every system call crosses.
    double B = boundaryY();
    p->fillRect(QRectF(0, B, width_, height_ - B), theme_.lecture ? QColor(240, 240, 240) : QColor(232, 236, 245));
    QPen boundary(QColor(70, 70, 90), 2, Qt::DashLine);
    p->setPen(boundary);
    p->drawLine(QPointF(0, B), QPointF(width_, B));
    p->setFont(font(9));
    p->setPen(QColor(70, 70, 90));
    double labelH = large_ ? 30 : 20;
    text_.draw(p, QRectF(8, 4, width_ - 16, labelH), Qt::AlignLeft, tr("USER SPACE (each process: its own address space)"));
    const auto [kernelLabel, kernelLabelAt] = kernelHeading(labelH);
    text_.draw(p, kernelLabelAt, Qt::AlignLeft, kernelLabel);

    if (lanes_.empty()) {
        p->setFont(font(12));
        text_.draw(p, QRectF(20, 60, width_ - 40, B - 80), Qt::AlignCenter | Qt::TextWordWrap,
                    tr("Press Start (Space): real worker processes will appear here."));
        return;
    }
    for (int i = 0; i < static_cast<int>(lanes_.size()); ++i) paintLane(p, i);
}

// Drawn by the token layer, every frame, above the cached figure.
const QPixmap& FlowFigure::sprite(const QColor& fill, double devRadius, qreal dpr) const {
    // (A number, not a formatted string: this runs for every token of every frame.)
    quint64 key = quint64{fill.rgba()} | quint64(qRound(devRadius * 100) & 0xffffff) << 32 | quint64(qRound(dpr * 4) & 0xff) << 56;
    auto it = sprites_.find(key);
    if (it != sprites_.end()) return *it;
    if (sprites_.size() > 64) sprites_.clear(); // (a zoom or a theme change: a new set)
    // The disc as drawEllipse draws it at this scale: radius r, a 1-unit outline (scale = devRadius / r).
    double r = tokenRadius(), scale = devRadius / r;
    int side = static_cast<int>(std::ceil(2 * devRadius + 2 * scale + 4));
    QPixmap pm(QSize(side, side) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter sp(&pm);
    sp.setRenderHint(QPainter::Antialiasing);
    sp.translate(side / 2.0, side / 2.0);
    sp.scale(scale, scale);
    sp.setPen(QPen(fill.darker(130), 1));
    sp.setBrush(fill);
    sp.drawEllipse(QPointF(0, 0), r, r);
    sp.end();
    return *sprites_.insert(key, pm);
}

void FlowFigure::paintTokens(QPainter* p, bool onScreen) const {
    if (!isolation_.isEmpty() || lanes_.empty()) return;
    p->setRenderHint(QPainter::Antialiasing);
    QFont labelFont = font(7);
    p->setFont(labelFont);
    double lineH = QFontMetricsF(labelFont).height();
    const QTransform at = p->worldTransform();
    // Sprites only where the view scales without turning (always, in this app's views).
    const bool sprites = onScreen && at.type() <= QTransform::TxScale && qFuzzyCompare(at.m11(), at.m22());
    const qreal dpr = p->device()->devicePixelRatioF();
    const double r = tokenRadius();
    for (const auto& t : tokens_) {
        if (t.lane >= static_cast<int>(lanes_.size())) continue;
        QPointF c = pathPoint(t, t.t);
        QColor col = t.collision ? QColor(220, 30, 30) : ChartTheme::laneColor(t.lane, 0);
        if (sprites) {
            const QPixmap& s = sprite(col, r * at.m11(), dpr);
            QPointF d = at.map(c) - QPointF(s.width(), s.height()) / (2 * dpr);
            p->setWorldTransform(QTransform()); // (not save/restore: a copy of the painter's state per token)
            p->drawPixmap(d, s);
            p->setWorldTransform(at);
        } else {
            p->setPen(QPen(col.darker(130), 1));
            p->setBrush(col);
            p->drawEllipse(c, r, r);
        }
        if (!t.label.isEmpty()) {
            p->setPen(Qt::black);
            // Two producers' labels ("P0 #12", "P1 #12") at one place would overwrite each other.
            p->drawText(c + QPointF(r + 2, -r - lineH * (t.producer % 3)), t.label);
        }
    }
}

std::vector<QRectF> FlowFigure::tokenRects() const {
    std::vector<QRectF> out;
    if (!isolation_.isEmpty() || lanes_.empty()) return out;
    double r = tokenRadius();
    QFontMetricsF fm(theme_.font(large_ ? 15 : 7));
    for (const auto& t : tokens_) {
        if (t.lane >= static_cast<int>(lanes_.size())) continue;
        QPointF c = pathPoint(t, t.t);
        QRectF rect(c.x() - r - 2, c.y() - r - 2, 2 * r + 4, 2 * r + 4);
        if (!t.label.isEmpty()) // the label to the right, up to three lines up (see paintTokens)
            rect = rect.united(QRectF(c.x(), c.y() - r - fm.height() * 3 - 4, r + 6 + fm.horizontalAdvance(t.label), fm.height() * 3 + 4));
        out.push_back(rect);
    }
    return out;
}

std::vector<QRectF> FlowFigure::textBoxes() {
    QImage img(static_cast<int>(std::ceil(width_)), static_cast<int>(std::ceil(height_)), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&img);
    std::vector<QRectF> boxes;
    text_.setRecorder(&boxes);
    render(&p);
    text_.setRecorder(nullptr);
    return boxes;
}

void FlowFigure::paintLane(QPainter* p, int lane) {
    const FlowLane& l = lanes_[static_cast<std::size_t>(lane)];
    QRectF L = laneRect(lane);
    double B = boundaryY();
    if (lane > 0) {
        p->setPen(QPen(QColor(150, 150, 150), 1, Qt::DotLine));
        p->drawLine(L.topLeft(), L.bottomLeft());
    }
    // Lane header: what is measured right now.
    p->setPen(Qt::black);
    QString unit = l.experiment == ExperimentKind::Race ? tr("updates/s") : l.experiment == ExperimentKind::PingPong ? tr("round trips/s") : tr("msgs/s");
    QString header = tr("%1: %2 %3").arg(l.name.isEmpty() ? nameOf(l.transport) : l.name, human(l.rate), unit);
    if (l.stopped) header = large_ ? tr("%1 (stopped)").arg(header) : tr("%1 (stopped; last measured)").arg(header);
    QRectF headerBox(L.left() + 6, large_ ? 34 : 20, L.width() - 12, large_ ? 36 : 22);
    p->setFont(fitted(font(10, true), header, headerBox.width()));
    text_.draw(p, headerBox, Qt::AlignHCenter, header);

    // Workers (real PIDs).
    int hidden = 0;
    for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
        const FlowWorker& w = l.workers[static_cast<std::size_t>(i)];
        QRectF r = workerRect(lane, i);
        if (stacked(lane, i)) { ++hidden; continue; }
        QFont nameFont = font(8), stateFont = font(7);
        QRectF inner = r.adjusted(4, 2, -4, -2);
        // A long state ("killed by signal 9 (Killed)") wraps; the box grows to hold it.
        QRectF nameBox = QFontMetricsF(nameFont).boundingRect(inner, Qt::AlignHCenter | Qt::AlignTop, nameOf(w.role) + "\nPID 0");
        QRectF stateBox = QFontMetricsF(stateFont).boundingRect(inner, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, stateWord(w));
        if (nameBox.height() + stateBox.height() > inner.height()) r.setHeight(nameBox.height() + stateBox.height() + 4);
        p->setPen(QPen(QColor(60, 60, 60), theme_.lecture || large_ ? 2 : 1));
        p->setBrush(stateColor(w));
        p->drawRoundedRect(r, 6, 6);
        p->setPen(Qt::black);
        p->setFont(nameFont);
        text_.draw(p, r.adjusted(4, 2, -4, -2), Qt::AlignHCenter | Qt::AlignTop, nameOf(w.role) + "\nPID " + QString::number(w.pid));
        p->setFont(stateFont);
        text_.draw(p, r.adjusted(4, 2, -4, -2), Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, stateWord(w));
    }
    if (hidden) {
        p->setPen(QColor(80, 80, 80));
        p->setFont(font(8));
        text_.draw(p, moreBox(L), Qt::AlignHCenter, tr("+ %n more worker(s), see the process table", nullptr, hidden));
    }

    QColor flashCol = QColor(220, 30, 30, static_cast<int>(255 * l.flash));
    if (usesSegment(l)) {
        QRectF s = segmentRect(lane);
        // The segment is one region of physical memory, mapped into every worker's address space.
        p->setPen(QPen(QColor(120, 120, 160), 1, Qt::DashLine));
        for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
            QRectF r = workerRect(lane, i);
            QPointF from = l.experiment == ExperimentKind::Race || large_
                               ? QPointF(r.center().x(), r.bottom())
                               : (r.center().x() < s.center().x() ? QPointF(r.right(), r.bottom() - 6) : QPointF(r.left(), r.bottom() - 6));
            QPointF to(std::clamp(from.x(), s.left(), s.right()), s.top());
            p->drawLine(from, to);
        }
        p->setPen(QPen(l.flash > 0 ? flashCol : QColor(60, 90, 160), l.flash > 0 ? 4 : 2));
        p->setBrush(QColor(210, 225, 250));
        p->drawRoundedRect(s, 8, 8);
        p->setPen(Qt::black);
        p->setFont(font(8));
        QString title = segmentTitle(lane);
        QTextOption wrap(Qt::AlignHCenter);
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // words whole; a long name may break
        text_.draw(p, segmentTitleBox(lane), title, wrap);
        if (l.experiment == ExperimentKind::Race) {
            p->setFont(raceCounterFont(lane));
            text_.draw(p, raceCounterBox(lane), (large_ ? Qt::AlignVCenter : Qt::AlignTop) | Qt::AlignHCenter | Qt::TextWordWrap,
                        raceCounterText(lane));
        } else {
            // The ring's slots, filled by what is in flight.
            int cells = 16;
            int filled = l.inFlight > 0 ? std::clamp(static_cast<int>(std::ceil(l.inFlight / std::max(1.0, l.capacity) * cells)), 1, cells) : 0;
            double cw = (s.width() - 40) / cells, ch = large_ ? kRingCellH : 24;
            for (int c = 0; c < cells; ++c) {
                QRectF cell(s.left() + 20 + c * cw, ringY(s) - ch / 2, cw - 3, ch);
                p->setPen(QColor(100, 120, 170));
                p->setBrush(c < filled ? QColor(90, 140, 220) : QColor(245, 248, 255));
                p->drawRect(cell);
            }
            p->setPen(Qt::black);
            p->setFont(font(8));
            QString ring = tr("ring: %1 of %2 slots in use").arg(QString::number(l.inFlight, 'f', 0), QString::number(l.capacity, 'f', 0));
            // (The calls per message are said in the kernel half, where they would be.)
            QRectF ringText = large_ ? QRectF(s.left() + 6, ringY(s) + ch / 2 + 2, s.width() - 12, kRingLineH)
                                     : QRectF(s.left() + 6, ringY(s) + ch / 2, s.width() - 12, s.bottom() - ringY(s) - ch / 2);
            text_.draw(p, ringText, Qt::AlignCenter | Qt::TextWordWrap, ring);
        }
        // Under the segment: who holds the lock and who waits, or what no lock means.
        double noteH = large_ ? 40 : 26;
        QRectF note(s.left(), s.bottom() + 8, s.width(), noteH);
        if (l.sync != SyncMode::None && l.sync != SyncMode::Atomic) {
            QString holder;
            int waiting = 0;
            for (const auto& w : l.workers) {
                if (w.state == WorkerState::HoldingLock && !w.dead) holder = QString::number(w.pid);
                // (A spin lock's waiters spin; in a stream a spinning worker may be waiting for the ring.)
                waiting += !w.dead && (w.state == WorkerState::WaitingLock ||
                                       (w.state == WorkerState::Spinning && l.sync == SyncMode::Spinlock && l.experiment == ExperimentKind::Race));
            }
            p->setFont(font(8));
            QString lockText = tr("%1: %2").arg(toQString(toString(l.sync)), holder.isEmpty() ? tr("free") : tr("held by %1").arg(holder));
            double lockW = std::min(s.width() / 2, QFontMetricsF(p->font()).horizontalAdvance(lockText) + 24);
            QRectF lockBox(s.right() - lockW, note.top(), lockW, noteH);
            p->setPen(QColor(120, 90, 0));
            p->setBrush(QColor(255, 225, 140));
            p->drawRoundedRect(lockBox, 4, 4);
            p->setPen(Qt::black);
            text_.draw(p, lockBox, Qt::AlignCenter, lockText);
            double sq = large_ ? 24 : 16;
            for (int i = 0; i < std::min(waiting, 8); ++i) {
                QRectF wq(lockBox.left() - (sq + 6) * (i + 1), lockBox.center().y() - sq / 2, sq, sq);
                p->setBrush(QColor(255, 150, 120));
                p->drawRect(wq);
            }
            if (waiting) text_.draw(p, QRectF(s.left(), note.top(), lockBox.left() - 10 - std::min(waiting, 8) * (sq + 6) - s.left(), noteH),
                                     Qt::AlignRight | Qt::AlignVCenter, tr("%n waiting", nullptr, waiting));
        } else if (l.sync == SyncMode::None) {
            p->setPen(QColor(190, 30, 30));
            p->setFont(font(9));
            text_.draw(p, note, Qt::AlignCenter | Qt::TextWordWrap, tr("no synchronization: concurrent writes collide"));
        }
        if (l.experiment != ExperimentKind::Race) {
            // The kernel half is not empty for shared memory: what is (not) there is the point.
            p->setPen(QColor(40, 110, 40));
            const QString text = tr("%1 system calls/msg moving data, %2 waiting (measured)")
                                         .arg(QString::number(l.sendCallsPerMsg + l.receiveCallsPerMsg, 'f', 2), QString::number(l.waitCallsPerMsg, 'f', 2)) +
                                 "\n" + tr("data never crosses into the kernel: plain loads and stores") + "\n" +
                                 tr("(the kernel only set the segment up: shm_open and mmap, once)");
            // Large: above the footnote (in a wide, short figure the wrapped lines ran into it),
            // a line each where a smaller size (never under 15 pt) lets them.
            QRectF k(L.left() + 16, B + (large_ ? 40 : 30), L.width() - 32, height_ - B - (large_ ? 96 : 70));
            p->setFont(large_ ? fitted(font(9), text, k.width()) : font(9));
            text_.draw(p, k, Qt::AlignCenter | Qt::TextWordWrap, text);
        }
    } else {
        QRectF k = kernelRect(lane);
        p->setPen(QPen(l.flash > 0 ? flashCol : QColor(90, 90, 120), l.flash > 0 ? 4 : 2));
        p->setBrush(QColor(255, 250, 235));
        p->drawRoundedRect(k, 8, 8);
        p->setPen(Qt::black);
        p->setFont(font(9));
        text_.draw(p, kernelTitleBox(lane), Qt::AlignTop | Qt::AlignHCenter | Qt::TextWrapAnywhere, kernelTitle(lane));
        double fill = std::clamp(l.inFlight / std::max(1.0, l.capacity), 0.0, 1.0);
        double barY = kernelBarY(lane);
        QRectF bar(k.left() + 14, barY - (large_ ? kKernelBarH / 2 : 8), k.width() - 28, large_ ? kKernelBarH : 16);
        p->setBrush(Qt::white);
        p->drawRect(bar);
        p->setBrush(QColor(240, 160, 60));
        p->drawRect(QRectF(bar.left(), bar.top(), bar.width() * fill, bar.height()));
        p->setFont(font(7));
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
        text_.draw(p, QRectF(k.left() + 6, bar.bottom() + 4, k.width() - 12, k.bottom() - 4 - bar.bottom() - 4),
                    Qt::AlignBottom | Qt::AlignHCenter | Qt::TextWordWrap, held + "\n" + tr("the kernel copies every byte twice"));
        // The system calls that cross the boundary (the workers' own: every stream is write()
        // and read(), sockets too), and how many a message takes: in user space, where the
        // calls are made, between the tokens' way down and their way up.
        p->setFont(font(8));
        p->setPen(QColor(150, 60, 0));
        QString calls = large_ ? tr("%1 system calls/msg (%2 send + %3 receive), measured")
                                     .arg(QString::number(l.sendCallsPerMsg + l.receiveCallsPerMsg, 'f', 2),
                                          QString::number(l.sendCallsPerMsg, 'f', 2), QString::number(l.receiveCallsPerMsg, 'f', 2))
                               : tr("%1 (measured)").arg(callsText(l));
        QString down = QString::fromUtf8("↓ ") + (l.transport == TransportKind::MessageQueue ? "mq_send()" : "write()");
        QString up = (l.transport == TransportKind::MessageQueue ? "mq_receive()" : l.transport == TransportKind::File ? "pread()" : "read()") + QString::fromUtf8(" ↑");
        const CallsLayout c = callsLayout(lane, down, up);
        // ("calls/msg" stays whole: a narrow column broke the line after the slash.)
        calls.replace(QStringLiteral("/"), QStringLiteral("/") + QChar(0x2060));
        text_.draw(p, c.calls, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, calls);
        text_.draw(p, c.down, Qt::AlignLeft | Qt::AlignVCenter, down);
        text_.draw(p, c.up, Qt::AlignRight | Qt::AlignVCenter, up);
    }
    if (l.experiment == ExperimentKind::Race && !(l.slowMotion && !l.lostStep.isEmpty())) {
        p->setPen(QColor(40, 110, 40));
        p->setFont(font(9));
        QString kernel = tr("the counter is plain memory: no system call reads or writes it");
        if (l.sync == SyncMode::Mutex || l.sync == SyncMode::Semaphore)
            kernel += "\n" + tr("a worker that finds the lock taken sleeps here, in the kernel (futex), until it is free");
        text_.draw(p, QRectF(L.left() + 16, B + (large_ ? 40 : 30), L.width() - 32, height_ - B - (large_ ? 100 : 80)),
                    Qt::AlignCenter | Qt::TextWordWrap, kernel);
    }
    // The bottom line: a failure, what slow motion shows, or what the token rate means.
    double footH = large_ ? 48 : 20;
    QRectF foot(L.left() + 6, height_ - footH - (large_ ? 4 : 30), L.width() - 12, footH);
    if (l.experiment != ExperimentKind::Race && (l.lost || l.inconsistent)) {
        p->setPen(QColor(200, 20, 20));
        p->setFont(font(9));
        text_.draw(p, QRectF(L.left(), height_ - (large_ ? 100 : 30), L.width(), large_ ? 48 : 24), Qt::AlignCenter | Qt::TextWordWrap,
                    tr("lost/duplicated: %1   corrupted/out of order: %2").arg(QString::number(l.lost), QString::number(l.inconsistent)));
    }
    if (l.slowMotion && l.experiment == ExperimentKind::Race) {
        // Each worker's own read and write of the counter, as it published them.
        for (int i = 0; i < static_cast<int>(l.workers.size()); ++i) {
            const FlowWorker& w = l.workers[static_cast<std::size_t>(i)];
            if (w.read < 0) continue;
            QRectF r = workerRect(lane, i);
            // Large: the box's width; on two lines (read, wrote) when one would not fit.
            QRectF under = large_ ? QRectF(r.left() - 4, r.bottom() + 2, r.width() + 8, 56) : QRectF(r.left() - 30, r.bottom() + 2, r.width() + 60, 22);
            QString step = w.wrote < 0 ? tr("read %1 …").arg(w.read) : tr("read %1 → wrote %2").arg(w.read).arg(w.wrote);
            if (large_ && w.wrote >= 0 && QFontMetricsF(font(9, true)).horizontalAdvance(step) > under.width())
                step = tr("read %1\n→ wrote %2").arg(w.read).arg(w.wrote);
            p->setPen(w.wrote < 0 ? QColor(150, 90, 0) : QColor(30, 90, 30));
            p->setFont(fitted(font(9, true), step, under.width()));
            // Two lines in a font with tall line spacing (Korean) need a little more than the
            // gap: never clip them (the segment's top edge only passes behind the second line's descent).
            text_.draw(p, under, Qt::AlignHCenter | Qt::AlignTop | Qt::TextDontClip, step);
        }
        if (!l.lostStep.isEmpty()) {
            p->setPen(QColor(200, 20, 20));
            p->setFont(font(12, true));
            QRectF lostBox = large_ ? QRectF(L.left() + 10, B + 36, L.width() - 20, foot.top() - B - 40) : QRectF(L.left() + 10, B + 40, L.width() - 20, 60);
            text_.draw(p, lostBox, Qt::AlignCenter | Qt::TextWordWrap, l.lostStep);
        }
        p->setPen(QColor(90, 90, 90));
        p->setFont(font(8));
        text_.draw(p, foot, Qt::AlignCenter | Qt::TextWordWrap,
                    tr("slow motion: each worker reads the counter, waits, then writes it back (values as published)"));
    } else if (l.slowMotion) {
        p->setPen(QColor(90, 90, 90));
        p->setFont(font(8));
        text_.draw(p, foot, Qt::AlignCenter | Qt::TextWordWrap, tr("slow motion: every token is a real message (producer #sequence)"));
    } else if (l.rate > 0 && !(large_ && !usesSegment(l) && foot.top() < kernelRect(lane).bottom())) {
        // (Large, in a wide and flat view: no room under the kernel object for this note.)
        p->setPen(QColor(90, 90, 90));
        p->setFont(font(7));
        text_.draw(p, foot, Qt::AlignCenter | Qt::TextWordWrap, tr("token rate on a log scale of the measured %1/s").arg(human(l.rate)));
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
        // Large: 16/15 pt (not twice 14/12: the result must still fit the figure).
        QFont f = theme_.font(large_ ? (section == 0 ? 16 : 15) : (section == 0 ? 14 : 12));
        if (smallestPt_ <= 0 || f.pointSizeF() < smallestPt_) smallestPt_ = f.pointSizeF();
        f.setBold(first && section != 1);
        first = false;
        p->setFont(f);
        p->setPen(section == 1 ? QColor(70, 70, 70) : section == 2 ? QColor(30, 70, 160) : QColor(0, 0, 0));
        QRectF box(30, y, width_ - 60, height_ - y);
        QRectF used = p->boundingRect(box, Qt::AlignLeft | Qt::TextWordWrap, line);
        text_.draw(p, box, Qt::AlignLeft | Qt::TextWordWrap, line);
        y += used.height() + 8;
    }
}

} // namespace ipclab::ui
