#pragma once
// The key (legend) of a live time chart, in as many rows as its width needs. Qt Charts lays its
// legend out on one row and cuts every entry to "sh..." when they do not fit (the kernel's chart,
// eight entries, in presenter mode at 1280x720); this item wraps instead, so every name is whole.
// A child of the chart: in every export of it too.
#include <QFont>
#include <QGraphicsObject>
#include <QList>
#include <QPen>

class QChart;

namespace ipclab::ui {

class ChartKey : public QGraphicsObject {
public:
    struct Entry {
        QPen pen; // the series' colour and style (dashed: the right axis)
        QString name;
    };
    explicit ChartKey(QGraphicsItem* parent) : QGraphicsObject(parent) {}
    // Set the entries or font, then placeIn (or layOut): the key is drawn as last laid out.
    void setEntries(QList<Entry> entries);
    void setFont(const QFont& font);
    // Lays the entries out in rows within `width`, centred; returns the height they take.
    double layOut(double width);
    // Under the plot of `chart` (its parent), across its width; the chart's bottom margin makes
    // room (set only when it changes: each set lays the chart out again).
    void placeIn(QChart* chart);
    QRectF boundingRect() const override { return {0, 0, width_, height_}; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;
    const QList<Entry>& entries() const { return entries_; }
    const QFont& font() const { return font_; }
    int rows() const { return rows_; }
    // Where each entry's name is drawn, in item coordinates (tests: whole, inside the width).
    QList<QRectF> textRects() const;

private:
    double entryWidth(int i) const;
    QList<Entry> entries_;
    QList<QPointF> at_; // each entry's top-left, after layOut
    QFont font_;
    double width_ = 0, height_ = 0;
    int rows_ = 0;
};

} // namespace ipclab::ui
