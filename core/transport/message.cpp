#include "ipclab/transport/message.h"

// Header-only use of Debian's libxxhash: XXH3's short-input paths inline into withPayload.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <bit>
#include <cstdlib>
#include <immintrin.h>
#include <cstring>

namespace ipclab {

uint32_t frame_hash::withPayload(uint64_t headerHash, const std::byte* payload, std::size_t n) {
    return fold(XXH3_64bits_withSeed(payload, n, headerHash));
}

namespace {
// AVX-512 (F for the 64-byte moves, BW for the byte-masked tail), compiled for this function
// alone: the rest of IPC Lab runs on any x86-64.
__attribute__((target("avx512f,avx512bw"))) void writeWide(std::byte* dst, const std::byte* pattern, std::size_t n,
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

frame_write::WriteFn frame_write::wideWriter() {
    __builtin_cpu_init();
    if (std::getenv("IPCLAB_NO_AVX512")) return nullptr; // (to compare the two paths)
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") ? &writeWide : nullptr;
}

static_assert(std::endian::native == std::endian::little, "the header words are stored little-endian");

} // namespace ipclab
