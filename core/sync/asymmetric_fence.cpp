#include "ipclab/sync/asymmetric_fence.h"

#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab {

namespace {
int membarrier(int cmd) { return static_cast<int>(::syscall(__NR_membarrier, cmd, 0, 0)); }

bool globalExpeditedSupported() {
    static const bool supported = [] {
        int mask = membarrier(MEMBARRIER_CMD_QUERY);
        return mask >= 0 && (mask & MEMBARRIER_CMD_GLOBAL_EXPEDITED) && (mask & MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED);
    }();
    return supported;
}
} // namespace

bool asymmetricFenceAvailable() {
    static const bool registered = globalExpeditedSupported() && membarrier(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED) == 0;
    return registered;
}

bool heavyFence() {
    // Issued whenever the kernel supports it, registered or not ourselves: the processes that
    // rely on it are the registered ones. (Any lost wake-up would still end at the waiter's
    // futex timeout; this makes it not happen.)
    if (globalExpeditedSupported() && membarrier(MEMBARRIER_CMD_GLOBAL_EXPEDITED) == 0) return true;
    std::atomic_thread_fence(std::memory_order_seq_cst);
    return false;
}

} // namespace ipclab
