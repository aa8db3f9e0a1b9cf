#include "lesson_library.h"

#include <QStandardPaths>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ipclab::ui {

namespace {
QString localized(const QJsonObject& o, const QString& key, const QString& language) {
    QJsonObject texts = o.value(key).toObject();
    QString s = texts.value(language).toString();
    return s.isEmpty() ? texts.value("en").toString() : s;
}
} // namespace

std::optional<Lesson> LessonLibrary::parse(const QByteArray& json, const QString& id, const QString& language,
                                           QString* error) {
    auto fail = [&](const QString& why) -> std::optional<Lesson> {
        if (error) *error = why;
        return std::nullopt;
    };
    QJsonParseError pe;
    QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) return fail(QStringLiteral("not valid JSON at byte %1: %2").arg(pe.offset).arg(pe.errorString()));
    if (!doc.isObject()) return fail("not a JSON object");
    QJsonObject o = doc.object();

    Lesson l;
    l.id = id;
    l.title = localized(o, "title", language);
    l.claim = localized(o, "claim", language);
    l.watch = localized(o, "watch", language);
    for (const char* field : {"title", "claim", "watch"})
        if (localized(o, field, language).isEmpty())
            return fail(QStringLiteral("field \"%1\": needs a text, at least in English (\"en\")").arg(field));

    std::vector<std::string> args;
    for (const QJsonValue& v : o.value("args").toArray()) {
        if (!v.isString()) return fail("field \"args\": every argument must be a string");
        args.push_back(v.toString().toStdString());
    }
    try {
        l.config = ExperimentConfig::fromArgs(args);
        if (l.config.experiment == ExperimentKind::Sweep) fillSweepDefaults(l.config);
        l.config.validate();
    } catch (const std::exception& e) {
        return fail(QStringLiteral("field \"args\": %1").arg(QString::fromUtf8(e.what())));
    }
    if (o.contains("compare")) {
        auto t = transportFromString(o.value("compare").toString().toStdString());
        if (!t || !isMessagePassing(*t)) return fail("field \"compare\": must name a message-passing transport");
        l.compare = t;
    }
    return l;
}

QString LessonLibrary::userFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath("lessons");
}

QList<Lesson> LessonLibrary::load(const QString& dir, const QString& language, QStringList* errors) {
    QList<Lesson> out;
    const QFileInfoList files = QDir(dir).entryInfoList({"*.json", "*.ipclab-lesson"}, QDir::Files, QDir::Name);
    for (const QFileInfo& fi : files) {
        QFile f(fi.filePath());
        QString err;
        if (!f.open(QIODevice::ReadOnly)) err = QStringLiteral("cannot be read");
        else if (auto l = parse(f.readAll(), fi.completeBaseName(), language, &err)) out << *l;
        // The file and the field, so the lesson's author knows where to look.
        if (!err.isEmpty() && errors) *errors << QStringLiteral("%1: %2").arg(fi.filePath(), err);
    }
    return out;
}

} // namespace ipclab::ui
