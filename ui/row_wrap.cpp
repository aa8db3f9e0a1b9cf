#include "row_wrap.h"

#include <QFontMetricsF>

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

QStringList wrapWords(const QString& text, const QFontMetricsF& fm, double width) {
    const QStringList words = text.split(' ', Qt::SkipEmptyParts);
    std::vector<double> widths;
    for (const QString& w : words) widths.push_back(fm.horizontalAdvance(w));
    const std::vector<RowPlace> places = wrapInRows(widths, width, fm.horizontalAdvance(QLatin1Char(' ')), false);
    QStringList lines;
    for (std::size_t i = 0; i < places.size(); ++i) {
        if (places[i].row == lines.size()) lines << words[static_cast<int>(i)];
        else lines.last() += ' ' + words[static_cast<int>(i)];
    }
    return lines;
}

} // namespace ipclab::ui
