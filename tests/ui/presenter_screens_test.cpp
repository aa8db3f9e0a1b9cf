// Presenter mode's text follows the screen the window is on: a lecturer starts presenter mode on
// the laptop (720 lines) and moves the window to the projector (1080 lines), or back. Run on the
// offscreen platform with two screens (two_screens.json).
#include "chart_key.h"
#include "chart_tabs.h"
#include "main_window.h"
#include "time_chart.h"

#include <QApplication>
#include <QScreen>
#include <QWindow>
#include <QtTest>

using namespace ipclab::ui;

class PresenterScreensTest : public QObject {
    Q_OBJECT
private slots:
    void textFollowsTheScreen() {
        const QList<QScreen*> screens = QGuiApplication::screens();
        QCOMPARE(screens.size(), 2); // (the platform's configfile)
        QScreen* laptop = screens[0];
        QScreen* projector = screens[1];
        QCOMPARE(laptop->geometry().height(), 720);
        QCOMPARE(projector->geometry().height(), 1080);

        MainWindow w;
        w.setGeometry(QRect(laptop->geometry().topLeft() + QPoint(20, 20), QSize(1200, 680)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.screen(), laptop);
        const double normalPt = QApplication::font().pointSizeF();
        TimeChart* chart = w.charts()->allTimeCharts().front();

        w.setPresenterMode(true);
        const double laptopPt = QApplication::font().pointSizeF();
        const double laptopChartPt = chart->key()->font().pointSizeF();
        QVERIFY2(laptopPt > normalPt, qPrintable(QString("%1 vs %2").arg(laptopPt).arg(normalPt)));

        w.windowHandle()->setScreen(projector);
        QTRY_COMPARE(w.screen(), projector);
        // 1080 lines against 720: everything presenter mode enlarged, 1.5x more.
        QTRY_VERIFY2(std::abs(QApplication::font().pointSizeF() / laptopPt - 1.5) < 0.02,
                     qPrintable(QString::number(QApplication::font().pointSizeF())));
        QVERIFY2(std::abs(chart->key()->font().pointSizeF() / laptopChartPt - 1.5) < 0.02,
                 qPrintable(QString::number(chart->key()->font().pointSizeF())));
        QCOMPARE(w.geometry(), projector->geometry()); // the whole of the new screen

        w.windowHandle()->setScreen(laptop);
        QTRY_COMPARE(w.screen(), laptop);
        QTRY_COMPARE(QApplication::font().pointSizeF(), laptopPt);
        QCOMPARE(chart->key()->font().pointSizeF(), laptopChartPt);

        // Out of presenter mode a move changes nothing.
        w.setPresenterMode(false);
        QCOMPARE(QApplication::font().pointSizeF(), normalPt);
        w.windowHandle()->setScreen(projector);
        QTRY_COMPARE(w.screen(), projector);
        QCOMPARE(QApplication::font().pointSizeF(), normalPt);
    }
};

QTEST_MAIN(PresenterScreensTest)
#include "presenter_screens_test.moc"
