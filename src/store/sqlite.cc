#include "store/sql.h"

#include <sqlite3.h>

#include <utility>

namespace issuegraph::store::sql {

namespace {

Error StoreError(int code, const std::string& detail, const std::string& path,
                 std::string_view doing) {
  switch (code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return {ErrorKind::kIo,
              "the store " + path + " is damaged (" + detail + "); " + ResetAdvice(path)};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorKind::kIo, "the store " + path +
                                  " stayed locked by another issuegraph process for more than 5 s; "
                                  "try again, or use another file with --store PATH"};
    case SQLITE_FULL:
      return {ErrorKind::kIo,
              "the disk holding the store " + path +
                  " is full; free some space, run `issuegraph cache prune`, or choose "
                  "another file with --store PATH"};
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return {ErrorKind::kIo, "cannot write the store " + path + " (" + detail +
                                  "); make it writable or choose another file with --store PATH"};
    case SQLITE_ERROR:
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      // Our SQL is wrong: a bug, not the user's file.
      return {ErrorKind::kInternal,
              "the store " + path + ": " + std::string(doing) + " failed (" + detail + ")"};
    default:
      return {ErrorKind::kIo,
              "the store " + path + ": " + std::string(doing) + " failed (" + detail + ")"};
  }
}


// --- Statements ---

// SQLite binds NULL for a null pointer; an empty value must stay a value.
const char kEmpty[1] = {0};

class SqliteStatement : public StatementBackend {
 public:
  SqliteStatement(sqlite3_stmt* statement, SqliteDatabase* owner)
      : statement_(statement), owner_(owner) {}
  ~SqliteStatement() override { sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void BindText(int index, std::string_view text) override {
    const char* data = text.empty() ? kEmpty : text.data();
    Check(sqlite3_bind_text64(statement_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void BindBlob(int index, std::string_view bytes) override {
    const void* data = bytes.empty() ? kEmpty : bytes.data();
    Check(sqlite3_bind_blob64(statement_, index, data, bytes.size(), SQLITE_TRANSIENT));
  }
  void BindInt(int index, int64_t value) override {
    Check(sqlite3_bind_int64(statement_, index, value));
  }
  void BindNull(int index) override { Check(sqlite3_bind_null(statement_, index)); }

  Result<bool> Step() override {
    if (bind_error_ != 0) {
      return MakeError(ErrorKind::kInternal, "binding a value for the store " + owner_->path() +
                                                 " failed: " + sqlite3_errstr(bind_error_));
    }
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return std::unexpected(owner_->Failure(rc, "a statement"));
  }
  void Reset() override {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    bind_error_ = 0;
  }

  int64_t Int(int column) const override { return sqlite3_column_int64(statement_, column); }
  std::string Text(int column) const override {
    // Blob access works for TEXT and BLOB columns alike and keeps embedded NULs.
    const void* data = sqlite3_column_blob(statement_, column);
    int size = sqlite3_column_bytes(statement_, column);
    if (data == nullptr || size <= 0) return "";
    return std::string(static_cast<const char*>(data), static_cast<size_t>(size));
  }
  bool IsNull(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  ColumnKind Kind(int column) const override {
    switch (sqlite3_column_type(statement_, column)) {
      case SQLITE_NULL: return ColumnKind::kNull;
      case SQLITE_INTEGER: return ColumnKind::kInt;
      case SQLITE_BLOB: return ColumnKind::kBlob;
      default: return ColumnKind::kText;  // text, and the rare real as its text
    }
  }

 private:
  void Check(int rc) {
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  }
  sqlite3_stmt* statement_;
  SqliteDatabase* owner_;
  int bind_error_ = 0;  // the first failed bind, reported by Step
};

}  // namespace

// --- Database ---

SqliteDatabase::~SqliteDatabase() { sqlite3_close_v2(db_); }

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::OpenFile(const std::string& path) {
  sqlite3* raw = nullptr;
  // FULLMUTEX: a Store may be handed from one thread to another.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close_v2(raw);
    return MakeError(ErrorKind::kIo, "cannot open the store " + path + " (" + detail +
                                         "); check that its directory exists and is writable, or "
                                         "choose another file with --store PATH");
  }
  sqlite3_extended_result_codes(raw, 1);
  // Another process may hold the write lock for a batch; wait rather than fail.
  sqlite3_busy_timeout(raw, 5'000);
  // Closing need not fold the WAL back into the database (and fsync it):
  // the WAL is durable, and the next writer's automatic checkpoint folds it.
  // This keeps a warm rerun from paying a sync for nothing it wrote.
  sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(raw, path));
}

Error SqliteDatabase::Failure(int code, std::string_view doing) {
  if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT) saw_corruption_ = true;
  // The connection's message is the detailed one ("database is locked").
  return StoreError(code, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code), path(), doing);
}

Result<void> SqliteDatabase::Exec(std::string_view sql) {
  char* raw_message = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &raw_message);
  sqlite3_free(raw_message);
  if (rc != SQLITE_OK) return std::unexpected(Failure(rc, "running " + text.substr(0, 40)));
  return {};
}

Result<std::unique_ptr<StatementBackend>> SqliteDatabase::PrepareBackend(std::string_view sql,
                                                                         bool persistent) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              persistent ? SQLITE_PREPARE_PERSISTENT : 0, &raw, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return std::unexpected(Failure(rc, "preparing " + std::string(sql.substr(0, 40))));
  }
  return std::unique_ptr<StatementBackend>(new SqliteStatement(raw, this));
}

int64_t SqliteDatabase::Changes() const { return sqlite3_changes64(db_); }

}  // namespace issuegraph::store::sql
