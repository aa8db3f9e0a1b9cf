#include "ipclab/transport/shm_ring_transport.h"

#include "ipclab/base/error.h"
#include "ipclab/transport/message.h"
#include "ipclab/telemetry/telemetry.h"

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

IoStatus ShmRingTransport::send(std::span<const std::byte> frame) {
    if (inlineHandOver()) {
        bool published = false;
        bool ok = ring_.tryPushInline(
            frame.size(), [&](std::byte* dst) { std::memcpy(dst, frame.data(), frame.size()); }, false, published);
        if (published) ring_.wakeReader(ctx_.slot);
        if (ok) return IoStatus::Ok;
    }
    return ring_.push(frame, *ctx_.control, ctx_.slot) == ShmRing::Status::Ok ? IoStatus::Ok : IoStatus::Closed;
}

IoStatus ShmRingTransport::sendBuiltSlowly(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full) {
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
    switch (ring_.push(src, *ctx_.control, ctx_.slot, /*yieldToPause=*/true)) {
    case ShmRing::Status::Ok: return IoStatus::Ok;
    case ShmRing::Status::Paused: return IoStatus::Paused;
    default: return IoStatus::Closed;
    }
}

void ShmRingTransport::flush() {
    if (ring_.flush()) ring_.wakeReader(ctx_.slot);
}

IoStatus ShmRingTransport::receiveSlowly(std::span<std::byte> frame, int64_t idleTimeoutNs) {
    std::size_t len = 0;
    switch (ring_.pop(frame, len, *ctx_.control, ctx_.slot, idleTimeoutNs)) {
    case ShmRing::Status::Ok:
        if (len < frame.size()) std::fill(frame.begin() + static_cast<std::ptrdiff_t>(len), frame.end(), std::byte{0});
        return IoStatus::Ok;
    case ShmRing::Status::Stopped: return IoStatus::Closed;
    default: return IoStatus::Timeout;
    }
}

} // namespace ipclab
