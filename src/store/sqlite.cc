#include "store/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace issuegraph::store::sql {

std::string InList(size_t count) {
  std::string list = "(";
  for (size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  list += ")";
  return list;
}

std::string ResetAdvice(std::string_view path) {
  return "remove it or run `issuegraph cache clear --store " + std::string(path) +
         "`, or choose another file with --store PATH";
}

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

}  // namespace

// --- Statement ---

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

Statement::Statement(sqlite3_stmt* statement, Database* owner)
    : statement_(statement), owner_(owner) {}

namespace {
// SQLite binds NULL for a null pointer; an empty value must stay a value.
const char kEmpty[1] = {0};
}  // namespace

Statement& Statement::BindText(int index, std::string_view text) {
  const char* data = text.empty() ? kEmpty : text.data();
  int rc = sqlite3_bind_text64(statement_.get(), index, data, text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  const void* data = bytes.empty() ? kEmpty : bytes.data();
  int rc = sqlite3_bind_blob64(statement_.get(), index, data, bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindInt(int index, int64_t value) {
  int rc = sqlite3_bind_int64(statement_.get(), index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(statement_.get(), index);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindOptionalText(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : BindText(index, text);
}

Result<bool> Statement::Step() {
  if (bind_error_ != 0) {
    return MakeError(ErrorKind::kInternal, "binding a value for the store " + owner_->path() +
                                               " failed: " + sqlite3_errstr(bind_error_));
  }
  int rc = sqlite3_step(statement_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(owner_->Failure(rc, "a statement"));
}

Result<void> Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
  }
}

void Statement::Reset() {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
  bind_error_ = 0;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_.get(), column); }

std::string Statement::Text(int column) const {
  // Blob access works for TEXT and BLOB columns alike and keeps embedded NULs.
  const void* data = sqlite3_column_blob(statement_.get(), column);
  int size = sqlite3_column_bytes(statement_.get(), column);
  if (data == nullptr || size <= 0) return "";
  return std::string(static_cast<const char*>(data), static_cast<size_t>(size));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

// --- Database ---

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Database::Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  // FULLMUTEX: a Store may be handed from one thread to another.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<sqlite3, Closer> db(raw);
  if (rc != SQLITE_OK) {
    std::string detail = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
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
  return std::unique_ptr<Database>(new Database(db.release(), path));
}

Error Database::Failure(int code, std::string_view doing) {
  if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT) saw_corruption_ = true;
  // The connection's message is the detailed one ("database is locked").
  return StoreError(code, db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(code), path_, doing);
}

Result<void> Database::Exec(std::string_view sql) {
  char* raw_message = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &raw_message);
  sqlite3_free(raw_message);
  if (rc != SQLITE_OK) return std::unexpected(Failure(rc, "running " + text.substr(0, 40)));
  return {};
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return std::unexpected(Failure(rc, "preparing " + std::string(sql.substr(0, 40))));
  }
  return Statement(raw, this);
}

Result<Lease> Database::Cached(const std::string& sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) {
    it->second.Reset();
    return Lease(&it->second);
  }
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(raw);
    return std::unexpected(Failure(rc, "preparing " + sql.substr(0, 40)));
  }
  auto [it, inserted] = cache_.emplace(sql, Statement(raw, this));
  return Lease(&it->second);
}

int64_t Database::Changes() const { return sqlite3_changes64(db_.get()); }

// --- Transaction ---

Result<Transaction> Transaction::Begin(Database& db) {
  if (auto begun = db.Exec("BEGIN IMMEDIATE"); !begun) return std::unexpected(begun.error());
  return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

Result<void> Transaction::Commit() {
  Database* db = std::exchange(db_, nullptr);
  if (db == nullptr) return MakeError(ErrorKind::kInternal, "transaction committed twice");
  if (auto done = db->Exec("COMMIT"); !done) {
    (void)db->Exec("ROLLBACK");
    return std::unexpected(done.error());
  }
  return {};
}

}  // namespace issuegraph::store::sql
