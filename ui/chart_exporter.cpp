#include "chart_exporter.h"

#include <QChartView>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QSvgGenerator>

namespace ipclab::ui {

namespace {
void render(const Exportable& e, QPainter& p, const QRectF& target) {
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    if (!e.source.isEmpty() && e.view->scene()) {
        e.view->scene()->render(&p, target, e.source, Qt::KeepAspectRatio);
    } else if (auto* cv = qobject_cast<QChartView*>(e.view)) {
        // Lay the chart out at the export size (no stretched fonts), render, and put it back.
        QChart* chart = cv->chart();
        QSizeF old = chart->size();
        QPointF oldPos = chart->pos();
        chart->setPos(0, 0);
        chart->resize(target.size());
        cv->scene()->render(&p, target, QRectF(QPointF(0, 0), target.size()), Qt::IgnoreAspectRatio);
        chart->resize(old);
        chart->setPos(oldPos);
    } else {
        e.view->render(&p, target, QRect(), Qt::IgnoreAspectRatio);
    }
}

bool fail(QString* error, const QString& msg) {
    if (error) *error = msg;
    return false;
}
} // namespace

QSize ChartExporter::logicalSize(const Exportable& e) {
    QSize s = e.view->isVisible() ? e.view->size() : QSize();
    if (!e.source.isEmpty()) {
        // Scenes export at their own aspect ratio.
        QSizeF sz = e.source.size();
        double k = std::max(1.0, std::max(s.width() / sz.width(), 640.0 / sz.width()));
        return (sz * k).toSize();
    }
    return s.expandedTo(QSize(640, 400));
}

QImage ChartExporter::image(const Exportable& e, int scale) {
    QSize logical = logicalSize(e);
    QImage img(logical * scale, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(scale);
    img.fill(Qt::white);
    QPainter p(&img);
    render(e, p, QRectF(QPointF(0, 0), QSizeF(logical)));
    p.end();
    return img;
}

bool ChartExporter::savePng(const Exportable& e, const QString& path, int scale, QString* error) {
    if (scale < 1 || scale > 3) return fail(error, QObject::tr("PNG scale must be 1, 2 or 3"));
    QImage img = image(e, scale);
    img.setDevicePixelRatio(1); // the file holds real pixels: 2× means twice the pixels
    if (!img.save(path, "PNG")) return fail(error, QObject::tr("Could not write %1").arg(path));
    return true;
}

bool ChartExporter::saveSvg(const Exportable& e, const QString& path, QString* error) {
    QSize logical = logicalSize(e);
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(logical);
    gen.setViewBox(QRect(QPoint(0, 0), logical));
    gen.setTitle(e.title);
    gen.setDescription(QObject::tr("IPC Lab: measured on this machine"));
    QPainter p;
    if (!p.begin(&gen)) return fail(error, QObject::tr("Could not write %1").arg(path));
    render(e, p, QRectF(QPointF(0, 0), QSizeF(logical)));
    p.end();
    return QFileInfo(path).size() > 0 || fail(error, QObject::tr("Could not write %1").arg(path));
}

bool ChartExporter::savePdf(const Exportable& e, const QString& path, QString* error) {
    QSize logical = logicalSize(e);
    QPdfWriter pdf(path);
    pdf.setTitle(e.title);
    pdf.setCreator(QStringLiteral("IPC Lab"));
    pdf.setResolution(96);
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setPageSize(QPageSize(QSizeF(logical.width() * 72.0 / 96.0, logical.height() * 72.0 / 96.0), QPageSize::Point));
    QPainter p;
    if (!p.begin(&pdf)) return fail(error, QObject::tr("Could not write %1").arg(path));
    QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
    render(e, p, page);
    p.end();
    return true;
}

bool ChartExporter::saveCsv(const Exportable& e, const QString& path, QString* error) {
    if (!e.csv) return fail(error, QObject::tr("%1 has no data table").arg(e.title));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return fail(error, QObject::tr("Could not write %1: %2").arg(path, f.errorString()));
    f.write(e.csv().toUtf8());
    return true;
}

void ChartExporter::copyToClipboard(const Exportable& e) { QGuiApplication::clipboard()->setImage(image(e, 2)); }

bool ChartExporter::saveByName(const Exportable& e, const QString& path, QString* error) {
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") {
        int scale = path.contains("@3x") ? 3 : path.contains("@2x") ? 2 : 1;
        return savePng(e, path, scale, error);
    }
    if (suffix == "svg") return saveSvg(e, path, error);
    if (suffix == "pdf") return savePdf(e, path, error);
    if (suffix == "csv") return saveCsv(e, path, error);
    return fail(error, QObject::tr("Unknown export format '%1' (use .png, .svg, .pdf or .csv)").arg(suffix));
}

QImage ChartExporter::slideImage(const Exportable& e, QSize pixels) {
    if (e.lecture) e.lecture(true);
    QSize logical = pixels / 2;
    QImage img(pixels, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(2);
    img.fill(Qt::white);
    Exportable shaped = e;
    if (e.reshape) shaped.source = e.reshape(static_cast<double>(pixels.width()) / pixels.height());
    QPainter p(&img);
    render(shaped, p, QRectF(QPointF(0, 0), QSizeF(logical)));
    p.end();
    if (e.reshape) e.reshape(0);
    if (e.lecture) e.lecture(false);
    return img;
}

bool ChartExporter::saveSlide(const Exportable& e, const QString& path, QSize pixels, QString* error) {
    if (!slideImage(e, pixels).save(path)) return fail(error, QObject::tr("Could not write %1").arg(path));
    return true;
}

QList<ExportStep> ChartExporter::exportSteps(const QList<Exportable>& items, const QString& folder, QStringList* skipped) {
    QList<ExportStep> steps;
    QDir dir(folder);
    for (const auto& e : items) {
        if (e.hasData && !e.hasData()) {
            if (skipped) *skipped << e.title;
            continue;
        }
        QString base = dir.filePath(e.name);
        steps.append({base + ".png", [e, p = base + ".png"](QString* err) { return savePng(e, p, 2, err); }});
        steps.append({base + "@3x.png", [e, p = base + "@3x.png"](QString* err) { return savePng(e, p, 3, err); }});
        steps.append({base + ".svg", [e, p = base + ".svg"](QString* err) { return saveSvg(e, p, err); }});
        steps.append({base + ".pdf", [e, p = base + ".pdf"](QString* err) { return savePdf(e, p, err); }});
        for (const SlidePreset& s : kSlidePresets) {
            QString p = base + s.suffix + ".png";
            steps.append({p, [e, p, px = s.pixels](QString* err) { return saveSlide(e, p, px, err); }});
        }
        if (e.csv) steps.append({base + ".csv", [e, p = base + ".csv"](QString* err) { return saveCsv(e, p, err); }});
    }
    return steps;
}

bool ChartExporter::exportAll(const QList<Exportable>& items, const QString& folder, QStringList* written, QString* error) {
    if (!QDir(folder).exists() && !QDir().mkpath(folder)) return fail(error, QObject::tr("Could not create %1").arg(folder));
    for (const ExportStep& s : exportSteps(items, folder, nullptr)) {
        if (!s.run(error)) return false;
        if (written) *written << s.path;
    }
    return true;
}

QString ChartExporter::defaultFolder() {
    QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (pictures.isEmpty()) pictures = QDir::homePath();
    QString folder = QDir(pictures).filePath("IPC Lab");
    QDir().mkpath(folder); // a fresh home has no ~/Pictures: the dialog could not choose it
    return folder;
}

} // namespace ipclab::ui
