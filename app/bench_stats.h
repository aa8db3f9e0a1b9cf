#pragma once
// The two benchmarks' (ipclab-cli bench, ipclab --bench-ui) small statistics.
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace ipclab {

inline double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2; // (an even count: the mean of the middle two)
}

// A list's lowest and highest value ({0, 0} when empty).
inline std::pair<double, double> lowestAndHighest(const std::vector<double>& v) {
    if (v.empty()) return {0.0, 0.0};
    auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return {*lo, *hi};
}

// Alternating windows without (A) and with (B) the thing measured, A first and last: each B
// window over the mean of the A windows either side of it, so a drift of the machine's speed
// hits both sides of every ratio alike. `a` has one more window than `b`; a B window whose
// neighbours moved nothing has no ratio.
inline std::vector<double> againstNeighbours(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> out;
    for (std::size_t i = 0; i < b.size() && i + 1 < a.size(); ++i)
        if (double around = (a[i] + a[i + 1]) / 2; around > 0) out.push_back(b[i] / around);
    return out;
}

} // namespace ipclab
