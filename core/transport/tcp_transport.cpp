#include "ipclab/transport/tcp_transport.h"

#include "ipclab/base/error.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace ipclab {

TcpChannels::TcpChannels(int count) {
    UniqueFd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!listener.valid()) throwErrno("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listener.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throwErrno("bind 127.0.0.1");
    if (::listen(listener.get(), count) != 0) throwErrno("listen");
    socklen_t len = sizeof addr;
    if (::getsockname(listener.get(), reinterpret_cast<sockaddr*>(&addr), &len) != 0) throwErrno("getsockname");
    for (int i = 0; i < count; ++i) {
        UniqueFd client(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (!client.valid()) throwErrno("socket");
        if (::connect(client.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throwErrno("connect 127.0.0.1");
        UniqueFd server(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!server.valid()) throwErrno("accept");
        int one = 1;
        ::setsockopt(client.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::setsockopt(server.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::shutdown(server.get(), SHUT_WR);
        ends_.emplace_back(std::move(server), std::move(client)); // server end reads, client end writes
    }
}

} // namespace ipclab
