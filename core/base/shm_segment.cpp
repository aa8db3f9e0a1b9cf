#include "ipclab/base/shm_segment.h"

#include "ipclab/base/error.h"
#include "ipclab/base/unique_fd.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <utility>

namespace ipclab {

ShmSegment ShmSegment::create(const std::string& name, std::size_t size) {
    UniqueFd fd(::shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600));
    if (!fd.valid()) throwErrno("shm_open " + name);
    ShmSegment s;
    s.name_ = name;
    // From here on `s` owns the name: its destructor unlinks it exactly once if a later step
    // throws. (Unlinking here as well would unlink twice, and the second could remove a segment
    // of the same name that someone created in between.)
    s.owner_ = true;
    if (::ftruncate(fd.get(), static_cast<off_t>(size)) != 0) throwErrno("ftruncate " + name);
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
    if (p == MAP_FAILED) throwErrno("mmap " + name);
    s.addr_ = p;
    s.size_ = size;
    return s;
}

ShmSegment ShmSegment::open(const std::string& name) {
    UniqueFd fd(::shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0));
    if (!fd.valid()) throwErrno("shm_open " + name);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throwErrno("fstat " + name);
    if (st.st_size <= 0) throw CorruptSegment("shared segment " + name + " is empty");
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ | PROT_WRITE, MAP_SHARED,
                     fd.get(), 0);
    if (p == MAP_FAILED) throwErrno("mmap " + name);
    ShmSegment s;
    s.addr_ = p;
    s.size_ = static_cast<std::size_t>(st.st_size);
    s.name_ = name;
    return s;
}

ShmSegment::ShmSegment(ShmSegment&& o) noexcept
    : addr_(std::exchange(o.addr_, nullptr)), size_(std::exchange(o.size_, 0)), name_(std::move(o.name_)),
      owner_(std::exchange(o.owner_, false)) {}

ShmSegment& ShmSegment::operator=(ShmSegment&& o) noexcept {
    if (this != &o) {
        release();
        addr_ = std::exchange(o.addr_, nullptr);
        size_ = std::exchange(o.size_, 0);
        name_ = std::move(o.name_);
        owner_ = std::exchange(o.owner_, false);
    }
    return *this;
}

ShmSegment::~ShmSegment() { release(); }

void ShmSegment::release() noexcept {
    if (addr_) ::munmap(addr_, size_);
    if (owner_ && !name_.empty()) ::shm_unlink(name_.c_str());
    addr_ = nullptr;
    owner_ = false;
}

} // namespace ipclab
