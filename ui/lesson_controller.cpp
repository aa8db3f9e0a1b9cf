#include "lesson_controller.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>

#include <algorithm>

namespace ipclab::ui {

LessonController::LessonController(const QString& language, QStringList* errors, QObject* parent)
    : QObject(parent), lessons_(LessonLibrary::builtIn(language)), language_(language),
      banner_(new QLabel) {
    lessons_ << LessonLibrary::load(LessonLibrary::userFolder(), language, errors); // a lecturer's own, after ours
    banner_->setObjectName("lesson-banner");
    banner_->setWordWrap(true);
    banner_->setTextFormat(Qt::RichText);
    banner_->setStyleSheet("QLabel#lesson-banner { background: #fff8dc; color: #222; border: 1px solid #d8c27a; "
                           "border-radius: 4px; padding: 6px; }");
    banner_->setToolTip(tr("The claim of the course material this lesson checks, and what to watch. Lessons menu: hide it"));
    banner_->hide();
}

void LessonController::populate(QMenu* menu) {
    for (int i = 0; i < lessons_.size(); ++i) {
        QAction* a = menu->addAction(tr("%1. %2").arg(i + 1).arg(lessons_[i].title), this, [this, i] { emit lessonChosen(i); });
        a->setToolTip(lessons_[i].claim);
        if (i < 9) a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    if (lessons_.isEmpty()) menu->addAction(tr("No lessons found"))->setEnabled(false);
    menu->addSeparator();
    // A presentation clicker sends Page Down / Page Up: the lessons follow it like slides.
    QAction* next = menu->addAction(tr("&Next lesson"), this, [this] {
        if (!lessons_.isEmpty()) emit lessonChosen(std::min(current_ + 1, static_cast<int>(lessons_.size()) - 1));
    });
    next->setShortcut(Qt::Key_PageDown);
    QAction* previous = menu->addAction(tr("&Previous lesson"), this, [this] {
        if (!lessons_.isEmpty()) emit lessonChosen(std::max(current_ - 1, 0));
    });
    previous->setShortcut(Qt::Key_PageUp);
    for (QAction* a : {next, previous}) a->setShortcutContext(Qt::ApplicationShortcut);
    menu->addAction(tr("&Hide lesson text"), this, &LessonController::hideBanner);
}

void LessonController::show(int index) {
    if (index < 0 || index >= lessons_.size()) return;
    const Lesson& l = lessons_[index];
    current_ = index;
    banner_->setText(tr("<b>Lesson %1 · %2</b><br>“%3” <i>(course material)</i><br><b>Watch:</b> %4")
                         .arg(index + 1)
                         .arg(l.title.toHtmlEscaped(), l.claim.toHtmlEscaped(), l.watch.toHtmlEscaped()));
    banner_->show();
}

void LessonController::hideBanner() { banner_->hide(); }

bool LessonController::bannerShown() const { return !banner_->isHidden(); }

bool LessonController::isAbout(const ExperimentConfig& c, std::optional<TransportKind> compare) const {
    if (current_ < 0 || current_ >= lessons_.size()) return false;
    const Lesson& l = lessons_[current_];
    return l.config.experiment == c.experiment && l.compare.has_value() == compare.has_value();
}

int LessonController::addFromFile(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("Cannot open %1: %2").arg(path, f.errorString());
        return -1;
    }
    if (f.size() > 1024 * 1024) {
        if (error) *error = tr("%1 is too large to be a lesson").arg(path);
        return -1;
    }
    QString why;
    auto lesson = LessonLibrary::parse(f.readAll(), QFileInfo(path).completeBaseName(), language_, &why);
    if (!lesson) {
        if (error) *error = tr("%1 is not a lesson: %2").arg(QFileInfo(path).fileName(), why);
        return -1;
    }
    lessons_ << *lesson;
    return static_cast<int>(lessons_.size()) - 1;
}

} // namespace ipclab::ui
