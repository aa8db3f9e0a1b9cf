#include "message.h"

#include <cstring>

namespace ipclab {
namespace {

inline uint64_t mixWord(uint64_t w, uint64_t i) {
    uint64_t x = (w ^ (i * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 29);
}

inline uint64_t loadWord(const std::byte* p, std::size_t avail) {
    uint64_t w = 0;
    std::memcpy(&w, p, avail < 8 ? avail : 8);
    return w;
}

uint64_t payloadSum(const std::byte* p, std::size_t n) {
    uint64_t s = 0;
    std::size_t words = (n + 7) / 8;
    for (std::size_t i = 0; i < words; ++i) s += mixWord(loadWord(p + i * 8, n - i * 8), i);
    return s;
}

uint32_t finish(const MessageHeader& h, uint64_t sum) {
    uint64_t x = sum;
    x += mixWord(h.magic ^ (uint64_t{h.producer} << 32), 1001);
    x += mixWord(h.seq, 1002);
    x += mixWord(h.sendNs, 1003);
    x += mixWord(h.payloadSize, 1004);
    return static_cast<uint32_t>(x ^ (x >> 32));
}

uint64_t patternWord(uint32_t producer, std::size_t i) { return mixWord(producer + 1, i) | 1; }

} // namespace

MessageBuilder::MessageBuilder(uint32_t producer, uint32_t payloadSize)
    : producer_(producer), payloadSize_(payloadSize), frame_(kFrameHeaderSize + payloadSize) {
    std::byte* p = frame_.data() + kFrameHeaderSize;
    std::size_t words = (payloadSize + 7) / 8;
    for (std::size_t i = 0; i < words; ++i) {
        uint64_t w = patternWord(producer, i);
        std::memcpy(p + i * 8, &w, payloadSize - i * 8 < 8 ? payloadSize - i * 8 : 8);
    }
    // Word 0 and the last full word change per message; precompute the sum of the others.
    middleSum_ = payloadSum(p, payloadSize);
    middleSum_ -= mixWord(loadWord(p, payloadSize), 0);
    if (words >= 2 && payloadSize % 8 == 0) middleSum_ -= mixWord(loadWord(p + (words - 1) * 8, 8), words - 1);
}

std::span<const std::byte> MessageBuilder::build(uint64_t seq, uint64_t sendNs) {
    std::byte* p = frame_.data() + kFrameHeaderSize;
    std::size_t words = (payloadSize_ + 7) / 8;
    uint64_t sum = middleSum_;
    uint64_t first = seq;
    std::memcpy(p, &first, payloadSize_ < 8 ? payloadSize_ : 8);
    sum += mixWord(loadWord(p, payloadSize_), 0);
    if (words >= 2 && payloadSize_ % 8 == 0) {
        uint64_t last = seq ^ (uint64_t{producer_} << 48) ^ 0xA5A5A5A5A5A5A5A5ull;
        std::memcpy(p + (words - 1) * 8, &last, 8);
        sum += mixWord(last, words - 1);
    }
    MessageHeader h{kMessageMagic, producer_, seq, sendNs, payloadSize_, 0};
    h.checksum = finish(h, sum);
    std::memcpy(frame_.data(), &h, sizeof h);
    return frame_;
}

Verdict verifyFrame(std::span<const std::byte> frame, uint32_t expectedPayload, uint32_t producerCount,
                    MessageHeader& h) {
    if (frame.size() != kFrameHeaderSize + expectedPayload) return Verdict::Corrupted;
    std::memcpy(&h, frame.data(), sizeof h);
    if (h.magic != kMessageMagic || h.payloadSize != expectedPayload || h.producer >= producerCount)
        return Verdict::Corrupted;
    uint64_t sum = payloadSum(frame.data() + kFrameHeaderSize, expectedPayload);
    return finish(h, sum) == h.checksum ? Verdict::Ok : Verdict::Corrupted;
}

} // namespace ipclab
