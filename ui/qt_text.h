#pragma once
// The core speaks std::string_view (UTF-8); Qt wants QString.
#include <QString>

#include <string_view>

namespace ipclab::ui {

inline QString toQString(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

} // namespace ipclab::ui
