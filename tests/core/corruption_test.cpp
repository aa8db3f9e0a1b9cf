// Shared memory is input from other processes: a corrupted header must give a clean error,
// never a crash or an out-of-bounds access.
#include "ipclab/base/error.h"
#include "ipclab/base/object_names.h"
#include "ipclab/experiment/race_area.h"
#include "ipclab/transport/shm_ring.h"
#include "ipclab/base/shm_segment.h"
#include "ipclab/telemetry/telemetry.h"

#include <gtest/gtest.h>
#include <cstring>

using namespace ipclab;

namespace {
std::string freshName(const char* tag) { return makeObjectPrefix() + "-" + tag; }
} // namespace

TEST(Corruption, TelemetryWithBadMagicIsRejected) {
    auto t = TelemetryBlock::create(freshName("tel"), 4);
    t.header().magic = 0xdeadbeef;
    EXPECT_THROW(TelemetryBlock::attach(t.name()), CorruptSegment);
}

TEST(Corruption, TelemetryClaimingMoreWorkersThanFitIsRejected) {
    auto t = TelemetryBlock::create(freshName("tel"), 4);
    t.header().workerCount = 1000000;
    EXPECT_THROW(TelemetryBlock::attach(t.name()), CorruptSegment);
    t.header().workerCount = 4;
    t.header().totalSize = 1ull << 40;
    EXPECT_THROW(TelemetryBlock::attach(t.name()), CorruptSegment);
}

TEST(Corruption, ValidTelemetryAttaches) {
    auto t = TelemetryBlock::create(freshName("tel"), 4);
    auto a = TelemetryBlock::attach(t.name());
    EXPECT_EQ(a.workerCount(), 4);
    EXPECT_THROW(a.worker(4), std::out_of_range);
}

TEST(Corruption, EventRingWithWildHeadStaysInBounds) {
    auto t = TelemetryBlock::create(freshName("tel"), 2);
    for (int i = 0; i < 10; ++i) t.publishEvent(0, EventKind::Sent, 0, static_cast<uint64_t>(i), 1);
    t.header().eventHead.store(~0ull - 3);
    auto events = t.eventsSince(0); // must not crash; stale entries are skipped
    EXPECT_LE(events.size(), kEventCapacity);
}

TEST(Corruption, RingHeaderWithBadGeometryIsRejected) {
    auto ring = ShmRing::create(freshName("ring"), 64, 16);
    ring.header().slotCount = 3; // not a power of two
    EXPECT_THROW(ShmRing::attach(ring.name()), CorruptSegment);
    ring.header().slotCount = 1u << 30; // far beyond the mapping
    EXPECT_THROW(ShmRing::attach(ring.name()), CorruptSegment);
    ring.header().slotCount = 16;
    ring.header().magic = 0;
    EXPECT_THROW(ShmRing::attach(ring.name()), CorruptSegment);
}

TEST(Corruption, ARandomSegmentIsNotARing) {
    auto seg = ShmSegment::create(freshName("junk"), 4096);
    std::memset(seg.data(), 0xab, 4096);
    EXPECT_THROW(ShmRing::attach(seg.name()), CorruptSegment);
    EXPECT_THROW(TelemetryBlock::attach(seg.name()), CorruptSegment);
    EXPECT_THROW(RaceSegment::attach(seg.name()), CorruptSegment);
}

TEST(Corruption, TooSmallSegmentIsRejected) {
    auto seg = ShmSegment::create(freshName("tiny"), 8);
    EXPECT_THROW(TelemetryBlock::attach(seg.name()), CorruptSegment);
    EXPECT_THROW(ShmRing::attach(seg.name()), CorruptSegment);
}

TEST(Corruption, MissingSegmentIsASystemError) {
    EXPECT_THROW(TelemetryBlock::attach(freshName("absent")), SystemError);
}
