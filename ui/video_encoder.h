#pragma once
// A video written frame by frame with FFmpeg's libraries (Debian's libavcodec, libavformat,
// libswscale): H.264 in MP4 (libx264 where the build has it) or VP9 in WebM, chosen by the
// file's extension. Frames are RGBA images of one size (even width and height, as 4:2:0 needs).
#include <QImage>
#include <QString>

struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVPacket;
struct AVStream;
struct SwsContext;

namespace ipclab::ui {

class VideoEncoder {
public:
    VideoEncoder() = default;
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;
    ~VideoEncoder();

    bool open(const QString& path, QSize size, int fps);
    bool add(const QImage& frame); // scaled to the size given to open() when it differs
    bool finish();                 // flushes the encoder and writes the file's index
    QString error() const { return error_; }
    int frames() const { return frames_; }
    QString codecName() const { return codec_; }

private:
    bool fail(const QString& what);
    bool drain(bool flushing);
    void release();
    AVFormatContext* fmt_ = nullptr;
    AVCodecContext* ctx_ = nullptr;
    AVStream* stream_ = nullptr;
    AVFrame* frame_ = nullptr;
    AVPacket* packet_ = nullptr;
    SwsContext* sws_ = nullptr;
    QSize size_;
    int frames_ = 0;
    bool headerWritten_ = false;
    QString codec_, error_;
};

} // namespace ipclab::ui
