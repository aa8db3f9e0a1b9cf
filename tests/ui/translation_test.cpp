// Korean, the language of the course material: every user-visible string of the window (and
// every word it borrows from the core) has a translation, and the window really shows them.
#include "core_text.h"
#include "hangul.h"
#include "lesson_library.h"
#include "chart_tabs.h"
#include "experiment_panel.h"
#include "lesson_controller.h"
#include "main_window.h"
#include "process_panel.h"
#include "qt_text.h"
#include "translations.h"

#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace ipclab;
using namespace ipclab::ui;

namespace {

struct Message {
    QString context, source;
    bool numerus = false;
};

// The messages lupdate finds in the UI sources right now (not the committed .ts).
QList<Message> scanSources(QString* error) {
    QTemporaryDir dir;
    QString ts = dir.filePath("scan.ts");
    QProcess p;
    p.start(qEnvironmentVariable("IPCLAB_LUPDATE"), {"-silent", "-locations", "none", qEnvironmentVariable("IPCLAB_UI_SOURCES"), "-ts", ts});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = "lupdate failed: " + QString::fromLocal8Bit(p.readAllStandardError());
        return {};
    }
    QFile f(ts);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QList<Message> out;
    QXmlStreamReader x(&f);
    QString context;
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement) continue;
        if (x.name() == u"name") context = x.readElementText();
        else if (x.name() == u"message") out.append({context, {}, x.attributes().value("numerus") == u"yes"});
        else if (x.name() == u"source" && !out.isEmpty()) out.last().source = x.readElementText();
    }
    return out;
}
} // namespace

class TranslationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("IPC Lab Tests");
        QCoreApplication::setApplicationName("ipclab-translation-tests");
        QSettings().clear();
    }

    void savedChoiceIsValidated() {
        Translations::save("ko");
        QCOMPARE(Translations::saved(), QString("ko"));
        Translations::save("klingon");
        QCOMPARE(Translations::saved(), QString());
        QSettings().setValue("view/language", "../../etc/passwd");
        QCOMPARE(Translations::saved(), QString());
        QSettings().clear();
    }

    void restartDropsTheLanguageArgument() {
        QCOMPARE(Translations::withoutLanguage({"--lang", "ko", "--foo"}), QStringList{"--foo"});
        QCOMPARE(Translations::withoutLanguage({"--lang=en", "x"}), QStringList{"x"});
        QCOMPARE(Translations::withoutLanguage({"--bench-ui", "--seconds", "3"}), (QStringList{"--bench-ui", "--seconds", "3"}));
    }

    void everyUiStringHasAKoreanTranslation() {
        QTranslator ko;
        QVERIFY(ko.load(":/i18n/ipclab_ko.qm"));
        QString error;
        const QList<Message> messages = scanSources(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 200);
        QStringList missing;
        for (const Message& m : messages) {
            QString t = ko.translate(m.context.toUtf8(), m.source.toUtf8(), nullptr, m.numerus ? 2 : -1);
            if (t.isEmpty()) missing << m.context + ": " + m.source;
        }
        QVERIFY2(missing.isEmpty(), qPrintable("not translated (run `ninja update_translations` and translate):\n" + missing.join('\n')));
        // The core's words are listed by hand in core_text.cpp: each must be there and translated.
        QStringList core = coreStrings();
        for (TransportKind k : allTransports()) QVERIFY(core.contains(toQString(displayName(k))) && core.contains(toQString(explanation(k))));
        for (SyncMode m : allSyncModes()) QVERIFY(core.contains(toQString(explanation(m))));
        for (const QString& s : core) QVERIFY2(!ko.translate("core", s.toUtf8()).isEmpty(), qPrintable(s));
    }

    void unknownLanguageFallsBackToEnglish() {
        QString warning;
        QCOMPARE(Translations::install("xx", &warning), QString("en"));
        QVERIFY(warning.contains("unknown language"));
        MainWindow w;
        QCOMPARE(w.menuBar()->actions().first()->text(), QString("&File"));
    }

    void koreanWindowShowsKorean() {
        QString warning;
        QCOMPARE(Translations::install("ko", &warning), QString("ko"));
        QVERIFY2(warning.isEmpty(), qPrintable(warning));
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QCOMPARE(w.menuBar()->actions().first()->text(), QString::fromUtf8("파일(&F)"));
        QStringList buttons;
        for (auto* b : w.findChildren<QPushButton*>()) buttons << b->text();
        QVERIFY2(buttons.contains(QString::fromUtf8("시작")), qPrintable(buttons.join(',')));
        QCOMPARE(nameOf(TransportKind::SharedMemory), QString::fromUtf8("공유메모리"));
        // Lessons follow the language too: the banner quotes the Korean course material.
        QVERIFY(!w.lessons()->lessons().isEmpty());
        w.applyLesson(0);
        QVERIFY(hasHangul(w.lessons()->banner()->text()));
        QVERIFY(w.lessons()->banner()->text().contains(QString::fromUtf8("레슨 1")));
    }

    void cleanupTestCase() { QSettings().clear(); }
};

QTEST_MAIN(TranslationTest)
#include "translation_test.moc"
