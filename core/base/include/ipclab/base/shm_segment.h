#pragma once
// A POSIX shared-memory segment (shm_open + ftruncate + mmap) with RAII ownership:
// the creator unlinks the name, every holder unmaps its view.
#include <cstddef>
#include <string>

namespace ipclab {

class ShmSegment {
public:
    // Creates a new segment (O_EXCL, 0600), zero-filled. The returned object owns the name.
    static ShmSegment create(const std::string& name, std::size_t size);
    // Maps an existing segment; its size is read from the kernel (fstat), never trusted from data.
    static ShmSegment open(const std::string& name);

    ShmSegment() = default;
    ShmSegment(const ShmSegment&) = delete;
    ShmSegment& operator=(const ShmSegment&) = delete;
    ShmSegment(ShmSegment&& o) noexcept;
    ShmSegment& operator=(ShmSegment&& o) noexcept;
    ~ShmSegment();

    void* data() const noexcept { return addr_; }
    std::size_t size() const noexcept { return size_; }
    const std::string& name() const noexcept { return name_; }
    bool owner() const noexcept { return owner_; }
    bool valid() const noexcept { return addr_ != nullptr; }

private:
    void release() noexcept;
    void* addr_ = nullptr;
    std::size_t size_ = 0;
    std::string name_;
    bool owner_ = false;
};

} // namespace ipclab
