#include "lesson_library.h"

#include "ipclab/lesson/lesson.h"
#include "ipclab/lesson/verdict.h"

#include <QDir>
#include <QStandardPaths>

namespace ipclab::ui {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

QString describeStep(const LessonStep& s) {
    const ExperimentConfig& c = s.config;
    QString what = q(std::string(toString(c.experiment)));
    if (c.experiment == ExperimentKind::Stream || c.experiment == ExperimentKind::PingPong)
        what += QStringLiteral(" · %1 · %2").arg(q(std::string(toString(c.transport))), q(formatSize(c.messageSize)));
    if (c.experiment == ExperimentKind::Race) what += QStringLiteral(" · %1 workers · sync %2").arg(c.workers).arg(q(std::string(toString(c.sync))));
    return QStringLiteral("%1: %2").arg(q(s.name), what);
}

Lesson view(const ipclab::Lesson& l, const QString& language) {
    std::string lang = language.toStdString();
    Lesson v;
    v.id = q(l.id);
    v.title = q(l.title.in(lang));
    v.claim = q(l.claim.in(lang));
    v.watch = q(l.watch.in(lang));
    v.question = q(l.question.in(lang));
    for (const Choice& c : l.choices) {
        QString label = q(c.label.in(lang));
        v.choices << LessonChoice{c.value, label.isEmpty() ? q(formatValue(c.value, unitIn(l.verdict.unit, lang))) : label};
    }
    for (const LessonStep& s : l.measure) v.steps << describeStep(s);
    v.config = l.config;
    v.compare = l.compare;
    v.data = std::make_shared<const ipclab::Lesson>(l);
    return v;
}
} // namespace

QList<Lesson> LessonLibrary::builtIn(const QString& language) {
    QList<Lesson> out;
    for (const auto& l : builtinLessons()) out << view(l, language);
    return out;
}

std::optional<Lesson> LessonLibrary::parse(const QByteArray& json, const QString& id, const QString& language, QString* error) {
    try {
        return view(parseLesson(std::string_view(json.constData(), static_cast<std::size_t>(json.size())), id.toStdString()), language);
    } catch (const LessonError& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

QString LessonLibrary::userFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath("lessons");
}

QList<Lesson> LessonLibrary::load(const QString& dir, const QString& language, QStringList* errors) {
    std::vector<std::string> errs;
    QList<Lesson> out;
    for (const auto& l : loadLessonFolder(dir.toStdString(), &errs)) out << view(l, language);
    if (errors)
        for (const auto& e : errs) *errors << QString::fromStdString(e);
    return out;
}

} // namespace ipclab::ui
