#include "ipclab/experiment/isolation_area.h"

#include "ipclab/base/error.h"
#include "ipclab/sync/futex.h"
#include "ipclab/base/unique_fd.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <new>

namespace ipclab {

IsolationSegment IsolationSegment::create(const std::string& name) {
    IsolationSegment s;
    s.seg_ = ShmSegment::create(name, 4096);
    auto* a = new (s.seg_.data()) IsolationArea{};
    a->magic = kIsolationMagic;
    a->version = 1;
    a->totalSize = s.seg_.size();
    return s;
}

IsolationSegment IsolationSegment::attach(const std::string& name) {
    IsolationSegment s;
    s.seg_ = ShmSegment::open(name);
    if (s.seg_.size() < sizeof(IsolationArea)) throw CorruptSegment("isolation segment is too small");
    const IsolationArea& a = s.area();
    if (a.magic != kIsolationMagic || a.version != 1 || a.totalSize != s.seg_.size())
        throw CorruptSegment("isolation segment header is corrupted");
    return s;
}

namespace {
uint64_t physicalFrame(const void* addr) {
    UniqueFd fd(::open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) return 0;
    uint64_t entry = 0;
    off_t off = static_cast<off_t>(reinterpret_cast<uintptr_t>(addr) / 4096 * 8);
    if (::pread(fd.get(), &entry, sizeof entry, off) != sizeof entry) return 0;
    if (!(entry >> 63)) return 0;            // not present
    return entry & ((uint64_t{1} << 55) - 1); // zero without CAP_SYS_ADMIN
}

// Both processes arrive; the last one wakes the other. Returns false on timeout (peer died).
bool barrier(std::atomic<uint32_t>& step, uint32_t target) {
    step.fetch_add(1);
    for (int i = 0; i < 400; ++i) {
        uint32_t v = step.load();
        if (v >= target) {
            futexWakeAll(step);
            return true;
        }
        futexWait(step, v, 5'000'000);
    }
    return false;
}

void* mapAt(uintptr_t want, int fd) {
    int flags = fd < 0 ? (MAP_PRIVATE | MAP_ANONYMOUS) : MAP_SHARED;
    void* p = ::mmap(reinterpret_cast<void*>(want), 4096, PROT_READ | PROT_WRITE, flags | MAP_FIXED_NOREPLACE, fd, 0);
    if (p == MAP_FAILED) p = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, flags, fd, 0); // address taken: say so
    if (p == MAP_FAILED) throwErrno("mmap");
    return p;
}
} // namespace

int runIsolationWorker(const std::string& segmentName, int index) {
    if (index < 0 || index > 1) throw ConfigError("isolation uses exactly two workers");
    IsolationSegment seg = IsolationSegment::attach(segmentName);
    IsolationArea& area = seg.area();
    // A second view of the same shared segment, at the fixed address both processes use.
    UniqueFd fd(::shm_open(segmentName.c_str(), O_RDWR | O_CLOEXEC, 0));
    if (!fd.valid()) throwErrno("shm_open " + segmentName);
    auto* priv = static_cast<volatile uint64_t*>(mapAt(kPrivateAddress, -1));
    auto* sharedView = static_cast<IsolationArea*>(mapAt(kSharedAddress, fd.get()));

    IsolationReport& me = area.reports[index];
    me.pid.store(static_cast<int32_t>(::getpid()));
    uint64_t mine = index == 0 ? 111 : 222;
    me.privateAddress = reinterpret_cast<uintptr_t>(priv);
    me.sharedAddress = reinterpret_cast<uintptr_t>(&sharedView->sharedValue);

    // Step 1: process 0 writes 111 to its private page and to the shared value.
    if (index == 0) {
        *priv = mine;
        sharedView->sharedValue.store(mine);
        me.privateWritten = mine;
        me.sharedWritten = mine;
    }
    if (!barrier(area.step, 2)) return 4;
    // Step 2: process 1 reads the shared value (sees 111), then writes 222 to both.
    if (index == 1) {
        me.sharedSeenOther = sharedView->sharedValue.load();
        *priv = mine;
        sharedView->sharedValue.store(mine);
        me.privateWritten = mine;
        me.sharedWritten = mine;
    }
    if (!barrier(area.step, 4)) return 4;
    // Step 3: process 0 re-reads: its private page still says 111, the shared value says 222.
    if (index == 0) me.sharedSeenOther = sharedView->sharedValue.load();
    me.privateSeen = *priv;
    me.privateFrame = physicalFrame(const_cast<uint64_t*>(priv));
    me.sharedFrame = physicalFrame(&sharedView->sharedValue);
    me.done.store(1);
    ::munmap(const_cast<uint64_t*>(priv), 4096);
    ::munmap(sharedView, 4096);
    return 0;
}

} // namespace ipclab
