#include "gif_encoder.h"

#include <gif_lib.h>
#include <libimagequant.h>

#include <cmath>
#include <memory>

namespace ipclab::ui {

namespace {
// RAII for libimagequant's handles.
struct LiqFree {
    void operator()(liq_attr* a) const { liq_attr_destroy(a); }
    void operator()(liq_image* i) const { liq_image_destroy(i); }
    void operator()(liq_result* r) const { liq_result_destroy(r); }
};
template <typename T>
using Liq = std::unique_ptr<T, LiqFree>;

// The smallest rectangle holding every pixel that differs between two same-sized images.
QRect changed(const QImage& a, const QImage& b) {
    int top = -1, bottom = -1, left = a.width(), right = -1;
    for (int y = 0; y < a.height(); ++y) {
        const auto* ra = reinterpret_cast<const uint32_t*>(a.constScanLine(y));
        const auto* rb = reinterpret_cast<const uint32_t*>(b.constScanLine(y));
        int l = 0;
        while (l < a.width() && ra[l] == rb[l]) ++l;
        if (l == a.width()) continue;
        int r = a.width() - 1;
        while (r > l && ra[r] == rb[r]) --r;
        if (top < 0) top = y;
        bottom = y;
        left = std::min(left, l);
        right = std::max(right, r);
    }
    return top < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}
} // namespace

GifEncoder::~GifEncoder() {
    if (gif_) {
        int err = 0;
        EGifCloseFile(gif_, &err);
    }
}

bool GifEncoder::fail(const QString& what) {
    error_ = what;
    return false;
}

bool GifEncoder::open(const QString& path, QSize size, double fps) {
    int err = 0;
    gif_ = EGifOpenFileName(QFile::encodeName(path).constData(), false, &err);
    if (!gif_) return fail(QStringLiteral("%1: %2").arg(path, QString::fromUtf8(GifErrorString(err))));
    size_ = size;
    fps_ = fps;
    EGifSetGifVersion(gif_, true);
    if (EGifPutScreenDesc(gif_, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        return fail(QString::fromUtf8(GifErrorString(gif_->Error)));
    // Loop forever (the Netscape extension every player honours).
    static const unsigned char app[] = "NETSCAPE2.0";
    static const unsigned char loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR || EGifPutExtensionBlock(gif_, 11, app) == GIF_ERROR ||
        EGifPutExtensionBlock(gif_, 3, loop) == GIF_ERROR || EGifPutExtensionTrailer(gif_) == GIF_ERROR)
        return fail(QString::fromUtf8(GifErrorString(gif_->Error)));
    return true;
}

bool GifEncoder::add(const QImage& in) {
    if (!gif_) return fail(QStringLiteral("the GIF is not open"));
    QImage frame = (in.size() == size_ ? in : in.scaled(size_, Qt::IgnoreAspectRatio, Qt::SmoothTransformation))
                       .convertToFormat(QImage::Format_RGBA8888);
    // The part that changed (the whole frame the first time; one pixel if nothing did, since a
    // GIF frame cannot be empty and its delay must still pass).
    QRect r = previous_.isNull() ? frame.rect() : changed(previous_, frame);
    if (r.isEmpty()) r = QRect(0, 0, 1, 1);
    QImage part = frame.copy(r);
    // Inside it, pixels that did not change become transparent: the previous frame shows
    // through, and long runs of one index cost LZW next to nothing.
    if (!previous_.isNull())
        for (int y = 0; y < part.height(); ++y) {
            auto* row = reinterpret_cast<uint32_t*>(part.scanLine(y));
            const auto* old = reinterpret_cast<const uint32_t*>(previous_.constScanLine(y + r.y())) + r.x();
            for (int x = 0; x < part.width(); ++x)
                if (row[x] == old[x]) row[x] = 0;
        }
    Liq<liq_attr> attr(liq_attr_create());
    liq_set_speed(attr.get(), 8);
    Liq<liq_image> img(liq_image_create_rgba(attr.get(), part.constBits(), part.width(), part.height(), 0));
    liq_result* raw = nullptr;
    if (!img || liq_image_quantize(img.get(), attr.get(), &raw) != LIQ_OK) return fail(QStringLiteral("libimagequant could not quantize a frame"));
    Liq<liq_result> res(raw);
    liq_set_dithering_level(res.get(), 0.0f); // flat colours, as the scene is: dithering noise would defeat LZW
    std::vector<unsigned char> indices(static_cast<std::size_t>(part.width()) * static_cast<std::size_t>(part.height()));
    if (liq_write_remapped_image(res.get(), img.get(), indices.data(), indices.size()) != LIQ_OK)
        return fail(QStringLiteral("libimagequant could not remap a frame"));
    const liq_palette* pal = liq_get_palette(res.get());
    GifColorType colours[256] = {};
    int transparent = NO_TRANSPARENT_COLOR;
    for (unsigned i = 0; i < pal->count && i < 256; ++i) {
        colours[i] = {pal->entries[i].r, pal->entries[i].g, pal->entries[i].b};
        if (pal->entries[i].a < 128) transparent = static_cast<int>(i);
    }
    std::unique_ptr<ColorMapObject, void (*)(ColorMapObject*)> map(GifMakeMapObject(256, colours), GifFreeMapObject);
    // Each frame's delay in hundredths of a second, rounded so the total keeps time.
    int delay = static_cast<int>(std::lround((frames_ + 1) * 100.0 / fps_) - std::lround(frames_ * 100.0 / fps_));
    GraphicsControlBlock gcb{DISPOSE_DO_NOT, false, std::max(1, delay), transparent};
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    if (EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_ERROR ||
        EGifPutImageDesc(gif_, r.x(), r.y(), r.width(), r.height(), false, map.get()) == GIF_ERROR)
        return fail(QString::fromUtf8(GifErrorString(gif_->Error)));
    for (int y = 0; y < part.height(); ++y)
        if (EGifPutLine(gif_, indices.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(part.width()), part.width()) == GIF_ERROR)
            return fail(QString::fromUtf8(GifErrorString(gif_->Error)));
    previous_ = frame;
    ++frames_;
    return true;
}

bool GifEncoder::finish() {
    if (!gif_) return error_.isEmpty();
    int err = 0;
    bool ok = EGifCloseFile(gif_, &err) != GIF_ERROR;
    gif_ = nullptr;
    return ok || fail(QString::fromUtf8(GifErrorString(err)));
}

} // namespace ipclab::ui
