// Store is issuegraph's SQLite cache: nodes with their comments, events and
// links, HTTP validators and archived reports, in one file (WAL, busy timeout
// 5 s, one transaction per batch, so concurrent processes and kill -9 leave
// whole batches only). A Store owns one connection; it is not thread-safe,
// but any number of Stores (threads, processes) may share a file.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/clock.h"
#include "model/error.h"
#include "model/graph.h"
#include "store/node_table.h"
#include "store/report_cache.h"
#include "store/sql.h"

namespace issuegraph::store {

struct StoreStats {
  int64_t nodes = 0;
  int64_t complete_nodes = 0;
  int64_t comments = 0;
  int64_t events = 0;
  int64_t links = 0;
  int64_t aliases = 0;
  int64_t failures = 0;
  int64_t validators = 0;
  int64_t reports = 0;
  int64_t servable_reports = 0;  // archived reports a rerun may serve without a crawl
  int64_t oldest_fetched_at = 0;  // unix seconds; 0 when empty
  int64_t newest_fetched_at = 0;
  int64_t file_bytes = 0;  // the database and its WAL
};

struct PruneResult {
  int64_t nodes = 0;
  int64_t failures = 0;
  int64_t aliases = 0;
  int64_t validators = 0;
  int64_t syntheses = 0;  // stored model answers (--llm)
};

// What one crawl level brings back to be written in one transaction.
struct NodeBatch {
  std::vector<Node> nodes;                                   // successful fetches
  std::vector<crawl::Stamp> stamps;                          // empty, or one per node
  std::vector<std::pair<std::string, std::string>> aliases;  // old_key -> key: moved items
  std::vector<std::pair<std::string, Error>> failures;       // key -> the network's refusal
  bool authenticated = false;  // whether the failures were met with a token
};

// A refusal the network gave for a key (not found, forbidden, gone).
struct StoredFailure {
  Error error;
  int64_t fetched_at = 0;
  int64_t revision = 0;  // of the write that stored it
};

class Store : public ReportStore {
 public:
  // Opens or creates the store at `path` (":memory:" for a private one).
  // A file that is not SQLite, another program's database or a newer
  // schema is a kIo error naming the path, --store and the way out; a
  // foreign file is never modified. `clock` (not owned, may be null: the
  // system clock) dates fetches and prunes.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, Clock* clock = nullptr);

  // $XDG_CACHE_HOME/issuegraph/store.db, else $HOME/.cache/issuegraph/store.db;
  // creates the directory.
  static Result<std::string> DefaultPath();

  // Empties the store at `path`: clears it when it opens, removes the file
  // (and its -wal, -shm) when it is damaged or not SQLite at all; refuses a
  // database of another program.
  static Result<void> ClearFile(const std::string& path);

  // Writes the batch in ONE transaction, stamped now and with the next
  // revision, which it returns: a crash leaves all of it or none. `scope`
  // names the API the nodes came from (see CachedSourceOptions::scope). A
  // stored node clears its key's failures.
  Result<int64_t> Put(std::string_view scope, const NodeBatch& batch);
  Result<void> PutNodes(std::string_view scope, const std::vector<Node>& nodes);
  // The node under `key` (or the key an alias leads to), if stored.
  Result<std::optional<StoredNode>> GetNode(std::string_view scope, std::string_view key);
  // GetNode for each key, in one read transaction (one consistent snapshot).
  Result<std::vector<std::optional<StoredNode>>> GetNodes(std::string_view scope,
                                                          const std::vector<std::string>& keys);
  // The refusal remembered for each key (same credentials only), if any.
  Result<std::vector<std::optional<StoredFailure>>> GetFailures(
      std::string_view scope, const std::vector<std::string>& keys, bool authenticated);
  // ReportStore: reports archived and served again, probes recorded.
  Result<std::string> PutReport(StoredReport report) override;
  Result<std::optional<ServableReport>> FindServableReport(std::string_view cache_key,
                                                           std::string_view scope,
                                                           bool authenticated,
                                                           std::chrono::seconds max_age) override;
  Result<void> RecordProbe(std::string_view scope, std::string_view run,
                           const std::vector<std::string>& unchanged,
                           const std::vector<crawl::Stamp>& stamps,
                           const std::vector<std::string>& changed) override;

  Result<std::optional<StoredReport>> GetReport(std::string_view id);
  // Newest first.
  Result<std::vector<StoredReport>> ListReports(int limit = 20);

  Result<StoreStats> Stats();
  // Deletes nodes, failures and validators not fetched within `max_age`,
  // and aliases that lead nowhere. Reports are archives and stay.
  Result<PruneResult> Prune(std::chrono::seconds max_age);
  // Deletes everything, reports included, and shrinks the file.
  Result<void> Clear();

  // Unix seconds by the store's clock.
  int64_t Now() const;
  const std::string& path() const { return db_->path(); }
  // The connection, for the store's own helpers (validator cache).
  sql::Database& database() { return *db_; }

 private:
  Store(std::unique_ptr<sql::Database> db, Clock* clock);

  std::unique_ptr<sql::Database> db_;
  Clock* clock_;
  SystemClock system_clock_;
};

// Removes keys that could hold a secret ("token", "authorization",
// "password", "secret", "cookie" in any case) from a JSON object, at any
// depth. Used before anything user-supplied is written to disk.
void RemoveSecrets(nlohmann::json& value);

}  // namespace issuegraph::store
