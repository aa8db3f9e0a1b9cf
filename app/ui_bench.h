#pragma once
namespace ipclab::ui {
// Runs 8 workers (4 producers, 4 consumers over the shared ring) at full speed, `repeats` live
// runs of `secondsPerPhase`, each measured in short windows alternating between nobody looking
// (window hidden, no sampling) and the full UI on screen, and prints frame times, the UI's CPU
// and the throughput ratio.
int runUiBench(double secondsPerPhase, int repeats);
}
