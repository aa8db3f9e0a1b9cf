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

namespace {
bool lockFree(SyncMode m) { return m == SyncMode::Atomic || m == SyncMode::None; }
} // namespace

IoStatus ShmRingTransport::send(std::span<const std::byte> frame) {
    if (ring_.singleProducerConsumer() && lockFree(ctx_.control->effectiveSync()) &&
        ring_.tryPushInline(frame.size(), [&](std::byte* dst) { std::memcpy(dst, frame.data(), frame.size()); })) {
        ring_.wakeReader(ctx_.slot);
        return IoStatus::Ok;
    }
    return ring_.push(frame, *ctx_.control, ctx_.slot) == ShmRing::Status::Ok ? IoStatus::Ok : IoStatus::Closed;
}

IoStatus ShmRingTransport::sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full) {
    // One writer and one reader without a lock: the hand-over inline, the frame written straight
    // into the slot (the same one copy of the payload a bare ring makes). Otherwise, or when the
    // ring is full, the general path: locks, waiting, sleeping.
    if (ring_.singleProducerConsumer() && lockFree(ctx_.control->effectiveSync()) &&
        ring_.tryPushInline(builder.frameSize(), [&](std::byte* dst) { builder.buildInto(dst, seq, sendNs, full); })) {
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
    if (ring_.singleProducerConsumer() && lockFree(ctx_.control->effectiveSync()) && ring_.tryPopInline(frame, len)) {
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
