#pragma once
// Where one message's time goes, per side (the senders, the receivers), measured two ways and
// never estimated: the kernel's accounting of the workers' CPU (user mode, in the kernel), and
// our clocks around the send or receive call on 1 message in kCallSampleEvery. The rest of a
// side's wall time per message is off the CPU: asleep waiting for data, room or a lock, being
// woken, or waiting for a CPU.
#include "ipclab/base/cpu_accounting.h"
#include "ipclab/telemetry/telemetry.h"

#include <cstdint>
#include <vector>

namespace ipclab {

struct SideTime {
    int workers = 0;
    uint64_t messages = 0;
    double wallNs = 0;           // the side's worker-time per message: seconds x workers / messages
    double userNs = 0, kernelNs = 0; // the kernel's CPU accounting, per message
    double offCpuNs = 0;         // wallNs - userNs - kernelNs (never below 0)
    double inCallNs = 0;         // mean time inside one send or receive call (clocked, sampled)
    uint64_t callSamples = 0;
    bool valid() const { return workers > 0 && messages > 0; }
    bool operator==(const SideTime&) const = default;
};

struct MessageBreakdown {
    SideTime send, receive; // a stream's producers and consumers
    bool valid() const { return send.valid() && receive.valid(); }
    bool operator==(const MessageBreakdown&) const = default;
};

// One worker's part: its role, the kernel's CPU count of it, what it handled, its call clocks.
struct WorkerTime {
    WorkerRole role = WorkerRole::Producer;
    CpuAccounting cpu;
    uint64_t messages = 0, callSamples = 0, callNs = 0;
};

// Over `seconds` of the run. Only a stream has the two sides; anything else is invalid.
MessageBreakdown breakdownOf(double seconds, const std::vector<WorkerTime>& workers);

} // namespace ipclab
