#pragma once
// The frame every stream message carries: a 32-byte header in front of the payload.
// The checksum covers the header fields and every payload byte, so a torn or mixed-up
// write (two producers in one slot) is detected by the consumer.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ipclab {

inline constexpr uint32_t kMessageMagic = 0x4d534731; // "MSG1"

struct MessageHeader {
    uint32_t magic;
    uint32_t producer;
    uint64_t seq;
    uint64_t sendNs;
    uint32_t payloadSize;
    uint32_t checksum;
};
static_assert(sizeof(MessageHeader) == 32);
inline constexpr std::size_t kFrameHeaderSize = sizeof(MessageHeader);

// Builds frames for one producer. The payload's middle words are fixed per producer, so the
// per-message work is O(1): stamp the header and the first/last payload words.
class MessageBuilder {
public:
    MessageBuilder(uint32_t producer, uint32_t payloadSize);
    std::span<const std::byte> build(uint64_t seq, uint64_t sendNs);
    std::size_t frameSize() const { return frame_.size(); }

private:
    uint32_t producer_;
    uint32_t payloadSize_;
    uint64_t middleSum_ = 0;
    std::vector<std::byte> frame_;
};

enum class Verdict { Ok, Corrupted };
// Recomputes everything from the received bytes; nothing in the frame is trusted.
Verdict verifyFrame(std::span<const std::byte> frame, uint32_t expectedPayload, uint32_t producerCount,
                    MessageHeader& out);

} // namespace ipclab
