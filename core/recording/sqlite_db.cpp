#include "ipclab/recording/sqlite_db.h"

#include <sqlite3.h>
#include <unistd.h>

#include <utility>

namespace ipclab {

namespace {
[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw RecordingError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
} // namespace

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr) != SQLITE_OK) fail(db, "SQLite");
}
SqliteStatement::SqliteStatement(SqliteStatement&& o) noexcept : db_(o.db_), st_(std::exchange(o.st_, nullptr)) {}
SqliteStatement::~SqliteStatement() { sqlite3_finalize(st_); }

SqliteStatement& SqliteStatement::bind(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
}
SqliteStatement& SqliteStatement::bind(int i, double v) {
    sqlite3_bind_double(st_, i, v);
    return *this;
}
SqliteStatement& SqliteStatement::bind(int i, const std::string& v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
SqliteStatement& SqliteStatement::bindNull(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
}
void SqliteStatement::run() {
    next_ = 0;
    int rc = sqlite3_step(st_);
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) fail(db_, "SQLite");
}
bool SqliteStatement::step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "SQLite");
}
void SqliteStatement::reset() { sqlite3_reset(st_); }
int64_t SqliteStatement::integer(int col) const { return sqlite3_column_int64(st_, col); }
double SqliteStatement::real(int col) const { return sqlite3_column_double(st_, col); }
std::string SqliteStatement::text(int col) const {
    const unsigned char* t = sqlite3_column_text(st_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
}
bool SqliteStatement::isNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

SqliteDb::SqliteDb(const std::string& path, Mode mode) : path_(path) {
    int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == Mode::Create) flags |= SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE;
    // (SQLite's EXCLUSIVE flag is not for this: refuse an existing file ourselves.)
    if (mode == Mode::Create) {
        if (::access(path.c_str(), F_OK) == 0) throw RecordingError(path + ": the file exists; a recording never overwrites a file");
        flags &= ~SQLITE_OPEN_EXCLUSIVE;
    }
    if (mode != Mode::Create && ::access(path.c_str(), R_OK) != 0) throw RecordingError(path + ": no such file, or not readable");
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        std::string msg = path + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open");
        sqlite3_close(db_);
        db_ = nullptr;
        throw RecordingError(msg);
    }
    sqlite3_busy_timeout(db_, 2000);
}
SqliteDb::SqliteDb(SqliteDb&& o) noexcept : db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}
SqliteDb& SqliteDb::operator=(SqliteDb&& o) noexcept {
    if (this != &o) {
        sqlite3_close(db_);
        db_ = std::exchange(o.db_, nullptr);
        path_ = std::move(o.path_);
    }
    return *this;
}
SqliteDb::~SqliteDb() { sqlite3_close(db_); }

void SqliteDb::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = path_ + ": " + (err ? err : sqlite3_errmsg(db_));
        sqlite3_free(err);
        throw RecordingError(msg);
    }
}

int64_t SqliteDb::pragmaInt(const std::string& name) {
    SqliteStatement s(db_, "PRAGMA " + name);
    return s.step() ? s.integer(0) : 0;
}

} // namespace ipclab
