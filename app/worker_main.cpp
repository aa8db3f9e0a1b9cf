// ipclab-worker: one real OS process of an experiment. Started by the core, never by hand.
#include "ipclab/experiment/worker_loop.h"

int main(int argc, char** argv) { return ipclab::workerMain(argc, argv); }
