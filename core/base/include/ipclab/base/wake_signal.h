#pragma once
// Wakes a worker out of a call that has no deadline. A message queue's worker calls mq_send and
// mq_receive without one: a deadline makes the kernel arm and cancel a timer on every sleep,
// which cost 6 % of the queue's rate at 64 B in a bare loop on the build VM. The controller
// sends this signal to its own workers when it stops, pauses or retunes a run; the handler does
// nothing, so the blocked call returns EINTR and the worker looks at the control block.
//
// SIGURG is ignored by default: one that arrives before a worker installs the handler, or at a
// worker whose medium never blocks without a deadline, changes nothing.
#include <csignal>

namespace ipclab {

inline constexpr int kWakeSignal = SIGURG;

// Installs the empty handler without SA_RESTART (so blocked calls return EINTR). Idempotent.
void installWakeHandler();

} // namespace ipclab
