#include "animation_export.h"

#include "gif_encoder.h"
#include "video_encoder.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QWidget>

namespace ipclab::ui {

AnimationExport::AnimationExport(QObject* parent) : QObject(parent) {
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &AnimationExport::grab);
}

AnimationExport::~AnimationExport() {
    cancel();
    if (thread_.joinable()) thread_.join();
}

QImage AnimationExport::fitted(const QImage& image, QSize size) {
    if (image.size() == size) return image.convertToFormat(QImage::Format_RGBA8888);
    QImage out(size, QImage::Format_RGBA8888);
    out.fill(Qt::white);
    QImage scaled = image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter p(&out);
    p.drawImage((size.width() - scaled.width()) / 2, (size.height() - scaled.height()) / 2, scaled);
    return out;
}

bool AnimationExport::start(QWidget* source, const Options& o) {
    if (running()) {
        error_ = tr("An export is already running");
        return false;
    }
    error_.clear();
    if (!source || o.fps < 1 || o.fps > 60 || o.seconds <= 0 || o.seconds > 120 || o.size.width() < 16 || o.size.height() < 16) {
        error_ = tr("Not a possible animation: 1-60 frames a second, up to 120 seconds");
        return false;
    }
    options_ = o;
    gif_.reset();
    video_.reset();
    if (o.path.endsWith(".gif", Qt::CaseInsensitive)) {
        gif_ = std::make_unique<GifEncoder>();
        if (!gif_->open(o.path, o.size, o.fps)) error_ = gif_->error();
    } else if (o.path.endsWith(".mp4", Qt::CaseInsensitive) || o.path.endsWith(".webm", Qt::CaseInsensitive)) {
        video_ = std::make_unique<VideoEncoder>();
        if (!video_->open(o.path, o.size, o.fps)) error_ = video_->error();
    } else {
        error_ = tr("%1: the name must end in .gif, .mp4 or .webm").arg(o.path);
    }
    if (!error_.isEmpty()) {
        gif_.reset();
        video_.reset();
        QFile::remove(o.path);
        return false;
    }
    source_ = source;
    captured_ = 0;
    total_ = std::max(1, static_cast<int>(std::lround(o.seconds * o.fps)));
    inputDone_ = cancelled_ = false;
    queue_.clear();
    thread_ = std::thread([this] { encodeLoop(); });
    timer_.start(1000 / o.fps);
    grab();
    return true;
}

void AnimationExport::grab() {
    if (!source_) {
        cancel();
        return;
    }
    QImage frame = source_->grab().toImage();
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(frame);
        if (++captured_ >= total_) inputDone_ = true;
    }
    wake_.notify_one();
    emit progress(captured_, total_);
    if (captured_ >= total_) timer_.stop();
}

void AnimationExport::encodeLoop() {
    bool ok = true;
    QString err;
    for (;;) {
        QImage frame;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return cancelled_ || inputDone_ || !queue_.empty(); });
            if (cancelled_) break;
            if (queue_.empty()) break; // (inputDone_ and all encoded)
            frame = queue_.front();
            queue_.pop_front();
        }
        QImage f = fitted(frame, options_.size);
        if (!(gif_ ? gif_->add(f) : video_->add(f))) {
            ok = false;
            err = gif_ ? gif_->error() : video_->error();
            break;
        }
    }
    bool cancelled;
    {
        std::lock_guard lock(mutex_);
        cancelled = cancelled_;
    }
    int frames = gif_ ? gif_->frames() : video_->frames();
    if (ok && !cancelled && !(gif_ ? gif_->finish() : video_->finish())) {
        ok = false;
        err = gif_ ? gif_->error() : video_->error();
    }
    gif_.reset();
    video_.reset();
    QString message;
    if (cancelled) {
        ok = false;
        QFile::remove(options_.path);
        message = tr("Animation export cancelled");
    } else if (!ok) {
        QFile::remove(options_.path);
        message = tr("Animation export failed: %1").arg(err);
    } else {
        message = tr("Wrote %1: %2 frames, %3x%4, %5")
                      .arg(options_.path)
                      .arg(frames)
                      .arg(options_.size.width())
                      .arg(options_.size.height())
                      .arg(QLocale().formattedDataSize(QFileInfo(options_.path).size()));
    }
    QMetaObject::invokeMethod(
        this, [this, ok, message, cancelled] {
            wasCancelled_ = cancelled;
            done(ok, message);
        },
        Qt::QueuedConnection);
}

void AnimationExport::done(bool ok, const QString& message) {
    if (thread_.joinable()) thread_.join();
    if (!ok) error_ = message;
    emit finished(ok, message);
}

void AnimationExport::cancel() {
    timer_.stop();
    {
        std::lock_guard lock(mutex_);
        if (!thread_.joinable()) return;
        cancelled_ = true;
    }
    wake_.notify_one();
}

} // namespace ipclab::ui
