#pragma once
// The frame every stream message carries: a 32-byte header in front of the payload.
//
// Two kinds of frame, told apart by the magic:
//  - full ("MSGF"): the checksum covers the header and every payload byte (XXH3), so a torn or
//    mixed-up write (two producers in one slot) is detected by the consumer;
//  - sampled ("MSGS"): the checksum covers the header (producer, sequence, send time, size); the
//    payload, a fixed pattern per producer, is checked on full frames only.
// A producer sends 1 frame in kFullCheckEvery as a full one (by sequence number) and every frame
// when a race can tear it (sync off) or when the run is slow enough for every message to be seen.
// Checking every byte of every message costs as much as the copy it checks: the instrument would
// hide the mechanism it measures. 1 full frame in 4 (1 message in kStampEvery) also carries a
// send-time stamp; the others carry 0 there, and only a stamped frame makes the consumer read
// the clock.
#include "ipclab/base/aligned_buffer.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ipclab {

inline constexpr uint32_t kMessageMagicFull = 0x4d534746;    // "MSGF"
inline constexpr uint32_t kMessageMagicSampled = 0x4d534753; // "MSGS"
// 1 message in this many gets every payload byte verified.
inline constexpr uint64_t kFullCheckEvery = 16;
// 1 message in this many (always a full one) carries a send-time stamp for the latency
// histogram. A clock read costs 43 ns on the 2-core build VM, more than a 64-byte hand-over
// through the ring: one per 16 messages on each side was 7.5 % of the consumer's time (perf).
// At full speed this still leaves hundreds of thousands of latency samples a second.
inline constexpr uint64_t kStampEvery = 64;
static_assert(kStampEvery % kFullCheckEvery == 0, "a stamped message is a full one");

struct MessageHeader {
    uint32_t magic;
    uint32_t producer;
    uint64_t seq;
    uint64_t sendNs; // 0 when the frame carries no latency stamp
    uint32_t payloadSize;
    uint32_t checksum;
};
static_assert(sizeof(MessageHeader) == 32);
inline constexpr std::size_t kFrameHeaderSize = sizeof(MessageHeader);

// Whether message `seq` is a full frame (every byte checked).
inline bool fullCheckDue(uint64_t seq, bool everyMessage) { return everyMessage || seq % kFullCheckEvery == 0; }
// Whether message `seq` carries a send-time stamp (every message when every one is checked).
inline bool stampDue(uint64_t seq, bool everyMessage) { return everyMessage || seq % kStampEvery == 0; }

namespace frame_hash {
// The header fields, mixed in registers: three independent 64x64->128-bit multiplies (as XXH3
// itself does for short inputs), so their latencies overlap. Hashing the fields from memory
// would reload bytes just stored with narrower writes: a store-forwarding stall per message.
inline uint64_t mum(uint64_t a, uint64_t b) {
    __uint128_t p = static_cast<__uint128_t>(a) * b;
    return static_cast<uint64_t>(p) ^ static_cast<uint64_t>(p >> 64);
}
// Its two halves apart, so that a caller whose second half never changes can hoist it
// (countInOrderSampled): `w0` is the header's first word, magic | producer << 32.
inline uint64_t headerFirstHalf(uint64_t w0, uint64_t seq) { return mum(w0 ^ 0xbe4ba423396cfeb8ull, seq ^ 0x1cad21f72c81017cull); }
inline uint64_t headerSecondHalf(uint64_t sendNs, uint32_t payload) {
    uint64_t b = mum(sendNs ^ 0xdb979083e96dd4deull, (uint64_t{payload} << 17) ^ 0x1f67b3b7a4a44072ull);
    return (b << 23) | (b >> 41);
}
inline uint64_t headerOfHalves(uint64_t first, uint64_t second) {
    uint64_t h = first ^ second;
    return h ^ (h >> 29);
}
inline uint64_t header(uint32_t magic, uint32_t producer, uint64_t seq, uint64_t sendNs, uint32_t payload) {
    return headerOfHalves(headerFirstHalf(uint64_t{magic} | (uint64_t{producer} << 32), seq), headerSecondHalf(sendNs, payload));
}
inline uint32_t fold(uint64_t x) { return static_cast<uint32_t>(x ^ (x >> 32)); }
// Every payload byte, hashed at memory speed by XXH3 (libxxhash): message.cpp.
uint64_t payload(const std::byte* payload, std::size_t n);
// A full frame's checksum: the header's hash and the payload's, mixed. Kept apart so that a
// producer, whose payload never changes, hashes it once (MessageBuilder), while a consumer
// hashes every byte it received.
inline uint32_t combine(uint64_t headerHash, uint64_t payloadHash) {
    return fold(mum(headerHash ^ 0x8e51b3c1a7f2d946ull, payloadHash ^ 0x5bd1e9955bd1e995ull));
}
inline uint32_t withPayload(uint64_t headerHash, const std::byte* p, std::size_t n) {
    return combine(headerHash, payload(p, n));
}
inline uint32_t checksum(uint64_t headerHash, const std::byte* payload, std::size_t n, bool full) {
    return full ? withPayload(headerHash, payload, n) : fold(headerHash);
}
} // namespace frame_hash

namespace frame_write {
// Writes a header's four words as two 16-byte stores composed in registers: a header built on
// the stack and copied as a whole would stall on store forwarding.
inline void header(std::byte* f, uint64_t w0, uint64_t seq, uint64_t sendNs, uint64_t w3) {
#if defined(__SSE2__)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(f), _mm_set_epi64x(static_cast<long long>(seq), static_cast<long long>(w0)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(f + 16), _mm_set_epi64x(static_cast<long long>(w3), static_cast<long long>(sendNs)));
#else
    std::memcpy(f, &w0, 8);
    std::memcpy(f + 8, &seq, 8);
    std::memcpy(f + 16, &sendNs, 8);
    std::memcpy(f + 24, &w3, 8);
#endif
}
// Where a batch of frames goes: `count` ring slots from position `first`, slot i at
// base + stride * ((first + i) & mask), each with a 32-bit length word `lengthOffset` bytes in.
struct SlotRun {
    std::byte* base;
    uint64_t stride, mask, first, count, lengthOffset;
};
using WriteFn = void (*)(std::byte* dst, const std::byte* pattern, std::size_t n, uint64_t w0, uint64_t seq,
                         uint64_t sendNs, uint64_t w3);
WriteFn wideWriter(); // null when the CPU has no AVX-512 (F and BW): asks the CPU
// The AVX-512 frame writer, or null: decided once, at the first call (write and buildRun both ask).
inline WriteFn wide() {
    static const WriteFn w = wideWriter();
    return w;
}
// A frame of `n` bytes into `dst`: the header words, then `pattern` from byte 32 on (`pattern`
// is a whole frame whose first 32 bytes are ignored). With AVX-512 in whole 64-byte stores,
// else the header and 16-byte moves, inline.
inline void write(std::byte* dst, const std::byte* pattern, std::size_t n, uint64_t w0, uint64_t seq, uint64_t sendNs,
                  uint64_t w3) {
    if (WriteFn w = wide()) {
        w(dst, pattern, n, w0, seq, sendNs, w3);
        return;
    }
    header(dst, w0, seq, sendNs, w3);
    std::size_t i = 32;
#if defined(__SSE2__)
    for (; i + 16 <= n; i += 16)
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i), _mm_loadu_si128(reinterpret_cast<const __m128i*>(pattern + i)));
#endif
    if (i < n) std::memcpy(dst + i, pattern + i, n - i);
}
} // namespace frame_write

// Builds frames for one producer. The payload is a fixed pattern per producer (so a slot mixing
// two producers' bytes fails the full check); per message only the header changes.
class MessageBuilder {
public:
    MessageBuilder(uint32_t producer, uint32_t payloadSize);
    std::span<const std::byte> build(uint64_t seq, uint64_t sendNs, bool full = true) {
        stamp(frame_.data(), seq, sendNs, full);
        return frame_.span();
    }
    // Writes the same frame straight into `dst` (frameSize() bytes, a ring slot), in address order
    // and in as few stores as the CPU allows: with AVX-512 the header and the first 32 payload
    // bytes go as one 64-byte store, the rest of the pattern in whole 64-byte lines (a 64-byte
    // message is two stores). Into a ring slot each store waits in the store buffer until its
    // cache line comes back from the reader's CPU, and every other store of the loop queues
    // behind it: measured in a bare loop on the core's ring, 28 M frames/s written as header +
    // library memcpy (a 64-byte store split across two lines, and a call), 45 M as two lines.
    // A full frame's checksum takes the payload's hash from the builder (taken once, over its
    // own copy of the pattern: the same bytes, which never change), never reads the slot back.
    void buildInto(std::byte* dst, uint64_t seq, uint64_t sendNs, bool full) const {
        HeaderWords h = headerWords(seq, sendNs, full);
        frame_write::write(dst, frame_.data(), frame_.size(), h.w0, seq, sendNs, h.w3);
    }
    std::size_t frameSize() const { return frame_.size(); }
    // Messages seq .. seq+run.count-1 into the run's slots, as buildInto writes one, with each
    // slot's length word; the one numbered `stampSeq` (if among them) a full frame, stamped with
    // the clock as it is written (returned in `stampNs`) when stampDue says so, the others
    // sampled. One loop for the whole batch, compiled for AVX-512 when the CPU has it (message.cpp).
    void buildRun(const frame_write::SlotRun& run, uint64_t seq, uint64_t stampSeq, uint64_t& stampNs) const;

private:
    // Writes the header into a frame whose payload holds the producer's pattern.
    // Straight into the frame (the layout of MessageHeader) as two 16-byte stores composed in
    // registers: a header built on the stack and copied as a whole stalls on store forwarding.
    // Into a ring slot, each store waits in the CPU's store buffer until the slot's cache line
    // comes back from the reader's CPU; the fewer stores per message, the fewer stalls.
    // The header's four 64-bit words: magic|producer, seq, sendNs, payloadSize|checksum.
    struct HeaderWords {
        uint64_t w0, w3;
    };
    HeaderWords headerWords(uint64_t seq, uint64_t sendNs, bool full) const {
        uint32_t magic = full ? kMessageMagicFull : kMessageMagicSampled;
        uint64_t hh = frame_hash::header(magic, producer_, seq, sendNs, payloadSize_);
        uint64_t w3 = uint64_t{payloadSize_} |
                      (uint64_t{full ? frame_hash::combine(hh, payloadHash_) : frame_hash::fold(hh)} << 32);
        return {uint64_t{magic} | (uint64_t{producer_} << 32), w3};
    }
    void stamp(std::byte* f, uint64_t seq, uint64_t sendNs, bool full) const {
        HeaderWords h = headerWords(seq, sendNs, full);
        frame_write::header(f, h.w0, seq, sendNs, h.w3);
    }
    uint32_t producer_;
    uint32_t payloadSize_;
    AlignedBuffer frame_; // the whole frame, cache-line aligned: the pattern copied from here
    uint64_t payloadHash_; // frame_hash::payload of the pattern
};

enum class Verdict { Ok, Corrupted };
inline bool isFullFrame(const MessageHeader& h) { return h.magic == kMessageMagicFull; }
// Recomputes the checksum from the received bytes; nothing in the frame is trusted. Always
// inline: called from two places in the consumer's loop, the compiler made it a call, which
// stored the header to memory and loaded each field back (9 % of a 64-byte stream's samples).
[[gnu::always_inline]] inline Verdict verifyFrame(std::span<const std::byte> frame, uint32_t expectedPayload, uint32_t producerCount,
                           MessageHeader& h) {
    if (frame.size() != kFrameHeaderSize + expectedPayload) return Verdict::Corrupted;
    std::memcpy(&h, frame.data(), sizeof h);
    if ((h.magic != kMessageMagicFull && h.magic != kMessageMagicSampled) || h.payloadSize != expectedPayload ||
        h.producer >= producerCount)
        return Verdict::Corrupted;
    uint64_t hh = frame_hash::header(h.magic, h.producer, h.seq, h.sendNs, h.payloadSize);
    return frame_hash::checksum(hh, frame.data() + kFrameHeaderSize, expectedPayload, isFullFrame(h)) == h.checksum
               ? Verdict::Ok
               : Verdict::Corrupted;
}

// The consumer's fast path on a run of frames from one producer (number 0) that it reads alone:
// how many frames from the first, `each` bytes apart, are sampled frames of producer 0 carrying
// `expect`, expect + 1, ... without a stamp, whose header checksum is right (`expect` moves past
// them). Exactly the frames verifyFrame accepts and a sequence tracker finds in order, with
// nothing else to count; the first that is anything else (a full frame, a stamp, a gap, another
// producer, a torn or corrupted header) ends the count and goes the general way. Why: for these
// frames the hash's second half is the same every time (no stamp, the same size), and the header's
// words compare against values held in registers, with no copy of the header on the stack.
inline std::size_t countInOrderSampled(const std::byte* run, std::size_t k, std::size_t each, uint32_t payload, uint64_t& expect) {
    if (each != kFrameHeaderSize + payload) return 0;
    const uint64_t w0 = uint64_t{kMessageMagicSampled}; // producer 0 in the high half
    const uint64_t second = frame_hash::headerSecondHalf(0, payload); // no stamp, this size: the same for every frame
    std::size_t i = 0;
    for (; i < k; ++i) {
        const std::byte* f = run + i * each;
        uint64_t word0, seq, sendNs, word3;
        std::memcpy(&word0, f, 8);
        std::memcpy(&seq, f + 8, 8);
        std::memcpy(&sendNs, f + 16, 8);
        std::memcpy(&word3, f + 24, 8);
        if (word0 != w0 || seq != expect || sendNs != 0 || static_cast<uint32_t>(word3) != payload) break;
        // frame_hash::header(kMessageMagicSampled, 0, seq, 0, payload), its constant half hoisted
        const uint64_t h = frame_hash::headerOfHalves(frame_hash::headerFirstHalf(w0, seq), second);
        if (frame_hash::fold(h) != static_cast<uint32_t>(word3 >> 32)) break;
        ++expect;
    }
    return i;
}

} // namespace ipclab
