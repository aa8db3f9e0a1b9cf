#pragma once
// Text blocks of a picture that is re-rendered often with mostly the same words (the scene's
// figure, 4 times a second at full speed): each block is shaped and rasterized once, kept as a
// small image at the device's resolution and copied while it is unchanged. Laying out wrapped
// text (HarfBuzz shaping, line breaking) was about half of a figure render in `perf`, and a
// render is the longest stretch the window takes the CPU from the workers.
#include <QHash>
#include <QImage>
#include <QPoint>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;
class QTextOption;

namespace ipclab::ui {

class TextBlockCache {
public:
    // Draws exactly as p->drawText(rect, flags, text) does. Copied from the cache while enabled
    // and `p` paints a raster device at a plain scale (the figure's screen cache); otherwise
    // drawn directly, so exports (SVG, PDF, print) keep vector text.
    void draw(QPainter* p, const QRectF& rect, int flags, const QString& text);
    // As p->drawText(rect, text, option).
    void draw(QPainter* p, const QRectF& rect, const QString& text, const QTextOption& option);

    void setEnabled(bool on) { enabled_ = on; }
    // While set, every block drawn adds the box its text covers (the painter's world
    // coordinates) to `boxes` (tests: what moves over the picture must not cover its words).
    void setRecorder(std::vector<QRectF>* boxes) { recorder_ = boxes; }
    // Forgets the blocks not drawn since the last sweep: what the picture no longer shows.
    void sweep();

    // Blocks rendered and blocks copied (tests, profiling).
    int misses() const { return misses_; }
    int hits() const { return hits_; }

private:
    struct Block {
        QImage image;  // premultiplied, transparent around the glyphs, device pixels
        QPoint at;     // its top-left in device pixels, from the pixel its box starts in
        bool used = true;
    };
    // anchor: the box's top-left; extentOf(): the box the text may cover (asked on a miss), both
    // in the painter's coordinates.
    template <typename ExtentFn, typename DrawFn>
    void drawCached(QPainter* p, QPointF anchor, const QString& key, ExtentFn extentOf, DrawFn direct);

    QHash<QString, Block> blocks_;
    bool enabled_ = false;
    std::vector<QRectF>* recorder_ = nullptr;
    int misses_ = 0, hits_ = 0;
};

} // namespace ipclab::ui
