// A thin RAII layer over the SQLite C API for the store: one Database owns a
// connection and the statements it prepared; every value reaches SQL through
// a bind, never through string building. Errors come back as Result values
// whose message names the store file. Not thread-safe: one Database per
// thread (SQLite locks the file between connections and processes).
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
struct sqlite3_stmt;

namespace issuegraph::store::sql {

class Database;

// A prepared statement. Columns and parameters are numbered as SQLite does:
// parameters from 1, columns from 0.
class Statement {
 public:
  // Made by Database, which outlives its statements.
  Statement(sqlite3_stmt* statement, Database* owner);

  Statement& BindText(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindInt(int index, int64_t value);
  Statement& BindNull(int index);
  // Empty text binds NULL.
  Statement& BindOptionalText(int index, std::string_view text);

  // Advances one row: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to the end (for statements that return no rows).
  Result<void> Run();
  // Clears bindings and rewinds so the statement can run again.
  void Reset();

  int64_t Int(int column) const;
  std::string Text(int column) const;  // "" for NULL
  bool IsNull(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const;
  };
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
  Database* owner_;
  int bind_error_ = 0;  // the first failed bind, reported by Step
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
  // Opens (creating if absent) the database at `path`; ":memory:" is a
  // private in-memory database. Nothing is read yet: a file that is not a
  // database fails at the first statement.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL text without parameters (schema, pragmas, transactions).
  Result<void> Exec(std::string_view sql);
  // A statement prepared once per connection and reused, reset and
  // unbound. Do not hold two leases of the same SQL at once.
  Result<Lease> Cached(const std::string& sql);
  // A fresh statement, for SQL run once.
  Result<Statement> Prepare(std::string_view sql);

  // A store error for SQLite result code `code`, its message naming the path
  // and, where the file is at fault, how to get out. Remembers corruption.
  Error Failure(int code, std::string_view doing);

  int64_t Changes() const;
  // True once any call on this connection found the file not a database
  // or damaged (SQLITE_NOTADB, SQLITE_CORRUPT).
  bool saw_corruption() const { return saw_corruption_; }
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::string path);

  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
  std::map<std::string, Statement, std::less<>> cache_;
  bool saw_corruption_ = false;
};

// BEGIN IMMEDIATE ... COMMIT. Taking the write lock up front means a busy
// database waits in the busy handler instead of failing halfway through a
// read-then-write transaction. Rolls back unless Commit() succeeded.
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

// Most values one IN list binds (SQLite allows at least 999 parameters).
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
