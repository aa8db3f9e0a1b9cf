#pragma once
// The IPC Lab window: the experiment controls and the process panel on the left, the live flow
// scene (with the lesson banner) and the chart tabs on the right. The window itself only wires
// them to the RunController, and keeps the menus, shortcuts, themes, exports and settings; each
// panel is its own class. It never sees individual messages: every view is fed RunSamples.
#include "chart_exporter.h"
#include "chart_theme.h"
#include "ipclab/experiment/run_sample.h"
#include "ipclab/recording/recording_writer.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;

namespace ipclab::ui {

class AnimationExport;
class ChartTabs;
class ExperimentPanel;
class FlowView;
class LessonCard;
class LessonController;
class LessonSession;
class ProcessPanel;
class ReplayBar;
class ReplayController;
class RunController;

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
    ExperimentPanel* experimentPanel() const { return controls_; }
    ProcessPanel* processPanel() const { return processes_; }
    ChartTabs* charts() const { return charts_; }
    FlowView* flowView() const { return flow_; }
    LessonController* lessons() const { return lessons_; }
    LessonCard* lessonCard() const { return lessonCard_; }
    LessonSession* lessonSession() const { return lessonSession_; }
    bool lessonCardShown() const;
    // Length of every measured experiment of a lesson (0: each one's own, mostly 2 s); for tests.
    void setLessonStepSeconds(double s) { lessonStepSeconds_ = s; }
    QList<Exportable> exportables() const;
    QString lastError() const { return lastError_; }
    bool lectureTheme() const { return theme_.lecture; }
    bool presenterMode() const { return presenter_; }

public slots:
    bool start();
    void stop();
    void startOrStop();
    void togglePause();
    void toggleSync();
    void killSelectedWorker();
    void setLectureTheme(bool on);
    void setPresenterMode(bool on);
    // The live chart shown alone (0 throughput … 3 latency), or -1: all four when they fit.
    void setFocusChart(int which);
    void cyclePrimitive();   // M
    void cycleTransport();   // T
    void toggleSlowMotion(); // O
    void exportAllTo(const QString& folder);
    void exportAllDialog();
    void showAbout();
    void showLesson();
    // Sets the controls to a lesson's experiment (stopping a run first) and shows its claim.
    void applyLesson(int index);
    // Opens a lesson file (*.ipclab-lesson) and sets it up; false (and an error dialog) if it
    // is not one.
    bool openLessonFile(const QString& path);
    void openLessonDialog();
    // The lesson card (question, measuring, verdict) in place of the scene, or the scene again.
    void showLessonCard(bool on);
    // Measures the current lesson with this prediction (none: skipped) and shows its verdict.
    void measureLesson(std::optional<double> prediction, const QString& predictionText);
    bool exportLessonReportTo(const QString& path);
    void exportLessonReportDialog();
    void exportPredictionsDialog();
    // Closes the window (saving and cleaning up) and starts IPC Lab again, e.g. in a new language.
    void restart();
    // Replays a recording (*.ipclab) in the window: false (and an error dialog) if it is not one.
    bool openRecording(const QString& path);
    void openRecordingDialog();
    // A second recording beside the replayed one: both in the scene, overlaid in the charts.
    bool compareWithRecording(const QString& path);
    void compareRecordingDialog();
    void closeReplay();
    ReplayController* replay() const { return replay_; }
    ReplayBar* replayBar() const { return replayBar_; }
    // Record every live run into its own file in recordingsFolder() (Run > Record, Ctrl+R).
    void setRecording(bool on);
    bool recordingOn() const;
    // Where recordings go: $IPCLAB_RECORDINGS_DIR, else Documents/IPC Lab recordings.
    static QString recordingsFolder();
    // The file the last (or current) live run was recorded to ("" if none).
    QString lastRecording() const { return lastRecording_; }
    // Animated export (GIF, MP4, WebM) of the scene, a chart, the timeline or the whole window,
    // from the live run or the replay as it plays. Sources by index: animationSources().
    QStringList animationSources() const;
    bool exportAnimation(int source, const QString& path, QSize size, int fps, double seconds);
    void exportAnimationDialog();
    AnimationExport* animationExport() const { return animation_; }

signals:
    // An "export all" has written its last file (ok) or stopped at an error.
    void exportFinished(bool ok);

protected:
    void closeEvent(QCloseEvent* e) override;

private:
    void buildPanels();
    void buildMenus();
    void updateEnabled();
    void onSampled(const RunSample& sample);
    void refreshChart();
    void clearResults();
    void onSyncSwitched();
    void onError(const QString& message);
    void log(const QString& line);
    void applyTheme();
    void applyPresenterFonts(); // the application's font: presenter mode's size for this screen, or the normal one
    void onScreenChanged();
    void loadSettings();
    void saveSettings() const;
    void installChartMenu(QWidget* w, int exportableIndex);
    void showIsolationResult();
    void updateSyncBadge();
    void askCurrentLesson(); // the current lesson's question again (after a cancel or a failure)
    void startRecordingFor(const ExperimentConfig& c, std::optional<TransportKind> other);
    void finishRecording();

    RunController* controller_;
    ReplayController* replay_;
    ReplayBar* replayBar_;
    QAction* recordAction_ = nullptr;
    std::unique_ptr<RecordingWriter> recorder_;
    AnimationExport* animation_;
    QWidget* animationSource(int index);
    QString lastRecording_;
    // The last lesson verdict (id, prediction, verdict), kept for the recording of a live run
    // of that lesson.
    QString verdictLesson_, verdictPrediction_, verdictText_;
    LessonController* lessons_;
    ExperimentPanel* controls_;
    ProcessPanel* processes_;
    FlowView* flow_;
    ChartTabs* charts_;
    QLabel* statusRun_;
    QLabel* syncBadge_;
    QLabel* keysHint_;
    QLabel* bigNumber_;
    QElapsedTimer numbersClock_; // since the numbers a viewer reads last changed (onSampled)
    struct WindowState {
        QByteArray geometry, splitter;
        int chart = -1;
        bool maximized = false;
    } beforePresenter_;
    QProgressBar* progress_;
    QStackedWidget* sceneStack_;
    LessonCard* lessonCard_;
    LessonSession* lessonSession_;
    double lessonStepSeconds_ = 0;

    ChartTheme theme_;
    double screenFactor() const; // presenter mode's text: 1 up to 720 screen lines, more above
    bool presenter_ = false;
    QFont normalFont_;
    QString lastError_;
    bool chartDue_ = false;
    bool exporting_ = false;
    QByteArray chartsHiddenFor_; // the splitter as it was before an isolation result took it

    QAction* startAction_;
    QAction* pauseAction_;
    QAction* syncAction_;
    QAction* lectureAction_;
    QAction* presenterAction_;
    QList<QAction*> chartActions_;
};

} // namespace ipclab::ui
