#include "replay_controller.h"

#include <QFileInfo>

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
        compare_.reset(); // (a comparison belongs to the recording it was opened beside)
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
    compare_.reset();
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
        // (Alone, the recorded sample as it is; beside another recording, a merged copy.)
        RunSample both = compare_ ? merged(i) : RunSample{};
        const RunSample& s = compare_ ? both : recording_->samples()[static_cast<std::size_t>(i)];
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
        refeedTo(index); // back, or far ahead
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

bool ReplayController::openCompare(const QString& path) {
    if (!recording_) {
        error_ = tr("Open a recording first, then the one to compare it with");
        return false;
    }
    if (recording_->samples().front().lanes.size() != 1) {
        error_ = tr("This recording already compares two lanes");
        return false;
    }
    try {
        auto r = std::make_unique<Recording>(Recording::open(path.toStdString()));
        if (r->info().experiment != recording_->info().experiment) {
            error_ = tr("%1 is a %2 run, the open one a %3 run: only runs of one kind compare on the same axes")
                         .arg(path, QString::fromUtf8(toString(r->info().experiment).data()),
                              QString::fromUtf8(toString(recording_->info().experiment).data()));
            return false;
        }
        compare_ = std::move(r);
    } catch (const std::exception& e) {
        error_ = QString::fromStdString(e.what());
        return false;
    }
    error_.clear();
    relabel();
    refeedTo(std::max(position_, 0));
    emit opened();
    return true;
}

void ReplayController::closeCompare() {
    if (!compare_) return;
    compare_.reset();
    refeedTo(std::max(position_, 0));
    emit opened();
}

void ReplayController::refeedTo(int index) {
    // The views start over from a minute before `index`, as they were then; the compared
    // recording is merged again from its start.
    emit cleared();
    int from = index;
    while (from > 0 && timeAt(index) - timeAt(from - 1) <= kRefeedS) --from;
    compareNext_ = 0;
    compareLast_.reset();
    position_ = from - 1;
    showUpTo(index, true);
}

// Each lane named so the two can be told apart, briefly (legends and the table have little
// room): by host when they were recorded on different machines, else by the time each was
// recorded (UTC), else "1" and "2"; with the transport when they differ in it.
void ReplayController::relabel() {
    const RecordingInfo &a = recording_->info(), &b = compare_->info();
    auto clock = [](const std::string& utc) { return utc.size() >= 19 ? utc.substr(11, 8) : utc; };
    if (a.host != b.host && !a.host.empty() && !b.host.empty()) {
        labelA_ = a.host;
        labelB_ = b.host;
    } else if (clock(a.createdUtc) != clock(b.createdUtc)) {
        labelA_ = clock(a.createdUtc);
        labelB_ = clock(b.createdUtc);
    } else {
        labelA_ = "1";
        labelB_ = "2";
    }
    const auto& la = recording_->samples().front().lanes.front();
    const auto& lb = compare_->samples().front().lanes.front();
    if (la.config.transport != lb.config.transport) {
        labelA_ = std::string(toString(la.config.transport)) + " (" + labelA_ + ")";
        labelB_ = std::string(toString(lb.config.transport)) + " (" + labelB_ + ")";
    }
}

RunSample ReplayController::merged(int index) {
    RunSample s = recording_->samples()[static_cast<std::size_t>(index)];
    if (!compare_ || s.lanes.size() != 1) return s;
    const auto& other = compare_->samples();
    double t = timeAt(index);
    std::vector<EventRecord> events;
    std::vector<HistoryMark> marks;
    while (compareNext_ < other.size() && !other[compareNext_].lanes.empty() && other[compareNext_].lanes.front().point.t <= t) {
        const LaneSample& l = other[compareNext_].lanes.front();
        events.insert(events.end(), l.newEvents.begin(), l.newEvents.end());
        marks.insert(marks.end(), l.newMarks.begin(), l.newMarks.end());
        compareLast_ = l;
        ++compareNext_;
    }
    // Before the other run's first sample (a few ms): its first sample, so both lanes exist
    // from the start and the charts keep both series.
    LaneSample b = compareLast_ ? *compareLast_ : other.front().lanes.front();
    b.newEvents = std::move(events);
    b.newMarks = std::move(marks);
    b.label = labelB_;
    s.lanes.front().label = labelA_;
    s.lanes.push_back(std::move(b));
    return s;
}

} // namespace ipclab::ui
