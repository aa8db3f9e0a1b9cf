#pragma once
namespace ipclab::ui {
// Runs 8 workers (4 producers, 4 consumers over the shared ring) at full speed, headless and
// with the full UI attached (offscreen), in interleaved phases (headless, UI, headless, ...,
// `repeats` UI phases), and prints frame times, the UI's CPU and the throughput ratio.
int runUiBench(double secondsPerPhase, int repeats);
}
