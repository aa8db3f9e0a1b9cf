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
    std::function<bool()> hasData;       // empty: always; false: "export all" skips it and says so
    std::function<void(bool)> lecture;   // switches the lecture theme on (true) and back (false)
    // The scene: takes a slide's shape (width / height) and returns what to draw; 0 puts it back
    // as its view shows it. (Drawn in the view's shape, a wide scene filled a 16:9 slide's top
    // three quarters and left the rest white.)
    std::function<QRectF(double)> reshape;
};

// A slide-shaped export: this many pixels whatever the window's shape, in the lecture theme.
struct SlidePreset {
    const char* suffix; // "-slide-16x9"
    QSize pixels;       // 1920x1080
};
inline constexpr SlidePreset kSlidePresets[] = {{"-slide-16x9", {1920, 1080}}, {"-slide-4x3", {1600, 1200}}};

// One file of an "export all": run one per turn of the event loop, so the live charts keep
// drawing while a long export runs.
struct ExportStep {
    QString path;
    std::function<bool(QString* error)> run;
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
    // At a slide's size (pixels), drawn at 2× so text stays sharp, in the lecture theme.
    static QImage slideImage(const Exportable& e, QSize pixels);
    static bool saveSlide(const Exportable& e, const QString& path, QSize pixels, QString* error = nullptr);
    // For each item with data: <name>.png (2×), <name>@3x.png, <name>.svg, <name>.pdf, the slide
    // presets (<name>-slide-16x9.png 1920x1080, <name>-slide-4x3.png 1600x1200) and <name>.csv.
    // Items without data are listed in *skipped instead.
    static QList<ExportStep> exportSteps(const QList<Exportable>& items, const QString& folder, QStringList* skipped);
    // All steps at once (scripts and tests; the window runs the steps one by one).
    static bool exportAll(const QList<Exportable>& items, const QString& folder, QStringList* written, QString* error);
    // Where exports go unless the user chose a folder: ~/Pictures/IPC Lab (created when needed).
    static QString defaultFolder();
    // By suffix: .png (scale from "@2x"), .svg, .pdf, .csv.
    static bool saveByName(const Exportable& e, const QString& path, QString* error);
};

} // namespace ipclab::ui
