#pragma once
// The shared data the race experiment fights over: a counter, and a two-account "bank record"
// whose sum must stay constant. Both are deliberately updated with separate loads and stores
// unless the sync mode protects them, so races are real, not simulated.
#include "ipclab/base/shm_segment.h"
#include "ipclab/sync/switchable_lock.h"

#include <atomic>
#include <cstdint>

namespace ipclab {

inline constexpr uint32_t kRaceMagic = 0x49505241; // "IPRA"
inline constexpr int32_t kAccountStart = 1'000'000;
inline constexpr int64_t kAccountTotal = 2 * int64_t{kAccountStart};

struct RaceArea {
    uint32_t magic;
    uint32_t version;
    uint64_t totalSize;
    alignas(64) std::atomic<uint64_t> counter;
    // Both balances in one 64-bit word, so the atomic mode can move money with a single CAS,
    // while the other modes update one half at a time (the multi-field update a lock protects).
    alignas(64) std::atomic<uint64_t> accounts;
    alignas(64) SharedLocks locks;
};

inline uint64_t packAccounts(int32_t a, int32_t b) {
    return uint64_t{static_cast<uint32_t>(a)} | (uint64_t{static_cast<uint32_t>(b)} << 32);
}
inline int32_t accountA(uint64_t w) { return static_cast<int32_t>(static_cast<uint32_t>(w)); }
inline int32_t accountB(uint64_t w) { return static_cast<int32_t>(static_cast<uint32_t>(w >> 32)); }

class RaceSegment {
public:
    static RaceSegment create(const std::string& name);
    static RaceSegment attach(const std::string& name); // validates; throws CorruptSegment
    RaceArea& area() const { return *static_cast<RaceArea*>(seg_.data()); }
    const std::string& name() const { return seg_.name(); }

private:
    ShmSegment seg_;
};

} // namespace ipclab
