#pragma once
// Channels whose ends are file descriptors the worker inherits (pipe, Unix socket, TCP).
#include "ipclab/transport/transport.h"
#include "ipclab/base/unique_fd.h"

#include <utility>
#include <vector>

namespace ipclab {

class InheritedFdChannels : public Channels {
public:
    Endpoint writer(int channel) override { return {"", ends_.at(static_cast<std::size_t>(channel)).second.get()}; }
    Endpoint reader(int channel) override { return {"", ends_.at(static_cast<std::size_t>(channel)).first.get()}; }
    void closeParentEnds() override { ends_.clear(); }

protected:
    std::vector<std::pair<UniqueFd, UniqueFd>> ends_; // (read end, write end)
};

} // namespace ipclab
