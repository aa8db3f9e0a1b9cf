#include "ipclab/transport/unix_socket_transport.h"

#include "ipclab/base/error.h"

#include <sys/socket.h>

namespace ipclab {

UnixSocketChannels::UnixSocketChannels(int count) {
    for (int i = 0; i < count; ++i) {
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) throwErrno("socketpair");
        // Used one way: sv[0] reads, sv[1] writes.
        ::shutdown(sv[0], SHUT_WR);
        ::shutdown(sv[1], SHUT_RD);
        ends_.emplace_back(UniqueFd(sv[0]), UniqueFd(sv[1]));
    }
}

} // namespace ipclab
