#pragma once
// The "each process has its own address space" experiment. Two workers each map a private page
// and the shared segment at the same fixed virtual addresses, write different values, and report
// what they see (and, where the kernel lets us read /proc/self/pagemap, the physical frames).
#include "ipclab/base/shm_segment.h"

#include <atomic>
#include <cstdint>

namespace ipclab {

inline constexpr uint32_t kIsolationMagic = 0x49504953; // "IPIS"
inline constexpr uintptr_t kPrivateAddress = 0x5a0000000000;
inline constexpr uintptr_t kSharedAddress = 0x5b0000000000;

struct IsolationReport {
    std::atomic<int32_t> pid;
    std::atomic<uint32_t> done;
    uint64_t privateAddress;
    uint64_t privateWritten;
    uint64_t privateSeen;     // after the other process wrote its own value at the same address
    uint64_t sharedAddress;
    uint64_t sharedWritten;
    uint64_t sharedSeenOther; // the value the other process wrote into the shared segment
    uint64_t privateFrame;    // physical frame number, 0 if not readable
    uint64_t sharedFrame;
};

struct IsolationArea {
    uint32_t magic;
    uint32_t version;
    uint64_t totalSize;
    alignas(64) std::atomic<uint32_t> step; // futex barrier
    alignas(64) std::atomic<uint64_t> sharedValue;
    alignas(64) IsolationReport reports[2];
};

class IsolationSegment {
public:
    static IsolationSegment create(const std::string& name);
    static IsolationSegment attach(const std::string& name);
    IsolationArea& area() const { return *static_cast<IsolationArea*>(seg_.data()); }
    const std::string& name() const { return seg_.name(); }

private:
    ShmSegment seg_;
};

// The worker side of the experiment (index 0 or 1); returns the process exit code.
int runIsolationWorker(const std::string& segmentName, int index);

} // namespace ipclab
