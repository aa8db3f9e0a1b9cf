#pragma once
// POSIX message queues: the kernel keeps whole messages, so no framing is needed, but a queue
// has a per-message size limit and a small depth (/proc/sys/fs/mqueue/msgsize_max, msg_max).
#include "ipclab/transport/transport.h"
#include "ipclab/transport/message.h"
#include "ipclab/telemetry/telemetry.h"

#include <mqueue.h>
#include <time.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ipclab {

// Owns one open queue descriptor; the creator also owns (and unlinks) the name.
class MessageQueue {
public:
    static MessageQueue create(const std::string& name, std::size_t msgSize);
    static MessageQueue open(const std::string& name, int flags);
    MessageQueue() = default;
    MessageQueue(MessageQueue&& o) noexcept;
    MessageQueue& operator=(MessageQueue&& o) noexcept;
    MessageQueue(const MessageQueue&) = delete;
    MessageQueue& operator=(const MessageQueue&) = delete;
    ~MessageQueue();
    mqd_t get() const { return mq_; }
    const std::string& name() const { return name_; }

private:
    mqd_t mq_ = static_cast<mqd_t>(-1);
    std::string name_;
    bool owner_ = false;
};

class MqueueChannels final : public Channels {
public:
    MqueueChannels(const std::string& prefix, int count, std::size_t frameSize);
    Endpoint writer(int channel) override { return {"mq:" + queues_.at(static_cast<std::size_t>(channel)).name(), -1}; }
    Endpoint reader(int channel) override { return writer(channel); }
    std::string objectName(int channel) const override { return queues_.at(static_cast<std::size_t>(channel)).name(); }
    std::size_t capacityFrames() const override; // the queue's mq_maxmsg, as the kernel reports it

private:
    std::vector<MessageQueue> queues_;
};

// The per-message calls are inline, and the worker loop is compiled for this class: after a
// system call each function level on the way back costs a mispredicted return (see
// FdStreamTransport). Each call waits at most one slice, so a stop is seen within it; the
// slice's deadline is taken from the coarse clock, which is read without the TSC (a few ns,
// against ~30 for the precise one in a VM, twice per message).
class MqueueTransport final : public Transport {
public:
    MqueueTransport(const std::string& spec, bool writer, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override {
        if (frame.size() > msgSize_) [[unlikely]]
            tooLarge();
        for (;;) {
            timespec dl = sliceDeadline(kSliceNs);
            if (ctx_.slot) {
                publishState(ctx_.slot, WorkerState::InKernel);
                ctx_.slot->syscalls.add();
            }
            int r = ::mq_timedsend(q_.get(), reinterpret_cast<const char*>(frame.data()), frame.size(), 0, &dl);
            publishState(ctx_.slot, WorkerState::Running);
            if (r == 0) [[likely]]
                return IoStatus::Ok;
            if (!sendWaited()) return IoStatus::Closed;
        }
    }
    IoStatus sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full, bool) override {
        return send(builder.build(seq, sendNs, full));
    }
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override {
        // mq_receive needs a buffer of the queue's full message size; in place when the frame is one.
        char* dst = frame.size() >= msgSize_ ? reinterpret_cast<char*>(frame.data()) : spare();
        int64_t waited = 0;
        for (;;) {
            timespec dl = sliceDeadline(std::min(kSliceNs, std::max<int64_t>(idleTimeoutNs - waited, 1)));
            if (ctx_.slot) {
                publishState(ctx_.slot, WorkerState::InKernel);
                ctx_.slot->syscalls.add();
            }
            ssize_t n = ::mq_timedreceive(q_.get(), dst, msgSize_, nullptr, &dl);
            publishState(ctx_.slot, WorkerState::Running);
            if (n >= 0) [[likely]] {
                if (static_cast<std::size_t>(n) != frame.size() || dst != reinterpret_cast<char*>(frame.data())) [[unlikely]]
                    placeReceived(dst, static_cast<std::size_t>(n), frame);
                return IoStatus::Ok;
            }
            if (!receiveWaited(waited, idleTimeoutNs)) return IoStatus::Timeout;
        }
    }

private:
    static constexpr int64_t kSliceNs = 5'000'000;
    // Now + ns on CLOCK_REALTIME (the clock mq_timed* take), from the coarse clock plus one of its
    // ticks, so that a slice is never shorter than asked (it may be up to a tick longer).
    static timespec sliceDeadline(int64_t ns) {
        static const int64_t tick = [] {
            timespec r{};
            return ::clock_getres(CLOCK_REALTIME_COARSE, &r) == 0 ? r.tv_sec * 1'000'000'000 + r.tv_nsec : 10'000'000;
        }();
        timespec ts;
        ::clock_gettime(CLOCK_REALTIME_COARSE, &ts);
        int64_t nsec = ts.tv_nsec + ns + tick;
        ts.tv_sec += static_cast<time_t>(nsec / 1'000'000'000);
        ts.tv_nsec = static_cast<long>(nsec % 1'000'000'000);
        return ts;
    }
    // The rare ways, out of line.
    [[noreturn]] static void tooLarge();
    bool sendWaited();                                   // timed out (queue full): false when the run stops
    bool receiveWaited(int64_t& waited, int64_t idleTimeoutNs); // timed out (empty): false at the idle limit
    char* spare();                                      // a buffer of the queue's message size
    static void placeReceived(const char* dst, std::size_t n, std::span<std::byte> frame);

    MessageQueue q_;
    IoContext ctx_;
    std::size_t msgSize_ = 0;
    std::vector<char> spare_;
};

} // namespace ipclab
