#include "row_wrap.h"

#include <algorithm>

namespace ipclab::ui {

std::vector<RowPlace> wrapInRows(const std::vector<double>& widths, double width, double spacing, bool centre) {
    std::vector<RowPlace> out(widths.size());
    std::vector<double> rowWidth;
    double x = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (rowWidth.empty() || (x > 0 && x + spacing + widths[i] > width)) {
            rowWidth.push_back(0);
            x = 0;
        } else if (x > 0) {
            x += spacing;
        }
        out[i] = {static_cast<int>(rowWidth.size()) - 1, x};
        x += widths[i];
        rowWidth.back() = x;
    }
    if (centre)
        for (RowPlace& p : out) p.x += std::max(0.0, (width - rowWidth[static_cast<std::size_t>(p.row)]) / 2);
    return out;
}

int rowCount(const std::vector<RowPlace>& places) { return places.empty() ? 0 : places.back().row + 1; }

} // namespace ipclab::ui
