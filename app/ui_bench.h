#pragma once
namespace ipclab::ui {
// Runs 8 workers (4 producers, 4 consumers over the shared ring) at full speed, headless and
// with the full UI attached (offscreen), and prints frame times and the throughput ratio.
int runUiBench(double secondsPerPhase);
}
