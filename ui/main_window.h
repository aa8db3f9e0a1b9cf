#pragma once
// The IPC Lab window: controls on the left (experiment, transport, the sync switch, counts,
// size, rate, Start/Pause/Stop, kill worker, the process table), the live flow scene and the
// charts on the right. It only edits an ExperimentConfig and reads sampled telemetry through
// the RunController; it never sees individual messages.
#include "chart_exporter.h"
#include "chart_theme.h"
#include "ipclab/experiment/run_sample.h"
#include "lesson_library.h"

#include <QMainWindow>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace ipclab::ui {

class FlowView;
class ProcessTableModel;
class RunController;
class SweepChart;
class SyncSwitch;
class TimeChart;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The config the controls describe right now (validated by the core on Start).
    ExperimentConfig config() const;
    void setConfig(const ExperimentConfig& c);
    void setCompare(bool on, TransportKind other);

    RunController& controller() const { return *controller_; }
    QList<Exportable> exportables() const;
    TimeChart* throughputChart() const { return throughput_; }
    TimeChart* contentionChart() const { return contention_; }
    TimeChart* integrityChart() const { return integrity_; }
    TimeChart* latencyChart() const { return latency_; }
    SweepChart* sweepChart() const { return sweep_; }
    FlowView* flowView() const { return flow_; }
    ProcessTableModel* processModel() const { return processModel_; }
    QTableView* processView() const { return processView_; }
    SyncSwitch* syncSwitch() const { return syncSwitch_; }
    QString lastError() const { return lastError_; }
    QStringList eventLog() const;
    bool lectureTheme() const { return theme_.lecture; }
    bool presenterMode() const { return presenter_; }
    const QList<Lesson>& lessons() const { return lessons_; }
    int currentLesson() const { return currentLesson_; }
    QLabel* lessonBanner() const { return lessonBanner_; }

public slots:
    bool start();
    void stop();
    void startOrStop();
    void togglePause();
    void toggleSync();
    void killSelectedWorker();
    void setLectureTheme(bool on);
    void setPresenterMode(bool on);
    void exportAllTo(const QString& folder);
    void exportAllDialog();
    void showAbout();
    void showLesson();
    // Sets the controls to a lesson's experiment (stopping a run first) and shows its claim.
    void applyLesson(int index);
    // Closes the window (saving and cleaning up) and starts IPC Lab again, e.g. in a new language.
    void restart();

protected:
    void closeEvent(QCloseEvent* e) override;

private:
    void buildControls();
    void buildCentral();
    void buildMenus();
    void updateEnabled();
    void onSampled(const RunSample& sample);
    void refreshChart();
    void clearResults();
    void onSyncSwitched();
    void onError(const QString& message);
    void log(const QString& line);
    void applyTheme();
    void loadSettings();
    void saveSettings() const;
    void installChartMenu(QWidget* w, int exportableIndex);
    void showIsolationResult();

    RunController* controller_;
    ChartTheme theme_;
    bool presenter_ = false;
    QFont normalFont_;
    QString lastError_;
    int chartTick_ = 0;
    bool chartDue_ = false;
    QList<Lesson> lessons_;
    int currentLesson_ = -1;
    QLabel* lessonBanner_;

    QComboBox* experiment_;
    QComboBox* transport_;
    QCheckBox* compare_;
    QComboBox* compareTransport_;
    SyncSwitch* syncSwitch_;
    QComboBox* primitive_;
    QSpinBox* producers_;
    QSpinBox* consumers_;
    QSpinBox* workers_;
    QComboBox* size_;
    QComboBox* rate_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* killButton_;
    QTableView* processView_;
    ProcessTableModel* processModel_;
    QListWidget* events_;
    QLabel* ackLabel_;
    QLabel* statusRun_;
    QProgressBar* progress_;

    FlowView* flow_;
    QTabWidget* tabs_;
    TimeChart* throughput_;
    TimeChart* contention_;
    TimeChart* integrity_;
    TimeChart* latency_;
    SweepChart* sweep_;

    QAction* startAction_;
    QAction* pauseAction_;
    QAction* syncAction_;
    QAction* lectureAction_;
    QAction* presenterAction_;
};

} // namespace ipclab::ui
