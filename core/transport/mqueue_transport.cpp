#include "ipclab/transport/mqueue_transport.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"
#include "ipclab/base/wake_signal.h"
#include "ipclab/telemetry/telemetry.h"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <utility>

namespace ipclab {
namespace {
long procLimit(const char* path, long fallback) {
    std::ifstream f(path);
    long v = 0;
    return (f >> v && v > 0) ? v : fallback;
}

} // namespace

MessageQueue MessageQueue::create(const std::string& name, std::size_t msgSize) {
    long maxSize = procLimit("/proc/sys/fs/mqueue/msgsize_max", 8192);
    if (static_cast<long>(msgSize) > maxSize)
        throw ConfigError("a " + std::to_string(msgSize) + "-byte frame does not fit a message queue: the limit is " +
                          std::to_string(maxSize) + " bytes (/proc/sys/fs/mqueue/msgsize_max)");
    mq_attr attr{};
    attr.mq_maxmsg = std::min(10L, procLimit("/proc/sys/fs/mqueue/msg_max", 10));
    attr.mq_msgsize = static_cast<long>(msgSize);
    MessageQueue q;
    q.mq_ = ::mq_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600, &attr);
    if (q.mq_ == static_cast<mqd_t>(-1)) throwErrno("mq_open " + name);
    q.name_ = name;
    q.owner_ = true;
    return q;
}

MessageQueue MessageQueue::open(const std::string& name, int flags) {
    MessageQueue q;
    q.mq_ = ::mq_open(name.c_str(), flags | O_CLOEXEC);
    if (q.mq_ == static_cast<mqd_t>(-1)) throwErrno("mq_open " + name);
    q.name_ = name;
    return q;
}

MessageQueue::MessageQueue(MessageQueue&& o) noexcept
    : mq_(std::exchange(o.mq_, static_cast<mqd_t>(-1))), name_(std::move(o.name_)), owner_(std::exchange(o.owner_, false)) {}

MessageQueue& MessageQueue::operator=(MessageQueue&& o) noexcept {
    if (this != &o) {
        this->~MessageQueue();
        mq_ = std::exchange(o.mq_, static_cast<mqd_t>(-1));
        name_ = std::move(o.name_);
        owner_ = std::exchange(o.owner_, false);
    }
    return *this;
}

MessageQueue::~MessageQueue() {
    if (mq_ != static_cast<mqd_t>(-1)) ::mq_close(mq_);
    if (owner_) ::mq_unlink(name_.c_str());
    mq_ = static_cast<mqd_t>(-1);
    owner_ = false;
}

MqueueChannels::MqueueChannels(const std::string& prefix, int count, std::size_t frameSize) {
    for (int i = 0; i < count; ++i) queues_.push_back(MessageQueue::create("/" + prefix + "-mq" + std::to_string(i), frameSize));
}

MqueueTransport::MqueueTransport(const std::string& spec, bool writer, IoContext ctx) : ctx_(ctx) {
    if (spec.rfind("mq:", 0) != 0) throw ConfigError("bad message queue spec '" + spec + "'");
    q_ = MessageQueue::open(spec.substr(3), writer ? O_WRONLY : O_RDONLY);
    mq_attr attr{};
    if (::mq_getattr(q_.get(), &attr) != 0) throwErrno("mq_getattr");
    msgSize_ = static_cast<std::size_t>(attr.mq_msgsize);
    installWakeHandler(); // the calls block without a deadline: the controller wakes us
}

std::size_t MqueueChannels::capacityFrames() const {
    mq_attr a{};
    if (queues_.empty() || ::mq_getattr(queues_.front().get(), &a) != 0 || a.mq_maxmsg < 0) return 0;
    return static_cast<std::size_t>(a.mq_maxmsg);
}

void MqueueTransport::tooLarge() { throw ConfigError("frame larger than the queue's message size"); }

timespec MqueueTransport::deadlineIn(int64_t ns) {
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

bool MqueueTransport::sendWoken() {
    if (errno != EINTR) throwErrno("mq_send");
    if (ctx_.slot) ctx_.slot->waitCalls.add(); // the queue was full: this call only waited
    return !(ctx_.control && ctx_.control->runCommand() == RunCommand::Stop);
}

IoStatus MqueueTransport::receiveWoken(char* dst, std::span<std::byte> frame, int64_t idleTimeoutNs) {
    if (errno != EINTR) throwErrno("mq_receive");
    if (ctx_.slot) ctx_.slot->waitCalls.add(); // the queue was empty: this call only waited
    if (!(ctx_.control && ctx_.control->runCommand() == RunCommand::Stop)) return IoStatus::Timeout;
    // The run stops: a producer may still be finishing its last send, so wait up to idleTimeoutNs
    // for one more message (the controller goes on waking us until we exit; those wakes only
    // restart the wait).
    const timespec dl = deadlineIn(std::max<int64_t>(idleTimeoutNs, 1));
    for (;;) {
        if (ctx_.slot) {
            publishState(ctx_.slot, WorkerState::InKernel);
            ctx_.slot->syscalls.add();
        }
        ssize_t n = ::mq_timedreceive(q_.get(), dst, msgSize_, nullptr, &dl);
        publishState(ctx_.slot, WorkerState::Running);
        if (n >= 0) return received(dst, n, frame);
        if (errno == ETIMEDOUT) return IoStatus::Timeout;
        if (errno != EINTR) throwErrno("mq_timedreceive");
        if (ctx_.slot) ctx_.slot->waitCalls.add();
    }
}

char* MqueueTransport::spare() {
    spare_.resize(msgSize_);
    return spare_.data();
}

// A message of the wrong length is reported as corrupted by the caller's verification.
void MqueueTransport::placeReceived(const char* dst, std::size_t n, std::span<std::byte> frame) {
    std::size_t len = std::min(n, frame.size());
    if (dst != reinterpret_cast<const char*>(frame.data())) std::copy_n(reinterpret_cast<const std::byte*>(dst), len, frame.data());
    if (len < frame.size()) std::fill(frame.begin() + static_cast<std::ptrdiff_t>(len), frame.end(), std::byte{0});
}

} // namespace ipclab
