#pragma once
// Thin futex wrappers: idle waiters sleep in the kernel instead of burning one of the 2 cores.
#include <atomic>
#include <cstdint>

namespace ipclab {

// Sleeps while *word == expected, at most timeout_ns. Returns false on timeout.
bool futexWait(std::atomic<uint32_t>& word, uint32_t expected, int64_t timeout_ns);
void futexWakeAll(std::atomic<uint32_t>& word);

} // namespace ipclab
