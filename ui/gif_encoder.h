#pragma once
// An animated GIF (loops forever: PowerPoint, Keynote, Google Slides and every browser play it)
// written frame by frame: libimagequant picks each frame's 256 colours, giflib writes it. Only
// the rectangle that changed since the previous frame is stored, with its own palette, and in
// it the pixels that did not change are transparent: a scene where a few tokens move costs a
// few kilobytes a frame (a 10 s 1280x720 presenter scene at 15 frames/s: 3.3 MB, 13 MB before).
#include <QFile>
#include <QImage>
#include <QString>

#include <vector>

struct GifFileType;

namespace ipclab::ui {

class GifEncoder {
public:
    GifEncoder() = default;
    GifEncoder(const GifEncoder&) = delete;
    GifEncoder& operator=(const GifEncoder&) = delete;
    ~GifEncoder(); // closes (a file not finished is still a valid, shorter GIF)

    // False, with error(), if the file cannot be made.
    bool open(const QString& path, QSize size, double fps);
    // `frame` is scaled to the size given to open() if it is not that size already.
    bool add(const QImage& frame);
    bool finish();
    QString error() const { return error_; }
    int frames() const { return frames_; }

private:
    bool fail(const QString& what);
    GifFileType* gif_ = nullptr;
    QSize size_;
    double fps_ = 15;
    int frames_ = 0;
    QImage previous_; // RGBA of the last frame, to find what changed
    QString error_;
};

} // namespace ipclab::ui
