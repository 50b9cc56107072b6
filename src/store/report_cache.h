// ReportCache owns serving a stored report again: what names a report
// (ReportKey), the stored rows a crawl read (RowLog, filled by
// CachedSource), deciding whether the rows still stand (one freshness
// probe for the stale ones, its findings written to the store) and keeping
// a report with its rows and stats. A store backend implements
// ReportStore; SQLite's Store does.
//
//   ReportCache cache(store, probe);
//   if (auto served = cache.Serve(key, max_age)) ... use served->body
//   else: crawl through CachedSource(store, ..., &cache.log()), analyze,
//         render, cache.Record(key, {...})
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "crawl/source.h"
#include "model/error.h"
#include "model/graph.h"
#include "store/node_table.h"

namespace issuegraph::store {

// One row a crawl read, as a report remembers it: serving the report again
// needs the row still there, with the same revision (and, for an alias,
// leading to the same key).
struct ReportMember {
  enum class Kind { kNode, kFailure, kAlias };
  Kind kind = Kind::kNode;
  std::string key;
  std::string target;    // kAlias: the key the old name leads to
  int64_t revision = 0;  // kNode, kFailure
  auto operator<=>(const ReportMember&) const = default;
};

// The rows one crawl read, in the order read. Spoilt once some answer did
// not come as a stored row (offline, a network failure, a refusal not
// remembered, a failed write): a report from that crawl is not servable.
class RowLog {
 public:
  void Add(ReportMember row) { rows_.push_back(std::move(row)); }
  void Spoil() { spoilt_ = true; }
  // Sorted, one per (kind, key); nullopt when spoilt.
  std::optional<std::vector<ReportMember>> rows() const;

 private:
  std::vector<ReportMember> rows_;
  bool spoilt_ = false;
};

// Everything that makes a report, never a secret: a report is served again
// only for the same key.
struct ReportKey {
  std::string build;  // ThisBuild(): another build may word reports differently
  std::string scope;  // the API the rows are stored under, e.g. "https://api.github.com"
  std::string api;    // "graphql" or "rest"
  std::string root;   // the root's key
  int depth = 1;
  int max_nodes = 100;
  bool authenticated = false;  // the credentials class: a token may see more
  std::string format;          // markdown | json | mermaid | html | dot

  // Names this very binary (version, size, mtime, inode); empty when unknown.
  static std::string ThisBuild();
  // The key as stored; empty (never served) without a build.
  std::string Text() const;
};

// One report as archived in the store.
struct StoredReport {
  std::string id;          // empty on Put: the store makes one
  int64_t created_at = 0;  // unix seconds; 0 on Put: now
  std::string root;        // node key
  nlohmann::json options;  // what made it; secrets are removed on Put
  std::string format;      // markdown | json | mermaid | html | dot
  std::string content;
  // Servable again (FindServableReport) when cache_key is set: what made
  // the report (never a secret), the rows its crawl read, and what serving
  // needs besides the text (graph size, crawl stats).
  std::string cache_key;
  std::string scope;                  // the API scope the members are stored under
  std::vector<ReportMember> members;  // written on Put, not read back
  nlohmann::json summary;
};

// A stored report whose rows are all still there, and which of them are
// stale. Fresh when neither list has anything. Stale nodes can be
// confirmed by a probe; a stale failure only by asking again (a crawl).
struct ServableReport {
  StoredReport report;  // content, summary and metadata; not members
  std::vector<StoredNode> stale;  // nodes without their children
  std::vector<std::string> stale_failures;

  bool Fresh() const { return stale.empty() && stale_failures.empty(); }
};

// What a backend keeps for ReportCache.
class ReportStore {
 public:
  virtual ~ReportStore() = default;
  // Archives the report. One with a cache_key replaces the servable copy
  // under that key (older archives stay, no longer servable).
  virtual Result<std::string> PutReport(StoredReport report) = 0;
  // The newest report archived under `cache_key` when every row its crawl
  // read is still stored in `scope` unchanged (same revision; failures for
  // the same credentials; an alias leading to the same key), with the rows
  // fetched or confirmed longer than `max_age` ago.
  virtual Result<std::optional<ServableReport>> FindServableReport(std::string_view cache_key,
                                                                   std::string_view scope,
                                                                   bool authenticated,
                                                                   std::chrono::seconds max_age) = 0;
  // Writes what `run`'s probe found: `unchanged` (one stamp each) fetched
  // as of now, `changed` marked for a refetch.
  virtual Result<void> RecordProbe(std::string_view scope, std::string_view run,
                                   const std::vector<std::string>& unchanged,
                                   const std::vector<crawl::Stamp>& stamps,
                                   const std::vector<std::string>& changed) = 0;
};

// A stored report served again.
struct CachedReport {
  // As stored: the text, or for JSON the body without "stats"
  // (render::RenderJsonBody).
  std::string body;
  CrawlStats stats;  // of the crawl that made it
  size_t nodes = 0;
  size_t edges = 0;
  int64_t rows = 0;  // stored rows it stands on

  // This run's stats: what the graph was (partial, left out, failed, cut)
  // as crawled; how it was got (every row a store hit, nothing else) now.
  // The caller adds what a probe spent.
  CrawlStats RunStats(std::string_view api) const;
};

// What Record keeps.
struct ReportRecord {
  std::string root;        // the root's key
  nlohmann::json options;  // what made it (secrets are removed)
  std::string body;        // as CachedReport::body
  const CrawlStats* stats = nullptr;  // of the crawl
  size_t nodes = 0;
  size_t edges = 0;
};

class ReportCache {
 public:
  // `probe` (not owned, may be null: REST) confirms stale rows.
  ReportCache(ReportStore& store, crawl::FreshnessProbe* probe);

  // The stored report for `key` when a crawl now would make it again: its
  // rows all fresh (younger than `max_age`), or the stale ones confirmed
  // unchanged by one probe. Otherwise nullopt; what the probe found is in
  // the store for the crawl (see run()). A store that cannot answer is a
  // miss too: the crawl reads, and reports on, the store.
  std::optional<CachedReport> Serve(const ReportKey& key, std::chrono::seconds max_age);

  // Archives a report; servable again under `key` when log() holds every
  // row its crawl read (and the key has a build).
  Result<std::string> Record(const ReportKey& key, const ReportRecord& record);

  // The rows this run's crawl reads (CachedSource appends to it).
  RowLog& log() { return log_; }
  // Names this run in the store: rows its probe confirmed are fresh for
  // its crawl (CachedSourceOptions::run).
  const std::string& run() const { return run_; }

 private:
  ReportStore& store_;
  crawl::FreshnessProbe* probe_;
  RowLog log_;
  std::string run_;
};

}  // namespace issuegraph::store
