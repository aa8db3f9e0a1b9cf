#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace ipclab::ui {

namespace {
constexpr const char* kKey = "view/language";
}

QString Translations::saved() {
    QString code = QSettings().value(kKey).toString();
    return available().contains(code) ? code : QString();
}

void Translations::save(const QString& code) { QSettings().setValue(kKey, available().contains(code) ? code : QString()); }

QStringList Translations::withoutLanguage(const QStringList& args) {
    QStringList out;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" || args[i] == "-lang") ++i; // and its value
        else if (!args[i].startsWith("--lang=") && !args[i].startsWith("-lang=")) out << args[i];
    }
    return out;
}

QString Translations::install(const QString& requested, QString* warning) {
    QString code = requested.isEmpty() ? saved() : requested;
    if (code.isEmpty()) code = QLocale::system().name().left(2);
    if (!available().contains(code)) {
        if (warning && !requested.isEmpty())
            *warning = QStringLiteral("unknown language '%1' (use %2); using English").arg(requested, available().join(", "));
        code = "en";
    }
    if (code != "en") {
        // Parented to the application: they live as long as it does.
        auto* app = new QTranslator(QCoreApplication::instance());
        if (app->load(QStringLiteral(":/i18n/ipclab_%1.qm").arg(code))) {
            QCoreApplication::installTranslator(app);
            // Qt's own words (OK, Cancel, file dialogs), when Debian's qt6-translations-l10n is installed.
            auto* qt = new QTranslator(QCoreApplication::instance());
            if (qt->load(QLocale(code), "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(qt);
        } else {
            if (warning) *warning = QStringLiteral("the %1 translation is missing from this build; using English").arg(code);
            code = "en"; // no half-translated window: Qt's dialogs stay English too
        }
    }
    QLocale::setDefault(QLocale(code == "ko" ? QLocale::Korean : QLocale::English));
    return code;
}

} // namespace ipclab::ui
