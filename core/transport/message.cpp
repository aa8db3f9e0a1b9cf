#include "ipclab/transport/message.h"

#include "ipclab/base/clock.h"

// Header-only use of Debian's libxxhash: XXH3's short-input paths inline into frame_hash::payload.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <bit>
#include <cstdlib>
#include <immintrin.h>
#include <cstring>

namespace ipclab {

uint64_t frame_hash::payload(const std::byte* p, std::size_t n) { return XXH3_64bits(p, n); }

namespace {
// AVX-512 (F for the 64-byte moves, BW for the byte-masked tail), compiled for this function
// alone: the rest of IPC Lab runs on any x86-64.
__attribute__((target("avx512f,avx512bw"))) inline void writeWide(std::byte* dst, const std::byte* pattern, std::size_t n,
                                                                  uint64_t w0, uint64_t seq, uint64_t sendNs, uint64_t w3) {
    const __m512i hdr = _mm512_set_epi64(0, 0, 0, 0, static_cast<long long>(w3), static_cast<long long>(sendNs),
                                         static_cast<long long>(seq), static_cast<long long>(w0));
    // The first line: header words, then the pattern (a masked load never reads past its end).
    std::size_t first = n < 64 ? n : 64;
    __mmask64 m = first == 64 ? ~__mmask64{0} : ((__mmask64{1} << first) - 1);
    __m512i line = _mm512_maskz_loadu_epi8(m, pattern);
    line = _mm512_mask_mov_epi64(line, 0x0f, hdr);
    _mm512_mask_storeu_epi8(dst, m, line);
    std::size_t i = 64;
    for (; i + 64 <= n; i += 64) _mm512_storeu_si512(dst + i, _mm512_loadu_si512(pattern + i));
    if (i < n) {
        __mmask64 t = (__mmask64{1} << (n - i)) - 1;
        _mm512_mask_storeu_epi8(dst + i, t, _mm512_maskz_loadu_epi8(t, pattern + i));
    }
}

__attribute__((target("avx512f,avx512bw"))) void writeWideOut(std::byte* dst, const std::byte* pattern, std::size_t n,
                                                              uint64_t w0, uint64_t seq, uint64_t sendNs, uint64_t w3) {
    writeWide(dst, pattern, n, w0, seq, sendNs, w3);
}

// The batch loop, once per way of writing a frame, with the frame write inlined (for AVX-512 the
// whole loop is compiled for it): a message costs its stores and no call.
template <bool kWide>
[[gnu::always_inline]] inline void buildRunWith(const frame_write::SlotRun& run, const std::byte* pattern, std::size_t n,
                                                uint32_t producer, uint32_t payload, uint64_t payloadHash, uint64_t seq,
                                                uint64_t stampSeq, uint64_t& stampNs) {
    const uint64_t idSampled = uint64_t{kMessageMagicSampled} | (uint64_t{producer} << 32);
    for (uint64_t i = 0; i < run.count; ++i) {
        std::byte* p = run.base + run.stride * ((run.first + i) & run.mask);
        uint64_t s = seq + i, t = 0, w0 = idSampled, w3;
        if (s == stampSeq) [[unlikely]] {
            if (stampDue(s, false)) t = stampNs = monotonicNs();
            w0 = uint64_t{kMessageMagicFull} | (uint64_t{producer} << 32);
            uint64_t hh = frame_hash::header(kMessageMagicFull, producer, s, t, payload);
            w3 = uint64_t{payload} | (uint64_t{frame_hash::combine(hh, payloadHash)} << 32);
        } else {
            w3 = uint64_t{payload} | (uint64_t{frame_hash::fold(frame_hash::header(kMessageMagicSampled, producer, s, 0, payload))} << 32);
        }
        if constexpr (kWide) writeWide(p, pattern, n, w0, s, t, w3);
        else frame_write::write(p, pattern, n, w0, s, t, w3);
        uint32_t len = static_cast<uint32_t>(n);
        std::memcpy(p + run.lengthOffset, &len, sizeof len);
    }
}

__attribute__((target("avx512f,avx512bw"))) void buildRunWide(const frame_write::SlotRun& run, const std::byte* pattern,
                                                              std::size_t n, uint32_t producer, uint32_t payload,
                                                              uint64_t payloadHash, uint64_t seq, uint64_t stampSeq,
                                                              uint64_t& stampNs) {
    buildRunWith<true>(run, pattern, n, producer, payload, payloadHash, seq, stampSeq, stampNs);
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
    payloadHash_ = frame_hash::payload(p, payloadSize);
}

frame_write::WriteFn frame_write::wideWriter() {
    __builtin_cpu_init();
    if (std::getenv("IPCLAB_NO_AVX512")) return nullptr; // (to compare the two paths)
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") ? &writeWideOut : nullptr;
}

void MessageBuilder::buildRun(const frame_write::SlotRun& run, uint64_t seq, uint64_t stampSeq, uint64_t& stampNs) const {
    if (frame_write::wide()) {
        buildRunWide(run, frame_.data(), frame_.size(), producer_, payloadSize_, payloadHash_, seq, stampSeq, stampNs);
        return;
    }
    buildRunWith<false>(run, frame_.data(), frame_.size(), producer_, payloadSize_, payloadHash_, seq, stampSeq, stampNs);
}

static_assert(std::endian::native == std::endian::little, "the header words are stored little-endian");

} // namespace ipclab
