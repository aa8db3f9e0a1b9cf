#include "ipclab/recording/recording_info.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

namespace ipclab {

std::string argLine(const ExperimentConfig& c) {
    std::string s;
    for (const auto& a : c.toArgs()) s += (s.empty() ? "" : " ") + a;
    return s;
}

ExperimentConfig configFromArgLine(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> args;
    for (std::string a; in >> a;) args.push_back(a);
    return ExperimentConfig::fromArgs(args);
}

RecordingInfo RecordingInfo::ofThisMachine(const std::string& version) {
    RecordingInfo i;
    i.ipclabVersion = version;
    std::time_t now = std::time(nullptr);
    char buf[32];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    i.createdUtc = buf;
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0) i.host = host;
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("model name", 0) == 0) {
            if (auto c = line.find(':'); c != std::string::npos) i.cpuModel = line.substr(line.find_first_not_of(' ', c + 1));
            break;
        }
    i.cpus = static_cast<int>(std::thread::hardware_concurrency());
    utsname u{};
    if (::uname(&u) == 0) i.kernel = std::string(u.sysname) + " " + u.release;
    return i;
}

} // namespace ipclab
