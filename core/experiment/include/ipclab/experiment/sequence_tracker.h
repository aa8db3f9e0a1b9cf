#pragma once
// Per-producer sequence checks on the consumer side: lost (gaps), duplicated and out-of-order
// messages, with a window of recently seen numbers to tell a late arrival from a duplicate.
#include <bitset>
#include <cstdint>
#include <vector>

namespace ipclab {

struct SequenceVerdict {
    uint64_t newlyLost = 0;   // a gap opened (provisional: a late arrival takes one back)
    bool duplicate = false;
    bool lateArrival = false; // arrived after a later one: out of order, and no longer lost
};

class SequenceTracker {
public:
    // `soleReader`: this consumer sees every message of these producers, so a gap is a loss.
    // With several consumers sharing one queue, gaps are normal and only order/duplicates count.
    SequenceTracker(uint32_t producers, bool soleReader);
    // The next number of its producer, as nearly every message is, inline (the consumer's
    // hot loop calls this for every message); anything else goes the general way.
    SequenceVerdict observe(uint32_t producer, uint64_t seq) {
        if (producer < streams_.size()) [[likely]] {
            Stream& s = streams_[producer];
            if (seq == s.next) [[likely]] {
                s.seen.set(seq % kWindow);
                s.next = seq + 1;
                return {};
            }
        }
        return observeOther(producer, seq);
    }

private:
    SequenceVerdict observeOther(uint32_t producer, uint64_t seq);
    static constexpr uint64_t kWindow = 4096;
    struct Stream {
        uint64_t next = 0; // one past the highest sequence seen
        std::bitset<kWindow> seen;
    };
    std::vector<Stream> streams_;
    bool soleReader_;
};

} // namespace ipclab
