#include "text_block_cache.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QTextOption>

#include <cmath>

namespace ipclab::ui {

namespace {
// What decides a block's pixels besides its text: font, colour, box size, flags, the painter's
// scale and pixel ratio, and where the box falls inside a device pixel (an integer shift of the
// same drawing gives the same pixels; a fractional one does not).
QString keyOf(const QPainter& p, const QRectF& rect, const QString& what, const QString& text) {
    const QTransform& t = p.worldTransform();
    const qreal dpr = p.device()->devicePixelRatioF();
    QPointF at = t.map(rect.topLeft()) * dpr;
    auto frac = [](qreal v) { return std::round((v - std::floor(v)) * 64.0); };
    return QStringLiteral("%1|%2|%3|%4x%5|%6,%7|%8|%9,%10|")
               .arg(p.font().key())
               .arg(p.pen().color().rgba(), 0, 16)
               .arg(what)
               .arg(rect.width(), 0, 'g', 10)
               .arg(rect.height(), 0, 'g', 10)
               .arg(t.m11(), 0, 'g', 10)
               .arg(t.m22(), 0, 'g', 10)
               .arg(dpr)
               .arg(frac(at.x()))
               .arg(frac(at.y())) +
           text;
}

// A plain raster target at a scale (no rotation or shear), painted in the normal way: there a
// copied block is the drawn one.
bool cacheable(const QPainter& p) {
    const QPaintEngine* e = p.paintEngine();
    return e && e->type() == QPaintEngine::Raster && p.worldTransform().type() <= QTransform::TxScale &&
           p.compositionMode() == QPainter::CompositionMode_SourceOver && p.pen().style() == Qt::SolidLine &&
           p.pen().brush().style() == Qt::SolidPattern && !p.hasClipping();
}
} // namespace

template <typename ExtentFn, typename DrawFn>
void TextBlockCache::drawCached(QPainter* p, QPointF anchor, const QString& key, ExtentFn extentOf, DrawFn direct) {
    auto it = blocks_.find(key);
    const qreal dpr = p->device()->devicePixelRatioF();
    const QTransform toDevice = p->worldTransform() * QTransform::fromScale(dpr, dpr);
    // The device pixel the box starts in: the same words in the same box drawn elsewhere (a
    // second worker's "running") are the same block, placed from here.
    const QPointF origin = toDevice.map(anchor);
    const QPoint whole(static_cast<int>(std::floor(origin.x())), static_cast<int>(std::floor(origin.y())));
    if (it == blocks_.end()) {
        ++misses_;
        // The device pixels the text can touch, with room for antialiasing and overhangs.
        QRect px = toDevice.mapRect(extentOf()).toAlignedRect().adjusted(-3, -3, 3, 3);
        Block b;
        b.at = px.topLeft() - whole;
        b.image = QImage(px.size().expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
        b.image.fill(Qt::transparent);
        b.image.setDotsPerMeterX(qRound(p->device()->logicalDpiX() * 100 / 2.54));
        b.image.setDotsPerMeterY(qRound(p->device()->logicalDpiY() * 100 / 2.54));
        {
            QPainter ip(&b.image);
            ip.setRenderHints(p->renderHints());
            ip.setFont(p->font());
            ip.setPen(p->pen());
            ip.setTransform(toDevice * QTransform::fromTranslate(-px.left(), -px.top()));
            direct(&ip);
        }
        it = blocks_.insert(key, std::move(b));
    } else {
        ++hits_;
    }
    it->used = true;
    p->save();
    p->resetTransform();
    QImage& img = it->image;
    img.setDevicePixelRatio(dpr);
    p->drawImage(QPointF(whole + it->at) / dpr, img);
    p->restore();
}

void TextBlockCache::draw(QPainter* p, const QRectF& rect, int flags, const QString& text) {
    if (recorder_ && !text.isEmpty()) recorder_->push_back(p->worldTransform().mapRect(p->boundingRect(rect, flags, text)));
    if (!enabled_ || text.isEmpty() || !cacheable(*p)) {
        p->drawText(rect, flags, text);
        return;
    }
    // Unclipped text may run outside its box (measured only when the block is new).
    auto extent = [&] {
        return flags & Qt::TextDontClip ? rect | QFontMetricsF(p->font(), p->device()).boundingRect(rect, flags, text) : rect;
    };
    drawCached(p, rect.topLeft(), keyOf(*p, rect, QString::number(flags), text), extent, [&](QPainter* ip) { ip->drawText(rect, flags, text); });
}

void TextBlockCache::draw(QPainter* p, const QRectF& rect, const QString& text, const QTextOption& option) {
    if (recorder_ && !text.isEmpty()) recorder_->push_back(p->worldTransform().mapRect(p->boundingRect(rect, text, option)));
    if (!enabled_ || text.isEmpty() || !cacheable(*p)) {
        p->drawText(rect, text, option);
        return;
    }
    QString what = QStringLiteral("o%1.%2.%3").arg(int(option.alignment())).arg(int(option.wrapMode())).arg(int(option.flags()));
    drawCached(p, rect.topLeft(), keyOf(*p, rect, what, text), [&] { return rect | p->boundingRect(rect, text, option); },
               [&](QPainter* ip) { ip->drawText(rect, text, option); });
}

void TextBlockCache::sweep() {
    for (auto it = blocks_.begin(); it != blocks_.end();) {
        if (!it->used) {
            it = blocks_.erase(it);
        } else {
            it->used = false;
            ++it;
        }
    }
}

} // namespace ipclab::ui
