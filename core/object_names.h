#pragma once
// Naming of every kernel object IPC Lab creates: "ipclab-<pid>-<random>-<tag>".
// The owner PID in the name lets a later start remove what a crashed run left behind.
#include <string>
#include <vector>

namespace ipclab {

// A fresh unique prefix "ipclab-<pid>-<random>" for one experiment run.
std::string makeObjectPrefix();

// Parses the owner PID out of a name that starts with "ipclab-<pid>-"; -1 if it does not.
int ownerPidOf(const std::string& name);

struct StaleCleanupReport {
    std::vector<std::string> removed;
};

// Removes shm segments, message queues and private directories whose owner PID is dead.
StaleCleanupReport removeStaleObjects();

// Lists every IPC Lab object currently present (for leak checks and `ipclab-cli list`).
std::vector<std::string> listLiveObjects();

// Private 0700 directory for FIFOs and files; removed with its contents on destruction.
class PrivateDir {
public:
    explicit PrivateDir(const std::string& prefix);
    PrivateDir(const PrivateDir&) = delete;
    PrivateDir& operator=(const PrivateDir&) = delete;
    ~PrivateDir();
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::string tempRoot();

} // namespace ipclab
