#include "ipclab/experiment/message_breakdown.h"

#include <algorithm>

namespace ipclab {

namespace {
SideTime sideOf(double seconds, const std::vector<WorkerTime>& workers, WorkerRole role) {
    SideTime s;
    CpuAccounting cpu;
    uint64_t callNs = 0;
    for (const WorkerTime& w : workers) {
        if (w.role != role) continue;
        ++s.workers;
        cpu += w.cpu;
        s.messages += w.messages;
        s.callSamples += w.callSamples;
        callNs += w.callNs;
    }
    if (!s.valid() || seconds <= 0) return s;
    double perMsg = 1e9 / static_cast<double>(s.messages);
    s.wallNs = seconds * s.workers * perMsg;
    s.userNs = cpu.userS * perMsg;
    s.kernelNs = cpu.systemS * perMsg;
    s.offCpuNs = std::max(0.0, s.wallNs - s.userNs - s.kernelNs);
    s.inCallNs = s.callSamples ? static_cast<double>(callNs) / static_cast<double>(s.callSamples) : 0;
    return s;
}
} // namespace

MessageBreakdown breakdownOf(double seconds, const std::vector<WorkerTime>& workers) {
    MessageBreakdown b;
    b.send = sideOf(seconds, workers, WorkerRole::Producer);
    b.receive = sideOf(seconds, workers, WorkerRole::Consumer);
    return b;
}

} // namespace ipclab
