#pragma once
// The textbook figure, made live: user space on top with one box per worker process (real PIDs),
// the shared segment mapped into their address spaces; kernel space below the user/kernel
// boundary with the transport's kernel object. It paints FlowLanes (flow_model.h) into a cached
// pixmap at the view's resolution; the tokens, which move every frame, are painted by its
// TokenLayer child on top.
#include "chart_theme.h"
#include "flow_model.h"
#include "text_block_cache.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPixmap>
#include <QGraphicsObject>

#include <deque>
#include <vector>

namespace ipclab::ui {

struct FlowToken {
    int lane = 0;
    int from = 0, to = 0;     // worker indexes
    bool back = false;        // pingpong reply / race write-back
    double t = 0;             // 0..1 along the path
    double speed = 1;         // path fractions per second
    QString label;            // "P0 #12" in slow motion
    bool collision = false;
    // Slow motion: the token is one real message (producer, seq). It waits in the medium (at
    // holdAt) until that message's Received event arrives, so the tokens in a buffer are the
    // messages in it.
    uint32_t producer = 0;
    uint64_t seq = 0;
    bool waits = false;
    double holdAt = 1;
    // Received: the message is no longer in the medium, so the token is not drawn in it (it
    // jumps over the medium's span [mediumFrom, mediumTo] of its path).
    bool skipsMedium = false;
    double mediumFrom = 1, mediumTo = 1;
};

class FlowFigure : public QGraphicsObject {
    Q_OBJECT
public:
    // The figure's least size; it grows in one direction to take its view's shape, so the scene
    // fills its area instead of sitting in a strip.
    static constexpr double kWidth = 1000, kHeight = 540;
    // The large layout's least height: its kernel half holds larger words (the figure grows to
    // the view's shape from there, and is scaled down with them).
    static constexpr double kLargeHeight = 575;
    // The least size for a layout, stretched to a view's width / height.
    static QSizeF shapeFor(double aspect, bool large);
    // Large race: where the segment starts, how far the tokens come into it, the note under it.
    static constexpr double kRaceSegmentTop = 222, kRaceTokensIn = 34, kNoteUnderSegment = 56;
    static constexpr double kKernelHalfForRace = 130; // its label, one line, the footnote
    FlowFigure();
    QRectF boundingRect() const override { return {0, 0, width_, height_}; }
    // The view's width / height: the figure takes that shape.
    void setAspect(double aspect);
    // Presenter mode: every text at least 15 pt in a 1000-wide figure (24 px once a 1920x1080
    // screen scales it), secondary lines shortened, the layout made for that.
    void setLarge(bool large);
    bool large() const { return large_; }
    // The smallest size the normal layout draws (its 7 pt notes), in points: FlowView takes the
    // large layout where the view's scale would make it too small to read.
    double leastNormalPt() const { return theme_.font(7).pointSizeF(); }
    // The smallest text drawn in the last paint (figure points; the view's scale makes pixels).
    double smallestTextPt() const { return smallestPt_; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget* widget) override;
    // Where the view is repainting, in its viewport's coordinates (FlowView sets it around each
    // paint): only that part of the cached figure is drawn. A token frame repaints a few small
    // rectangles; Qt's own item cache drew the whole pixmap, clipped, and the raster engine split
    // every such draw of a large image across its thread pool: ~300 wake-ups of two threads a
    // second next to busy workers (perf probe on QThreadPool::start, --bench-ui).
    void setPaintRegion(const QRegion& viewportRegion) { paintRegion_ = viewportRegion; }
    // Device pixels of the cached figure the last view paint copied (tests, --bench-ui).
    double lastCopiedPixels() const { return copiedPixels_; }
    // The screen cache's text blocks (tests: an unchanged figure shapes no text again).
    const TextBlockCache& textCache() const { return text_; }

    void setTheme(const ChartTheme& t) {
        theme_ = t;
        invalidate();
    }
    QColor background() const { return theme_.lecture ? Qt::white : QColor(248, 249, 252); }
    // New data. What a viewer reads (rates, calls per message, fill, states at full speed) is
    // re-rendered when `numbersDue` says so: the window does that kRenderHz times a second, with
    // the same sample as its big number, so the two never show different moments. What changes
    // the picture's meaning (a death, a stop, a new sync; in slow motion also a worker's state or
    // a loss) at once. The 60 Hz frames in between only move the tokens.
    void setLanes(std::vector<FlowLane> lanes, bool numbersDue = true);
    // Numbers that change faster than this cannot be read; each render costs a whole-figure
    // paint (the UI's largest cost at full speed).
    static constexpr int kRenderHz = 4;
    // Called every frame: renders data that was held back, once it is due.
    void renderIfDue();
    const std::vector<FlowLane>& lanes() const { return lanes_; }
    // (Every sample clears it: only a real change repaints, or the whole figure would be
    // re-rendered 30 times a second.)
    void setIsolation(QStringList lines) {
        if (lines == isolation_) return;
        isolation_ = std::move(lines);
        invalidate();
    }
    // Nothing measured to show (before the first run, or a run without workers in the scene).
    bool isEmpty() const { return lanes_.empty() && isolation_.isEmpty(); }
    std::deque<FlowToken>& tokens() { return tokens_; }
    void advance(double dtS);
    QGraphicsItem* tokenLayer() const { return tokenLayer_; }
    // The part of a token's path inside the medium (ring or kernel object), as fractions 0..1.
    std::pair<double, double> mediumSpan(const FlowToken& tok) const;
    // On screen (`onScreen`: a view's paint, not an export) each disc is a sprite drawn once at
    // the device's resolution and copied: an antialiased ellipse and its outline are a path
    // stroked and filled per token per frame, most of a frame's CPU with a hundred tokens.
    // Exports draw the discs as shapes (vector output stays vector).
    void paintTokens(QPainter* p, bool onScreen = false) const;
    // Where each token is drawn (disc and label), in figure coordinates: what a frame repaints.
    std::vector<QRectF> tokenRects() const;
    // The box of every text the figure draws, in figure coordinates (tests: tokens move around
    // the words, not over them).
    std::vector<QRectF> textBoxes();

    // Inside a race's shared-memory segment: the box its counter lines get, the lines' height, and
    // the box of the segment's title (large: the counter between the tokens' way in and the title).
    QRectF raceCounterBox(int lane) const;
    double raceCounterHeight() const;
    QFont raceCounterFont(int lane) const; // smaller only when the box is short of raceCounterHeight
    QString raceCounterText(int lane) const; // two lines, or one where the box is wide and short
    QRectF segmentTitleBox(int lane) const;

private:
    QFont font(int basePt, bool bold = false) const;
    QString segmentTitle(int lane) const;
    double titleHeight(int lane) const; // the segment title's wrapped height (large)
    QFont fitted(QFont f, const QString& text, double width) const;
    double boundaryY() const;
    QRectF laneRect(int lane) const;
    QRectF workerRect(int lane, int index) const;
    QRectF segmentRect(int lane) const;
    QRectF kernelRect(int lane) const;
    double kernelBarY(int lane) const; // the kernel object's fill bar (and tokens through it)
    // Large: the kernel object's title, inside the two lines the tokens take down to its bar and
    // up from it, and the two lines under the bar; measured once a change of the figure.
    QRectF kernelTitleBox(int lane) const;
    QString kernelTitle(int lane) const;
    struct KernelText {
        double titleH = 0, heldH = 0;
    };
    const KernelText& kernelText(int lane) const;
    double kernelWidth(int lane) const;
    // Large: the title keeps this far from the box's sides, where the tokens go down (see path).
    double kernelTitleInset() const { return kKernelWayIn + tokenRadius() + 4; }
    static constexpr double kKernelWayIn = 10; // tokens go into the kernel object this far inside its sides
    // A worker's box drawn over an earlier one's (more workers than a column shows), and where
    // "+ n more" is said instead.
    bool stacked(int lane, int index) const;
    QRectF moreBox(const QRectF& laneRect) const;
    // Where a worker's tokens go down to the kernel (or come up from it): under the box's
    // middle, or beside the column of boxes when it holds more than one (normal layout).
    double legX(int lane, int index) const;
    bool sideLeg(int lane, int index) const;
    // The calls line and the system-call names of a message-passing lane: in user space,
    // between the lane's way down and its way up, never on them.
    struct CallsLayout {
        QRectF calls, down, up;
    };
    CallsLayout callsLayout(int lane, const QString& down, const QString& up) const;
    double ringY(const QRectF& segment) const; // where the ring's slots (and tokens through them) are
    // A token's way through its points; `mediumFirst`: the point where the medium (ring or kernel
    // object) starts, the next one where it ends.
    std::vector<QPointF> path(const FlowToken& tok, std::size_t* mediumFirst = nullptr) const;
    QPointF pathPoint(const FlowToken& tok, double t) const;
    void paintLane(QPainter* p, int lane);
    void paintIsolation(QPainter* p);
    void render(QPainter* p); // the whole figure
    // The kernel half's label and its box: where no token passes (one line of labelH).
    std::pair<QString, QRectF> kernelHeading(double labelH) const;
    void invalidate() {       // the figure changed: render it again at the next paint
        cacheValid_ = false;
        raceNeed_ = -1;       // (and measure the race segment's text again, once)
        kernelText_.clear();  // (and the kernel objects' text)
        segmentNeed_ = -1;    // (and the streams' segments')
        update();
    }

    ChartTheme theme_;
    std::vector<FlowLane> lanes_;
    mutable double raceNeed_ = -1; // the large race segment's text height; < 0: to be measured
    mutable std::vector<KernelText> kernelText_; // per lane, measured when asked after a change
    mutable double segmentNeed_ = -1; // a large stream segment's height for what it holds; < 0: to be measured
    std::deque<FlowToken> tokens_;
    QStringList isolation_;
    QGraphicsItem* tokenLayer_; // child item: deleted with the figure
    double width_ = kWidth, height_ = kHeight;
    bool large_ = false;
    double aspect_ = kWidth / kHeight;
    void reshape(); // to aspect_ and the layout's least size
    mutable double smallestPt_ = 0;
    QString meaningKey_;      // what, if it changes, is rendered at once
    bool renderDue_ = true;   // render held-back data at the next frame
    bool pending_ = false;    // new data not rendered yet
    QPixmap cache_;           // the figure as the view shows it (device pixels)
    QTransform cacheFor_;     // the view's transform it was rendered with
    bool cacheValid_ = false;
    QColor cacheFill_;        // the background the whole pixmap was last filled with
    QRegion paintRegion_;
    TextBlockCache text_;     // the figure's words, rasterized once while they do not change
    // Token discs as drawn on screen, by colour, radius in device pixels (x100) and pixel ratio.
    mutable QHash<quint64, QPixmap> sprites_;
    const QPixmap& sprite(const QColor& fill, double devRadius, qreal dpr) const;
    double tokenRadius() const { return large_ ? 11 : theme_.lecture ? 8 : 6; } // a token disc's, in figure units
    double copiedPixels_ = 0;
};

} // namespace ipclab::ui
