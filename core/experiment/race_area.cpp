#include "ipclab/experiment/race_area.h"

#include "ipclab/base/error.h"

#include <new>

namespace ipclab {

RaceSegment RaceSegment::create(const std::string& name) {
    RaceSegment r;
    r.seg_ = ShmSegment::create(name, sizeof(RaceArea));
    auto* a = new (r.seg_.data()) RaceArea{};
    a->magic = kRaceMagic;
    a->version = 1;
    a->totalSize = r.seg_.size();
    a->counter.store(0);
    a->accounts.store(packAccounts(kAccountStart, kAccountStart));
    a->locks.init();
    return r;
}

RaceSegment RaceSegment::attach(const std::string& name) {
    RaceSegment r;
    r.seg_ = ShmSegment::open(name);
    if (r.seg_.size() < sizeof(RaceArea)) throw CorruptSegment("race segment is too small");
    const RaceArea& a = r.area();
    if (a.magic != kRaceMagic || a.version != 1 || a.totalSize != r.seg_.size())
        throw CorruptSegment("race segment header is corrupted");
    return r;
}

} // namespace ipclab
