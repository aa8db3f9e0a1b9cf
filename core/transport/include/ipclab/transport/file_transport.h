#pragma once
// A file as a channel: the writer appends whole records (O_APPEND), the reader follows the file
// like `tail -f`, polling at end-of-file. Data passes through the kernel's page cache.
#include "ipclab/transport/fd_stream_transport.h"
#include "ipclab/base/object_names.h"

#include <string>

namespace ipclab {

class FileChannels final : public Channels {
public:
    FileChannels(const std::string& prefix, int count);
    Endpoint writer(int channel) override { return {"path:" + pathOf(channel), -1}; }
    Endpoint reader(int channel) override { return {"path:" + pathOf(channel), -1}; }
    std::string objectName(int channel) const override { return pathOf(channel); }

private:
    std::string pathOf(int channel) const;
    PrivateDir dir_;
};

class FileFollowTransport final : public Transport {
public:
    FileFollowTransport(const std::vector<std::string>& specs, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override;
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override;

private:
    struct Source {
        UniqueFd fd;
        uint64_t offset = 0;
        uint64_t punched = 0;
    };
    bool tryRead(Source& s, std::span<std::byte> frame);
    std::vector<Source> sources_;
    std::size_t next_ = 0;
    IoContext ctx_;
};

} // namespace ipclab
