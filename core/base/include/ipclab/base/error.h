#pragma once
// Errors the core reports to the CLI and the GUI. Every OS failure carries errno text.
#include <stdexcept>
#include <string>

namespace ipclab {

// A failed system call or kernel limit.
class SystemError : public std::runtime_error {
public:
    SystemError(const std::string& what, int err);
    int code() const noexcept { return code_; }

private:
    int code_;
};

// Invalid user input (CLI flags, settings, config values).
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Shared memory whose header or indices fail validation.
// Exit status of a worker that met corrupted shared memory (reported as such by the controller).
inline constexpr int kWorkerExitCorrupt = 4;
// Exit status of a worker that made an invalid memory access (SIGSEGV/SIGBUS): in a correct build
// that means glibc followed a pointer that another process overwrote in shared memory (a robust
// mutex keeps list pointers there); reported as such instead of as an anonymous signal death.
inline constexpr int kWorkerExitCrashed = 5;

class CorruptSegment : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void throwErrno(const std::string& what);

} // namespace ipclab
