#include "lesson_report.h"

#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <map>

namespace ipclab::ui {

namespace {
QColor outcomeColor(LessonResult::Outcome o) {
    switch (o) {
    case LessonResult::Outcome::Holds: return QColor("#1e7d32");
    case LessonResult::Outcome::HoldsBut: return QColor("#b26a00");
    case LessonResult::Outcome::DoesNotHold: return QColor("#b3261e");
    }
    return Qt::black;
}

// Draws wrapped text at the top of `r` and returns its height.
qreal drawText(QPainter& p, const QRectF& r, const QString& text, const QFont& f, const QColor& c, int flags = Qt::AlignLeft) {
    p.setFont(f);
    p.setPen(c);
    QRectF used = p.boundingRect(r, flags | Qt::TextWordWrap, text);
    p.drawText(r, flags | Qt::TextWordWrap, text);
    return used.height();
}

QFont font(qreal px, bool bold = false, bool italic = false) {
    QFont f;
    f.setPixelSize(std::max(1, qRound(px)));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}
} // namespace

QList<LessonResult::Number> chartNumbers(const LessonResult& r) {
    std::map<QString, QList<LessonResult::Number>> byUnit;
    QList<LessonResult::Number> operands;
    for (const auto& n : r.numbers) {
        if (n.operand) operands << n;
        else byUnit[n.unit] << n;
    }
    QList<LessonResult::Number> best;
    for (const auto& [unit, list] : byUnit)
        if (list.size() > best.size()) best = list;
    return best.size() >= 2 || operands.isEmpty() ? best : operands;
}

void paintLessonReport(QPainter& p, const QRectF& area, const LessonResult& r) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(area, Qt::white);
    const qreal u = std::min(area.width() / 48.0, area.height() / 30.0); // one text unit
    const QRectF page = area.adjusted(2 * u, 1.5 * u, -2 * u, -1.2 * u);
    const QColor ink("#1a1a1a"), grey("#555555");
    qreal y = page.top();
    auto row = [&](qreal h) { return QRectF(page.left(), y, page.width(), h); };

    y += drawText(p, row(3 * u), QStringLiteral("%1 %2 · %3").arg(QObject::tr("Lesson")).arg(r.number).arg(r.title), font(1.35 * u, true), ink);
    y += 0.3 * u;
    y += drawText(p, row(4 * u), QStringLiteral("“%1”").arg(r.claim), font(0.95 * u, false, true), grey);
    y += 0.8 * u;

    // The verdict: a coloured badge with its words, the measured value large beside it.
    QFont badgeFont = font(1.3 * u, true);
    QFontMetricsF bm(badgeFont);
    QRectF badge(page.left(), y, bm.horizontalAdvance(r.outcomeWords) + 1.6 * u, 2.4 * u);
    p.setPen(Qt::NoPen);
    p.setBrush(outcomeColor(r.outcome));
    p.drawRoundedRect(badge, 0.4 * u, 0.4 * u);
    p.setFont(badgeFont);
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, r.outcomeWords);
    QFont big = font(2.2 * u, true);
    p.setFont(big);
    p.setPen(ink);
    QRectF valueRect(badge.right() + 1.2 * u, y - 0.3 * u, page.right() - badge.right() - 1.2 * u, 3 * u);
    p.drawText(valueRect, Qt::AlignLeft | Qt::AlignVCenter, r.valueText);
    qreal valueWidth = QFontMetricsF(big).horizontalAdvance(r.valueText);
    QRectF labelRect(valueRect.left() + valueWidth + u, y, valueRect.width() - valueWidth - u, 2.4 * u);
    drawText(p, labelRect, r.label, font(0.85 * u), grey, Qt::AlignLeft | Qt::AlignVCenter);
    y += 3.0 * u;

    y += drawText(p, row(5 * u), r.explanation, font(1.05 * u), ink);
    y += 0.6 * u;
    y += drawText(p, row(4 * u), r.question, font(0.9 * u), grey);
    y += 0.2 * u;
    QString prediction = r.prediction ? QObject::tr("You said %1 · measured %2").arg(r.predictionText, r.valueText)
                                      : QObject::tr("No prediction was given.");
    y += drawText(p, row(2 * u), prediction, font(1.05 * u, r.prediction.has_value()), ink);
    y += 0.8 * u;

    // The chart: one bar per number of the same unit, on a common linear scale from 0.
    const QList<LessonResult::Number> bars = chartNumbers(r);
    const qreal footer = 2.6 * u;
    const qreal chartBottom = page.bottom() - footer;
    if (!bars.isEmpty() && chartBottom - y > 2 * u) {
        double maxValue = 0;
        for (const auto& b : bars) maxValue = std::max(maxValue, b.value);
        qreal barH = std::min(1.8 * u, (chartBottom - y) / bars.size() * 0.75);
        qreal gap = std::min(0.6 * u, (chartBottom - y) / bars.size() * 0.25);
        QFont lf = font(std::min(0.85 * u, barH * 0.6));
        QFontMetricsF lm(lf);
        qreal labelW = 0, valueW = 0;
        for (const auto& b : bars) {
            labelW = std::max(labelW, lm.horizontalAdvance(b.label));
            valueW = std::max(valueW, lm.horizontalAdvance(b.text));
        }
        labelW = std::min(labelW + u, page.width() * 0.45);
        qreal barMaxW = page.width() - labelW - valueW - 1.5 * u;
        p.setFont(lf);
        for (const auto& b : bars) {
            QRectF lr(page.left(), y, labelW - 0.5 * u, barH);
            p.setPen(ink);
            p.drawText(lr, Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, b.label);
            qreal w = maxValue > 0 ? barMaxW * std::max(0.0, b.value) / maxValue : 0;
            p.setPen(Qt::NoPen);
            p.setBrush(QColor("#3b6fb6"));
            p.drawRect(QRectF(page.left() + labelW, y + barH * 0.1, std::max(w, 0.15 * u), barH * 0.8));
            p.setPen(ink);
            p.drawText(QRectF(page.left() + labelW + w + 0.4 * u, y, valueW + u, barH), Qt::AlignLeft | Qt::AlignVCenter, b.text);
            y += barH + gap;
        }
    }

    // Footer: every number the verdict came from, the rule, where and when it was measured.
    QStringList all;
    for (const auto& n : r.numbers)
        if (n.operand) all << QStringLiteral("%1 = %2").arg(n.label, n.text);
    QString foot = QObject::tr("Computed from %1 · %2 · measured on %3, %4")
                       .arg(all.join(", "), r.rule, r.machine, QLocale().toString(r.when, QLocale::ShortFormat));
    drawText(p, QRectF(page.left(), page.bottom() - footer + 0.4 * u, page.width(), footer), foot, font(0.7 * u), grey);
    p.restore();
}

bool exportLessonReport(const LessonResult& r, const QString& path, QSize pngSize, QString* error) {
    if (path.endsWith(".pdf", Qt::CaseInsensitive)) {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setResolution(150);
        pdf.setTitle(QStringLiteral("IPC Lab · %1").arg(r.title));
        pdf.setCreator("IPC Lab");
        QPainter p;
        if (!p.begin(&pdf)) {
            if (error) *error = QObject::tr("Cannot write %1").arg(path);
            return false;
        }
        paintLessonReport(p, QRectF(0, 0, pdf.width(), pdf.height()), r);
        p.end();
        if (QFile(path).size() == 0) {
            if (error) *error = QObject::tr("Cannot write %1").arg(path);
            return false;
        }
        return true;
    }
    QImage image(pngSize, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        paintLessonReport(p, QRectF(QPointF(0, 0), QSizeF(pngSize)), r);
    }
    if (!image.save(path, "PNG")) {
        if (error) *error = QObject::tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool exportPredictions(const QString& path, QString* error) {
    QFile in(LessonSession::logPath());
    QByteArray body;
    if (in.open(QIODevice::ReadOnly)) body = in.readAll();
    if (body.isEmpty()) body = LessonSession::csvHeader().toUtf8() + '\n'; // no lesson done yet: just the header
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(body) != body.size()) {
        if (error) *error = QObject::tr("Cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

} // namespace ipclab::ui
