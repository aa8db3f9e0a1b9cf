#include "ipclab/base/wake_signal.h"

#include "ipclab/base/error.h"

namespace ipclab {
namespace {
void onWake(int) {}
} // namespace

void installWakeHandler() {
    static const bool installed = [] {
        struct sigaction sa{};
        sa.sa_handler = onWake;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0; // no SA_RESTART: the point is to end the blocked call
        if (::sigaction(kWakeSignal, &sa, nullptr) != 0) throwErrno("sigaction");
        return true;
    }();
    (void)installed;
}

} // namespace ipclab
