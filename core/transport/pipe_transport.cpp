#include "ipclab/transport/pipe_transport.h"

#include "ipclab/base/error.h"

#include <fcntl.h>
#include <unistd.h>

namespace ipclab {

PipeChannels::PipeChannels(int count) {
    for (int i = 0; i < count; ++i) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) throwErrno("pipe2");
        ends_.emplace_back(UniqueFd(fds[0]), UniqueFd(fds[1]));
    }
}

} // namespace ipclab
