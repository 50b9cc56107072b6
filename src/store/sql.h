// The store's SQL layer: one Database owns a connection and the statements
// it prepared; every value reaches SQL through a bind, never through string
// building. Two backends stand behind it: SQLite (a file, the default) and
// PostgreSQL (a postgres:// URL, for several servers on one database). The
// store writes its SQL once, in the subset both speak (`?` parameters,
// `?N` numbered ones, INSERT ... ON CONFLICT, RETURNING); where they differ
// (full-text search, sizes, vacuum) it asks dialect(). Errors come back as
// Result values whose message names the store (a URL without its password).
// Not thread-safe: one Database per thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/error.h"

struct sqlite3;

namespace issuegraph::store::sql {

class Database;

enum class Dialect { kSqlite, kPostgres };

// What a result column holds in this row (for copying rows between stores).
enum class ColumnKind { kNull, kInt, kText, kBlob };

// What a backend's prepared statement does; Statement forwards to it.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void BindText(int index, std::string_view text) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindNull(int index) = 0;
  virtual Result<bool> Step() = 0;
  virtual void Reset() = 0;
  virtual int64_t Int(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual ColumnKind Kind(int column) const = 0;
};

// A prepared statement. Parameters are numbered from 1, columns from 0.
class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}

  Statement& BindText(int index, std::string_view text) {
    backend_->BindText(index, text);
    return *this;
  }
  Statement& BindBlob(int index, std::string_view bytes) {
    backend_->BindBlob(index, bytes);
    return *this;
  }
  Statement& BindInt(int index, int64_t value) {
    backend_->BindInt(index, value);
    return *this;
  }
  Statement& BindNull(int index) {
    backend_->BindNull(index);
    return *this;
  }
  // Empty text binds NULL.
  Statement& BindOptionalText(int index, std::string_view text) {
    return text.empty() ? BindNull(index) : BindText(index, text);
  }

  // Advances one row: true when a row is ready, false when done.
  Result<bool> Step() { return backend_->Step(); }
  // Steps to the end (for statements that return no rows).
  Result<void> Run();
  // Clears bindings and rewinds so the statement can run again.
  void Reset() { backend_->Reset(); }

  int64_t Int(int column) const { return backend_->Int(column); }
  std::string Text(int column) const { return backend_->Text(column); }  // "" for NULL
  bool IsNull(int column) const { return backend_->IsNull(column); }
  ColumnKind Kind(int column) const { return backend_->Kind(column); }

 private:
  std::unique_ptr<StatementBackend> backend_;
};

// A cached statement on loan: rewound and unbound when the lease ends, so
// no half-read statement keeps a read snapshot open.
class Lease {
 public:
  explicit Lease(Statement* statement) : statement_(statement) {}
  Lease(Lease&& other) noexcept : statement_(other.statement_) { other.statement_ = nullptr; }
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (statement_ != nullptr) statement_->Reset();
  }
  Statement& operator*() const { return *statement_; }
  Statement* operator->() const { return statement_; }

 private:
  Statement* statement_;
};

class Database {
 public:
  // Opens the database at `path`: a postgres:// or postgresql:// URL
  // connects to PostgreSQL; anything else is an SQLite file (created if
  // absent; ":memory:" is a private in-memory one, and nothing is read yet:
  // a file that is not a database fails at the first statement).
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL text without parameters (schema, transactions).
  virtual Result<void> Exec(std::string_view sql) = 0;
  // A statement prepared once per connection and reused, reset and
  // unbound. Do not hold two leases of the same SQL at once.
  Result<Lease> Cached(const std::string& sql);
  // A fresh statement, for SQL run once.
  Result<Statement> Prepare(std::string_view sql);

  // Rows the last INSERT, UPDATE or DELETE changed.
  virtual int64_t Changes() const = 0;
  virtual Dialect dialect() const = 0;
  // Starts a transaction that writes: one writer at a time in the whole
  // store, taken up front (SQLite's write lock, a PostgreSQL advisory
  // lock), so a read-then-write never meets another writer halfway.
  virtual Result<void> BeginWrite() = 0;
  // Starts a read-only transaction: one consistent snapshot.
  virtual Result<void> BeginRead() = 0;
  // True once any call on this connection found the file not a database
  // or damaged (SQLite's NOTADB, CORRUPT).
  bool saw_corruption() const { return saw_corruption_; }
  // The file, or the URL without its password: what messages name.
  const std::string& path() const { return path_; }

 protected:
  explicit Database(std::string path) : path_(std::move(path)) {}
  virtual Result<std::unique_ptr<StatementBackend>> PrepareBackend(std::string_view sql,
                                                                   bool persistent) = 0;
  bool saw_corruption_ = false;

 private:
  std::string path_;
  std::map<std::string, Statement, std::less<>> cache_;
};

// The SQLite backend, for the store's SQLite-only steps (schema, pragmas).
class SqliteDatabase : public Database {
 public:
  static Result<std::unique_ptr<SqliteDatabase>> OpenFile(const std::string& path);
  ~SqliteDatabase() override;

  Result<void> Exec(std::string_view sql) override;
  int64_t Changes() const override;
  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<void> BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Result<void> BeginRead() override { return Exec("BEGIN"); }

  // A store error for SQLite result code `code`, its message naming the path
  // and, where the file is at fault, how to get out. Remembers corruption.
  Error Failure(int code, std::string_view doing);
  sqlite3* handle() const { return db_; }

 protected:
  Result<std::unique_ptr<StatementBackend>> PrepareBackend(std::string_view sql,
                                                           bool persistent) override;

 private:
  SqliteDatabase(sqlite3* db, std::string path) : Database(std::move(path)), db_(db) {}
  sqlite3* db_;
};

// True for a postgres:// or postgresql:// URL.
bool IsPostgresUrl(std::string_view path);

// Database::BeginWrite() ... COMMIT. Taking the write lock up front means a
// busy store waits instead of failing halfway through a read-then-write
// transaction. Rolls back unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(Database& db);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> Commit();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_;  // null once committed, rolled back or moved from
};

// Most values one IN list binds (SQLite allows at least 999 parameters,
// PostgreSQL 65,535).
// Lists are padded with NULL, which matches nothing, to a power of two, so
// a handful of statements serve every list length.
inline constexpr size_t kMaxInList = 512;

// "(?, ?, ...)" with `count` places.
std::string InList(size_t count);

// Runs `before + InList(n) + after` for `values` (text or integers), at
// most kMaxInList at a time. `bind(statement)` binds the `first - 1`
// parameters written before the list; the list starts at parameter
// `first`. `row(statement)` sees every result row and may fail.
template <class Value, class Bind, class Row>
Result<void> ForEachIn(Database& db, std::string_view before, std::string_view after, int first,
                       const std::vector<Value>& values, Bind bind, Row row) {
  for (size_t start = 0; start < values.size(); start += kMaxInList) {
    const size_t count = std::min(kMaxInList, values.size() - start);
    size_t places = 1;
    while (places < count) places *= 2;
    std::string sql(before);
    sql += InList(places);
    sql += after;
    auto statement = db.Cached(sql);
    if (!statement) return std::unexpected(statement.error());
    Statement& query = **statement;
    bind(query);
    for (size_t i = 0; i < places; ++i) {
      const int index = first + static_cast<int>(i);
      if (i >= count) {
        query.BindNull(index);
      } else if constexpr (std::is_integral_v<Value>) {
        query.BindInt(index, static_cast<int64_t>(values[start + i]));
      } else {
        query.BindText(index, values[start + i]);
      }
    }
    for (;;) {
      auto next = query.Step();
      if (!next) return std::unexpected(next.error());
      if (!*next) break;
      if (auto seen = row(static_cast<const Statement&>(query)); !seen) return seen;
    }
  }
  return {};
}

// Error text for a corrupt or foreign store, shared by every message that
// ends in "the file is at fault".
std::string ResetAdvice(std::string_view path);

}  // namespace issuegraph::store::sql
