#pragma once
// Message passing and shared memory behind one interface: send and receive whole frames.
//
// Two halves per medium:
//  - Channels (controller side) create and own the kernel objects of one run: pipes, FIFOs,
//    sockets, queues, files or ring segments, and hand out an Endpoint per worker;
//  - Transport (worker side) opens an endpoint and moves frames, counting every system call
//    it issues into the worker's telemetry slot.
#include "ipclab/config/experiment_config.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ipclab {

class MessageBuilder;
struct ControlBlock;
struct WorkerSlot;

// Paused: nothing was sent because the medium is full and the run is paused (the shared-memory
// ring's producer path only); send the same message again after the pause.
enum class IoStatus { Ok, Timeout, Closed, Paused };

// What a worker needs to reach one channel end: a spec string, and an fd to inherit (or -1).
// For inherited fds the spawner rewrites the spec to "fd:<number in the child>".
struct Endpoint {
    std::string spec;
    int fd = -1;
};

class Channels {
public:
    virtual ~Channels() = default;
    virtual Endpoint writer(int channel) = 0;
    virtual Endpoint reader(int channel) = 0;
    // The kernel object behind `channel` as the system names it (in /dev/shm, /dev/mqueue, or a
    // path), for the lecturer to look up; "" for unnamed ones (pipes, socket pairs).
    virtual std::string objectName(int channel) const {
        (void)channel;
        return {};
    }
    // How many frames one channel holds before a writer waits; 0 where the kernel counts bytes,
    // not messages (pipes, sockets, files).
    virtual std::size_t capacityFrames() const { return 0; }
    // After every worker has been spawned: drop the controller's copies of inherited fds, so a
    // reader sees end-of-file once its writers are gone.
    virtual void closeParentEnds() {}
};

// Creates `count` one-way channels of `kind` for frames of `frameSize` bytes; names start with `prefix`.
// `oneWriterOneReader`: each channel will have exactly one writer and one reader process (the
// shared-memory ring then uses its single-producer/single-consumer path).
std::unique_ptr<Channels> createChannels(TransportKind kind, const std::string& prefix, int count,
                                         std::size_t frameSize, bool oneWriterOneReader = false);

struct IoContext {
    const ControlBlock* control = nullptr;
    WorkerSlot* slot = nullptr; // may be null (benchmarks without telemetry)
    int processes = 2;          // processes on this data path; more than CPUs changes how waiters wait
};

class Transport {
public:
    virtual ~Transport() = default;
    // Sends one frame. Closed if the peer is gone or the run stops while blocked.
    virtual IoStatus send(std::span<const std::byte> frame) = 0;
    // Sends the builder's message `seq`. Media that hand the writer memory of their own (the
    // shared-memory ring) let the builder write the frame there; the others send its buffer.
    // `moreFollow`: the caller sends its next message at once, so the medium may show this one
    // to the reader together with the next few (the one-writer ring does; see ShmRing). A
    // writer that sends with moreFollow calls flush() before it pauses, waits or stops.
    virtual IoStatus sendBuilt(MessageBuilder& builder, uint64_t seq, uint64_t sendNs, bool full, bool moreFollow = false);
    // Shows the reader every message sent so far.
    virtual void flush() {}
    // Receives exactly one frame of frame.size() bytes. Timeout after idleTimeoutNs without data
    // (media that can block indefinitely report Closed at end-of-file instead).
    virtual IoStatus receive(std::span<std::byte> frame, int64_t idleTimeoutNs) = 0;
};

std::unique_ptr<Transport> openWriter(TransportKind kind, const std::string& spec, std::size_t frameSize,
                                      IoContext ctx);
std::unique_ptr<Transport> openReader(TransportKind kind, const std::vector<std::string>& specs,
                                      std::size_t frameSize, IoContext ctx);

// The per-medium frame limit (frame = 32-byte header + payload).
std::size_t maxFrameSize(TransportKind kind);

} // namespace ipclab
