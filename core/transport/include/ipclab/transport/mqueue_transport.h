#pragma once
// POSIX message queues: the kernel keeps whole messages, so no framing is needed, but a queue
// has a per-message size limit and a small depth (/proc/sys/fs/mqueue/msgsize_max, msg_max).
#include "ipclab/transport/transport.h"

#include <mqueue.h>

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

class MqueueTransport final : public Transport {
public:
    MqueueTransport(const std::string& spec, bool writer, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override;
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override;

private:
    MessageQueue q_;
    IoContext ctx_;
    std::size_t msgSize_ = 0;
};

} // namespace ipclab
