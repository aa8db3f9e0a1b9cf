#pragma once
// TCP over loopback on a small VM moves at one of two speeds that take turns within a second:
// a mode where the reader goes to sleep on an empty socket and each write has to wake it on
// the other CPU (0.2-0.3 M msgs/s at 64 B here), and one where the reader never runs dry and
// nobody is woken (1.7-2.3 M msgs/s). A measurement of either loop is a mix of the two, so a
// full-vs-bare ratio of whole runs compares mixes, not loops. The kernel's own count of the
// reader's voluntary context switches (sleeps) per message tells the modes apart without
// looking at the rate: stretches of a run are sorted by it, and each mode's rate is compared
// with the same mode's.
#include <cstdint>

namespace ipclab {

enum class ReaderMode { Busy = 0, Sleeping = 1 };

// Sleeping reader: 0.1-0.3 sleeps a message measured here; busy reader: below 0.01.
inline constexpr double kSleepingReaderPerMsg = 0.05;

class ReaderModes {
public:
    static ReaderMode classify(uint64_t messages, uint64_t sleeps);
    // One stretch of a run: the messages the reader received in it, how long it lasted and how
    // often the reader slept (voluntary context switches).
    void add(uint64_t messages, double seconds, uint64_t sleeps);
    double seconds(ReaderMode m) const { return secs_[index(m)]; }
    double messages(ReaderMode m) const { return msgs_[index(m)]; }
    // Messages/s over all stretches in that mode (0 when none).
    double rate(ReaderMode m) const;
    // That mode's share of the time (0..1).
    double share(ReaderMode m) const;

private:
    static int index(ReaderMode m) { return static_cast<int>(m); }
    double msgs_[2]{}, secs_[2]{};
};

const char* toString(ReaderMode m);

} // namespace ipclab
