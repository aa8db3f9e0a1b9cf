#include "message.h"

#include <xxhash.h>

#include <cstring>

namespace ipclab {
namespace {

constexpr std::size_t kHeaderCovered = offsetof(MessageHeader, checksum); // every field but the checksum

uint32_t fold(uint64_t x) { return static_cast<uint32_t>(x ^ (x >> 32)); }

uint32_t fullChecksum(const std::byte* frame, std::size_t payload) {
    uint64_t seed = XXH3_64bits(frame, kHeaderCovered);
    return fold(XXH3_64bits_withSeed(frame + kFrameHeaderSize, payload, seed));
}

// Header plus the first and last 8 payload bytes: the ones that change from message to message.
uint32_t sampledChecksum(const std::byte* frame, std::size_t payload) {
    std::byte buf[kHeaderCovered + 16] = {};
    std::memcpy(buf, frame, kHeaderCovered);
    std::size_t edge = payload < 8 ? payload : 8;
    std::memcpy(buf + kHeaderCovered, frame + kFrameHeaderSize, edge);
    std::memcpy(buf + kHeaderCovered + 8, frame + kFrameHeaderSize + payload - edge, edge);
    return fold(XXH3_64bits(buf, sizeof buf));
}

uint64_t patternWord(uint32_t producer, std::size_t i) {
    uint64_t x = ((producer + 1) ^ (i * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
    return (x ^ (x >> 29)) | 1;
}

} // namespace

MessageBuilder::MessageBuilder(uint32_t producer, uint32_t payloadSize)
    : producer_(producer), payloadSize_(payloadSize), frame_(kFrameHeaderSize + payloadSize) {
    std::byte* p = frame_.data() + kFrameHeaderSize;
    std::size_t words = (payloadSize + 7) / 8;
    for (std::size_t i = 0; i < words; ++i) {
        uint64_t w = patternWord(producer, i);
        std::memcpy(p + i * 8, &w, payloadSize - i * 8 < 8 ? payloadSize - i * 8 : 8);
    }
}

std::span<const std::byte> MessageBuilder::build(uint64_t seq, uint64_t sendNs, bool full) {
    std::byte* p = frame_.data() + kFrameHeaderSize;
    std::memcpy(p, &seq, payloadSize_ < 8 ? payloadSize_ : 8);
    if (payloadSize_ >= 16) {
        uint64_t last = seq ^ (uint64_t{producer_} << 48) ^ 0xA5A5A5A5A5A5A5A5ull;
        std::memcpy(p + payloadSize_ - 8, &last, 8);
    }
    MessageHeader h{full ? kMessageMagicFull : kMessageMagicSampled, producer_, seq, sendNs, payloadSize_, 0};
    std::memcpy(frame_.data(), &h, sizeof h);
    h.checksum = full ? fullChecksum(frame_.data(), payloadSize_) : sampledChecksum(frame_.data(), payloadSize_);
    std::memcpy(frame_.data() + offsetof(MessageHeader, checksum), &h.checksum, sizeof h.checksum);
    return frame_;
}

Verdict verifyFrame(std::span<const std::byte> frame, uint32_t expectedPayload, uint32_t producerCount,
                    MessageHeader& h) {
    if (frame.size() != kFrameHeaderSize + expectedPayload) return Verdict::Corrupted;
    std::memcpy(&h, frame.data(), sizeof h);
    if ((h.magic != kMessageMagicFull && h.magic != kMessageMagicSampled) || h.payloadSize != expectedPayload ||
        h.producer >= producerCount)
        return Verdict::Corrupted;
    uint32_t sum = isFullFrame(h) ? fullChecksum(frame.data(), expectedPayload)
                                  : sampledChecksum(frame.data(), expectedPayload);
    return sum == h.checksum ? Verdict::Ok : Verdict::Corrupted;
}

} // namespace ipclab
