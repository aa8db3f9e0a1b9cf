#include "replay_bar.h"

#include "replay_controller.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ipclab::ui {

ReplayBar::ReplayBar(ReplayController* replay, QWidget* parent) : QWidget(parent), replay_(replay) {
    setObjectName("replay-bar");
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(225, 235, 250));
    setPalette(pal);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 4, 8, 4);
    banner_ = new QLabel;
    banner_->setWordWrap(true);
    banner_->setTextFormat(Qt::RichText);
    v->addWidget(banner_);
    auto* h = new QHBoxLayout;
    auto button = [&](QStyle::StandardPixmap icon, const QString& tip, auto slot) {
        auto* b = new QToolButton;
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, replay_, slot);
        h->addWidget(b);
        return b;
    };
    button(QStyle::SP_MediaSkipBackward, tr("Previous mark (sync switched, worker killed, …)"), &ReplayController::previousMark);
    button(QStyle::SP_MediaSeekBackward, tr("One sample back (Left)"), &ReplayController::stepBack);
    play_ = button(QStyle::SP_MediaPlay, tr("Play / pause (Space)"), &ReplayController::togglePlay);
    button(QStyle::SP_MediaSeekForward, tr("One sample forward (Right)"), &ReplayController::stepForward);
    button(QStyle::SP_MediaSkipForward, tr("Next mark"), &ReplayController::nextMark);
    slider_ = new QSlider(Qt::Horizontal);
    slider_->setToolTip(tr("Where in the recording: drag to jump"));
    h->addWidget(slider_, 1);
    connect(slider_, &QSlider::valueChanged, replay_, [this](int v) {
        if (v != replay_->position()) replay_->seek(v);
    });
    time_ = new QLabel;
    time_->setMinimumWidth(time_->fontMetrics().horizontalAdvance("000.0 / 000.0 s") + 8);
    h->addWidget(time_);
    speed_ = new QComboBox;
    for (double s : {0.25, 0.5, 1.0, 2.0, 4.0}) speed_->addItem(tr("%1×").arg(s), s);
    speed_->setCurrentIndex(2);
    speed_->setToolTip(tr("Replay speed"));
    connect(speed_, &QComboBox::currentIndexChanged, replay_, [this] { replay_->setSpeed(speed_->currentData().toDouble()); });
    h->addWidget(speed_);
    auto* close = new QToolButton;
    close->setText(tr("Close replay"));
    close->setToolTip(tr("Back to live runs"));
    connect(close, &QToolButton::clicked, this, &ReplayBar::closeRequested);
    h->addWidget(close);
    v->addLayout(h);
    connect(replay_, &ReplayController::positionChanged, this, &ReplayBar::refresh);
    connect(replay_, &ReplayController::playingChanged, this, &ReplayBar::refresh);
    connect(replay_, &ReplayController::opened, this, &ReplayBar::refresh);
}

QString ReplayBar::bannerText() const {
    const Recording* r = replay_->recording();
    if (!r) return {};
    const RecordingInfo& i = r->info();
    QString text = tr("<b>Replay</b> of %1, recorded %2 on %3 (%4, %5 CPUs, %6). No worker runs: every number is "
                      "the one measured then.")
                       .arg(QFileInfo(QString::fromStdString(r->path())).fileName().toHtmlEscaped(),
                            QString::fromStdString(i.createdUtc).toHtmlEscaped(), QString::fromStdString(i.host).toHtmlEscaped(),
                            QString::fromStdString(i.cpuModel).toHtmlEscaped())
                       .arg(i.cpus)
                       .arg(QString::fromStdString(i.kernel).toHtmlEscaped());
    if (const Recording* c = replay_->compared()) {
        const RecordingInfo& j = c->info();
        text += " " + tr("Beside it: %1, recorded %2 on %3 (%4, %5 CPUs).")
                          .arg(QFileInfo(QString::fromStdString(c->path())).fileName().toHtmlEscaped(),
                               QString::fromStdString(j.createdUtc).toHtmlEscaped(), QString::fromStdString(j.host).toHtmlEscaped(),
                               QString::fromStdString(j.cpuModel).toHtmlEscaped())
                          .arg(j.cpus);
    }
    return text;
}

void ReplayBar::refresh() {
    banner_->setText(bannerText());
    {
        QSignalBlocker block(slider_);
        slider_->setRange(0, std::max(0, replay_->count() - 1));
        slider_->setValue(std::max(0, replay_->position()));
    }
    time_->setText(tr("%1 / %2 s").arg(replay_->timeAt(replay_->position()), 0, 'f', 1).arg(replay_->duration(), 0, 'f', 1));
    play_->setIcon(style()->standardIcon(replay_->playing() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

} // namespace ipclab::ui
