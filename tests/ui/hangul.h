#pragma once
// Shared by the lesson and translation tests: does a text contain Korean syllables?
#include <QString>

#include <algorithm>

inline bool hasHangul(const QString& s) {
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}
