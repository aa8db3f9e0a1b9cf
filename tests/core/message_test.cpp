// Frames and sequence tracking: what lets a consumer prove a message arrived intact and once.
#include "ipclab/transport/message.h"
#include "ipclab/experiment/sequence_tracker.h"

#include <gtest/gtest.h>
#include <algorithm>
#include <random>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace ipclab;

TEST(Message, BuiltFrameVerifies) {
    MessageBuilder b(1, 100);
    auto f = b.build(42, 123456);
    std::vector<std::byte> copy(f.begin(), f.end());
    MessageHeader h{};
    ASSERT_EQ(verifyFrame(copy, 100, 2, h), Verdict::Ok);
    EXPECT_EQ(h.producer, 1u);
    EXPECT_EQ(h.seq, 42u);
    EXPECT_EQ(h.sendNs, 123456u);
}

// buildInto writes into ring slots with whole-line stores (AVX-512 when the CPU has it, else
// 16-byte moves): byte for byte the frame build() makes, for every size around the line and
// vector boundaries, and not one byte past the frame (the slot's control words follow it).
TEST(Message, BuildIntoWritesExactlyTheBuiltFrame) {
    std::vector<uint32_t> sizes;
    for (uint32_t n = 8; n <= 300; ++n) sizes.push_back(n);
    for (uint32_t n : {1000u, 4096u, 4097u, 65536u}) sizes.push_back(n);
    for (uint32_t payload : sizes) {
        MessageBuilder b(3, payload);
        for (bool full : {false, true}) {
            for (std::size_t offset : {std::size_t{0}, std::size_t{64}, std::size_t{7}}) {
                std::vector<std::byte> slot(offset + b.frameSize() + 80, std::byte{0xA5});
                b.buildInto(slot.data() + offset, 77, full ? 999 : 0, full);
                auto f = b.build(77, full ? 999 : 0, full);
                ASSERT_TRUE(std::equal(f.begin(), f.end(), slot.begin() + static_cast<std::ptrdiff_t>(offset)))
                    << "payload " << payload << " full " << full << " offset " << offset;
                for (std::size_t i = 0; i < slot.size(); ++i) {
                    if (i < offset || i >= offset + b.frameSize()) {
                        ASSERT_EQ(slot[i], std::byte{0xA5}) << "payload " << payload << ": byte " << i << " written";
                    }
                }
                MessageHeader h{};
                std::vector<std::byte> copy(slot.begin() + static_cast<std::ptrdiff_t>(offset),
                                            slot.begin() + static_cast<std::ptrdiff_t>(offset + b.frameSize()));
                ASSERT_EQ(verifyFrame(copy, payload, 4, h), Verdict::Ok) << payload;
            }
        }
    }
    std::printf("buildInto path: %s\n", frame_write::wideWriter() ? "AVX-512 64-byte lines" : "16-byte moves");
}

// buildRun writes a batch into ring slots (the producer's full-speed path): every slot holds the
// frame build() makes, the stamped one full with the clock it returns, its length word set, and
// nothing else of the slots or between them is touched; positions wrap around the ring.
// A batch's full message is time-stamped when it is 1 in kStampEvery (128), else it carries 0
// there (112); either way each slot holds what build() makes of the same message.
TEST(Message, BuildRunWritesEachSlotAsBuildDoes) {
    for (auto [first, stampSeq] : {std::pair<uint64_t, uint64_t>{126, 128}, {110, 112}})
    for (uint32_t payload : {8u, 24u, 32u, 64u, 100u, 200u, 4096u}) {
        MessageBuilder b(2, payload);
        const uint64_t stride = (b.frameSize() + 16 + 63) & ~uint64_t{63}, slots = 8, lengthAt = b.frameSize() + 8;
        std::vector<std::byte> ring(stride * slots, std::byte{0xA5});
        frame_write::SlotRun run{ring.data(), stride, slots - 1, 6, 5, lengthAt}; // positions 6, 7, 0, 1, 2
        uint64_t stampNs = 0;
        b.buildRun(run, first, stampSeq, stampNs);
        if (stampDue(stampSeq, false)) ASSERT_GT(stampNs, 0u);
        else ASSERT_EQ(stampNs, 0u);
        for (uint64_t i = 0; i < slots; ++i) {
            const std::byte* slot = ring.data() + stride * ((run.first + i) & run.mask);
            if (i >= run.count) { // untouched
                ASSERT_TRUE(std::all_of(slot, slot + stride, [](std::byte x) { return x == std::byte{0xA5}; })) << i;
                continue;
            }
            bool full = first + i == stampSeq;
            auto f = b.build(first + i, full ? stampNs : 0, full);
            ASSERT_TRUE(std::equal(f.begin(), f.end(), slot)) << "payload " << payload << " message " << i;
            uint32_t len = 0;
            std::memcpy(&len, slot + lengthAt, 4);
            EXPECT_EQ(len, b.frameSize());
            for (uint64_t k = b.frameSize(); k < stride; ++k) {
                if (k < lengthAt || k >= lengthAt + 4) {
                    ASSERT_EQ(slot[k], std::byte{0xA5}) << payload << " byte " << k;
                }
            }
        }
    }
}

TEST(Message, AnyFlippedByteIsCaught) {
    MessageBuilder b(0, 64);
    auto f = b.build(7, 1);
    for (std::size_t i = 0; i < f.size(); ++i) {
        std::vector<std::byte> copy(f.begin(), f.end());
        copy[i] ^= std::byte{0x10};
        MessageHeader h{};
        EXPECT_EQ(verifyFrame(copy, 64, 1, h), Verdict::Corrupted) << "byte " << i;
    }
}

TEST(Message, MixedFramesFromTwoProducersAreCaught) {
    MessageBuilder a(0, 64), b(1, 64);
    auto fa = a.build(5, 1);
    std::vector<std::byte> mixed(fa.begin(), fa.end());
    auto fb = b.build(5, 1);
    std::copy(fb.begin() + 48, fb.end(), mixed.begin() + 48); // torn: second half from another writer
    MessageHeader h{};
    EXPECT_EQ(verifyFrame(mixed, 64, 2, h), Verdict::Corrupted);
}

TEST(Message, WrongSizeOrProducerIsCorrupted) {
    MessageBuilder b(3, 16);
    auto f = b.build(1, 1);
    std::vector<std::byte> copy(f.begin(), f.end());
    MessageHeader h{};
    EXPECT_EQ(verifyFrame(copy, 16, 2, h), Verdict::Corrupted); // producer 3 of only 2
    EXPECT_EQ(verifyFrame(std::span(copy).first(20), 16, 4, h), Verdict::Corrupted);
}

// Sampled frames (15 of 16 at full speed): the header is checked on every one, the payload
// only on full frames.
TEST(Message, SampledFrameChecksTheHeader) {
    MessageBuilder b(0, 4096);
    auto f = b.build(7, 0, false);
    std::vector<std::byte> frame(f.begin(), f.end());
    MessageHeader h{};
    ASSERT_EQ(verifyFrame(frame, 4096, 1, h), Verdict::Ok);
    EXPECT_FALSE(isFullFrame(h));
    EXPECT_EQ(h.sendNs, 0u);
    for (std::size_t i = 0; i < kFrameHeaderSize; ++i) {
        std::vector<std::byte> copy = frame;
        copy[i] ^= std::byte{0x01};
        EXPECT_EQ(verifyFrame(copy, 4096, 1, h), Verdict::Corrupted) << "byte " << i;
    }
}

TEST(Message, FullFramesComeOnePerPeriodOrAlways) {
    int full = 0;
    for (uint64_t seq = 0; seq < 160; ++seq) full += fullCheckDue(seq, false);
    EXPECT_EQ(full, static_cast<int>(160 / kFullCheckEvery));
    for (uint64_t seq = 0; seq < 160; ++seq) EXPECT_TRUE(fullCheckDue(seq, true));
    MessageBuilder b(2, 4096);
    auto f = b.build(16, 99, fullCheckDue(16, false));
    std::vector<std::byte> copy(f.begin(), f.end());
    copy[kFrameHeaderSize + 2048] ^= std::byte{0x40}; // the middle: only a full frame sees it
    MessageHeader h{};
    EXPECT_EQ(verifyFrame(copy, 4096, 3, h), Verdict::Corrupted);
}

// Stamps: 1 in kStampEvery, each on a full frame; every message when every one is checked.
TEST(Message, StampsComeOnFullFramesOnePerPeriodOrAlways) {
    int stamped = 0;
    for (uint64_t seq = 0; seq < 640; ++seq) {
        if (!stampDue(seq, false)) continue;
        ++stamped;
        EXPECT_TRUE(fullCheckDue(seq, false)) << seq;
    }
    EXPECT_EQ(stamped, static_cast<int>(640 / kStampEvery));
    EXPECT_GT(kStampEvery, kFullCheckEvery);
    for (uint64_t seq = 0; seq < 160; ++seq) EXPECT_TRUE(stampDue(seq, true));
}

TEST(SequenceTracker, CountsGapsDuplicatesAndLateArrivals) {
    SequenceTracker t(1, true);
    EXPECT_EQ(t.observe(0, 0).newlyLost, 0u);
    EXPECT_EQ(t.observe(0, 1).newlyLost, 0u);
    EXPECT_EQ(t.observe(0, 4).newlyLost, 2u); // 2 and 3 missing
    auto late = t.observe(0, 2);
    EXPECT_TRUE(late.lateArrival);
    EXPECT_FALSE(late.duplicate);
    EXPECT_TRUE(t.observe(0, 4).duplicate);
    EXPECT_TRUE(t.observe(0, 2).duplicate);
}

// The run path (expected / inOrderUpTo, as the consumer uses it on the one-writer ring) gives the
// same verdicts as observe() message by message: a random stream of in-order runs, gaps, late
// arrivals and duplicates, near and past the window, fed to two trackers.
TEST(SequenceTracker, TheRunPathAgreesWithObserveMessageByMessage) {
    for (bool sole : {true, false}) {
        SequenceTracker one(1, sole), runs(1, sole);
        std::mt19937_64 rng(7);
        uint64_t top = 0, lost[2] = {0, 0}, dup[2] = {0, 0}, late[2] = {0, 0};
        auto count = [&](int i, SequenceVerdict v) {
            lost[i] += v.newlyLost;
            dup[i] += v.duplicate;
            late[i] += v.lateArrival;
        };
        for (int step = 0; step < 20000; ++step) {
            std::vector<uint64_t> batch;
            switch (rng() % 8) {
            case 0: top += 1 + rng() % 300; batch.push_back(top); break;       // a gap
            case 1: top += 5000 + rng() % 9000; batch.push_back(top); break;   // a gap wider than the window
            case 2: batch.push_back(top > 0 ? top - rng() % std::min<uint64_t>(top, 6000) : 0); break; // late or duplicate
            default:                                                           // a run in order, 1-70
                for (uint64_t k = 1 + rng() % 70; k > 0; --k) batch.push_back(++top);
            }
            for (uint64_t s : batch) count(0, one.observe(0, s));
            uint64_t expect = runs.expected(0);
            for (uint64_t s : batch) {
                if (s == expect) {
                    ++expect;
                    continue;
                }
                runs.inOrderUpTo(0, expect);
                count(1, runs.observe(0, s));
                expect = runs.expected(0);
            }
            runs.inOrderUpTo(0, expect);
            ASSERT_EQ(one.expected(0), runs.expected(0)) << step;
        }
        EXPECT_EQ(lost[0], lost[1]);
        EXPECT_EQ(dup[0], dup[1]);
        EXPECT_EQ(late[0], late[1]);
        EXPECT_GT(dup[0], 50u); // the stream had all three kinds
        EXPECT_GT(late[0], 100u);
        if (sole) {
            EXPECT_GT(lost[0], 1000u);
        }
        // And every number now in the window reads the same to both.
        for (uint64_t s = top > 5000 ? top - 5000 : 0; s <= top; ++s) {
            SequenceVerdict a = one.observe(0, s), b = runs.observe(0, s);
            ASSERT_EQ(a.duplicate, b.duplicate) << s;
            ASSERT_EQ(a.lateArrival, b.lateArrival) << s;
        }
    }
}

TEST(SequenceTracker, NumbersMarkedInOrderAreSeen) {
    SequenceTracker t(2, true);
    EXPECT_EQ(t.expected(1), 0u);
    t.inOrderUpTo(1, 100); // 0..99, across a word of the window
    EXPECT_EQ(t.expected(1), 100u);
    EXPECT_EQ(t.expected(0), 0u); // the other producer untouched
    EXPECT_TRUE(t.observe(1, 63).duplicate);
    EXPECT_TRUE(t.observe(1, 64).duplicate);
    EXPECT_TRUE(t.observe(1, 99).duplicate);
    t.inOrderUpTo(1, 50); // not past it: nothing
    EXPECT_EQ(t.expected(1), 100u);
    EXPECT_EQ(t.observe(1, 103).newlyLost, 3u);
    EXPECT_TRUE(t.observe(1, 101).lateArrival);
    t.inOrderUpTo(7, 10); // no such producer: nothing
}

namespace {
// Frames of `producer` numbered first, first+1, ... as the producer builds them (1 in 16 full).
std::vector<std::byte> framesOf(uint32_t producer, uint32_t payload, uint64_t first, std::size_t n) {
    MessageBuilder b(producer, payload);
    const std::size_t each = kFrameHeaderSize + payload;
    std::vector<std::byte> out(n * each);
    for (std::size_t i = 0; i < n; ++i) {
        uint64_t seq = first + i;
        bool full = fullCheckDue(seq, false);
        auto f = b.build(seq, full && stampDue(seq, false) ? 1000 + seq : 0, full);
        std::memcpy(out.data() + i * each, f.data(), each);
    }
    return out;
}
} // namespace

// The consumer's fast path takes exactly the sampled frames in order and stops at anything else.
TEST(Frame, TheInOrderFastPathTakesSampledFramesInOrderAndStopsAtAFullOne) {
    const uint32_t payload = 64;
    const std::size_t each = kFrameHeaderSize + payload;
    auto run = framesOf(0, payload, 1, 40); // 1..40: 16 and 32 are full (32 stamped)
    uint64_t expect = 1;
    EXPECT_EQ(countInOrderSampled(run.data(), 40, each, payload, expect), 15u); // 1..15
    EXPECT_EQ(expect, 16u);
    EXPECT_EQ(countInOrderSampled(run.data() + 15 * each, 25, each, payload, expect), 0u); // 16 is full
    EXPECT_EQ(expect, 16u);
    expect = 17;
    EXPECT_EQ(countInOrderSampled(run.data() + 16 * each, 24, each, payload, expect), 15u); // 17..31
    // Not the number it expects (a gap, a repeat): stops.
    expect = 3;
    EXPECT_EQ(countInOrderSampled(run.data(), 40, each, payload, expect), 0u);
    // Another producer, another size: stops.
    auto other = framesOf(1, payload, 1, 4);
    expect = 1;
    EXPECT_EQ(countInOrderSampled(other.data(), 4, each, payload, expect), 0u);
    expect = 1;
    EXPECT_EQ(countInOrderSampled(run.data(), 40, each, payload + 8, expect), 0u);
}

TEST(Frame, TheInOrderFastPathStopsAtEveryFlippedHeaderBit) {
    const uint32_t payload = 64;
    const std::size_t each = kFrameHeaderSize + payload;
    for (std::size_t bit = 0; bit < kFrameHeaderSize * 8; ++bit) {
        auto run = framesOf(0, payload, 1, 8);
        run[4 * each + bit / 8] ^= std::byte{static_cast<unsigned char>(1u << (bit % 8))}; // frame 5's header
        uint64_t expect = 1;
        ASSERT_EQ(countInOrderSampled(run.data(), 8, each, payload, expect), 4u) << "bit " << bit;
        EXPECT_EQ(expect, 5u);
    }
}

// Whatever it takes, verifyFrame takes too (as a sampled frame): random damage to random frames.
TEST(Frame, TheInOrderFastPathTakesNothingVerifyFrameRejects) {
    const uint32_t payload = 24;
    const std::size_t each = kFrameHeaderSize + payload;
    std::mt19937_64 rng(11);
    int stopped = 0;
    for (int round = 0; round < 3000; ++round) {
        auto run = framesOf(0, payload, 1, 15); // all sampled
        std::size_t victim = rng() % 15;
        for (int k = 1 + static_cast<int>(rng() % 3); k > 0; --k)
            run[victim * each + rng() % kFrameHeaderSize] = std::byte{static_cast<unsigned char>(rng())};
        uint64_t expect = 1;
        std::size_t n = countInOrderSampled(run.data(), 15, each, payload, expect);
        for (std::size_t i = 0; i < n; ++i) {
            MessageHeader h;
            ASSERT_EQ(verifyFrame({run.data() + i * each, each}, payload, 1, h), Verdict::Ok) << round;
            ASSERT_FALSE(isFullFrame(h));
            ASSERT_EQ(h.seq, 1 + i);
        }
        if (n < 15) {
            ++stopped;
            EXPECT_EQ(n, victim) << round; // it stops at the damaged frame (a byte rewritten to itself aside)
        }
    }
    EXPECT_GT(stopped, 2900);
}
