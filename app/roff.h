#pragma once
// Text into a manual page (both programs' pages are generated from their own help texts).
#include <string>

namespace ipclab {

// roff: a backslash, a hyphen (which it may break or render as a dash), and a line starting
// with '.' or '\'' (which it would read as a request) are escaped.
inline std::string roff(const std::string& text) {
    std::string out;
    bool lineStart = true;
    for (char ch : text) {
        if (lineStart && (ch == '.' || ch == '\'')) out += "\\&";
        if (ch == '\\') out += "\\e";
        else if (ch == '-') out += "\\-";
        else out += ch;
        lineStart = ch == '\n';
    }
    return out;
}

} // namespace ipclab
