#pragma once
// Naming of every kernel object IPC Lab creates: "ipclab-<pid>-<6 hex digits>-<tag>".
// The owner PID in the name lets a later start remove what a crashed run left behind, but only
// objects of the current user (st_uid) with exactly this name pattern: IPC Lab never touches
// anything it did not create. File-system objects (FIFOs, record files) live in one private
// 0700 directory per user, runtimeRoot().
#include <string>
#include <vector>

namespace ipclab {

// A fresh unique prefix "ipclab-<pid>-<random>" for one experiment run.
std::string makeObjectPrefix();

// The owner PID of a name of exactly our pattern; -1 for anything else.
int ownerPidOf(const std::string& name);

struct StaleCleanupReport {
    std::vector<std::string> removed;
};

// Removes shm segments, message queues and private directories of this user whose owner PID is
// dead. Directories are emptied of files and FIFOs only (nothing is followed or descended into).
StaleCleanupReport removeStaleObjects();

// Lists this user's IPC Lab objects present now (for leak checks and `ipclab-cli list`).
std::vector<std::string> listLiveObjects();

// Private 0700 directory for FIFOs and files inside runtimeRoot(); emptied and removed on destruction.
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
// The per-user private directory: $XDG_RUNTIME_DIR/ipclab, else $TMPDIR (or /tmp)/ipclab-<uid>.
// Created 0700; refused (SystemError) if it is a link, not a directory, or another user's.
std::string runtimeRoot();

} // namespace ipclab
