#pragma once
// Plays a recording back through the same path as a live run: it emits the recorded RunSamples
// (sampled()), in time, at a chosen speed, and after a jump it first asks the views to start
// over (cleared()) and then feeds them the minute before the new position, so charts, timeline
// and scene show what they showed live at that moment. No worker runs. Logic only: tested
// without a screen; the ReplayBar is its face.
#include "ipclab/recording/recording.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace ipclab::ui {

class ReplayController : public QObject {
    Q_OBJECT
public:
    explicit ReplayController(QObject* parent = nullptr);
    // Opens `path`; on failure returns false and error() says why (the current replay stays).
    bool open(const QString& path);
    void close();
    // A second recording beside the first (e.g. the lecturer's laptop and the lab's machine, or
    // sync on and off): its first lane becomes lane 2 of every sample, matched by time since
    // each run started, so the scene shows both and the charts overlay them on the same axes.
    // The first recording's clock drives. Needs a replay of a one-lane recording open.
    bool openCompare(const QString& path);
    void closeCompare();
    const Recording* compared() const { return compare_.get(); }
    bool active() const { return recording_ != nullptr; }
    const Recording* recording() const { return recording_.get(); }
    QString error() const { return error_; }

    int count() const;              // samples
    int position() const { return position_; } // the last sample shown (-1: none yet)
    double timeAt(int index) const; // seconds into the run
    double duration() const;
    bool playing() const { return timer_.isActive(); }
    double speed() const { return speed_; }

public slots:
    void play();
    void pause();
    void togglePlay() { playing() ? pause() : play(); }
    void setSpeed(double s); // 0.25 .. 4
    void seek(int index);    // shows sample `index` as it was live
    void stepForward() { seek(position_ + 1); }
    void stepBack() { seek(position_ - 1); }
    void nextMark();
    void previousMark();

signals:
    void opened();
    void closed();
    void cleared(); // views start over (a jump)
    void sampled(const ipclab::RunSample& sample);
    // After a jump, the samples before the new position: for views that draw history (charts,
    // timeline); the scene and the process table need only the sample at the position.
    void history(const ipclab::RunSample& sample);
    void positionChanged(int index);
    void playingChanged(bool playing);

private:
    void tick();
    void showUpTo(int index, bool catchUp = false); // forward from position_, emitting each sample
    RunSample merged(int index); // sample `index`, with the compared recording's lane beside it
    void refeedTo(int index);    // after a jump: the views start over, fed the minute before it
    void relabel();
    std::unique_ptr<Recording> recording_, compare_;
    std::size_t compareNext_ = 0;      // the compared recording's next sample to merge
    std::optional<LaneSample> compareLast_;
    std::string labelA_, labelB_;
    QString error_;
    int position_ = -1;
    double speed_ = 1.0;
    double playhead_ = 0;  // seconds into the run while playing
    QTimer timer_;
    QElapsedTimer clock_;
};

} // namespace ipclab::ui
