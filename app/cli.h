#pragma once
// ipclab-cli as a function, so tests can run it in-process and check exit codes and output.
#include <iosfwd>
#include <string>
#include <vector>

namespace ipclab {

// Exit codes: 0 success, 1 runtime failure (a kernel limit, a worker died), 2 bad usage.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// The benchmark subcommand (bench.cpp).
int runBench(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace ipclab
