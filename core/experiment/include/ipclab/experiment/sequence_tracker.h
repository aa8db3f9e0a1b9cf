#pragma once
// Per-producer sequence checks on the consumer side: lost (gaps), duplicated and out-of-order
// messages, with a window of recently seen numbers to tell a late arrival from a duplicate.
#include <array>
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
                setBit(s, seq);
                s.next = seq + 1;
                return {};
            }
        }
        return observeOther(producer, seq);
    }
    // A run of messages from one producer, checked against a copy of its next number held in a
    // register: the caller takes expected(), counts up while each message carries the number it
    // expects, and hands the count back with inOrderUpTo() (before any observe(), and at the
    // run's end). Why: observe() loads and stores the producer's next number and a word of the
    // window for every message, and each load waits for the store before it (about 2.8 ns a
    // message on the build VM, half the consumer's checks at 64 bytes); this way it is a compare
    // and an add. Same verdicts as observe() on each of those numbers.
    uint64_t expected(uint32_t producer) const { return producer < streams_.size() ? streams_[producer].next : 0; }
    // Numbers expected(producer) .. upTo-1 arrived, in order (nothing when upTo is not past it).
    // Inline when they fit in one word of the window, as a run of 16 does.
    void inOrderUpTo(uint32_t producer, uint64_t upTo) {
        if (producer < streams_.size()) [[likely]] {
            Stream& s = streams_[producer];
            const uint64_t n = upTo - s.next, bit = s.next % 64;
            if (upTo > s.next && n < 64 && bit + n <= 64) [[likely]] {
                s.seen[(s.next % kWindow) / 64] |= ((uint64_t{1} << n) - 1) << bit;
                s.next = upTo;
                return;
            }
        }
        inOrderSlowly(producer, upTo);
    }

private:
    SequenceVerdict observeOther(uint32_t producer, uint64_t seq);
    void inOrderSlowly(uint32_t producer, uint64_t upTo);
    static constexpr uint64_t kWindow = 4096; // numbers; a power of two, whole words
    struct Stream {
        uint64_t next = 0; // one past the highest sequence seen
        std::array<uint64_t, kWindow / 64> seen{}; // bit q % kWindow: number q seen, for q in [next - kWindow, next)
    };
    static void setBit(Stream& s, uint64_t q) { s.seen[(q % kWindow) / 64] |= uint64_t{1} << (q % 64); }
    static void clearBit(Stream& s, uint64_t q) { s.seen[(q % kWindow) / 64] &= ~(uint64_t{1} << (q % 64)); }
    static bool testBit(const Stream& s, uint64_t q) { return (s.seen[(q % kWindow) / 64] >> (q % 64)) & 1; }
    // The bits of numbers [from, to) all set (seen) or all cleared, a word at a time.
    static void fillRange(Stream& s, uint64_t from, uint64_t to, bool seen);
    std::vector<Stream> streams_;
    bool soleReader_;
};

} // namespace ipclab
