#pragma once
// Animated export for slides: grabs a widget (the scene, a chart, the whole window) at a fixed
// frame rate for a number of seconds, from a live run or a replay as it plays, and encodes the
// frames on a thread of their own (GifEncoder, VideoEncoder) as they come, so nothing holds the
// whole clip in memory. Each frame is fitted into the chosen size (letterboxed, never stretched).
// Progress as it goes; cancel removes the partial file.
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QTimer>
#include <QImage>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

class QWidget;

namespace ipclab::ui {

class GifEncoder;
class VideoEncoder;

class AnimationExport : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString path;       // .gif, .mp4 or .webm
        QSize size{1280, 720};
        int fps = 15;
        double seconds = 10;
    };
    explicit AnimationExport(QObject* parent = nullptr);
    ~AnimationExport() override; // cancels a running export

    // Opens the file and starts grabbing `source`; false (and error()) if the file cannot be
    // made or the options are not possible.
    bool start(QWidget* source, const Options& o);
    void cancel();
    bool running() const { return timer_.isActive() || thread_.joinable(); }
    int totalFrames() const { return total_; }
    QString error() const { return error_; }
    bool wasCancelled() const { return wasCancelled_; } // the last export ended by cancel()
    // `image` fitted into `size` on white, centred, aspect kept.
    static QImage fitted(const QImage& image, QSize size);

signals:
    void progress(int framesCaptured, int total);
    // ok: the file is complete ("message" says where, how many frames, how large).
    void finished(bool ok, const QString& message);

private:
    void grab();
    void encodeLoop();
    void done(bool ok, const QString& message);
    QTimer timer_;
    QPointer<QWidget> source_;
    Options options_;
    int captured_ = 0, total_ = 0;
    std::unique_ptr<GifEncoder> gif_;
    std::unique_ptr<VideoEncoder> video_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<QImage> queue_;
    bool inputDone_ = false, cancelled_ = false, wasCancelled_ = false;
    QString error_;
};

} // namespace ipclab::ui
