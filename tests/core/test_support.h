#pragma once
// Small helpers shared by the core tests: run an experiment and read numbers out of its table.
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/base/table.h"

#include <chrono>
#include <sstream>
#include <cstdlib>
#include <string>
#include <thread>

namespace ipclab::test {

inline double num(const Table& t, const std::string& column, std::size_t row = 0) {
    return std::strtod(t.at(row, column).c_str(), nullptr);
}

// The value in `column` of the first data row of CLI CSV output ("" if there is no such column).
inline std::string csvColumn(const std::string& csv, const std::string& column) {
    std::istringstream in(csv);
    std::string header, row;
    std::getline(in, header);
    std::getline(in, row);
    std::istringstream h(header), r(row);
    std::string name, value;
    while (std::getline(h, name, ',') && std::getline(r, value, ','))
        if (name == column) return value;
    return "";
}

inline ExperimentConfig streamConfig(TransportKind k, uint32_t size, double seconds = 0.4) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Stream;
    c.transport = k;
    c.messageSize = size;
    c.durationS = seconds;
    c.sync = SyncMode::Atomic;
    return c;
}

inline ExperimentConfig raceConfig(SyncMode sync, bool enabled, int workers = 2, double seconds = 0.5) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Race;
    c.sync = sync;
    c.syncEnabled = enabled;
    c.workers = workers;
    c.durationS = seconds;
    return c;
}

// Polls `pred` every millisecond until it holds or `timeoutMs` passes.
template <class Pred> bool waitFor(Pred pred, int timeoutMs) {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return pred();
}

} // namespace ipclab::test
