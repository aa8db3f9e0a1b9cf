#include "ipclab/experiment/sequence_tracker.h"

#include <algorithm>

namespace ipclab {

SequenceTracker::SequenceTracker(uint32_t producers, bool soleReader) : streams_(producers), soleReader_(soleReader) {}

void SequenceTracker::fillRange(Stream& s, uint64_t from, uint64_t to, bool seen) {
    if (to - from >= kWindow) {
        s.seen.fill(seen ? ~uint64_t{0} : 0);
        return;
    }
    while (from < to) {
        const uint64_t bit = from % kWindow, n = std::min<uint64_t>(64 - bit % 64, to - from);
        const uint64_t mask = (n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1) << (bit % 64);
        uint64_t& w = s.seen[bit / 64];
        w = seen ? (w | mask) : (w & ~mask);
        from += n;
    }
}

void SequenceTracker::inOrderSlowly(uint32_t producer, uint64_t upTo) {
    if (producer >= streams_.size()) return;
    Stream& s = streams_[producer];
    if (upTo <= s.next) return;
    fillRange(s, s.next, upTo, true);
    s.next = upTo;
}

SequenceVerdict SequenceTracker::observeOther(uint32_t producer, uint64_t seq) {
    SequenceVerdict v;
    if (producer >= streams_.size()) return v;
    Stream& s = streams_[producer];
    if (seq >= s.next) {
        uint64_t gap = seq - s.next;
        if (soleReader_) v.newlyLost = gap;
        // Clear the window bits of the numbers we skipped over (they are now "not seen").
        fillRange(s, s.next, seq, false);
        setBit(s, seq);
        s.next = seq + 1;
        return v;
    }
    if (s.next - seq > kWindow) {
        v.lateArrival = true; // too old to tell: count it as out of order
        return v;
    }
    if (testBit(s, seq)) {
        v.duplicate = true;
    } else {
        v.lateArrival = true;
        setBit(s, seq);
    }
    return v;
}

} // namespace ipclab
