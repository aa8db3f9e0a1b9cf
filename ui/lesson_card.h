#pragma once
// The lesson card, shown in place of the scene: Predict (the question and its answers, or
// Skip), Measure (progress of the lesson's experiments), Conclude (the verdict, painted as the
// exported report is). Text sizes follow the card's size, so presenter mode shows it large.
#include "lesson_session.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedLayout;
class QHBoxLayout;
class QTimer;

namespace ipclab::ui {

class VerdictView : public QWidget {
    Q_OBJECT
public:
    explicit VerdictView(QWidget* parent = nullptr) : QWidget(parent) {}
    void setResult(const LessonResult& r) {
        result_ = r;
        update();
    }
    const LessonResult& result() const { return result_; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    LessonResult result_;
};

class LessonCard : public QWidget {
    Q_OBJECT
public:
    enum class Page { Question, Measuring, Verdict };
    explicit LessonCard(QWidget* parent = nullptr);

    void ask(const Lesson& lesson, int number); // Predict
    void measuring(LessonSession* session, std::optional<double> prediction, const QString& predictionText);
    void conclude(const LessonResult& r);
    Page page() const { return page_; }
    const std::optional<LessonResult>& result() const { return result_; }
    QList<QPushButton*> choiceButtons() const { return choices_; }

signals:
    void answered(std::optional<double> prediction, const QString& text);
    void cancelRequested();
    void runLiveRequested();
    void exportRequested();
    void askAgainRequested();

protected:
    void resizeEvent(QResizeEvent*) override;

private:
    void setPage(Page p);
    void scaleFonts();
    void pollProgress();

    Page page_ = Page::Question;
    QStackedLayout* stack_;
    QLabel* heading_;
    QLabel* question_;
    QHBoxLayout* choiceRow_;
    QList<QPushButton*> choices_;
    QPushButton* skip_;
    QLabel* hint_;
    QList<QPushButton*> verdictButtons_;
    QLabel* measuringText_;
    QProgressBar* progress_;
    QLabel* stepText_;
    VerdictView* verdict_;
    QTimer* poll_;
    LessonSession* session_ = nullptr;
    std::optional<LessonResult> result_;
};

} // namespace ipclab::ui
