#pragma once
// The one figure a lesson is about, large enough to read from the back of the room: the shared
// memory / message passing ratio when two lanes run, lost updates in a race, the round trip in
// ping-pong, system calls per message in a stream. Computed from a RunSample alone.
#include "ipclab/experiment/run_sample.h"

#include <QString>

#include <optional>

namespace ipclab::ui {

struct BigNumber {
    QString value;   // "11.0×", "62 439 597", "3.2 µs", "2.00"
    QString caption; // what it is, with its unit where the value has none
};

std::optional<BigNumber> bigNumberFor(const RunSample& sample);

} // namespace ipclab::ui
