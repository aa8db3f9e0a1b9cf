#include "ipclab/base/error.h"

#include <cerrno>
#include <cstring>

namespace ipclab {

SystemError::SystemError(const std::string& what, int err)
    : std::runtime_error(what + ": " + std::strerror(err)), code_(err) {}

void throwErrno(const std::string& what) { throw SystemError(what, errno); }

} // namespace ipclab
