#pragma once
// The shared-memory model as a transport: producers and consumers copy frames into and out of
// ring slots in a segment all of them map. One ring can be shared by many producers and consumers.
#include "shm_ring.h"
#include "transport.h"

#include <vector>

namespace ipclab {

class ShmRingChannels final : public Channels {
public:
    ShmRingChannels(const std::string& prefix, int count, std::size_t frameSize, bool oneWriterOneReader = false);
    Endpoint writer(int channel) override { return {"shm:" + rings_.at(static_cast<std::size_t>(channel)).name(), -1}; }
    Endpoint reader(int channel) override { return writer(channel); }
    ShmRing& ring(int channel) { return rings_.at(static_cast<std::size_t>(channel)); }

private:
    std::vector<ShmRing> rings_;
};

class ShmRingTransport final : public Transport {
public:
    ShmRingTransport(const std::string& spec, IoContext ctx);
    IoStatus send(std::span<const std::byte> frame) override;
    IoStatus sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full) override;
    IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) override;

private:
    bool inlineHandOver() const;
    ShmRing ring_;
    IoContext ctx_;
};

} // namespace ipclab
