#include "ipclab/base/shm_segment.h"

#include "ipclab/base/error.h"
#include "ipclab/base/unique_fd.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <utility>

namespace ipclab {

ShmName::ShmName(ShmName&& o) noexcept : name_(std::exchange(o.name_, {})) {}

ShmName& ShmName::operator=(ShmName&& o) noexcept {
    if (this != &o) {
        reset();
        name_ = std::exchange(o.name_, {});
    }
    return *this;
}

void ShmName::reset() noexcept {
    if (!name_.empty()) ::shm_unlink(name_.c_str());
    name_.clear();
}

ShmMapping::ShmMapping(ShmMapping&& o) noexcept
    : addr_(std::exchange(o.addr_, nullptr)), size_(std::exchange(o.size_, 0)) {}

ShmMapping& ShmMapping::operator=(ShmMapping&& o) noexcept {
    if (this != &o) {
        reset();
        addr_ = std::exchange(o.addr_, nullptr);
        size_ = std::exchange(o.size_, 0);
    }
    return *this;
}

void ShmMapping::reset() noexcept {
    if (addr_) ::munmap(addr_, size_);
    addr_ = nullptr;
    size_ = 0;
}

ShmMapping ShmMapping::anonymous(std::size_t size) {
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throwErrno("mmap");
    return ShmMapping(p, size);
}

namespace {
ShmMapping mapShared(int fd, std::size_t size, const std::string& name) {
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) throwErrno("mmap " + name);
    return ShmMapping(p, size);
}
} // namespace

ShmSegment ShmSegment::create(const std::string& name, std::size_t size) {
    UniqueFd fd(::shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600));
    if (!fd.valid()) throwErrno("shm_open " + name); // not ours: nothing to unlink
    ShmSegment s;
    s.label_ = name;
    s.name_ = ShmName(name); // ours from here on: a later failure unlinks it through s, once
    if (::ftruncate(fd.get(), static_cast<off_t>(size)) != 0) throwErrno("ftruncate " + name);
    s.map_ = mapShared(fd.get(), size, name);
    return s;
}

ShmSegment ShmSegment::open(const std::string& name) {
    UniqueFd fd(::shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0));
    if (!fd.valid()) throwErrno("shm_open " + name);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throwErrno("fstat " + name);
    if (st.st_size <= 0) throw CorruptSegment("shared segment " + name + " is empty");
    ShmSegment s;
    s.label_ = name;
    s.map_ = mapShared(fd.get(), static_cast<std::size_t>(st.st_size), name);
    return s;
}

} // namespace ipclab
