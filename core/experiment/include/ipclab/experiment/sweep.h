#pragma once
// A sweep's plan and what it found, as plain values: every transport at every message size, and
// the verdict the course asks for (how far ahead shared memory is, and from which size on it is
// not). Measuring is experiment_runner.h's job; these only read the numbers.
#include "ipclab/base/table.h"
#include "ipclab/config/experiment_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab {

// One sweep point (msgs/s and MB/s for one series at one size). Shared memory runs lock-free
// (the fastest correct sync for any producer/consumer count); with lockPerMessage it is the
// second series, "shared memory + mutex per message", which shows what a lock costs.
struct SweepPoint {
    TransportKind transport;
    uint32_t size;
    double msgsPerS;
    double mbPerS;
    bool lockPerMessage = false;
};
std::string seriesName(const SweepPoint& p); // "shm", "shm+mutex", "pipe", ...
Table sweepTable(const std::vector<SweepPoint>& points);
// Smallest size at which lock-free shared memory is less than `factor` times the best
// message-passing throughput; 0 if it never drops that low in the measured range.
uint32_t sweepCrossover(const std::vector<SweepPoint>& points, double factor = 2.0);
// Per size: lock-free shared memory's msgs/s over the best message-passing transport's.
struct SweepRatio {
    uint32_t size;
    double ratio;
    TransportKind best;
};
std::vector<SweepRatio> sweepRatios(const std::vector<SweepPoint>& points);
// Decimals a ratio is shown with (the CLI's verdict and the chart's title alike): two under 10x,
// so that 1.97x does not read "2.0x" beside a crossover that says less than 2x; one above.
inline int sweepRatioDecimals(double ratio) { return ratio < 10 ? 2 : 1; }
// The verdict in one sentence, computed from the measured ratios.
std::string sweepVerdict(const std::vector<SweepPoint>& points);

std::vector<uint32_t> defaultSweepSizes();
// A sweep without lists means every transport at the default sizes: fills whichever list is empty.
void fillSweepDefaults(ExperimentConfig& c);

} // namespace ipclab
