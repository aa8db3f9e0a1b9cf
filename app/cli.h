#pragma once
// ipclab-cli as a function, so tests can run it in-process and check exit codes and output.
#include <iosfwd>
#include <string>
#include <vector>

namespace ipclab {

// Exit codes: 0 success, 1 runtime failure (a kernel limit, a system error), 2 bad usage,
// 3 a worker died during the run (kill -9, a crash, corruption it could not survive).
inline constexpr int kExitWorkerDied = 3;
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// The benchmark subcommand (bench.cpp).
int runBench(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// ipclab-cli lesson N|ID|FILE|list [--seconds S] [--predict X] [--lang en|ko]
int runLessonCommand(const std::vector<std::string>& args, bool json, std::ostream& out, std::ostream& err);

} // namespace ipclab
