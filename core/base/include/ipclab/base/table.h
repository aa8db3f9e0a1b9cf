#pragma once
// A result table with three renderings: aligned text for terminals, CSV and JSON for tools.
#include <string>
#include <vector>

namespace ipclab {

struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;

    void addRow(std::vector<std::string> r) { rows.push_back(std::move(r)); }
    const std::string& at(std::size_t row, const std::string& column) const; // throws if absent
    bool has(const std::string& column) const {
        for (const auto& c : columns)
            if (c == column) return true;
        return false;
    }
    std::string toText() const;
    std::string toCsv() const;
    // Numbers stay numbers; everything else becomes a JSON string.
    std::string toJson() const;
};

std::string fmt(double v, int decimals = 1);

} // namespace ipclab
