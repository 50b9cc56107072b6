#include "store/postgres.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

namespace issuegraph::store::sql {

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t start = scheme + 3;
    const size_t end = std::min(out.find_first_of("/?", start), out.size());
    const size_t at = out.rfind('@', end - 1);
    if (at != std::string::npos && at >= start) {
      const size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // A password may also come as a query parameter.
  for (size_t query = out.find("password="); query != std::string::npos;
       query = out.find("password=", query + 1)) {
    const size_t value = query + 9;
    const size_t value_end = std::min(out.find('&', value), out.size());
    out.replace(value, value_end - value, "***");
  }
  return out;
}

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string ToDollarParameters(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  int highest = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      out += c;
      if (c == quote) quote = 0;  // a doubled quote reopens at once: same effect
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    size_t digits = i + 1;
    while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
    int number = 0;
    if (digits > i + 1) {
      number = std::atoi(std::string(sql.substr(i + 1, digits - i - 1)).c_str());
      i = digits - 1;
    } else {
      number = ++next;
    }
    highest = std::max(highest, number);
    out += '$';
    out += std::to_string(number);
  }
  if (count != nullptr) *count = highest;
  return out;
}

namespace {

constexpr unsigned kByteaType = 17;  // pg_type.oid of bytea

struct ResultCloser {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultCloser>;

void IgnoreNotice(void*, const char*) {}

class PostgresDatabase;

class PostgresStatement : public StatementBackend {
 public:
  PostgresStatement(PostgresDatabase* owner, std::string sql, int parameters, std::string name)
      : owner_(owner), sql_(std::move(sql)), name_(std::move(name)),
        values_(static_cast<size_t>(parameters)), binary_(static_cast<size_t>(parameters), 0) {}

  void BindText(int index, std::string_view text) override {
    if (!Slot(index)) return;
    if (text.find('\0') != std::string_view::npos && error_.empty()) {
      error_ = "a text value holds a NUL character, which PostgreSQL text cannot store";
    }
    values_[index - 1] = std::string(text);
    binary_[index - 1] = 0;
  }
  void BindBlob(int index, std::string_view bytes) override {
    if (!Slot(index)) return;
    values_[index - 1] = std::string(bytes);
    binary_[index - 1] = 1;
  }
  void BindInt(int index, int64_t value) override {
    if (!Slot(index)) return;
    values_[index - 1] = std::to_string(value);
    binary_[index - 1] = 0;
  }
  void BindNull(int index) override {
    if (!Slot(index)) return;
    values_[index - 1].reset();
  }

  Result<bool> Step() override;
  void Reset() override {
    result_.reset();
    row_ = -1;
    for (auto& value : values_) value.reset();
    error_.clear();
  }

  int64_t Int(int column) const override {
    if (IsNull(column)) return 0;
    const char* value = PQgetvalue(result_.get(), row_, column);
    if (value[0] == 't' && value[1] == '\0') return 1;  // a boolean
    if (value[0] == 'f' && value[1] == '\0') return 0;
    return std::strtoll(value, nullptr, 10);
  }
  std::string Text(int column) const override {
    if (IsNull(column)) return "";
    const char* value = PQgetvalue(result_.get(), row_, column);
    if (PQftype(result_.get(), column) == kByteaType) {
      size_t size = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &size);
      if (bytes == nullptr) return "";
      std::string out(reinterpret_cast<const char*>(bytes), size);
      PQfreemem(bytes);
      return out;
    }
    return std::string(value, static_cast<size_t>(PQgetlength(result_.get(), row_, column)));
  }
  ColumnKind Kind(int column) const override {
    if (IsNull(column)) return ColumnKind::kNull;
    switch (PQftype(result_.get(), column)) {
      case kByteaType: return ColumnKind::kBlob;
      case 20: case 21: case 23: return ColumnKind::kInt;  // int8, int2, int4
      default: return ColumnKind::kText;
    }
  }
  bool IsNull(int column) const override {
    return !result_ || row_ < 0 || row_ >= PQntuples(result_.get()) ||
           column >= PQnfields(result_.get()) || PQgetisnull(result_.get(), row_, column) != 0;
  }

 private:
  bool Slot(int index) {
    if (index >= 1 && static_cast<size_t>(index) <= values_.size()) return true;
    if (error_.empty()) error_ = "parameter " + std::to_string(index) + " is out of range";
    return false;
  }

  PostgresDatabase* owner_;
  const std::string sql_;
  const std::string name_;  // empty: not prepared, sent with its text each time
  int64_t prepared_in_ = -1;  // the connection generation it was prepared on
  std::vector<std::optional<std::string>> values_;
  std::vector<int> binary_;
  std::string error_;  // the first bad bind, reported by Step
  PgResult result_;
  int row_ = -1;
};

class PostgresDatabase : public Database {
 public:
  PostgresDatabase(PGconn* conn, std::string shown) : Database(std::move(shown)), conn_(conn) {}
  ~PostgresDatabase() override { PQfinish(conn_); }

  Result<void> Exec(std::string_view sql) override {
    if (auto alive = EnsureConnected(); !alive) return alive;
    PgResult result(PQexec(conn_, std::string(sql).c_str()));
    return Check(result, "running " + std::string(sql.substr(0, 40)));
  }
  int64_t Changes() const override { return changes_; }
  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<void> BeginWrite() override {
    return Exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")");
  }
  Result<void> BeginRead() override { return Exec("BEGIN ISOLATION LEVEL REPEATABLE READ"); }

  // Runs a statement: prepares it first on this connection if it has a name.
  PgResult Run(const std::string& name, const std::string& sql, int64_t& prepared_in,
               const std::vector<std::optional<std::string>>& values,
               const std::vector<int>& binary, Error* error) {
    if (auto alive = EnsureConnected(); !alive) {
      *error = alive.error();
      return nullptr;
    }
    std::vector<const char*> pointers(values.size(), nullptr);
    std::vector<int> lengths(values.size(), 0);
    for (size_t i = 0; i < values.size(); ++i) {
      if (!values[i]) continue;
      pointers[i] = values[i]->c_str();
      lengths[i] = static_cast<int>(values[i]->size());
    }
    const int n = static_cast<int>(values.size());
    PgResult result;
    if (name.empty()) {
      result.reset(PQexecParams(conn_, sql.c_str(), n, nullptr, pointers.data(), lengths.data(),
                                binary.data(), 0));
    } else {
      if (prepared_in != generation_) {
        PgResult prepared(PQprepare(conn_, name.c_str(), sql.c_str(), n, nullptr));
        if (auto ok = Check(prepared, "preparing " + sql.substr(0, 40)); !ok) {
          *error = ok.error();
          return nullptr;
        }
        prepared_in = generation_;
      }
      result.reset(PQexecPrepared(conn_, name.c_str(), n, pointers.data(), lengths.data(),
                                  binary.data(), 0));
    }
    if (auto ok = Check(result, "a statement"); !ok) {
      *error = ok.error();
      return nullptr;
    }
    return result;
  }

  std::string NextName() { return "ig" + std::to_string(++statements_); }

 protected:
  Result<std::unique_ptr<StatementBackend>> PrepareBackend(std::string_view sql,
                                                           bool persistent) override {
    int parameters = 0;
    std::string text = ToDollarParameters(sql, &parameters);
    return std::unique_ptr<StatementBackend>(
        new PostgresStatement(this, std::move(text), parameters, persistent ? NextName() : ""));
  }

 private:
  // A connection lost between transactions (a restarted server) is made
  // again once; statements prepare themselves anew on it.
  Result<void> EnsureConnected() {
    if (PQstatus(conn_) == CONNECTION_OK) return {};
    PQreset(conn_);
    ++generation_;
    if (PQstatus(conn_) == CONNECTION_OK) return {};
    return MakeError(ErrorKind::kIo, "lost the connection to the store " + path() + " (" +
                                         Message() + "); check that the server is running");
  }

  std::string Message() const { return OneLine(PQerrorMessage(conn_)); }

  Result<void> Check(const PgResult& result, const std::string& doing) {
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      const char* tuples = PQcmdTuples(result.get());
      changes_ = tuples[0] == '\0' ? 0 : std::strtoll(tuples, nullptr, 10);
      return {};
    }
    const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state != nullptr ? state : "";
    const std::string detail = result ? OneLine(PQresultErrorMessage(result.get())) : Message();
    if (code.starts_with("08") || code.starts_with("57P") || PQstatus(conn_) != CONNECTION_OK) {
      return MakeError(ErrorKind::kIo, "lost the connection to the store " + path() + " (" +
                                           detail + "); check that the server is running");
    }
    if (code == "53100") {
      return MakeError(ErrorKind::kIo, "the disk of the store " + path() +
                                           " is full; free some space or run `issuegraph cache prune`");
    }
    if (code.starts_with("42")) {  // our SQL is wrong: a bug
      return MakeError(ErrorKind::kInternal,
                       "the store " + path() + ": " + doing + " failed (" + detail + ")");
    }
    return MakeError(ErrorKind::kIo, "the store " + path() + ": " + doing + " failed (" + detail + ")");
  }

  PGconn* conn_;
  int64_t changes_ = 0;
  int64_t generation_ = 0;
  int64_t statements_ = 0;
};

Result<bool> PostgresStatement::Step() {
  if (result_) {
    ++row_;
    return row_ < PQntuples(result_.get());
  }
  if (!error_.empty()) {
    return MakeError(ErrorKind::kInvalidInput, "the store " + owner_->path() + " refused a value: " +
                                                   error_ + "; use an SQLite store (--store PATH)");
  }
  Error error;
  result_ = owner_->Run(name_, sql_, prepared_in_, values_, binary_, &error);
  if (!result_) return std::unexpected(error);
  row_ = 0;
  return PQresultStatus(result_.get()) == PGRES_TUPLES_OK && PQntuples(result_.get()) > 0;
}

}  // namespace

Result<PGconn*> ConnectPostgres(const std::string& url) {
  // Earlier keywords are defaults the URL may override.
  const char* keywords[] = {"application_name", "connect_timeout", "dbname", nullptr};
  const char* values[] = {"issuegraph", "10", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  if (conn == nullptr) {
    return MakeError(ErrorKind::kIo, "cannot connect to the store " + RedactUrl(url) + " (out of memory)");
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string detail = OneLine(PQerrorMessage(conn));
    PQfinish(conn);
    return MakeError(ErrorKind::kIo, "cannot connect to the store " + RedactUrl(url) + " (" + detail +
                                         "); check the URL and that the server is running");
  }
  PQsetNoticeProcessor(conn, &IgnoreNotice, nullptr);
  return conn;
}

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url) {
  auto conn = ConnectPostgres(url);
  if (!conn) return std::unexpected(conn.error());
  auto db = std::unique_ptr<Database>(new PostgresDatabase(*conn, RedactUrl(url)));
  if (auto set = db->Exec("SET client_encoding = 'UTF8'"); !set) return std::unexpected(set.error());
  return db;
}

}  // namespace issuegraph::store::sql
