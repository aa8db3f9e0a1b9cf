#include "video_encoder.h"

#include <QFile>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace ipclab::ui {

namespace {
QString averr(int e) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(e, buf, sizeof buf);
    return QString::fromUtf8(buf);
}
} // namespace

VideoEncoder::~VideoEncoder() { release(); }

void VideoEncoder::release() {
    sws_freeContext(sws_);
    sws_ = nullptr;
    av_frame_free(&frame_);
    av_packet_free(&packet_);
    avcodec_free_context(&ctx_);
    if (fmt_) {
        if (fmt_->pb) avio_closep(&fmt_->pb);
        avformat_free_context(fmt_);
        fmt_ = nullptr;
    }
}

bool VideoEncoder::fail(const QString& what) {
    error_ = what;
    return false;
}

bool VideoEncoder::open(const QString& path, QSize size, int fps) {
    if (size.width() % 2 || size.height() % 2) return fail(QStringLiteral("a video needs an even width and height"));
    QByteArray file = QFile::encodeName(path);
    int e = avformat_alloc_output_context2(&fmt_, nullptr, nullptr, file.constData());
    if (e < 0 || !fmt_) return fail(QStringLiteral("%1: no video format for this file name (%2)").arg(path, averr(e)));
    bool webm = path.endsWith(".webm", Qt::CaseInsensitive);
    const AVCodec* codec = webm ? avcodec_find_encoder_by_name("libvpx-vp9") : avcodec_find_encoder_by_name("libx264");
    if (!codec) codec = avcodec_find_encoder(fmt_->oformat->video_codec);
    if (!codec) return fail(QStringLiteral("this system's FFmpeg has no encoder for %1").arg(path));
    codec_ = QString::fromUtf8(codec->name);
    stream_ = avformat_new_stream(fmt_, nullptr);
    ctx_ = avcodec_alloc_context3(codec);
    frame_ = av_frame_alloc();
    packet_ = av_packet_alloc();
    if (!stream_ || !ctx_ || !frame_ || !packet_) return fail(QStringLiteral("out of memory"));
    size_ = size;
    ctx_->width = size.width();
    ctx_->height = size.height();
    ctx_->time_base = {1, fps};
    ctx_->framerate = {fps, 1};
    ctx_->pix_fmt = AV_PIX_FMT_YUV420P;
    ctx_->gop_size = fps * 2;
    if (fmt_->oformat->flags & AVFMT_GLOBALHEADER) ctx_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (codec_ == "libx264") {
        av_opt_set(ctx_->priv_data, "preset", "veryfast", 0);
        av_opt_set(ctx_->priv_data, "crf", "23", 0);
    } else if (webm) {
        av_opt_set(ctx_->priv_data, "deadline", "realtime", 0);
        av_opt_set(ctx_->priv_data, "crf", "32", 0);
        ctx_->bit_rate = 0;
    }
    if ((e = avcodec_open2(ctx_, codec, nullptr)) < 0) return fail(QStringLiteral("cannot start the %1 encoder: %2").arg(codec_, averr(e)));
    if ((e = avcodec_parameters_from_context(stream_->codecpar, ctx_)) < 0) return fail(averr(e));
    stream_->time_base = ctx_->time_base;
    if ((e = avio_open(&fmt_->pb, file.constData(), AVIO_FLAG_WRITE)) < 0) return fail(QStringLiteral("%1: %2").arg(path, averr(e)));
    if ((e = avformat_write_header(fmt_, nullptr)) < 0) return fail(averr(e));
    headerWritten_ = true;
    frame_->format = ctx_->pix_fmt;
    frame_->width = ctx_->width;
    frame_->height = ctx_->height;
    if ((e = av_frame_get_buffer(frame_, 0)) < 0) return fail(averr(e));
    sws_ = sws_getContext(size.width(), size.height(), AV_PIX_FMT_RGBA, size.width(), size.height(), AV_PIX_FMT_YUV420P,
                          SWS_BILINEAR, nullptr, nullptr, nullptr);
    return sws_ || fail(QStringLiteral("cannot convert RGBA frames to YUV"));
}

bool VideoEncoder::drain(bool flushing) {
    for (;;) {
        int e = avcodec_receive_packet(ctx_, packet_);
        if (e == AVERROR(EAGAIN) || (flushing && e == AVERROR_EOF)) return true;
        if (e < 0) return fail(averr(e));
        av_packet_rescale_ts(packet_, ctx_->time_base, stream_->time_base);
        packet_->stream_index = stream_->index;
        if ((e = av_interleaved_write_frame(fmt_, packet_)) < 0) return fail(averr(e));
    }
}

bool VideoEncoder::add(const QImage& in) {
    if (!sws_) return fail(QStringLiteral("the video is not open"));
    QImage img = (in.size() == size_ ? in : in.scaled(size_, Qt::IgnoreAspectRatio, Qt::SmoothTransformation))
                     .convertToFormat(QImage::Format_RGBA8888);
    if (av_frame_make_writable(frame_) < 0) return fail(QStringLiteral("out of memory"));
    const uint8_t* src[] = {img.constBits()};
    const int stride[] = {static_cast<int>(img.bytesPerLine())};
    sws_scale(sws_, src, stride, 0, img.height(), frame_->data, frame_->linesize);
    frame_->pts = frames_++;
    int e = avcodec_send_frame(ctx_, frame_);
    if (e < 0) return fail(averr(e));
    return drain(false);
}

bool VideoEncoder::finish() {
    if (!ctx_ || !headerWritten_) return error_.isEmpty();
    bool ok = avcodec_send_frame(ctx_, nullptr) >= 0 && drain(true);
    int e = av_write_trailer(fmt_);
    headerWritten_ = false;
    release();
    return ok && (e >= 0 || fail(averr(e)));
}

} // namespace ipclab::ui
