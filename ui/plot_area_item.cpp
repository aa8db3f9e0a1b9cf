#include "plot_area_item.h"

#include <QChart>
#include <QValueAxis>

namespace ipclab::ui {

PlotAreaItem::PlotAreaItem(QChart* chart, qreal z) : QGraphicsItem(chart), chart_(chart) {
    setZValue(z);
    setAcceptedMouseButtons(Qt::NoButton);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [this] { follow(); });
}

void PlotAreaItem::follow() {
    QRectF a = chart_->plotArea();
    if (a != area_) {
        prepareGeometryChange();
        area_ = a;
    }
    update();
}

double PlotAreaItem::xAt(const QValueAxis* a, double v) const {
    return area_.left() + (v - a->min()) / (a->max() - a->min()) * area_.width();
}

double PlotAreaItem::yAt(const QValueAxis* a, double v) const {
    return area_.bottom() - (v - a->min()) / (a->max() - a->min()) * area_.height();
}

} // namespace ipclab::ui
