#include "ipclab/transport/fifo_transport.h"

#include "ipclab/base/error.h"

#include <sys/stat.h>

namespace ipclab {

FifoChannels::FifoChannels(const std::string& prefix, int count) : dir_(prefix) {
    for (int i = 0; i < count; ++i)
        if (::mkfifo(pathOf(i).c_str(), 0600) != 0) throwErrno("mkfifo " + pathOf(i));
}

std::string FifoChannels::pathOf(int channel) const { return dir_.path() + "/fifo-" + std::to_string(channel); }

} // namespace ipclab
