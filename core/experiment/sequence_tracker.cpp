#include "ipclab/experiment/sequence_tracker.h"

namespace ipclab {

SequenceTracker::SequenceTracker(uint32_t producers, bool soleReader) : streams_(producers), soleReader_(soleReader) {}

SequenceVerdict SequenceTracker::observeOther(uint32_t producer, uint64_t seq) {
    SequenceVerdict v;
    if (producer >= streams_.size()) return v;
    Stream& s = streams_[producer];
    if (seq >= s.next) {
        uint64_t gap = seq - s.next;
        if (soleReader_) v.newlyLost = gap;
        // Clear the window bits of the numbers we skipped over (they are now "not seen").
        if (gap >= kWindow) s.seen.reset();
        else
            for (uint64_t q = s.next; q < seq; ++q) s.seen.reset(q % kWindow);
        s.seen.set(seq % kWindow);
        s.next = seq + 1;
        return v;
    }
    if (s.next - seq > kWindow) {
        v.lateArrival = true; // too old to tell: count it as out of order
        return v;
    }
    if (s.seen.test(seq % kWindow)) {
        v.duplicate = true;
    } else {
        v.lateArrival = true;
        s.seen.set(seq % kWindow);
    }
    return v;
}

} // namespace ipclab
