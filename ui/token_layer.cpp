#include "token_layer.h"

#include "flow_figure.h"

namespace ipclab::ui {

TokenLayer::TokenLayer(FlowFigure* figure) : QGraphicsItem(figure), figure_(figure) {}

QRectF TokenLayer::boundingRect() const { return figure_->boundingRect(); }

void TokenLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) { figure_->paintTokens(p); }

} // namespace ipclab::ui
