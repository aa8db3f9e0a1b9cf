#include "lesson_controller.h"

#include <QAction>
#include <QLabel>
#include <QMenu>

namespace ipclab::ui {

LessonController::LessonController(const QString& language, QStringList* errors, QObject* parent)
    : QObject(parent), lessons_(LessonLibrary::load(LessonLibrary::kBuiltIn, language, errors)), banner_(new QLabel) {
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

} // namespace ipclab::ui
