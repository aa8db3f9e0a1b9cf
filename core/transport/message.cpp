#include "ipclab/transport/message.h"

// Header-only use of Debian's libxxhash: XXH3's short-input paths inline into withPayload.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <bit>
#include <cstring>

namespace ipclab {

uint32_t frame_hash::withPayload(uint64_t headerHash, const std::byte* payload, std::size_t n) {
    return fold(XXH3_64bits_withSeed(payload, n, headerHash));
}

namespace {
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

} // namespace ipclab
