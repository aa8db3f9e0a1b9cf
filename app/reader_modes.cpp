#include "reader_modes.h"

namespace ipclab {

ReaderMode ReaderModes::classify(uint64_t messages, uint64_t sleeps) {
    // A stretch without a message: the reader slept through it.
    if (messages == 0) return ReaderMode::Sleeping;
    return static_cast<double>(sleeps) / static_cast<double>(messages) >= kSleepingReaderPerMsg ? ReaderMode::Sleeping
                                                                                                 : ReaderMode::Busy;
}

void ReaderModes::add(uint64_t messages, double seconds, uint64_t sleeps) {
    if (seconds <= 0) return;
    int i = index(classify(messages, sleeps));
    msgs_[i] += static_cast<double>(messages);
    secs_[i] += seconds;
}

double ReaderModes::rate(ReaderMode m) const {
    int i = index(m);
    return secs_[i] > 0 ? msgs_[i] / secs_[i] : 0.0;
}

double ReaderModes::share(ReaderMode m) const {
    double total = secs_[0] + secs_[1];
    return total > 0 ? secs_[index(m)] / total : 0.0;
}

const char* toString(ReaderMode m) { return m == ReaderMode::Sleeping ? "sleeping reader" : "busy reader"; }

} // namespace ipclab
