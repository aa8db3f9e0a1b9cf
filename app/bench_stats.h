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

// A baseline measured before the first full measurement and after each one (ipclab-cli bench):
// each full rate over the mean of the baseline just before and just after it, so a change of
// the machine's speed between measurements hits both sides of the ratio. A failed baseline
// measurement (0) leaves the full measurements beside it without a ratio.
class Bracketed {
public:
    void first(double bare) { rates_.push_back(bare); }
    // The baseline measured after `full`; returns the mean `full` was compared with (0: none).
    double next(double full, double bare) {
        double before = rates_.empty() ? 0 : rates_.back();
        rates_.push_back(bare);
        double around = before > 0 && bare > 0 ? (before + bare) / 2 : 0;
        if (around > 0) ratios_.push_back(full / around);
        return around;
    }
    const std::vector<double>& rates() const { return rates_; }
    const std::vector<double>& ratios() const { return ratios_; }

private:
    std::vector<double> rates_, ratios_;
};

} // namespace ipclab
