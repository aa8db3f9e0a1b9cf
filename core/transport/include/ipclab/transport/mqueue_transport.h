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
// FdStreamTransport). The calls take no deadline (a deadline arms a kernel timer on every
// sleep); the controller wakes a blocked worker with kWakeSignal to stop, pause or retune it,
// and a receive woken while the run stops drains the queue with a deadline (see wake_signal.h).
class MqueueTransport final : public Transport {
public:
    MqueueTransport(const std::string& spec, bool writer, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override {
        if (frame.size() > msgSize_) [[unlikely]]
            tooLarge();
        for (;;) {
            if (ctx_.slot) {
                publishState(ctx_.slot, WorkerState::InKernel);
                ctx_.slot->syscalls.add();
            }
            int r = ::mq_send(q_.get(), reinterpret_cast<const char*>(frame.data()), frame.size(), 0);
            publishState(ctx_.slot, WorkerState::Running);
            if (r == 0) [[likely]]
                return IoStatus::Ok;
            if (!sendWoken()) return IoStatus::Closed;
        }
    }
    IoStatus sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full, bool) override {
        return send(builder.build(seq, sendNs, full));
    }
    // Blocks until a message comes or the controller wakes this worker: then Timeout (look at
    // the control block), or, once the run stops, whatever the queue still holds within
    // idleTimeoutNs.
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override {
        // mq_receive needs a buffer of the queue's full message size; in place when the frame is one.
        char* dst = frame.size() >= msgSize_ ? reinterpret_cast<char*>(frame.data()) : spare();
        if (ctx_.slot) {
            publishState(ctx_.slot, WorkerState::InKernel);
            ctx_.slot->syscalls.add();
        }
        ssize_t n = ::mq_receive(q_.get(), dst, msgSize_, nullptr);
        publishState(ctx_.slot, WorkerState::Running);
        if (n >= 0) [[likely]]
            return received(dst, n, frame);
        return receiveWoken(dst, frame, idleTimeoutNs);
    }

private:
    // Now + ns on CLOCK_REALTIME (the clock mq_timedreceive takes), from the coarse clock plus one
    // of its ticks, so that the wait is never shorter than asked (it may be up to a tick longer).
    static timespec deadlineIn(int64_t ns);
    // The rare ways, out of line.
    [[noreturn]] static void tooLarge();
    bool sendWoken();                                   // false when the run stops
    IoStatus receiveWoken(char* dst, std::span<std::byte> frame, int64_t idleTimeoutNs);
    char* spare();                                      // a buffer of the queue's message size
    static void placeReceived(const char* dst, std::size_t n, std::span<std::byte> frame);
    // A message of n bytes arrived in dst: the frame holds it (copied or padded if it must be).
    static IoStatus received(const char* dst, ssize_t n, std::span<std::byte> frame) {
        if (static_cast<std::size_t>(n) != frame.size() || dst != reinterpret_cast<const char*>(frame.data())) [[unlikely]]
            placeReceived(dst, static_cast<std::size_t>(n), frame);
        return IoStatus::Ok;
    }

    MessageQueue q_;
    IoContext ctx_;
    std::size_t msgSize_ = 0;
    std::vector<char> spare_;
};

} // namespace ipclab
