#pragma once
// The replay's face, above the scene while a recording plays: a banner saying it is a replay
// (which file, recorded when, on what machine), play/pause, step back and forward by one
// sample, a time slider, the speed (0.25x-4x), jumps to the previous and next mark, and Close.
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace ipclab::ui {

class ReplayController;

class ReplayBar : public QWidget {
    Q_OBJECT
public:
    explicit ReplayBar(ReplayController* replay, QWidget* parent = nullptr);
    QString bannerText() const;
    QSlider* slider() const { return slider_; }

signals:
    void closeRequested();

private:
    void refresh();
    ReplayController* replay_;
    QLabel* banner_;
    QLabel* time_;
    QSlider* slider_;
    QToolButton* play_;
    QComboBox* speed_;
};

} // namespace ipclab::ui
