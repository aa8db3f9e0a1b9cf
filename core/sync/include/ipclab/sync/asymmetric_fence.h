#pragma once
// The sleep/wake handshake of the shared-memory ring is a Dekker pattern: the hot side publishes a
// message and then looks for sleepers; the rare side registers as a sleeper and then looks for
// messages. One of the two must see the other, which needs a full fence on both sides. With
// membarrier(2) the rare side pays for both (it makes every CPU running a registered process
// execute a full barrier), and the hot side needs only a compiler barrier: one fence less per
// message. Without kernel support both sides fall back to a seq_cst fence.
#include <atomic>

namespace ipclab {

// True once this process is registered for MEMBARRIER_CMD_GLOBAL_EXPEDITED (decided on first use).
bool asymmetricFenceAvailable();

// Hot side: after publishing, before looking for sleepers.
inline void lightFence(bool asymmetric) {
    if (asymmetric) std::atomic_signal_fence(std::memory_order_seq_cst);
    else std::atomic_thread_fence(std::memory_order_seq_cst);
}

// Rare side: after registering as a sleeper, before looking again. Returns true if it entered
// the kernel (the caller counts that system call).
bool heavyFence();

} // namespace ipclab
