#pragma once
// The body of ipclab-worker. A worker attaches to the telemetry block, opens its channel ends and
// runs one role until the control block says stop. It never knows whether a GUI is watching.
#include <string>
#include <vector>

namespace ipclab {

struct WorkerArgs {
    std::string telemetry; // shm name of the telemetry block
    int slot = 0;          // index into the telemetry worker slots (and producer/consumer id)
    int roleIndex = 0;     // producer id, consumer id, ...
    std::string role;      // producer | consumer | race | pinger | ponger | isolation
    int parentPid = 0;
    std::string data;              // shm name of the race/isolation segment
    std::string out;               // writer endpoint spec
    std::vector<std::string> in;   // reader endpoint specs
    std::vector<std::string> configArgs;
    std::vector<std::string> toArgs() const;
};

WorkerArgs parseWorkerArgs(const std::vector<std::string>& args);
int runWorker(const WorkerArgs& args);
// Entry point for main(): catches everything, reports on stderr, returns the exit code.
int workerMain(int argc, char** argv);

} // namespace ipclab
