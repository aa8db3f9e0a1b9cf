#pragma once
// The moving messages of the flow figure, on a layer of their own above it. The figure (boxes,
// labels, numbers) changes with each telemetry sample; the tokens move every frame. Apart, the
// figure is cached as a pixmap and re-rendered only when its data changes, so a 60 Hz frame
// costs the tokens and a blit, not the text layout of every label.
#include <QGraphicsItem>

namespace ipclab::ui {

class FlowFigure;

class TokenLayer : public QGraphicsItem {
public:
    explicit TokenLayer(FlowFigure* figure); // becomes the figure's child, drawn above it
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

private:
    FlowFigure* figure_;
};

} // namespace ipclab::ui
