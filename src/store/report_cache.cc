#include "store/report_cache.h"

#include <sys/stat.h>

#include <algorithm>
#include <random>
#include <utility>

#include "model/version.h"
#include "store/graph_json.h"

namespace issuegraph::store {
namespace {

// 128 random bits, as hex: a run's name in the store.
std::string NewRunName() {
  std::random_device random;
  std::string name;
  constexpr char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 4; ++i) {
    uint32_t word = random();
    for (int j = 0; j < 8; ++j, word >>= 4) name += kHex[word & 0xf];
  }
  return name;
}

// The summary stored beside a servable report's body.
nlohmann::json Summary(const ReportRecord& record, size_t rows) {
  return {{"root", record.root},
          {"nodes", record.nodes},
          {"edges", record.edges},
          {"members", rows},
          {"stats", StatsToJson(record.stats != nullptr ? *record.stats : CrawlStats{})}};
}

std::optional<CachedReport> FromStored(StoredReport& stored) {
  const nlohmann::json& summary = stored.summary;
  if (!summary.is_object() || !summary.contains("stats")) return std::nullopt;
  auto stats = StatsFromJson(summary["stats"]);
  if (!stats) return std::nullopt;
  CachedReport out;
  out.body = std::move(stored.content);
  out.stats = std::move(*stats);
  out.nodes = summary.value("nodes", size_t{0});
  out.edges = summary.value("edges", size_t{0});
  out.rows = summary.value("members", int64_t{0});
  return out;
}

}  // namespace

std::optional<std::vector<ReportMember>> RowLog::rows() const {
  if (spoilt_) return std::nullopt;
  std::vector<ReportMember> sorted = rows_;
  std::ranges::sort(sorted);
  auto [first, last] = std::ranges::unique(sorted, [](const auto& a, const auto& b) {
    return a.kind == b.kind && a.key == b.key;
  });
  sorted.erase(first, last);
  return sorted;
}

std::string ReportKey::ThisBuild() {
  static const std::string build = [] {
    struct stat binary {};
    if (::stat("/proc/self/exe", &binary) != 0) return std::string();
    return std::string(kVersion) + "+" + std::to_string(binary.st_size) + "." +
           std::to_string(binary.st_mtim.tv_sec) + "." + std::to_string(binary.st_mtim.tv_nsec) +
           "." + std::to_string(binary.st_ino);
  }();
  return build;
}

std::string ReportKey::Text() const {
  if (build.empty()) return "";
  const nlohmann::json key = {{"build", build},         {"scope", scope},
                              {"root", root},           {"depth", depth},
                              {"max_nodes", max_nodes}, {"api", api},
                              {"authenticated", authenticated}, {"format", format}};
  return key.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

CrawlStats CachedReport::RunStats(std::string_view api) const {
  CrawlStats out;
  out.api = std::string(api);
  out.cache_hits = rows;
  out.partial = stats.partial;
  out.partial_reasons = stats.partial_reasons;
  out.left_out = stats.left_out;
  out.beyond_depth = stats.beyond_depth;
  out.failed = stats.failed;
  out.truncated = stats.truncated;
  return out;
}

ReportCache::ReportCache(ReportStore& store, crawl::FreshnessProbe* probe)
    : store_(store), probe_(probe), run_(NewRunName()) {}

std::optional<CachedReport> ReportCache::Serve(const ReportKey& key, std::chrono::seconds max_age) {
  const std::string text = key.Text();
  if (text.empty()) return std::nullopt;
  auto found = store_.FindServableReport(text, key.scope, key.authenticated, max_age);
  if (!found || !*found) return std::nullopt;
  ServableReport& servable = **found;
  auto cached = FromStored(servable.report);
  if (!cached) return std::nullopt;
  if (servable.Fresh()) return cached;
  // A stale failure can only be asked again, and REST has no probe: the
  // crawl revalidates. Otherwise one probe for every stale node.
  if (!servable.stale_failures.empty() || probe_ == nullptr) return std::nullopt;
  std::vector<IssueRef> refs;
  refs.reserve(servable.stale.size());
  for (const StoredNode& node : servable.stale) refs.push_back(node.node.ref);
  auto stamps = probe_->Probe(refs);
  std::vector<std::string> unchanged;
  std::vector<crawl::Stamp> unchanged_stamps;
  std::vector<std::string> changed;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (i < stamps.size() && stamps[i] && UnchangedSince(servable.stale[i], *stamps[i])) {
      unchanged.push_back(refs[i].Key());
      unchanged_stamps.push_back(std::move(*stamps[i]));
    } else {
      changed.push_back(refs[i].Key());
    }
  }
  // What the probe found is the crawl's to use; unrecorded, it is a miss.
  if (!store_.RecordProbe(key.scope, run_, unchanged, unchanged_stamps, changed)) return std::nullopt;
  if (!changed.empty()) return std::nullopt;
  return cached;
}

Result<std::string> ReportCache::Record(const ReportKey& key, const ReportRecord& record) {
  StoredReport stored;
  stored.root = record.root;
  stored.options = record.options;
  stored.format = key.format;
  stored.content = record.body;
  if (auto rows = log_.rows(); rows && !key.Text().empty()) {
    stored.cache_key = key.Text();
    stored.scope = key.scope;
    stored.summary = Summary(record, rows->size());
    stored.members = std::move(*rows);
  }
  return store_.PutReport(std::move(stored));
}

}  // namespace issuegraph::store
