// ExperimentConfig: parsing, validation and the argv round trip the workers depend on.
#include "ipclab/base/error.h"
#include "ipclab/config/experiment_config.h"

#include <gtest/gtest.h>

using namespace ipclab;

TEST(Config, ArgsRoundTripKeepsEveryField) {
    ExperimentConfig c;
    c.experiment = ExperimentKind::Stream;
    c.transport = TransportKind::UnixSocket;
    c.sync = SyncMode::Spinlock;
    c.syncEnabled = false;
    c.producers = 3;
    c.consumers = 2;
    c.messageSize = 4096;
    c.durationS = 1.5;
    c.rate = 2.5;
    c.holdUs = 7;
    c.telemetry = false;
    c.workerNice = 5;
    c.coRunners = 2;
    EXPECT_EQ(ExperimentConfig::fromArgs(c.toArgs()), c);
}

TEST(Config, ParsesFlags) {
    auto c = ExperimentConfig::fromArgs({"--transport", "mqueue", "--size", "4k", "--sync", "none", "--producers", "2"});
    EXPECT_EQ(c.transport, TransportKind::MessageQueue);
    EXPECT_EQ(c.messageSize, 4096u);
    EXPECT_FALSE(c.syncEnabled);
    EXPECT_EQ(c.producers, 2);
}

TEST(Config, RejectsBadValuesWithASentence) {
    auto bad = [](std::vector<std::string> a) {
        try {
            ExperimentConfig::fromArgs(a).validate();
        } catch (const ConfigError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_NE(bad({"--transport", "x"}).find("unknown transport"), std::string::npos);
    EXPECT_NE(bad({"--size", "0"}).find("at least"), std::string::npos);
    EXPECT_NE(bad({"--size", "2M"}).find("above"), std::string::npos);
    EXPECT_NE(bad({"--experiment", "race", "--workers", "65"}).find("at most 64"), std::string::npos);
    EXPECT_NE(bad({"--duration", "-1"}).find("negative"), std::string::npos);
    EXPECT_NE(bad({"--nope", "1"}).find("unknown option"), std::string::npos);
    EXPECT_NE(bad({"--transport", "pipe", "--consumers", "2"}).find("pipe"), std::string::npos);
    EXPECT_NE(bad({"--duration", "nan"}).size(), 0u);
    EXPECT_NE(bad({"--nice", "20"}).find("between 0 and 19"), std::string::npos); // only the word 'idle' means the idle class
    EXPECT_NE(bad({"--nice", "lazy"}).find("not a whole number"), std::string::npos);
    EXPECT_NE(bad({"--nice", "-1"}).find("between 0 and 19"), std::string::npos);
    EXPECT_NE(bad({"--co-runners", "-3"}).find("--co-runners"), std::string::npos);
}

TEST(Config, MessageQueueLimitComesFromTheKernel) {
    uint32_t max = ExperimentConfig::maxMessageSize(TransportKind::MessageQueue);
    EXPECT_GE(max, 8u);
    EXPECT_LT(max, 1u << 20);
    ExperimentConfig c;
    c.transport = TransportKind::MessageQueue;
    c.messageSize = max;
    EXPECT_NO_THROW(c.validate());
    c.messageSize = max + 1;
    EXPECT_THROW(c.validate(), ConfigError);
}

TEST(Config, Sizes) {
    EXPECT_EQ(parseSize("64"), 64u);
    EXPECT_EQ(parseSize("4k"), 4096u);
    EXPECT_EQ(parseSize("1M"), 1u << 20);
    EXPECT_FALSE(parseSize("k"));
    EXPECT_FALSE(parseSize("-1"));
    EXPECT_EQ(formatSize(4096), "4 KiB");
}

TEST(Config, NamesRoundTrip) {
    for (auto t : allTransports()) EXPECT_EQ(transportFromString(toString(t)), t);
    for (auto m : allSyncModes()) EXPECT_EQ(syncFromString(toString(m)), m);
    for (auto t : allTransports()) EXPECT_FALSE(explanation(t).empty());
}
