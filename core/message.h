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
// hide the mechanism it measures.
#include "aligned_buffer.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ipclab {

inline constexpr uint32_t kMessageMagicFull = 0x4d534746;    // "MSGF"
inline constexpr uint32_t kMessageMagicSampled = 0x4d534753; // "MSGS"
// 1 message in this many gets every payload byte verified and a send-time stamp.
inline constexpr uint64_t kFullCheckEvery = 16;

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

// Whether message `seq` is a full frame (every byte checked, time-stamped).
inline bool fullCheckDue(uint64_t seq, bool everyMessage) { return everyMessage || seq % kFullCheckEvery == 0; }

// Builds frames for one producer. The payload is a fixed pattern per producer (so a slot mixing
// two producers' bytes fails the full check); per message only the header changes.
class MessageBuilder {
public:
    MessageBuilder(uint32_t producer, uint32_t payloadSize);
    std::span<const std::byte> build(uint64_t seq, uint64_t sendNs, bool full = true);
    // Writes the same frame straight into `dst` (frameSize() bytes, e.g. a ring slot): one copy of
    // the payload pattern plus the stamped words, no intermediate buffer to copy from.
    void buildInto(std::byte* dst, uint64_t seq, uint64_t sendNs, bool full) const;
    std::size_t frameSize() const { return frame_.size(); }

private:
    void stamp(std::byte* frame, uint64_t seq, uint64_t sendNs, bool full) const;
    uint32_t producer_;
    uint32_t payloadSize_;
    AlignedBuffer frame_; // the whole frame, cache-line aligned: the pattern copied from here
};

enum class Verdict { Ok, Corrupted };
// Recomputes the checksum from the received bytes; nothing in the frame is trusted.
Verdict verifyFrame(std::span<const std::byte> frame, uint32_t expectedPayload, uint32_t producerCount,
                    MessageHeader& out);
inline bool isFullFrame(const MessageHeader& h) { return h.magic == kMessageMagicFull; }

} // namespace ipclab
