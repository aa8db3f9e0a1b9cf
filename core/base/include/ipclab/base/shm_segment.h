#pragma once
// POSIX shared memory with two owners, as iceoryx and Boost.Interprocess separate them:
//   ShmName    owns a name this process created (shm_open O_EXCL) and unlinks it exactly once;
//   ShmMapping owns one mmap of a segment (or of a nameless region) and unmaps it exactly once.
// ShmSegment is the pair: the creator holds both, everyone else only a mapping. A create that
// fails half-way unlinks only through its ShmName, once, so it can never remove a segment of
// the same name that someone else created in between.
#include <cstddef>
#include <string>

namespace ipclab {

class ShmName {
public:
    ShmName() = default;
    // Records that this process created `name`; the destructor unlinks it.
    explicit ShmName(std::string name) noexcept : name_(std::move(name)) {}
    ShmName(const ShmName&) = delete;
    ShmName& operator=(const ShmName&) = delete;
    ShmName(ShmName&& o) noexcept;
    ShmName& operator=(ShmName&& o) noexcept;
    ~ShmName() { reset(); }

    const std::string& get() const noexcept { return name_; }
    bool owns() const noexcept { return !name_.empty(); }
    void reset() noexcept; // unlinks now (once)

private:
    std::string name_;
};

class ShmMapping {
public:
    ShmMapping() = default;
    ShmMapping(void* addr, std::size_t size) noexcept : addr_(addr), size_(size) {}
    // A zero-filled region with no name, shared with the children this process forks afterwards
    // (MAP_SHARED | MAP_ANONYMOUS): nothing to unlink, gone with its last mapping. Throws if mmap fails.
    static ShmMapping anonymous(std::size_t size);
    ShmMapping(const ShmMapping&) = delete;
    ShmMapping& operator=(const ShmMapping&) = delete;
    ShmMapping(ShmMapping&& o) noexcept;
    ShmMapping& operator=(ShmMapping&& o) noexcept;
    ~ShmMapping() { reset(); }

    void* data() const noexcept { return addr_; }
    std::size_t size() const noexcept { return size_; }
    void reset() noexcept; // unmaps now (once)

private:
    void* addr_ = nullptr;
    std::size_t size_ = 0;
};

class ShmSegment {
public:
    // Creates a new segment (O_EXCL, 0600), zero-filled. The returned object owns the name.
    static ShmSegment create(const std::string& name, std::size_t size);
    // Maps an existing segment; its size is read from the kernel (fstat), never trusted from data.
    static ShmSegment open(const std::string& name);

    void* data() const noexcept { return map_.data(); }
    std::size_t size() const noexcept { return map_.size(); }
    const std::string& name() const noexcept { return label_; }
    bool owner() const noexcept { return name_.owns(); }
    bool valid() const noexcept { return map_.data() != nullptr; }

private:
    std::string label_; // the name, for messages (also when this process does not own it)
    ShmName name_;      // declared before map_: the mapping goes first, then the name
    ShmMapping map_;
};

} // namespace ipclab
