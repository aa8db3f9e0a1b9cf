#pragma once
// The window's language: English (the source strings) or Korean (the course material's own
// language). Chosen once at start-up: --lang, else the saved setting, else the system locale.
#include <QString>
#include <QStringList>

namespace ipclab::ui {

class Translations {
public:
    // Language codes the app has translations for; "en" needs none.
    static QStringList available() { return {"en", "ko"}; }
    // Empty `requested` means: the saved setting, else the system locale. Installs the app's and
    // Qt's own translators on the application, sets the default QLocale (lessons follow it) and
    // returns the language in use. An unknown code falls back to English and says so in *warning.
    static QString install(const QString& requested, QString* warning = nullptr);
    static QString saved();              // "" = follow the system
    static void save(const QString& code); // takes effect at the next start
    // Command-line arguments for a restart: without --lang, so the saved choice decides.
    static QStringList withoutLanguage(const QStringList& args);
};

} // namespace ipclab::ui
