#include "token_layer.h"

#include "flow_figure.h"

namespace ipclab::ui {

TokenLayer::TokenLayer(FlowFigure* figure) : QGraphicsItem(figure), figure_(figure) {}

QRectF TokenLayer::boundingRect() const { return figure_->boundingRect(); }

// `widget`: a view's paint (an export renders the scene without one).
void TokenLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget* widget) {
    figure_->paintTokens(p, widget != nullptr);
}

} // namespace ipclab::ui
