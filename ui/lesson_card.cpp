#include "lesson_card.h"
#include "lesson_report.h"

#include <QFontMetricsF>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedLayout>
#include <QTimer>
#include <QVBoxLayout>

namespace ipclab::ui {

void VerdictView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintLessonReport(p, QRectF(rect()), result_);
}

namespace {
QLabel* wrapped(const QString& objectName) {
    auto* l = new QLabel;
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignCenter);
    return l;
}
} // namespace

LessonCard::LessonCard(QWidget* parent) : QWidget(parent), stack_(new QStackedLayout(this)), poll_(new QTimer(this)) {
    setObjectName("lesson-card");
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor("#fffdf5"));
    pal.setColor(QPalette::WindowText, QColor("#1a1a1a"));
    setPalette(pal);

    // Predict.
    auto* ask = new QWidget;
    auto* askLayout = new QVBoxLayout(ask);
    heading_ = wrapped("lesson-heading");
    question_ = wrapped("lesson-question");
    choiceRow_ = new QHBoxLayout;
    skip_ = new QPushButton(tr("Skip the question"));
    skip_->setObjectName("lesson-skip");
    skip_->setToolTip(tr("Measure without a prediction"));
    connect(skip_, &QPushButton::clicked, this, [this] { emit answered(std::nullopt, QString()); });
    hint_ = wrapped("lesson-hint");
    auto* hint = hint_;
    hint->setText(tr("Predict first: pick an answer, then IPC Lab measures it on this machine."));
    askLayout->addStretch(1);
    askLayout->addWidget(heading_);
    askLayout->addWidget(question_);
    askLayout->addSpacing(12);
    askLayout->addLayout(choiceRow_);
    askLayout->addWidget(hint);
    askLayout->addWidget(skip_, 0, Qt::AlignCenter);
    askLayout->addStretch(1);
    stack_->addWidget(ask);

    // Measure.
    auto* measure = new QWidget;
    auto* measureLayout = new QVBoxLayout(measure);
    measuringText_ = wrapped("lesson-measuring");
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    stepText_ = wrapped("lesson-step");
    auto* cancel = new QPushButton(tr("Cancel"));
    connect(cancel, &QPushButton::clicked, this, &LessonCard::cancelRequested);
    verdictButtons_ << cancel;
    measureLayout->addStretch(1);
    measureLayout->addWidget(measuringText_);
    measureLayout->addWidget(progress_);
    measureLayout->addWidget(stepText_);
    measureLayout->addWidget(cancel, 0, Qt::AlignCenter);
    measureLayout->addStretch(1);
    stack_->addWidget(measure);

    // Conclude.
    auto* conclude = new QWidget;
    auto* concludeLayout = new QVBoxLayout(conclude);
    concludeLayout->setContentsMargins(0, 0, 0, 4);
    verdict_ = new VerdictView;
    verdict_->setObjectName("lesson-verdict");
    auto* buttons = new QHBoxLayout;
    auto* live = new QPushButton(tr("Run it live"));
    live->setToolTip(tr("Show the lesson's experiment in the scene and the charts (Space)"));
    auto* report = new QPushButton(tr("Export report…"));
    report->setToolTip(tr("The verdict on one page, as PDF or PNG, for a slide or to hand in"));
    auto* again = new QPushButton(tr("Ask again"));
    connect(live, &QPushButton::clicked, this, &LessonCard::runLiveRequested);
    connect(report, &QPushButton::clicked, this, &LessonCard::exportRequested);
    connect(again, &QPushButton::clicked, this, &LessonCard::askAgainRequested);
    buttons->addStretch(1);
    for (auto* b : {live, report, again}) {
        buttons->addWidget(b);
        verdictButtons_ << b;
    }
    buttons->addStretch(1);
    concludeLayout->addWidget(verdict_, 1);
    concludeLayout->addLayout(buttons);
    stack_->addWidget(conclude);

    poll_->setInterval(100); // progress is polled at a fixed rate, never pushed per event
    connect(poll_, &QTimer::timeout, this, &LessonCard::pollProgress);
}

void LessonCard::ask(const Lesson& lesson, int number) {
    result_.reset();
    heading_->setText(tr("Lesson %1 · %2").arg(number).arg(lesson.title));
    question_->setText(lesson.question);
    // Rebuild the row: a stretch, one button per answer, a stretch.
    while (QLayoutItem* item = choiceRow_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    choices_.clear();
    choiceRow_->addStretch(1);
    int i = 0;
    for (const LessonChoice& c : lesson.choices) {
        auto* b = new QPushButton(c.text);
        b->setObjectName(QStringLiteral("choice-%1").arg(i++));
        b->setToolTip(tr("Your prediction: %1").arg(c.text));
        connect(b, &QPushButton::clicked, this, [this, c] { emit answered(c.value, c.text); });
        choiceRow_->addWidget(b);
        choices_ << b;
    }
    choiceRow_->addStretch(1);
    setPage(Page::Question);
}

void LessonCard::measuring(LessonSession* session, std::optional<double> prediction, const QString& predictionText) {
    session_ = session;
    measuringText_->setText(prediction ? tr("%1\n\nYour prediction: %2. Measuring on this machine…").arg(question_->text(), predictionText)
                                       : tr("%1\n\nMeasuring on this machine…").arg(question_->text()));
    progress_->setValue(0);
    stepText_->clear();
    setPage(Page::Measuring);
    poll_->start();
}

void LessonCard::conclude(const LessonResult& r) {
    poll_->stop();
    session_ = nullptr;
    result_ = r;
    verdict_->setResult(r);
    setPage(Page::Verdict);
}

void LessonCard::pollProgress() {
    if (!session_ || !session_->running()) return;
    auto p = session_->progress();
    progress_->setValue(qRound(p.fraction() * 1000));
    stepText_->setText(tr("Step %1 of %2: %3 (%4 s of %5 s)")
                           .arg(p.step + 1)
                           .arg(p.steps)
                           .arg(p.stepName)
                           .arg(p.elapsed, 0, 'f', 1)
                           .arg(p.length, 0, 'f', 1));
}

void LessonCard::setPage(Page p) {
    page_ = p;
    stack_->setCurrentIndex(static_cast<int>(p));
    if (p != Page::Measuring) poll_->stop();
    scaleFonts();
}

void LessonCard::resizeEvent(QResizeEvent*) { scaleFonts(); }

// Read from the back row: the question is about a 17th of the card's height, at least 20 px.
void LessonCard::scaleFonts() {
    const qreal u = std::max(20.0, std::min(height() / 17.0, width() / 30.0));
    auto px = [](QWidget* w, qreal size, bool bold) {
        QFont f = w->font();
        f.setPixelSize(qRound(size));
        f.setBold(bold);
        w->setFont(f);
    };
    px(heading_, u * 0.8, false);
    px(question_, u, true);
    px(measuringText_, u * 0.8, false);
    px(stepText_, u * 0.6, false);
    px(hint_, u * 0.5, false);
    // Buttons as wide as their text and some room (a Korean label is wider than the style's guess).
    for (auto* b : verdictButtons_ + QList<QPushButton*>{skip_}) {
        px(b, u * 0.55, false);
        b->setMinimumWidth(qRound(QFontMetricsF(b->font()).horizontalAdvance(b->text()) + u));
    }
    for (auto* b : choices_) {
        px(b, u * 0.9, true);
        b->setMinimumHeight(qRound(u * 1.8));
        b->setMinimumWidth(qRound(u * 3));
    }
    progress_->setMinimumHeight(qRound(u * 0.6));
}

} // namespace ipclab::ui
