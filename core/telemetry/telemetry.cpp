#include "ipclab/telemetry/telemetry.h"

#include "ipclab/base/clock.h"
#include "ipclab/base/error.h"

#include <new>
#include <stdexcept>

namespace ipclab {
namespace {
constexpr std::size_t align64(std::size_t n) { return (n + 63) & ~std::size_t{63}; }
constexpr std::size_t kHeaderBytes = align64(sizeof(TelemetryHeader));
constexpr std::size_t kControlBytes = align64(sizeof(ControlBlock));
} // namespace

std::string_view toString(WorkerRole r) {
    static constexpr const char* names[] = {"producer", "consumer", "race worker", "pinger", "ponger", "isolation"};
    auto i = static_cast<uint32_t>(r);
    return i < 6 ? names[i] : "?";
}
std::string_view toString(WorkerState s) {
    static constexpr const char* names[] = {"starting",  "running", "waiting on lock", "holding lock",
                                            "in kernel", "paused",  "exited",          "spinning",
                                            "in section, no lock"};
    auto i = static_cast<uint32_t>(s);
    return i <= kLastWorkerState ? names[i] : "?";
}

std::string_view toString(EventKind k) {
    static constexpr const char* names[] = {"sent", "received", "collision", "race read", "race write"};
    auto i = static_cast<uint32_t>(k);
    return i < kEventKinds ? names[i] : "?";
}

std::size_t TelemetryBlock::sizeFor(int workerCount) {
    return kHeaderBytes + kControlBytes + sizeof(WorkerSlot) * static_cast<std::size_t>(workerCount) +
           sizeof(MessageEvent) * kEventCapacity;
}

TelemetryBlock TelemetryBlock::create(const std::string& name, int workerCount) {
    if (workerCount < 0 || workerCount > kMaxWorkers) throw ConfigError("too many workers for telemetry");
    TelemetryBlock t;
    t.seg_ = ShmSegment::create(name, sizeFor(workerCount));
    auto* base = static_cast<char*>(t.seg_.data());
    auto* h = new (base) TelemetryHeader{};
    h->magic = kTelemetryMagic;
    h->version = kTelemetryVersion;
    h->totalSize = t.seg_.size();
    h->workerCount = static_cast<uint32_t>(workerCount);
    h->eventCapacity = kEventCapacity;
    new (base + kHeaderBytes) ControlBlock{};
    for (int i = 0; i < workerCount; ++i)
        new (base + kHeaderBytes + kControlBytes + sizeof(WorkerSlot) * static_cast<std::size_t>(i)) WorkerSlot{};
    auto* ev = reinterpret_cast<MessageEvent*>(base + kHeaderBytes + kControlBytes +
                                               sizeof(WorkerSlot) * static_cast<std::size_t>(workerCount));
    for (uint32_t i = 0; i < kEventCapacity; ++i) new (ev + i) MessageEvent{};
    t.workerCount_ = workerCount;
    return t;
}

void TelemetryBlock::validate(const ShmSegment& seg) {
    if (seg.size() < kHeaderBytes + kControlBytes) throw CorruptSegment("telemetry segment is too small");
    const auto* h = static_cast<const TelemetryHeader*>(seg.data());
    if (h->magic != kTelemetryMagic) throw CorruptSegment("telemetry segment has a bad magic number");
    if (h->version != kTelemetryVersion) throw CorruptSegment("telemetry segment has an unknown version");
    if (h->workerCount > static_cast<uint32_t>(kMaxWorkers))
        throw CorruptSegment("telemetry header claims " + std::to_string(h->workerCount) + " workers");
    if (h->eventCapacity != kEventCapacity) throw CorruptSegment("telemetry header has a bad event capacity");
    if (h->totalSize != seg.size() || sizeFor(static_cast<int>(h->workerCount)) != seg.size())
        throw CorruptSegment("telemetry header size does not match the segment");
}

TelemetryBlock TelemetryBlock::attach(const std::string& name) {
    TelemetryBlock t;
    t.seg_ = ShmSegment::open(name);
    validate(t.seg_);
    t.workerCount_ = static_cast<int>(t.header().workerCount);
    return t;
}

ControlBlock& TelemetryBlock::control() const {
    return *reinterpret_cast<ControlBlock*>(static_cast<char*>(seg_.data()) + kHeaderBytes);
}

WorkerSlot& TelemetryBlock::worker(int i) const {
    if (i < 0 || i >= workerCount_) throw std::out_of_range("worker index " + std::to_string(i));
    return *reinterpret_cast<WorkerSlot*>(static_cast<char*>(seg_.data()) + kHeaderBytes + kControlBytes +
                                          sizeof(WorkerSlot) * static_cast<std::size_t>(i));
}

MessageEvent* TelemetryBlock::eventSlots() const {
    return reinterpret_cast<MessageEvent*>(static_cast<char*>(seg_.data()) + kHeaderBytes + kControlBytes +
                                           sizeof(WorkerSlot) * static_cast<std::size_t>(workerCount_));
}

uint64_t TelemetryBlock::eventHead() const { return header().eventHead.load(std::memory_order_acquire); }

void TelemetryBlock::publishEvent(uint32_t worker, EventKind kind, uint32_t producer, uint64_t seq,
                                  uint64_t timeNs) const {
    uint64_t idx = header().eventHead.fetch_add(1, std::memory_order_relaxed);
    MessageEvent& e = eventSlots()[idx % kEventCapacity];
    e.stamp.store(0, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    e.worker.store(worker, std::memory_order_relaxed);
    e.kind.store(static_cast<uint32_t>(kind), std::memory_order_relaxed);
    e.producer.store(producer, std::memory_order_relaxed);
    e.transport.store(header().transport, std::memory_order_relaxed);
    e.seq.store(seq, std::memory_order_relaxed);
    e.timeNs.store(timeNs, std::memory_order_relaxed);
    e.stamp.store(idx + 1, std::memory_order_release);
}

std::vector<EventRecord> TelemetryBlock::eventsSince(uint64_t from) const {
    std::vector<EventRecord> out;
    uint64_t head = eventHead();
    if (head > from + kEventCapacity) from = head - kEventCapacity; // older ones were overwritten
    for (uint64_t i = from; i < head; ++i) {
        const MessageEvent& e = eventSlots()[i % kEventCapacity];
        if (e.stamp.load(std::memory_order_acquire) != i + 1) continue;
        EventRecord r{i,
                      e.worker.load(std::memory_order_relaxed),
                      static_cast<EventKind>(e.kind.load(std::memory_order_relaxed) % kEventKinds),
                      e.producer.load(std::memory_order_relaxed),
                      static_cast<TransportKind>(e.transport.load(std::memory_order_relaxed) % 7),
                      e.seq.load(std::memory_order_relaxed),
                      e.timeNs.load(std::memory_order_relaxed)};
        std::atomic_thread_fence(std::memory_order_acquire);
        if (e.stamp.load(std::memory_order_relaxed) == i + 1) out.push_back(r);
    }
    return out;
}

void logStateChange(WorkerSlot& s, WorkerState st) {
    uint64_t idx = s.stateLogHead.load(std::memory_order_relaxed); // (one writer: the worker)
    auto& e = s.stateLog[idx % WorkerSlot::kStateLogSize];
    e.stamp.store(0, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    e.timeNs.store(monotonicNs(), std::memory_order_relaxed);
    e.state.store(static_cast<uint32_t>(st), std::memory_order_relaxed);
    e.stamp.store(idx + 1, std::memory_order_release);
    s.stateLogHead.store(idx + 1, std::memory_order_release);
}

std::vector<StateChange> stateChangesSince(const WorkerSlot& s, uint64_t& from, bool& complete) {
    std::vector<StateChange> out;
    uint64_t head = s.stateLogHead.load(std::memory_order_acquire);
    complete = head <= from + WorkerSlot::kStateLogSize;
    if (!complete) from = head - WorkerSlot::kStateLogSize;
    for (uint64_t i = from; i < head; ++i) {
        const auto& e = s.stateLog[i % WorkerSlot::kStateLogSize];
        if (e.stamp.load(std::memory_order_acquire) != i + 1) {
            complete = false;
            continue;
        }
        StateChange c{e.timeNs.load(std::memory_order_relaxed), static_cast<WorkerState>(e.state.load(std::memory_order_relaxed))};
        std::atomic_thread_fence(std::memory_order_acquire);
        if (e.stamp.load(std::memory_order_relaxed) != i + 1 || static_cast<uint32_t>(c.state) > kLastWorkerState) {
            complete = false; // overwritten while read, or garbage in a shared segment
            continue;
        }
        out.push_back(c);
    }
    from = head;
    return out;
}

} // namespace ipclab
