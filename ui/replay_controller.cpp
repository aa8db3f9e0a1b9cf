#include "replay_controller.h"

#include <algorithm>

namespace ipclab::ui {

namespace {
// How much history a jump re-feeds: the charts' window (a minute).
constexpr double kRefeedS = 60.0;
} // namespace

ReplayController::ReplayController(QObject* parent) : QObject(parent) {
    timer_.setInterval(1000 / 30);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &ReplayController::tick);
}

bool ReplayController::open(const QString& path) {
    try {
        auto r = std::make_unique<Recording>(Recording::open(path.toStdString()));
        pause();
        recording_ = std::move(r);
    } catch (const std::exception& e) {
        error_ = QString::fromStdString(e.what());
        return false;
    }
    error_.clear();
    position_ = -1;
    emit opened();
    emit cleared();
    seek(0);
    return true;
}

void ReplayController::close() {
    if (!recording_) return;
    pause();
    recording_.reset();
    position_ = -1;
    emit closed();
}

int ReplayController::count() const { return recording_ ? static_cast<int>(recording_->samples().size()) : 0; }

double ReplayController::timeAt(int index) const {
    if (!recording_ || index < 0 || index >= count()) return 0;
    const RunSample& s = recording_->samples()[static_cast<std::size_t>(index)];
    return s.lanes.empty() ? 0 : s.lanes.front().point.t;
}

double ReplayController::duration() const { return recording_ ? recording_->durationS() : 0; }

void ReplayController::play() {
    if (!recording_ || timer_.isActive()) return;
    if (position_ >= count() - 1) seek(0); // at the end: from the start again
    playhead_ = timeAt(position_);
    clock_.start();
    timer_.start();
    emit playingChanged(true);
}

void ReplayController::pause() {
    if (!timer_.isActive()) return;
    timer_.stop();
    emit playingChanged(false);
}

void ReplayController::setSpeed(double s) {
    if (timer_.isActive()) { // keep the playhead where it is
        playhead_ += clock_.restart() / 1000.0 * speed_;
    }
    speed_ = std::clamp(s, 0.25, 4.0);
}

void ReplayController::tick() {
    playhead_ += clock_.restart() / 1000.0 * speed_;
    int last = position_;
    while (last + 1 < count() && timeAt(last + 1) <= playhead_) ++last;
    if (last > position_) showUpTo(last);
    if (position_ >= count() - 1) pause();
}

void ReplayController::showUpTo(int index, bool catchUp) {
    for (int i = position_ + 1; i <= index; ++i) {
        const RunSample& s = recording_->samples()[static_cast<std::size_t>(i)];
        if (catchUp && i < index) emit history(s);
        else emit sampled(s);
    }
    position_ = index;
    emit positionChanged(position_);
}

void ReplayController::seek(int index) {
    if (!recording_ || count() == 0) return;
    index = std::clamp(index, 0, count() - 1);
    if (index == position_) return;
    if (index > position_ && timeAt(index) - timeAt(std::max(position_, 0)) <= kRefeedS) {
        showUpTo(index); // forward, nearby: as if it had played
    } else {
        // Back, or far ahead: start over from a minute before, as the views were then.
        emit cleared();
        int from = index;
        while (from > 0 && timeAt(index) - timeAt(from - 1) <= kRefeedS) --from;
        position_ = from - 1;
        showUpTo(index, true);
    }
    playhead_ = timeAt(position_);
    clock_.restart();
}

void ReplayController::nextMark() {
    if (!recording_) return;
    for (int i = position_ + 1; i < count(); ++i)
        for (const auto& l : recording_->samples()[static_cast<std::size_t>(i)].lanes)
            if (!l.newMarks.empty()) return seek(i);
}

void ReplayController::previousMark() {
    if (!recording_) return;
    for (int i = position_ - 1; i >= 0; --i)
        for (const auto& l : recording_->samples()[static_cast<std::size_t>(i)].lanes)
            if (!l.newMarks.empty()) return seek(i);
}

} // namespace ipclab::ui
