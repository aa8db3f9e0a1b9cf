#pragma once
// A small RAII wrapper over SQLite's C API for the recordings: one connection, prepared
// statements with typed binds, errors as RecordingError with SQLite's own message.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace ipclab {

// A recording that cannot be written or read: the message says which file and why.
class RecordingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const std::string& sql);
    SqliteStatement(SqliteStatement&& o) noexcept;
    SqliteStatement& operator=(SqliteStatement&&) = delete;
    SqliteStatement(const SqliteStatement&) = delete;
    ~SqliteStatement();
    SqliteStatement& bind(int i, int64_t v);
    SqliteStatement& bind(int i, double v);
    SqliteStatement& bind(int i, const std::string& v);
    SqliteStatement& bindNull(int i);
    // Binds the next parameter (1, 2, ... since the last run()).
    template <typename T>
    SqliteStatement& put(const T& v) { return bind(++next_, v); }
    SqliteStatement& putNull() { return bindNull(++next_); }
    // Runs to completion (inserts) or steps one row (queries): true while a row is there.
    void run();
    bool step();
    void reset();
    int64_t integer(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    bool isNull(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
    int next_ = 0;
};

class SqliteDb {
public:
    enum class Mode { Create, ReadWrite, ReadOnly };
    // Create: a new file (an existing one is an error: a recording never overwrites a file).
    SqliteDb(const std::string& path, Mode mode);
    SqliteDb(SqliteDb&& o) noexcept;
    SqliteDb& operator=(SqliteDb&& o) noexcept;
    SqliteDb(const SqliteDb&) = delete;
    ~SqliteDb();
    void exec(const std::string& sql);
    SqliteStatement prepare(const std::string& sql) { return SqliteStatement(db_, sql); }
    int64_t pragmaInt(const std::string& name);
    const std::string& path() const { return path_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

} // namespace ipclab
