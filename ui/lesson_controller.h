#pragma once
// The lessons: the built-in presets (LessonLibrary), which one is set up, and the banner above
// the scene that quotes its claim and says what to watch. The window applies a lesson's config;
// this class only knows the lessons and shows one.
#include "lesson_library.h"

#include <QObject>

class QLabel;
class QMenu;

namespace ipclab::ui {

class LessonController : public QObject {
    Q_OBJECT
public:
    // Loads the built-in lessons in `language`; broken ones are listed in *errors.
    LessonController(const QString& language, QStringList* errors, QObject* parent = nullptr);
    // The file type of a lesson of one's own (registered as application/x-ipclab-lesson).
    static constexpr const char* kFileSuffix = "ipclab-lesson";

    const QList<Lesson>& lessons() const { return lessons_; }
    int current() const { return current_; }
    const QString& language() const { return language_; }
    QLabel* banner() const { return banner_; }
    // Adds one entry per lesson (Ctrl+1 … Ctrl+9) and "Hide lesson text" to `menu`.
    void populate(QMenu* menu);
    // Shows lesson `index` in the banner and makes it the current one.
    void show(int index);
    // Adds a lesson from a file (a lecturer's own, *.ipclab-lesson: the same JSON as the built-in
    // ones). Returns its index, or -1 with one sentence in *error.
    int addFromFile(const QString& path, QString* error);
    void hideBanner();
    // Whether the banner's lesson is about a run of `c` (with a compare lane `compare`): the same
    // experiment, with or without a second lane as the lesson has. What it says to watch is then
    // on screen; other settings (sync, transport, sizes) are what a student is invited to change.
    bool isAbout(const ExperimentConfig& c, std::optional<TransportKind> compare) const;
    bool bannerShown() const;

signals:
    void lessonChosen(int index);

private:
    QList<Lesson> lessons_;
    QString language_;
    int current_ = -1;
    QLabel* banner_; // owned by the layout it is put into
};

} // namespace ipclab::ui
