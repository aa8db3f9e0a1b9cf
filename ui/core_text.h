#pragma once
// The core's user-visible words (transport names, explanations, roles, states, exit reasons),
// translated for the window. The core has no Qt, so its strings are listed in core_text.cpp for
// lupdate, and looked up at run time in the "core" translation context.
#include "ipclab/experiment/run_sample.h"

#include <QString>
#include <QStringList>

namespace ipclab::ui {

QString trCore(std::string_view english);
inline QString nameOf(TransportKind k) { return trCore(displayName(k)); }
inline QString explain(TransportKind k) { return trCore(explanation(k)); }
inline QString explain(SyncMode m) { return trCore(explanation(m)); }
inline QString nameOf(WorkerRole r) { return trCore(toString(r)); }
inline QString nameOf(WorkerState s) { return trCore(toString(s)); }
// A lane's name in legends and headers: its label when it has one, else its transport's name.
inline QString laneName(const LaneSample& l) { return l.label.empty() ? nameOf(l.config.transport) : QString::fromStdString(l.label); }
// The short form where room is short: the label, else the CLI's name ("shm", "pipe").
inline QString shortLaneName(const LaneSample& l) {
    return QString::fromUtf8(l.label.empty() ? std::string(toString(l.config.transport)).c_str() : l.label.c_str());
}
QString describeExit(const ExitInfo& e);
// Every core string the window shows (for the test that checks they are all translated).
QStringList coreStrings();

} // namespace ipclab::ui
