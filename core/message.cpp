#include "message.h"

// Header-only use of Debian's libxxhash: the small fixed-length hashes inline into the hot path.
#define XXH_INLINE_ALL
#include <xxhash.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstring>

namespace ipclab {
namespace {

uint32_t fold(uint64_t x) { return static_cast<uint32_t>(x ^ (x >> 32)); }

// The header fields, mixed in registers: three independent 64x64->128-bit multiplies (as XXH3
// itself does for short inputs), so their latencies overlap. Hashing the fields from memory
// would reload bytes just stored with narrower writes: a store-forwarding stall per message.
inline uint64_t mum(uint64_t a, uint64_t b) {
    __uint128_t p = static_cast<__uint128_t>(a) * b;
    return static_cast<uint64_t>(p) ^ static_cast<uint64_t>(p >> 64);
}
uint64_t headerHash(uint32_t magic, uint32_t producer, uint64_t seq, uint64_t sendNs, uint32_t payload) {
    uint64_t a = mum((uint64_t{magic} | (uint64_t{producer} << 32)) ^ 0xbe4ba423396cfeb8ull, seq ^ 0x1cad21f72c81017cull);
    uint64_t b = mum(sendNs ^ 0xdb979083e96dd4deull, (uint64_t{payload} << 17) ^ 0x1f67b3b7a4a44072ull);
    uint64_t h = a ^ ((b << 23) | (b >> 41));
    return h ^ (h >> 29);
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
    return frame_.span();
}

void MessageBuilder::buildInto(std::byte* dst, uint64_t seq, uint64_t sendNs, bool full) const {
    // The payload pattern with the library's widest moves, then the stamped words: few stores
    // into a slot line the reader may still hold, each of which waits for the line to come back.
    std::memcpy(dst + kFrameHeaderSize, frame_.data() + kFrameHeaderSize, payloadSize_);
    stamp(dst, seq, sendNs, full);
}

// Writes the header into a frame whose payload holds the producer's pattern.
void MessageBuilder::stamp(std::byte* f, uint64_t seq, uint64_t sendNs, bool full) const {
    uint32_t magic = full ? kMessageMagicFull : kMessageMagicSampled;
    uint64_t hh = headerHash(magic, producer_, seq, sendNs, payloadSize_);
    uint64_t w0 = uint64_t{magic} | (uint64_t{producer_} << 32);
    uint64_t w3 = uint64_t{payloadSize_} | (uint64_t{checksum(hh, f + kFrameHeaderSize, payloadSize_, full)} << 32);
    // Straight into the frame (the layout of MessageHeader) as two 16-byte stores composed in
    // registers: a header built on the stack and copied as a whole stalls on store forwarding,
    // and every extra store into a ring slot waits for the slot's line.
#if defined(__SSE2__)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(f), _mm_set_epi64x(static_cast<long long>(seq), static_cast<long long>(w0)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(f + 16),
                     _mm_set_epi64x(static_cast<long long>(w3), static_cast<long long>(sendNs)));
#else
    std::memcpy(f, &w0, 8);
    std::memcpy(f + 8, &seq, 8);
    std::memcpy(f + 16, &sendNs, 8);
    std::memcpy(f + 24, &w3, 8);
#endif
}

Verdict verifyFrame(std::span<const std::byte> frame, uint32_t expectedPayload, uint32_t producerCount,
                    MessageHeader& h) {
    if (frame.size() != kFrameHeaderSize + expectedPayload) return Verdict::Corrupted;
    std::memcpy(&h, frame.data(), sizeof h);
    if ((h.magic != kMessageMagicFull && h.magic != kMessageMagicSampled) || h.payloadSize != expectedPayload ||
        h.producer >= producerCount)
        return Verdict::Corrupted;
    uint64_t hh = headerHash(h.magic, h.producer, h.seq, h.sendNs, h.payloadSize);
    return checksum(hh, frame.data() + kFrameHeaderSize, expectedPayload, isFullFrame(h)) == h.checksum
               ? Verdict::Ok
               : Verdict::Corrupted;
}

} // namespace ipclab
