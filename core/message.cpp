#include "message.h"

// Header-only use of Debian's libxxhash: the small fixed-length hashes inline into the hot path.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <bit>
#include <cstring>

namespace ipclab {
namespace {

uint32_t fold(uint64_t x) { return static_cast<uint32_t>(x ^ (x >> 32)); }

// The header fields and the per-message payload words, mixed in registers (a 64x64->128-bit
// multiply per pair, as XXH3 itself does for short inputs). Hashing them from memory would
// reload bytes the producer has just stored with narrower writes: a store-forwarding stall on
// every message that showed up as a third of a 64-byte stream's samples in perf.
inline uint64_t mum(uint64_t a, uint64_t b) {
    __uint128_t p = static_cast<__uint128_t>(a) * b;
    return static_cast<uint64_t>(p) ^ static_cast<uint64_t>(p >> 64);
}
uint64_t headerHash(uint32_t magic, uint32_t producer, uint64_t seq, uint64_t sendNs, uint32_t payload, uint64_t first,
                    uint64_t last) {
    uint64_t h = mum((uint64_t{magic} | (uint64_t{producer} << 32)) ^ 0xbe4ba423396cfeb8ull, seq ^ 0x1cad21f72c81017cull);
    h ^= mum(sendNs ^ 0xdb979083e96dd4deull, payload ^ h ^ 0x1f67b3b7a4a44072ull);
    h ^= mum(first ^ 0x78e5c0cc4ee679cbull, last ^ h ^ 0x2172ffcc7dd05a82ull);
    return h ^ (h >> 29);
}

struct Edges {
    uint64_t first = 0, last = 0;
};
Edges edgesOf(const std::byte* payload, std::size_t n) {
    Edges e;
    std::size_t edge = n < 8 ? n : 8;
    std::memcpy(&e.first, payload, edge);
    std::memcpy(&e.last, payload + n - edge, edge);
    return e;
}

// Full frames add every payload byte, hashed at memory speed by XXH3 (libxxhash).
uint32_t checksum(uint64_t header, const std::byte* payload, std::size_t n, bool full) {
    return fold(full ? XXH3_64bits_withSeed(payload, n, header) : header);
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

static_assert(std::endian::native == std::endian::little, "the header words are stored little-endian");

std::span<const std::byte> MessageBuilder::build(uint64_t seq, uint64_t sendNs, bool full) {
    stamp(frame_.data(), seq, sendNs, full);
    return frame_;
}

void MessageBuilder::buildInto(std::byte* dst, uint64_t seq, uint64_t sendNs, bool full) const {
    std::memcpy(dst + kFrameHeaderSize, frame_.data() + kFrameHeaderSize, payloadSize_);
    stamp(dst, seq, sendNs, full);
}

// Writes the per-message words and the header into a frame whose payload holds the pattern.
void MessageBuilder::stamp(std::byte* f, uint64_t seq, uint64_t sendNs, bool full) const {
    std::byte* p = f + kFrameHeaderSize;
    Edges e;
    std::memcpy(&e.first, &seq, payloadSize_ < 8 ? payloadSize_ : 8);
    std::memcpy(p, &seq, payloadSize_ < 8 ? payloadSize_ : 8);
    if (payloadSize_ >= 16) {
        e.last = seq ^ (uint64_t{producer_} << 48) ^ 0xA5A5A5A5A5A5A5A5ull;
        std::memcpy(p + payloadSize_ - 8, &e.last, 8);
    } else {
        e = edgesOf(p, payloadSize_); // tiny payloads: the edges overlap the fixed pattern
    }
    uint32_t magic = full ? kMessageMagicFull : kMessageMagicSampled;
    uint64_t hh = headerHash(magic, producer_, seq, sendNs, payloadSize_, e.first, e.last);
    // Four 8-byte stores straight into the frame (the layout of MessageHeader): a header built on
    // the stack and copied as a whole stalls on store forwarding.
    uint64_t w0 = uint64_t{magic} | (uint64_t{producer_} << 32);
    uint64_t w3 = uint64_t{payloadSize_} | (uint64_t{checksum(hh, p, payloadSize_, full)} << 32);
    std::memcpy(f, &w0, 8);
    std::memcpy(f + 8, &seq, 8);
    std::memcpy(f + 16, &sendNs, 8);
    std::memcpy(f + 24, &w3, 8);
}

Verdict verifyFrame(std::span<const std::byte> frame, uint32_t expectedPayload, uint32_t producerCount,
                    MessageHeader& h) {
    if (frame.size() != kFrameHeaderSize + expectedPayload) return Verdict::Corrupted;
    std::memcpy(&h, frame.data(), sizeof h);
    if ((h.magic != kMessageMagicFull && h.magic != kMessageMagicSampled) || h.payloadSize != expectedPayload ||
        h.producer >= producerCount)
        return Verdict::Corrupted;
    const std::byte* p = frame.data() + kFrameHeaderSize;
    Edges e = edgesOf(p, expectedPayload);
    uint64_t hh = headerHash(h.magic, h.producer, h.seq, h.sendNs, h.payloadSize, e.first, e.last);
    return checksum(hh, p, expectedPayload, isFullFrame(h)) == h.checksum ? Verdict::Ok : Verdict::Corrupted;
}

} // namespace ipclab
