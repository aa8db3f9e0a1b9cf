#pragma once
// The shared-memory model as a transport: producers and consumers copy frames into and out of
// ring slots in a segment all of them map. One ring can be shared by many producers and consumers.
#include "ipclab/transport/message.h"
#include "ipclab/transport/shm_ring.h"
#include "ipclab/telemetry/telemetry.h"
#include "ipclab/transport/transport.h"

#include <algorithm>
#include <vector>

namespace ipclab {

class ShmRingChannels final : public Channels {
public:
    ShmRingChannels(const std::string& prefix, int count, std::size_t frameSize, bool oneWriterOneReader = false);
    Endpoint writer(int channel) override { return {"shm:" + rings_.at(static_cast<std::size_t>(channel)).name(), -1}; }
    Endpoint reader(int channel) override { return writer(channel); }
    ShmRing& ring(int channel) { return rings_.at(static_cast<std::size_t>(channel)); }
    std::string objectName(int channel) const override { return rings_.at(static_cast<std::size_t>(channel)).name(); }
    std::size_t capacityFrames() const override { return rings_.empty() ? 0 : rings_.front().slotCount(); }

private:
    std::vector<ShmRing> rings_;
};

class ShmRingTransport final : public Transport {
public:
    ShmRingTransport(const std::string& spec, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override;
    // Inline here: the producer's loop calls it directly (see worker_loop.cpp).
    IoStatus sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full, bool moreFollow) override {
        // The frame is written straight into the slot: the same one copy of the payload a bare ring makes.
        if (inlineHandOver()) {
            bool published = false;
            bool ok = ring_.tryPushInline(
                builder.frameSize(), [&](std::byte* dst) { builder.buildInto(dst, seq, sendNs, full); }, moreFollow,
                published);
            if (published) ring_.wakeReader(ctx_.slot); // (also when a full ring made it publish)
            if (ok) return IoStatus::Ok;
        }
        // (With a lock, each push publishes the write index: messages held back before go with it.)
        return sendBuiltSlowly(builder, seq, sendNs, full);
    }
    // At full speed, when inlineHandOver(): messages seq .. seq+n-1 in one go, the one numbered
    // `stampSeq` (if among them) a full frame stamped with the time it is written (set in
    // `stampNs`), the others sampled. Returns how many went (fewer than n when the ring filled:
    // the rest go by sendBuilt, which waits).
    uint64_t batchSize() const { return ring_.publishBatch(); }
    uint64_t sendBatch(const MessageBuilder& builder, uint64_t seq, uint64_t n, uint64_t stampSeq, uint64_t& stampNs) {
        frame_write::SlotRun run = ring_.claimBatch(builder.frameSize(), n);
        builder.buildRun(run, seq, stampSeq, stampNs);
        if (ring_.commitBatch(run.count)) ring_.wakeReader(ctx_.slot);
        return run.count;
    }
    void flush() override;
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override {
        std::size_t len = 0;
        if (inlineHandOver() && ring_.tryPopInline(frame, len)) {
            ring_.wakeWriter(ctx_.slot);
            if (len < frame.size()) std::fill(frame.begin() + static_cast<std::ptrdiff_t>(len), frame.end(), std::byte{0});
            return IoStatus::Ok;
        }
        return receiveSlowly(frame, idleTimeoutNs);
    }

    // At full speed, when inlineHandOver(): up to `n` frames at once into `out`, `each` bytes
    // apart (see ShmRing::takeRun), each shorter one padded with zeros as receive() does.
    // Returns how many; 0 when the ring is empty (then receive(), which waits).
    std::size_t receiveRun(std::byte* out, std::size_t each, std::size_t n, std::size_t* lengths) {
        std::size_t k = ring_.takeRun(out, each, n, lengths);
        if (k == 0) return 0;
        ring_.wakeWriter(ctx_.slot);
        for (std::size_t i = 0; i < k; ++i)
            if (lengths[i] < each) std::fill(out + i * each + lengths[i], out + (i + 1) * each, std::byte{0});
        return k;
    }
    // How many frames of `frameSize` bytes a receiveRun takes at most: up to 64, within
    // kRunBytes (a run of large frames would leave the first-level cache before they are
    // checked; from 4 KiB a frame's own lines keep the loads busy, and the run is one frame).
    // Measured at 64 B against runs of 16: 1.06-1.07x in interleaved pairs.
    static constexpr std::size_t kRunFrames = 64;
    static constexpr std::size_t kRunBytes = 8 * 1024;
    static std::size_t runSize(std::size_t frameSize) {
        return std::max<std::size_t>(1, std::min<std::size_t>(kRunFrames, kRunBytes / frameSize));
    }

    // One writer and one reader without a lock: the ring's inline hand-over applies (and, when it
    // finds the ring full or empty, the general path with locks, waiting and sleeping takes over).
    bool inlineHandOver() const {
        SyncMode m = ctx_.control->effectiveSync();
        return ring_.singleProducerConsumer() && (m == SyncMode::Atomic || m == SyncMode::None);
    }
private:
    IoStatus sendBuiltSlowly(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full);
    IoStatus receiveSlowly(std::span<std::byte> frame, int64_t idleTimeoutNs);
    ShmRing ring_;
    IoContext ctx_;
};

} // namespace ipclab
