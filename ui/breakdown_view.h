#pragma once
// "Where one message's time goes": for a stream, one bar per side (senders, receivers) and per
// lane, on one scale, split into CPU in user mode, CPU in the kernel (both the kernel's own
// accounting) and time off the CPU, per message since the start, with the send or receive call
// as our clocks measured it on a sample of messages. Redrawn twice a second: an average.
#include "chart_theme.h"
#include "ipclab/experiment/run_sample.h"

#include <QWidget>

#include <vector>

namespace ipclab::ui {

class BreakdownView : public QWidget {
    Q_OBJECT
public:
    explicit BreakdownView(QWidget* parent = nullptr);
    void add(const RunSample& sample);
    void clear();
    void setTheme(const ChartTheme& t);
    // The first lane's (the only one unless comparing).
    const MessageBreakdown& breakdown() const;
    // One side as a sentence: "713 ns a message = 72 ns user + 634 ns kernel + 8 ns off CPU; the
    // send call 727 ns", or "" when not measured yet.
    static QString describe(const SideTime& s, bool sending);
    QSize sizeHint() const override;

    // Where things go at a size: the caption only if the rows fit under it, the rows' font the
    // theme's unless the rows (a label, a bar and a sentence each) and the legend would not fit,
    // then smaller, just enough. `labels` and `lines`: each row's label and sentence.
    // Narrow and tall (presenter mode's chart column): stacked, each label above its bar and the
    // sentence under it wrapped, at the theme's font, where that fits the height.
    struct Layout {
        bool caption = true;
        double captionH = 0;  // the caption's wrapped height
        QFont rowFont;
        double top = 0;       // first row
        double rowH = 0, barH = 0, labelW = 0, barW = 0;
        double legendTop = 0; // the legend's first line
        double legendW = 0;   // from the first entry's left edge to the widest row's right end
        bool stacked = false;
        double sentenceH = 0; // stacked: the tallest wrapped sentence
        std::vector<double> legendX; // each legend entry's left edge and row (stacked: wrapped)
        std::vector<int> legendRow;
    };
    Layout layoutFor(QSize size, const QStringList& labels, const QStringList& lines) const;
    QString caption() const;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    struct Lane {
        QString transport;
        MessageBreakdown breakdown;
        bool operator==(const Lane&) const = default;
    };
    std::vector<Lane> lanes_;
    bool stream_ = false;
    uint64_t lastIndex_ = 0;
    ChartTheme theme_;
};

} // namespace ipclab::ui
