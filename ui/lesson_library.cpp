#include "lesson_library.h"

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
        if (error) *error = QStringLiteral("lesson %1: %2").arg(id, why);
        return std::nullopt;
    };
    QJsonParseError pe;
    QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) return fail(pe.errorString());
    if (!doc.isObject()) return fail("not a JSON object");
    QJsonObject o = doc.object();

    Lesson l;
    l.id = id;
    l.title = localized(o, "title", language);
    l.claim = localized(o, "claim", language);
    l.watch = localized(o, "watch", language);
    if (l.title.isEmpty() || l.claim.isEmpty() || l.watch.isEmpty()) return fail("needs title, claim and watch texts in English");

    std::vector<std::string> args;
    for (const QJsonValue& v : o.value("args").toArray()) {
        if (!v.isString()) return fail("args must be strings");
        args.push_back(v.toString().toStdString());
    }
    try {
        l.config = ExperimentConfig::fromArgs(args);
        if (l.config.experiment == ExperimentKind::Sweep) fillSweepDefaults(l.config);
        l.config.validate();
    } catch (const std::exception& e) {
        return fail(QString::fromUtf8(e.what()));
    }
    if (o.contains("compare")) {
        auto t = transportFromString(o.value("compare").toString().toStdString());
        if (!t || !isMessagePassing(*t)) return fail("compare must name a message-passing transport");
        l.compare = t;
    }
    return l;
}

QList<Lesson> LessonLibrary::load(const QString& dir, const QString& language, QStringList* errors) {
    QList<Lesson> out;
    const QFileInfoList files = QDir(dir).entryInfoList({"*.json"}, QDir::Files, QDir::Name);
    for (const QFileInfo& fi : files) {
        QFile f(fi.filePath());
        QString err;
        if (!f.open(QIODevice::ReadOnly)) err = QStringLiteral("lesson %1: cannot be read").arg(fi.completeBaseName());
        else if (auto l = parse(f.readAll(), fi.completeBaseName(), language, &err)) out << *l;
        if (!err.isEmpty() && errors) *errors << err;
    }
    return out;
}

} // namespace ipclab::ui
