#pragma once
// FIFOs (named pipes) in a private 0700 directory: the same kernel buffer as a pipe, found by path.
#include "ipclab/base/object_names.h"
#include "ipclab/transport/transport.h"

#include <memory>
#include <string>

namespace ipclab {

class FifoChannels final : public Channels {
public:
    FifoChannels(const std::string& prefix, int count);
    Endpoint writer(int channel) override { return {"path:" + pathOf(channel), -1}; }
    Endpoint reader(int channel) override { return {"path:" + pathOf(channel), -1}; }
    std::string objectName(int channel) const override { return pathOf(channel); }

private:
    std::string pathOf(int channel) const;
    PrivateDir dir_;
};

} // namespace ipclab
