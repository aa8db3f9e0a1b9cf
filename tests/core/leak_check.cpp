// Runs after the whole suite: fails if any IPC Lab kernel object or worker process is left.
#include "ipclab/base/object_names.h"

#include <dirent.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {
std::vector<std::string> liveWorkers() {
    std::vector<std::string> out;
    DIR* d = ::opendir("/proc");
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        std::string pid = e->d_name;
        if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream comm("/proc/" + pid + "/comm");
        std::string name;
        std::getline(comm, name);
        // comm is cut at 15 characters: "ipclab-worker" fits.
        if (name == "ipclab-worker") out.push_back(pid);
    }
    ::closedir(d);
    return out;
}
} // namespace

int main() {
    // Give workers of the last test a moment to finish exiting (they are reaped, but a
    // detached grandchild would show up here).
    std::vector<std::string> objects, workers;
    for (int i = 0; i < 20; ++i) {
        objects = ipclab::listLiveObjects();
        workers = liveWorkers();
        if (objects.empty() && workers.empty()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (const auto& o : objects) std::printf("left behind: %s\n", o.c_str());
    for (const auto& w : workers) std::printf("worker still alive: pid %s\n", w.c_str());
    if (objects.empty() && workers.empty()) std::printf("no IPC Lab objects or workers left\n");
    return objects.empty() && workers.empty() ? 0 : 1;
}
