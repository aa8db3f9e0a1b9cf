#include "plot_area_item.h"

#include <QChart>

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

} // namespace ipclab::ui
