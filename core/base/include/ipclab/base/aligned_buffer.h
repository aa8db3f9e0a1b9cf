#pragma once
// A byte buffer that starts on a cache line: frames copied between such buffers and ring slots
// (also cache-line aligned) never split a wide store across two lines.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>

namespace ipclab {

// memcpy for frames: small ones (the common 64-byte message is a 96-byte frame) as a few inline
// 32-byte moves, the last one overlapping, instead of a call into the library's size dispatch.
inline void copyFrame(std::byte* dst, const std::byte* src, std::size_t n) {
    if (n < 32 || n > 256) {
        std::memcpy(dst, src, n);
        return;
    }
    std::size_t i = 0;
    for (; i + 32 < n; i += 32) __builtin_memcpy(dst + i, src + i, 32);
    __builtin_memcpy(dst + n - 32, src + n - 32, 32);
}

class AlignedBuffer {
public:
    explicit AlignedBuffer(std::size_t size)
        : data_(static_cast<std::byte*>(::operator new(size ? size : 1, std::align_val_t{64}))), size_(size) {
        std::fill_n(data_.get(), size, std::byte{0});
    }
    std::byte* data() { return data_.get(); }
    const std::byte* data() const { return data_.get(); }
    std::size_t size() const { return size_; }
    std::span<std::byte> span() { return {data_.get(), size_}; }
    std::span<const std::byte> span() const { return {data_.get(), size_}; }

private:
    struct Free {
        void operator()(std::byte* p) const { ::operator delete(p, std::align_val_t{64}); }
    };
    std::unique_ptr<std::byte, Free> data_;
    std::size_t size_;
};

} // namespace ipclab
