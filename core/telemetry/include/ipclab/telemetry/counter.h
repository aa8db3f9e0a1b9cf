#pragma once
// Monotonic counters in shared memory. Each has exactly one writer (its worker), so an add is a
// relaxed load + store on the worker's own cache line: no locked instruction on the hot path.
#include <atomic>
#include <bit>
#include <cstdint>

namespace ipclab {

struct Counter {
    std::atomic<uint64_t> v{0};
    void add(uint64_t n = 1) noexcept { v.store(v.load(std::memory_order_relaxed) + n, std::memory_order_relaxed); }
    void sub(uint64_t n = 1) noexcept { v.store(v.load(std::memory_order_relaxed) - n, std::memory_order_relaxed); }
    uint64_t get() const noexcept { return v.load(std::memory_order_relaxed); }
};

// Log-linear latency histogram: 4 buckets per power of two, exact below 8 ns.
inline constexpr int kHistBuckets = 256;

inline int histBucket(uint64_t v) noexcept {
    if (v < 8) return static_cast<int>(v);
    int msb = 63 - std::countl_zero(v);
    return 8 + (msb - 3) * 4 + static_cast<int>((v >> (msb - 2)) & 3);
}

// Smallest value that falls into bucket b.
inline uint64_t histBucketLow(int b) noexcept {
    if (b < 8) return static_cast<uint64_t>(b);
    int msb = (b - 8) / 4 + 3;
    uint64_t sub = static_cast<uint64_t>((b - 8) % 4);
    return (uint64_t{1} << msb) | (sub << (msb - 2));
}

} // namespace ipclab
