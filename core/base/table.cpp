#include "ipclab/base/table.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace ipclab {

const std::string& Table::at(std::size_t row, const std::string& column) const {
    auto it = std::find(columns.begin(), columns.end(), column);
    if (it == columns.end() || row >= rows.size()) throw std::out_of_range("no cell " + column);
    return rows[row].at(static_cast<std::size_t>(it - columns.begin()));
}

std::string Table::toText() const {
    std::vector<std::size_t> w(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        w[c] = columns[c].size();
        for (const auto& r : rows) w[c] = std::max(w[c], c < r.size() ? r[c].size() : 0);
    }
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            std::string v = c < cells.size() ? cells[c] : "";
            out += v + std::string(w[c] - v.size() + (c + 1 < columns.size() ? 2 : 0), ' ');
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
    };
    line(columns);
    std::vector<std::string> rule;
    for (auto x : w) rule.push_back(std::string(x, '-'));
    line(rule);
    for (const auto& r : rows) line(r);
    return out;
}

namespace {
std::string csvCell(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}
bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    double d;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    return ec == std::errc() && p == s.data() + s.size();
}
std::string jsonString(const std::string& s) {
    std::string o = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') o += '\\', o += ch;
        else if (static_cast<unsigned char>(ch) < 0x20) {
            char b[8];
            std::snprintf(b, sizeof b, "\\u%04x", ch);
            o += b;
        } else o += ch;
    }
    return o + "\"";
}
} // namespace

std::string Table::toCsv() const {
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + csvCell(columns[c]);
    out += '\n';
    for (const auto& r : rows) {
        for (std::size_t c = 0; c < r.size(); ++c) out += (c ? "," : "") + csvCell(r[c]);
        out += '\n';
    }
    return out;
}

std::string Table::toJson() const {
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += i ? ",\n {" : "\n {";
        for (std::size_t c = 0; c < columns.size() && c < rows[i].size(); ++c) {
            const std::string& v = rows[i][c];
            out += (c ? ", " : "") + jsonString(columns[c]) + ": " + (isNumber(v) ? v : jsonString(v));
        }
        out += "}";
    }
    return out + "\n]\n";
}

std::string fmt(double v, int decimals) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

} // namespace ipclab
