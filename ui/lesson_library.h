#pragma once
// Lesson presets: one JSON file per lesson in resources/lessons (compiled into the app). Each
// quotes a claim of the course material, says what to watch, and carries the experiment as the
// same argument list the CLI takes, so a lesson can only ask for what the core validates.
#include "ipclab/experiment/run_sample.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ipclab::ui {

struct Lesson {
    QString id;    // file name without .json; lessons are listed in id order
    QString title; // in the requested language (English if that one is missing)
    QString claim;
    QString watch;
    ExperimentConfig config;
    std::optional<TransportKind> compare; // a second, message-passing lane
};

class LessonLibrary {
public:
    static constexpr const char* kBuiltIn = ":/lessons";
    // A lecturer's own lessons: <user data>/lessons (e.g. ~/.local/share/IPC Lab/ipclab/lessons),
    // *.json or *.ipclab-lesson, listed after the built-in ones.
    static QString userFolder();

    // Parses one lesson; on failure returns nullopt and one sentence in *error naming the field.
    static std::optional<Lesson> parse(const QByteArray& json, const QString& id, const QString& language, QString* error);
    // Every *.json and *.ipclab-lesson in `dir`, sorted by name. Broken files are skipped and
    // reported in *errors as "<file>: field "<name>": <why>".
    static QList<Lesson> load(const QString& dir, const QString& language, QStringList* errors = nullptr);
};

} // namespace ipclab::ui
