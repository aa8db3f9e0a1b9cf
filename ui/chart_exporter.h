#pragma once
// Export of charts and the flow scene for slides: PNG at 1×/2×/3×, SVG, PDF, the data as CSV,
// and the image on the clipboard. Everything renders through QGraphicsView::render, so SVG and
// PDF stay vector graphics.
#include <QGraphicsView>
#include <QString>

#include <functional>

namespace ipclab::ui {

struct Exportable {
    QString name;   // file stem: "throughput"
    QString title;  // human title
    QGraphicsView* view = nullptr;
    QRectF source;  // scene rect to render; empty = the whole visible view
    std::function<QString()> csv; // may be empty (the scene has no table)
};

class ChartExporter {
public:
    // Logical size of an export: the view's size on screen, at least 640×400.
    static QSize logicalSize(const Exportable& e);
    static bool savePng(const Exportable& e, const QString& path, int scale, QString* error = nullptr);
    static bool saveSvg(const Exportable& e, const QString& path, QString* error = nullptr);
    static bool savePdf(const Exportable& e, const QString& path, QString* error = nullptr);
    static bool saveCsv(const Exportable& e, const QString& path, QString* error = nullptr);
    static QImage image(const Exportable& e, int scale);
    static void copyToClipboard(const Exportable& e);
    // Writes <name>.png (2×), <name>@3x.png, <name>.svg, <name>.pdf and <name>.csv for each.
    static bool exportAll(const QList<Exportable>& items, const QString& folder, QStringList* written, QString* error);
    // By suffix: .png (scale from "@2x"), .svg, .pdf, .csv.
    static bool saveByName(const Exportable& e, const QString& path, QString* error);
};

} // namespace ipclab::ui
