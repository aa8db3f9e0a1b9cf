#pragma once
// Items of known widths (legend entries) laid left to right in as many rows as a width needs,
// instead of one row that Qt would cut to "...". One rule for every legend and key we draw.
#include <QStringList>

#include <vector>

class QFontMetricsF;

namespace ipclab::ui {

struct RowPlace {
    int row = 0;
    double x = 0; // from the left edge of the width
};

// An item wider than `width` gets a row of its own. With `centre`, each row is centred in the
// width (as Qt's legends are); otherwise rows start at 0.
std::vector<RowPlace> wrapInRows(const std::vector<double>& widths, double width, double spacing, bool centre);
// How many rows `places` use (0 when empty).
int rowCount(const std::vector<RowPlace>& places);
// `text` in lines no wider than `width` with `fm` (a word wider than that on a line of its own),
// by the same rule: for titles that Qt cuts instead of wrapping.
QStringList wrapWords(const QString& text, const QFontMetricsF& fm, double width);

} // namespace ipclab::ui
