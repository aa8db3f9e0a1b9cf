#pragma once
// What a recording says about itself (its `meta` table): what ran, on which machine, and the
// lesson around it if there was one.
#include "ipclab/config/experiment_config.h"

#include <string>

namespace ipclab {

struct RecordingInfo {
    std::string ipclabVersion;
    std::string createdUtc;   // ISO 8601
    std::string host;
    std::string cpuModel;
    int cpus = 0;
    std::string kernel;       // uname -sr
    ExperimentKind experiment = ExperimentKind::Stream;
    std::string config;       // the first lane's config as ipclab-cli arguments
    std::string compareConfig; // the second lane's, when comparing ("" otherwise)
    // A lesson's question, the user's prediction and the verdict (empty when not a lesson).
    std::string lessonId, lessonQuestion, prediction, verdict;

    // This machine, now (everything but the experiment and lesson fields).
    static RecordingInfo ofThisMachine(const std::string& version);
};

// A config as the one line of `ipclab-cli` arguments a recording keeps, and back (throws
// ConfigError if the line is not a valid config).
std::string argLine(const ExperimentConfig& c);
ExperimentConfig configFromArgLine(const std::string& line);

} // namespace ipclab
