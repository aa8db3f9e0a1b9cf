#include "shm_ring_transport.h"

#include "error.h"
#include "message.h"
#include "telemetry.h"

#include <cstring>

namespace ipclab {

ShmRingChannels::ShmRingChannels(const std::string& prefix, int count, std::size_t frameSize, bool oneWriterOneReader) {
    auto slot = static_cast<uint32_t>(frameSize);
    for (int i = 0; i < count; ++i)
        rings_.push_back(ShmRing::create("/" + prefix + "-ring" + std::to_string(i), slot, ShmRing::defaultSlotCount(slot),
                                         oneWriterOneReader));
}

ShmRingTransport::ShmRingTransport(const std::string& spec, IoContext ctx) : ctx_(ctx) {
    if (spec.rfind("shm:", 0) != 0) throw ConfigError("bad shared-memory spec '" + spec + "'");
    if (!ctx.control) throw ConfigError("shared-memory transport needs a control block");
    ring_ = ShmRing::attach(spec.substr(4));
    ring_.setProcesses(ctx.processes);
}

// One writer and one reader without a lock: the ring's inline hand-over applies (and, when it
// finds the ring full or empty, the general path with locks, waiting and sleeping takes over).
bool ShmRingTransport::inlineHandOver() const {
    SyncMode m = ctx_.control->effectiveSync();
    return ring_.singleProducerConsumer() && (m == SyncMode::Atomic || m == SyncMode::None);
}

IoStatus ShmRingTransport::send(std::span<const std::byte> frame) {
    if (inlineHandOver() && ring_.tryPushInline(frame.size(), [&](std::byte* dst) { std::memcpy(dst, frame.data(), frame.size()); })) {
        ring_.wakeReader(ctx_.slot);
        return IoStatus::Ok;
    }
    return ring_.push(frame, *ctx_.control, ctx_.slot) == ShmRing::Status::Ok ? IoStatus::Ok : IoStatus::Closed;
}

IoStatus ShmRingTransport::sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full) {
    // The frame is written straight into the slot: the same one copy of the payload a bare ring makes.
    if (inlineHandOver() && ring_.tryPushInline(builder.frameSize(), [&](std::byte* dst) { builder.buildInto(dst, seq, sendNs, full); })) {
        ring_.wakeReader(ctx_.slot);
        return IoStatus::Ok;
    }
    struct Args {
        const MessageBuilder* b;
        uint64_t seq, sendNs;
        bool full;
    } args{&builder, seq, sendNs, full};
    FrameSource src{builder.frameSize(),
                    [](const void* ctx, std::byte* dst) {
                        const auto* a = static_cast<const Args*>(ctx);
                        a->b->buildInto(dst, a->seq, a->sendNs, a->full);
                    },
                    &args};
    return ring_.push(src, *ctx_.control, ctx_.slot) == ShmRing::Status::Ok ? IoStatus::Ok : IoStatus::Closed;
}

IoStatus ShmRingTransport::receive(std::span<std::byte> frame, int64_t idleTimeoutNs) {
    std::size_t len = 0;
    ShmRing::Status st;
    if (inlineHandOver() && ring_.tryPopInline(frame, len)) {
        ring_.wakeWriter(ctx_.slot);
        st = ShmRing::Status::Ok;
    } else {
        st = ring_.pop(frame, len, *ctx_.control, ctx_.slot, idleTimeoutNs);
    }
    switch (st) {
    case ShmRing::Status::Ok:
        if (len < frame.size()) std::fill(frame.begin() + static_cast<std::ptrdiff_t>(len), frame.end(), std::byte{0});
        return IoStatus::Ok;
    case ShmRing::Status::Stopped: return IoStatus::Closed;
    default: return IoStatus::Timeout;
    }
}

} // namespace ipclab
