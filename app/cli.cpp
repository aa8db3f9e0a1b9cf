#include "cli.h"
#include "roff.h"

#include "ipclab/base/error.h"
#include "ipclab/experiment/experiment_runner.h"
#include "ipclab/base/object_names.h"
#include "ipclab/recording/recording.h"
#include "ipclab/recording/recording_writer.h"

#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <ostream>

namespace ipclab {
namespace {

// A stream's breakdown columns, one row per side: where one message's time went.
std::string breakdownText(const Table& t) {
    Table b;
    b.columns = {"side", "ns_per_msg", "user_cpu_ns", "kernel_cpu_ns", "off_cpu_ns", "in_call_ns"};
    for (std::string side : {"send", "receive"})
        b.addRow({side, t.at(0, side + "_ns_per_msg"), t.at(0, side + "_user_ns"), t.at(0, side + "_kernel_ns"),
                  t.at(0, side + "_off_cpu_ns"), t.at(0, side + "_call_ns")});
    return "\nWhere one message's time goes, each side (CPU: the kernel's accounting of the workers; off CPU: asleep,\n"
           "waiting or preempted; in call: the send or receive call clocked on 1 message in " +
           std::to_string(kCallSampleEvery) + "):\n" + b.toText();
}

const char* kUsage =
    "usage: ipclab-cli <command> [options]\n"
    "\n"
    "Runs IPC experiments between real worker processes and prints measured numbers.\n"
    "\n"
    "commands:\n"
    "  stream     producers send messages to consumers over a transport\n"
    "  race       workers update shared data with or without synchronization\n"
    "  pingpong   round-trip latency over a transport\n"
    "  sweep      throughput per message size and transport (the crossover chart)\n"
    "  isolation  two processes, same virtual address, private vs shared memory\n"
    "  list       transports, sync modes, limits of this machine, live IPC Lab objects\n"
    "  lesson     run a lesson headless: its question, its measured verdict (ipclab-cli lesson list)\n"
    "  bench      full path vs a bare loop of each mechanism, telemetry overhead\n"
    "  recording  what a recording (--record FILE) holds: info FILE, or csv FILE (its charted series)\n"
    "  cleanup    remove kernel objects left by IPC Lab runs whose process died\n"
    "  man        print this program's manual page (roff), made from this help\n"
    "  completion print a bash or zsh completion script for ipclab-cli (source it, or install it)\n"
    "\n"
    "Options without a command: --help, --version.\n"
    "Run 'ipclab-cli <command> --help' for the options of a command.\n"
    "\n"
    "exit status: 0 done; 1 the run failed (a system error); 2 bad arguments; 3 a worker died\n"
    "during the run (the table's worker_deaths column says which, and how).\n";

struct CommandHelp {
    const char* name;
    const char* text;
};
const CommandHelp kHelp[] = {
    {"stream",
     "usage: ipclab-cli stream [--transport T] [--producers N] [--consumers N] [--size BYTES]\n"
     "                         [--duration S] [--rate MSGS_PER_S] [--sync MODE] [--csv|--json]\n"
     "  --transport  shm, pipe, fifo, unix, tcp, mqueue, file (default shm)\n"
     "  --producers  1..64 (default 1)     --consumers 1..64 (default 1; byte streams: <= producers)\n"
     "  --size       payload bytes, 8 .. 1M (mqueue: its msgsize_max - 32); suffixes k, M\n"
     "  --duration   seconds (default 2)   --rate  messages/s per producer, 0 = full speed\n"
     "  --sync       none, mutex, spinlock, semaphore, atomic (shared-memory ring only; default mutex)\n"
     "  --nice       0..19 or idle: start the workers at a lower priority, or in the idle scheduling\n"
     "               class (run only when nothing else wants a CPU; default 0; the GUI uses idle)\n"
     "  --wait       spin, adaptive, sleep: how a shared-memory worker waits on a full or empty ring\n"
     "               (spin on the CPU; spin, yield, then sleep on a futex, the default; sleep at once)\n"
     "  --cpu-hogs   0..16 extra processes that only burn CPU beside the workers (default 0)\n"
     "  --hog-nice   0..19, the hogs' nice level (default 0: they compete as equals)\n"
     "  --record FILE  keep the run in an SQLite recording (30 samples a second; see ipclab-cli recording)\n"
     "Every message carries producer id, sequence number, send time and a checksum; consumers\n"
     "count lost, duplicated, out-of-order and corrupted messages.\n"},
    {"race",
     "usage: ipclab-cli race [--workers N] [--sync MODE] [--duration S] [--hold-us US] [--csv|--json]\n"
     "  --workers  1..64 (default 2)   --sync none, mutex, spinlock, semaphore, atomic\n"
     "  --hold-us  extra microseconds spent inside the critical section (makes contention visible)\n"
     "  --record FILE  keep the run in an SQLite recording (see ipclab-cli recording)\n"
     "  --nice     0..19 or idle: start the workers at a lower priority, or in the idle scheduling\n"
     "             class (run only when nothing else wants a CPU; default 0; the GUI uses idle)\n"
     "  --cpu-hogs 0..16 extra processes that only burn CPU beside the workers (default 0): workers\n"
     "             get preempted, inside the critical section too   --hog-nice 0..19 their nice level\n"
     "Each worker increments a shared counter and moves money between two accounts.\n"
     "Reports lost updates (increments made minus the counter) and inconsistent records seen.\n"},
    {"pingpong",
     "usage: ipclab-cli pingpong [--transport T] [--size BYTES] [--duration S] [--csv|--json]\n"
     "Round-trip latency percentiles between two processes.\n"
     "  --cpu-hogs 0..16 extra processes that only burn CPU (default 0)   --hog-nice 0..19\n"
     "  --wait     spin, adaptive, sleep: how a shared-memory worker waits for the reply (default adaptive)\n"
     "  --record FILE  keep the run in an SQLite recording (see ipclab-cli recording)\n"},
    {"sweep",
     "usage: ipclab-cli sweep [--transports T1,T2,...] [--sizes S1,S2,...] [--point-duration S] [--csv|--json]\n"
     "Throughput for every size x transport with one producer and one consumer. Shared memory runs\n"
     "lock-free (series shm) and again with a mutex around every message (series shm+mutex: what a\n"
     "lock costs). The shm_speedup column says how many times faster lock-free shared memory was\n"
     "at that size; the last line gives the ratio over the best message-passing transport per size.\n"},
    {"isolation",
     "usage: ipclab-cli isolation [--csv|--json]\n"
     "Two processes write different values at the same virtual address in a private page and in\n"
     "a shared segment: each keeps its own private value, while the shared write is seen by both.\n"},
    {"list", "usage: ipclab-cli list\nTransports, sync modes, this machine's limits, IPC Lab objects present now.\n"},
    {"bench",
     "usage: ipclab-cli bench [--duration S] [--repeats N] [--sizes S1,S2,...] [--transports T1,...] [--quick]\n"
     "Measures the full path users see (the stream experiment's worker processes, every check and\n"
     "counter included) beside a bare loop of the same mechanism, per transport and size\n"
     "(full/bare; targets: shared memory >= 0.7 at 64 B and >= 0.8 from 4 KiB, kernel transports >= 0.9),\n"
     "TCP also per mode of its reader (asleep between writes, or never running dry: the kernel's count\n"
     "of its sleeps; at 64 B also the bare loop with ~100 ns of extra work a message on the writer,\n"
     "then on the reader: which side's extra work moves it into which mode), the best message-passing\n"
     "transport also with both ends pinned to one CPU and to two (each against the same placement),\n"
     "shared memory's full path and IPC Lab's bare ring also running at once and taking 50 ms turns,\n"
     "compares the sweep's shared-memory ratio with the bare mechanisms' (each where its full path\n"
     "ran), then the cost of telemetry (target <= 5 %) and of the window's 30 Hz sampling and timeline\n"
     "(<= 2 %, measured in alternating windows of one run), and how fast workers obey a sync switch.\n"
     "  --duration  seconds per measurement, 0.05..10 (default 0.4)   --repeats 1..20 (default 5)\n"
     "  --sizes     payload sizes (default 64,4k,64k)   --transports  (default all)\n"
     "  --quick     only the full-vs-bare tables (1-2)\n"},
    {"lesson",
     "usage: ipclab-cli lesson list | N | ID | FILE [--seconds S] [--predict X] [--lang en|ko] [--json]\n"
     "Runs a lesson's experiments one after the other and prints its verdict: the claim of the course\n"
     "material, the measured value, whether the claim held on this machine (holds, holds but, does not\n"
     "hold here), why, and every number it was computed from. Lessons: the built-in ones, then the\n"
     "user's own (~/.local/share/IPC Lab/ipclab/lessons/*.json), or a lesson file given by its path.\n"
     "  --seconds  length of every measured experiment (default: each one's own, mostly 2 s)\n"
     "  --predict  your answer to the lesson's question, in the verdict's unit: printed beside the result\n"
     "  --lang     en or ko (default en)\n"},
    {"recording",
     "usage: ipclab-cli recording info FILE | csv FILE\n"
     "A recording is an SQLite file written by --record FILE (stream, race, pingpong) or by the\n"
     "window's Record: info prints where and when it was made, the experiment, its length, marks and\n"
     "lesson; csv prints every charted series of every sample (also readable with sqlite3 or Python).\n"},
    {"cleanup", "usage: ipclab-cli cleanup\nRemoves shm segments, queues and directories of dead IPC Lab runs.\n"},
    {"man", "usage: ipclab-cli man\nPrints the manual page, generated from the same help texts as --help.\n"},
    {"completion", "usage: ipclab-cli completion bash|zsh\nPrints a bash or zsh completion script: commands, their options, transport and sync names.\n"},
};

const char* helpFor(const std::string& cmd) {
    for (const auto& h : kHelp)
        if (cmd == h.name) return h.text;
    return nullptr;
}

// The options each experiment command takes; anything else is refused, never silently ignored
// (worker-internal options such as --experiment or --telemetry are not among them).
const std::map<std::string, std::set<std::string>>& commandOptions() {
    static const std::map<std::string, std::set<std::string>> kOptions = {
        {"stream", {"--transport", "--producers", "--consumers", "--size", "--duration", "--rate", "--sync", "--nice", "--co-runners",
                    "--cpu-hogs", "--hog-nice", "--wait", "--record"}},
        {"race", {"--workers", "--sync", "--duration", "--hold-us", "--nice", "--co-runners", "--cpu-hogs", "--hog-nice", "--record"}},
        {"pingpong", {"--transport", "--size", "--duration", "--nice", "--co-runners", "--cpu-hogs", "--hog-nice", "--wait", "--record"}},
        {"sweep", {"--transports", "--sizes", "--point-duration", "--nice"}},
    };
    return kOptions;
}

bool appliesTo(const std::string& cmd, const std::string& flag) {
    auto it = commandOptions().find(cmd);
    return it != commandOptions().end() && it->second.count(flag);
}

// The manual page, from the same texts --help prints: the two cannot drift apart.
std::string manPage() {
    std::string m = ".TH IPCLAB\\-CLI 1 \"\" \"IPC Lab " IPCLAB_VERSION "\" \"User Commands\"\n";
    m += ".SH NAME\nipclab\\-cli \\- run inter\\-process communication experiments between real processes\n";
    m += ".SH SYNOPSIS\n.B ipclab\\-cli\n.I command\n[\\fIoptions\\fR]\n";
    m += ".SH DESCRIPTION\n.nf\n" + roff(kUsage) + ".fi\n.SH COMMANDS\n";
    for (const auto& h : kHelp) m += ".SS " + std::string(h.name) + "\n.nf\n" + roff(h.text) + ".fi\n";
    m += ".SH OUTPUT\nEvery experiment prints a table; with \\fB\\-\\-csv\\fR or \\fB\\-\\-json\\fR the same numbers as CSV or JSON.\n"
         "System calls per message count the sending and the receiving side together: a pipe costs 2.\n";
    m += ".SH EXIT STATUS\n0 done; 1 the run failed (a system error); 2 bad arguments; 3 a worker died during the run.\n";
    m += ".SH FILES\n.TP\n.I /dev/shm/ipclab\\-<pid>\\-<hex>\\-*\nshared memory segments of a run (telemetry, rings, race area), mode 0600.\n"
         ".TP\n.I /dev/mqueue/ipclab\\-<pid>\\-<hex>\\-*\nPOSIX message queues of a run.\n"
         ".TP\n.I $XDG_RUNTIME_DIR/ipclab/\nprivate (0700) directory for FIFOs and record files; without \\fBXDG_RUNTIME_DIR\\fR, "
         "\\fI/tmp/ipclab\\-<uid>/\\fR.\n"
         ".PP\nEverything a run creates is removed when it ends; \\fBipclab\\-cli cleanup\\fR removes what a killed run of "
         "this user left behind, and nothing else.\n";
    m += ".SH ENVIRONMENT\n.TP\n.B IPCLAB_WORKER\nthe ipclab\\-worker program to run (default: beside ipclab\\-cli).\n";
    m += ".SH SEE ALSO\n.BR ipclab (1)\n";
    return m;
}

// What completion offers, from the same tables the parser uses: the commands, each command's
// words, and the values of the options that take a name.
struct CompletionWords {
    std::string commands;
    std::vector<std::pair<std::string, std::string>> perCommand; // command, its words
    std::vector<std::pair<std::string, std::string>> values;     // option, its values
};

CompletionWords completionWords() {
    auto join = [](std::string& to, std::string_view w) { to += (to.empty() ? "" : " ") + std::string(w); };
    CompletionWords c;
    for (const auto& h : kHelp) join(c.commands, h.name);
    std::string transports, syncs;
    for (TransportKind k : allTransports()) join(transports, toString(k));
    for (SyncMode m : allSyncModes()) join(syncs, toString(m));
    c.values = {{"--transport", transports}, {"--sync", syncs}, {"--nice", "idle 0 5 10 19"}, {"--wait", "spin adaptive sleep"}};
    for (const auto& [cmd, flags] : commandOptions()) {
        std::string f = "--csv --json --help";
        for (const auto& x : flags) join(f, x);
        c.perCommand.emplace_back(cmd, f);
    }
    c.perCommand.emplace_back("lesson", "list 1 2 3 4 5 6 7 8 9 --seconds --predict --lang --json --help");
    c.perCommand.emplace_back("bench", "--duration --repeats --sizes --transports --quick --help");
    c.perCommand.emplace_back("completion", "bash zsh");
    c.perCommand.emplace_back("recording", "info csv --help");
    return c;
}

std::string bashCompletion() {
    CompletionWords c = completionWords();
    std::string s = "# bash completion for ipclab-cli (generated by `ipclab-cli completion bash`)\n"
                    "_ipclab_cli() {\n"
                    "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                    "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
                    "        COMPREPLY=($(compgen -W \"" + c.commands + " --help --version\" -- \"$cur\")); return\n"
                    "    fi\n"
                    "    case \"$prev\" in\n";
    for (const auto& [opt, vals] : c.values) s += "        " + opt + ") COMPREPLY=($(compgen -W \"" + vals + "\" -- \"$cur\")); return;;\n";
    s += "    esac\n"
         "    case \"${COMP_WORDS[1]}\" in\n";
    for (const auto& [cmd, words] : c.perCommand) s += "        " + cmd + ") COMPREPLY=($(compgen -W \"" + words + "\" -- \"$cur\"));;\n";
    s += "        *) COMPREPLY=($(compgen -W \"--help\" -- \"$cur\"));;\n"
         "    esac\n"
         "}\n"
         "complete -F _ipclab_cli ipclab-cli\n";
    return s;
}

// zsh: installed as _ipclab-cli in a directory of $fpath (autoloaded by compinit), or sourced.
std::string zshCompletion() {
    CompletionWords c = completionWords();
    std::string s = "#compdef ipclab-cli\n"
                    "# zsh completion for ipclab-cli (generated by `ipclab-cli completion zsh`)\n"
                    "_ipclab_cli() {\n"
                    "    if (( CURRENT == 2 )); then\n"
                    "        compadd -- " + c.commands + " --help --version; return\n"
                    "    fi\n"
                    "    case ${words[CURRENT-1]} in\n";
    for (const auto& [opt, vals] : c.values) s += "        " + opt + ") compadd -- " + vals + "; return;;\n";
    s += "    esac\n"
         "    case ${words[2]} in\n";
    for (const auto& [cmd, words] : c.perCommand) s += "        " + cmd + ") compadd -- " + words + ";;\n";
    s += "        *) compadd -- --help;;\n"
         "    esac\n"
         "}\n"
         "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
         "    _ipclab_cli \"$@\"\n"
         "else\n"
         "    compdef _ipclab_cli ipclab-cli\n"
         "fi\n";
    return s;
}

int usageError(std::ostream& err, const std::string& msg) {
    err << "ipclab-cli: " << msg << "\n";
    return 2;
}

int listCommand(std::ostream& out) {
    out << "transports:\n";
    for (auto t : allTransports())
        out << "  " << toString(t) << std::string(8 - toString(t).size(), ' ') << displayName(t)
            << ", max payload " << formatSize(ExperimentConfig::maxMessageSize(t)) << "\n";
    out << "sync modes:\n";
    for (auto m : allSyncModes()) out << "  " << toString(m) << std::string(11 - toString(m).size(), ' ') << explanation(m) << "\n";
    out << "limits: at most " << kMaxWorkers << " workers; message queue depth from /proc/sys/fs/mqueue/msg_max\n";
    auto live = listLiveObjects();
    out << "IPC Lab kernel objects present now: " << (live.empty() ? "none" : "") << "\n";
    for (const auto& o : live) out << "  " << o << "\n";
    return 0;
}

// ipclab-cli recording info FILE | csv FILE
int recordingCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() != 3 || (args[1] != "info" && args[1] != "csv"))
        return usageError(err, "usage: ipclab-cli recording info FILE | csv FILE");
    try {
        Recording r = Recording::open(args[2]);
        out << (args[1] == "info" ? r.summary().toText() : r.seriesTable().toCsv());
        return 0;
    } catch (const RecordingError& e) {
        err << "ipclab-cli: " << e.what() << "\n";
        return 1;
    }
}

} // namespace

int runCli(const std::vector<std::string>& argsIn, std::ostream& out, std::ostream& err) {
    if (argsIn.empty()) {
        err << kUsage;
        return 2;
    }
    const std::string cmd = argsIn[0];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        out << kUsage;
        return 0;
    }
    if (cmd == "--version") {
        out << "ipclab-cli " IPCLAB_VERSION "\n";
        return 0;
    }
    if (cmd == "man" && argsIn.size() == 1) {
        out << manPage();
        return 0;
    }
    if (cmd == "completion" && argsIn.size() == 2 && (argsIn[1] == "bash" || argsIn[1] == "zsh")) {
        out << (argsIn[1] == "bash" ? bashCompletion() : zshCompletion());
        return 0;
    }
    if (cmd == "completion" && (argsIn.size() != 2 || argsIn[1] != "--help"))
        return usageError(err, "completion takes one shell: bash or zsh");
    if (!helpFor(cmd)) return usageError(err, "unknown command '" + cmd + "' (try --help)");
    if (cmd == "recording" && !(argsIn.size() == 2 && (argsIn[1] == "--help" || argsIn[1] == "-h")))
        return recordingCommand(argsIn, out, err);

    enum class Format { Text, Csv, Json } format = Format::Text;
    std::vector<std::string> rest;
    std::string recordPath;
    for (std::size_t i = 1; i < argsIn.size(); ++i) {
        const std::string& a = argsIn[i];
        if (a == "--help" || a == "-h") {
            out << helpFor(cmd);
            return 0;
        }
        if (a == "--csv") format = Format::Csv;
        else if (a == "--json") format = Format::Json;
        else if (a == "--record" && (cmd == "stream" || cmd == "race" || cmd == "pingpong")) {
            if (i + 1 >= argsIn.size()) return usageError(err, "--record needs a file name");
            recordPath = argsIn[++i];
        } else rest.push_back(a);
    }
    if (cmd == "bench") return runBench(rest, out, err);
    if (cmd == "lesson") return runLessonCommand(rest, format == Format::Json, out, err);
    if (!rest.empty() && (cmd == "list" || cmd == "cleanup" || cmd == "isolation"))
        return usageError(err, cmd + " takes no option '" + rest[0] + "'");
    if (cmd == "list") return listCommand(out);
    if (cmd == "cleanup") {
        auto rep = removeStaleObjects();
        out << "removed " << rep.removed.size() << " stale object(s)\n";
        for (const auto& r : rep.removed) out << "  " << r << "\n";
        return 0;
    }

    ExperimentConfig cfg;
    try {
        for (std::size_t i = 0; i < rest.size(); i += 2) {
            if (rest[i].rfind("--", 0) != 0) throw ConfigError("unexpected argument '" + rest[i] + "'");
            if (!appliesTo(cmd, rest[i]))
                throw ConfigError(cmd + " takes no option " + rest[i] + " (see ipclab-cli " + cmd + " --help)");
        }
        cfg.experiment = *experimentFromString(cmd);
        if (cfg.experiment == ExperimentKind::Race) cfg.sync = SyncMode::Mutex;
        cfg = ExperimentConfig::fromArgs(rest, cfg);
        if (cfg.experiment == ExperimentKind::Sweep) fillSweepDefaults(cfg);
        // A run from the command line ends by itself: 0 would mean "until stopped" (the window's).
        if (cfg.experiment != ExperimentKind::Sweep && cfg.experiment != ExperimentKind::Isolation && !(cfg.durationS > 0))
            throw ConfigError("--duration must be more than 0 seconds");
        cfg.validate();
    } catch (const ConfigError& e) {
        return usageError(err, e.what());
    }

    ::signal(SIGPIPE, SIG_IGN);
    bool live = ::isatty(STDERR_FILENO);
    try {
        Table t;
        if (cfg.experiment == ExperimentKind::Sweep) {
            auto points = runSweep(cfg, [&](const SweepPoint& p, int done, int total) {
                if (live)
                    err << "\r[" << done << "/" << total << "] " << toString(p.transport) << " " << formatSize(p.size)
                        << ": " << fmt(p.msgsPerS, 0) << " msgs/s      " << std::flush;
            });
            if (live) err << "\r" << std::string(60, ' ') << "\r";
            t = sweepTable(points);
            if (format == Format::Text) {
                out << t.toText() << sweepVerdict(points) << "\n";
                return 0;
            }
        } else {
            // Recording: the file is created before the run (a bad path fails at once, not after it).
            std::optional<RecordingWriter> recorder;
            if (!recordPath.empty()) {
                RecordingInfo info = RecordingInfo::ofThisMachine(IPCLAB_VERSION);
                info.experiment = cfg.experiment;
                info.config = argLine(cfg);
                recorder.emplace(recordPath, info);
            }
            t = runExperiment(
                cfg,
                [&](double elapsed, const Snapshot& s) {
                    if (!live) return;
                    err << "\r[" << fmt(elapsed, 1) << " s / " << fmt(cfg.durationS, 1) << " s] messages "
                        << s.sum(&WorkerCounters::messages) << ", syscalls " << s.sum(&WorkerCounters::syscalls)
                        << "      " << std::flush;
                },
                recorder ? SampleFn([&](const RunSample& s) { recorder->add(s); }) : SampleFn());
            if (recorder) {
                recorder->flush();
                if (live) err << "\r" << std::string(70, ' ') << "\r";
                err << "ipclab-cli: recorded " << recorder->samplesWritten() << " samples to " << recorder->path() << "\n";
            }
            if (live) err << "\r" << std::string(70, ' ') << "\r";
        }
        switch (format) {
        case Format::Text:
            out << t.toText();
            if (t.has("send_ns_per_msg") && !t.rows.empty()) out << breakdownText(t);
            break;
        case Format::Csv: out << t.toCsv(); break;
        case Format::Json: out << t.toJson(); break;
        }
        // A worker that died during the run: the table says who and how; the exit code says so too.
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            if (t.has("worker_deaths") && t.at(r, "worker_deaths") != "none") {
                err << "ipclab-cli: a worker died during the run: " << t.at(r, "worker_deaths") << "\n";
                return kExitWorkerDied;
            }
        return 0;
    } catch (const ConfigError& e) {
        return usageError(err, e.what());
    } catch (const std::exception& e) {
        err << "ipclab-cli: " << e.what() << "\n";
        return 1;
    }
}

} // namespace ipclab
