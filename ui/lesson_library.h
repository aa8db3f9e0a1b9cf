#pragma once
// The lessons as the window shows them: the core's lessons (core/lesson: question, choices,
// measured experiments, verdict rule) with their texts in the user's language. This file and
// lesson_session.cpp are the UI's doors to the lesson core, as run_controller.cpp is to runs.
#include "ipclab/experiment/run_sample.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ipclab {
struct Lesson;
}

namespace ipclab::ui {

struct LessonChoice {
    double value = 0;
    QString text; // the label, or the number with its unit ("10x")
};

struct Lesson {
    QString id;    // file name without its extension; lessons are listed in id order
    QString title; // in the requested language (English if that one is missing)
    QString claim;
    QString watch;
    QString question;
    QList<LessonChoice> choices;
    QStringList steps; // what is measured, one line per experiment ("shm: stream over shared memory, 64 B")
    ExperimentConfig config;              // shown live
    std::optional<TransportKind> compare; // a second, message-passing lane
    std::shared_ptr<const ipclab::Lesson> data; // for the measurement and the verdict
};

class LessonLibrary {
public:
    // A lecturer's own lessons: <user data>/lessons (e.g. ~/.local/share/IPC Lab/ipclab/lessons),
    // *.json or *.ipclab-lesson, listed after the built-in ones.
    static QString userFolder();

    // The lessons that ship with IPC Lab.
    static QList<Lesson> builtIn(const QString& language);
    // Parses one lesson; on failure returns nullopt and one sentence in *error naming the field.
    static std::optional<Lesson> parse(const QByteArray& json, const QString& id, const QString& language, QString* error);
    // Every *.json and *.ipclab-lesson in `dir`, sorted by name. Broken files are skipped and
    // reported in *errors as "<file>: field "<name>": <why>".
    static QList<Lesson> load(const QString& dir, const QString& language, QStringList* errors = nullptr);
};

} // namespace ipclab::ui
