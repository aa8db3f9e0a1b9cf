#pragma once
// The experiment controls: what to run (experiment, transport, a second lane to compare), the
// sync switch and its primitive, counts, message size and rate, and Start / Pause / Kill. It
// describes an ExperimentConfig and asks for actions by signals; it never starts anything.
#include "ipclab/experiment/run_sample.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace ipclab::ui {

class SyncSwitch;

class ExperimentPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentPanel(QWidget* parent = nullptr);

    // The config the controls describe right now (validated by the core on Start).
    ExperimentConfig config() const;
    void setConfig(const ExperimentConfig& c);
    void setCompare(bool on, TransportKind other);
    bool compareChecked() const;
    TransportKind compareTransport() const;
    // The second lane's transport, where the experiment has one and the box is ticked.
    std::optional<TransportKind> compareWith() const;
    QString experimentText() const;
    QString transportText() const;
    QString rateText() const;

    bool syncOn() const;
    SyncMode primitive() const;
    void toggleSync(); // the S key: only where the switch means something
    // Presenter keys: the next primitive (live), the next transport (while stopped), and slow
    // motion (2 msgs/s) on or off (live, streams). Each returns false where it does not apply.
    bool cyclePrimitive();
    bool cycleTransport();
    bool cycleWaitPolicy(); // the W key
    bool toggleSlowMotion();
    SyncSwitch* syncSwitch() const { return syncSwitch_; }
    // "All workers obeyed the sync change in … ms" (cleared for a new run).
    void showAck(const QString& text);

    // Enables what makes sense for the chosen experiment and the run's state.
    void setRunState(bool running, bool live, bool paused);

signals:
    void startStopClicked();
    void pauseClicked();
    void killClicked();
    void syncChanged();               // the switch or the primitive
    void rateChanged(double msgsPerS);
    void cpuHogsChanged(int count);
    void waitPolicyChanged(WaitPolicy policy);
    void selectionChanged();          // another experiment or transport: the last results go
    void controlsChanged();           // anything whose enabled state depends on another control

private:
    QComboBox* experiment_;
    QComboBox* transport_;
    QCheckBox* compare_;
    QComboBox* compareTransport_;
    SyncSwitch* syncSwitch_;
    QComboBox* primitive_;
    QLabel* ackLabel_;
    QSpinBox* producers_;
    QSpinBox* consumers_;
    QSpinBox* workers_;
    QComboBox* size_;
    QComboBox* rate_;
    QSlider* hold_;
    QLabel* holdLabel_;
    QSpinBox* hogs_;
    QComboBox* wait_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* killButton_;
    bool running_ = false, live_ = false, paused_ = false;
};

} // namespace ipclab::ui
