#pragma once
// "Where one message's time goes": for a stream, one bar per side (senders, receivers) split
// into CPU in user mode, CPU in the kernel (both the kernel's own accounting) and time off the
// CPU, per message since the start, with the send or receive call as our clocks measured it on
// a sample of messages. Redrawn twice a second: it is an average, not an animation.
#include "chart_theme.h"
#include "ipclab/experiment/run_sample.h"

#include <QWidget>

namespace ipclab::ui {

class BreakdownView : public QWidget {
    Q_OBJECT
public:
    explicit BreakdownView(QWidget* parent = nullptr);
    void add(const RunSample& sample);
    void clear();
    void setTheme(const ChartTheme& t);
    const MessageBreakdown& breakdown() const { return breakdown_; }
    // One side as a sentence: "send: 713 ns a message = 72 user + 634 kernel + 8 off CPU; the
    // call 727 ns", or "" when not measured yet.
    static QString describe(const QString& side, const SideTime& s);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    MessageBreakdown breakdown_;
    bool stream_ = false;
    uint64_t lastIndex_ = 0;
    ChartTheme theme_;
};

} // namespace ipclab::ui
