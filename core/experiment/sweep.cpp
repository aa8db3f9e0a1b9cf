#include "ipclab/experiment/sweep.h"

#include <map>

namespace ipclab {

std::vector<uint32_t> defaultSweepSizes() { return {8, 64, 512, 4096, 32768, 262144, 1048576}; }

void fillSweepDefaults(ExperimentConfig& c) {
    if (c.sweepTransports.empty()) c.sweepTransports = allTransports();
    if (c.sweepSizes.empty()) c.sweepSizes = defaultSweepSizes();
}

std::string seriesName(const SweepPoint& p) {
    return std::string(toString(p.transport)) + (p.lockPerMessage ? "+mutex" : "");
}

Table sweepTable(const std::vector<SweepPoint>& points) {
    Table t;
    t.columns = {"series", "transport", "sync", "size_bytes", "msgs_per_s", "mb_per_s", "shm_speedup"};
    std::map<uint32_t, double> shm;
    for (const auto& p : points)
        if (p.transport == TransportKind::SharedMemory && !p.lockPerMessage) shm[p.size] = p.msgsPerS;
    for (const auto& p : points) {
        bool lockFreeShm = p.transport == TransportKind::SharedMemory && !p.lockPerMessage;
        std::string speedup = "";
        if (!lockFreeShm && shm.count(p.size) && p.msgsPerS > 0) speedup = fmt(shm[p.size] / p.msgsPerS, 2);
        std::string sync = p.transport != TransportKind::SharedMemory ? "kernel" : p.lockPerMessage ? "mutex" : "lock-free";
        t.addRow({seriesName(p), std::string(toString(p.transport)), sync, std::to_string(p.size), fmt(p.msgsPerS, 0),
                  fmt(p.mbPerS, 2), speedup});
    }
    return t;
}

std::vector<SweepRatio> sweepRatios(const std::vector<SweepPoint>& points) {
    std::map<uint32_t, double> shm;
    std::map<uint32_t, SweepPoint> best;
    for (const auto& p : points) {
        if (p.transport == TransportKind::SharedMemory) {
            if (!p.lockPerMessage) shm[p.size] = p.msgsPerS;
        } else if (!best.count(p.size) || p.msgsPerS > best.at(p.size).msgsPerS) {
            best.insert_or_assign(p.size, p);
        }
    }
    std::vector<SweepRatio> out;
    for (const auto& [size, s] : shm)
        if (best.count(size) && best.at(size).msgsPerS > 0) out.push_back({size, s / best.at(size).msgsPerS, best.at(size).transport});
    return out;
}

uint32_t sweepCrossover(const std::vector<SweepPoint>& points, double factor) {
    for (const auto& r : sweepRatios(points))
        if (r.ratio < factor) return r.size;
    return 0;
}

std::string sweepVerdict(const std::vector<SweepPoint>& points) {
    auto ratios = sweepRatios(points);
    if (ratios.empty()) return "no size was measured for both shared memory and a message-passing transport";
    std::string s = "shared memory (lock-free) over the best message-passing transport:";
    for (const auto& r : ratios)
        s += " " + formatSize(r.size) + " " + fmt(r.ratio, sweepRatioDecimals(r.ratio)) + "x (" + std::string(toString(r.best)) + ")" +
             (&r == &ratios.back() ? "" : ",");
    uint32_t x = sweepCrossover(points, 2.0);
    s += x ? "; less than 2x ahead from " + formatSize(x) + " on" : "; at least 2x ahead at every measured size";
    return s;
}

} // namespace ipclab
