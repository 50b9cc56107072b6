#include "store/cached_source.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace issuegraph::store {
namespace {

bool Enough(const StoredNode& stored, crawl::Detail detail) {
  return detail == crawl::Detail::kSummary || stored.node.complete || stored.node.deleted;
}

// What a summary fetch of a node gives (crawl::Detail::kSummary): no
// thread, only the links of its text and its parent. A summary request
// answered by a stored node with its whole thread gets this, so that a
// report does not depend on what earlier, deeper crawls left in the store.
void Summarize(Node& node) {
  if (!node.complete || node.deleted) return;
  node.complete = false;
  node.comments.clear();
  node.events.clear();
  std::erase_if(node.links, [](const Link& edge) {
    return edge.provenance.where != Provenance::Where::kBody &&
           !(edge.kind == EdgeKind::kSubIssueOf && edge.provenance.id == "parent");
  });
}

// Answers worth remembering: they will be the same on a rerun soon after.
bool Refusal(const Error& error) {
  return error.kind == ErrorKind::kNotFound || error.kind == ErrorKind::kGone ||
         error.kind == ErrorKind::kForbidden;
}

// A stale stored node is still the best answer when the network is away.
bool NetworkAway(const Error& error) {
  return error.kind == ErrorKind::kNetwork || error.kind == ErrorKind::kServer ||
         error.kind == ErrorKind::kRateLimited;
}

}  // namespace

CachedSource::CachedSource(Store& store, crawl::Source* inner, CachedSourceOptions options,
                           crawl::FreshnessProbe* probe, RowLog* log)
    : store_(store), inner_(inner), options_(std::move(options)), probe_(probe), log_(log) {
  // Offline answers are whatever the store holds, whatever its age: a
  // report from them is not one a crawl now would make.
  if (Offline()) Spoil();
}

void CachedSource::Spoil() {
  if (log_ != nullptr) log_->Spoil();
}

void CachedSource::Member(ReportMember::Kind kind, std::string key, int64_t revision) {
  if (log_ != nullptr) log_->Add({kind, std::move(key), "", revision});
}

void CachedSource::NodeMember(const std::string& asked, const std::string& key, int64_t revision) {
  if (asked != key && log_ != nullptr) log_->Add({ReportMember::Kind::kAlias, asked, key, 0});
  Member(ReportMember::Kind::kNode, key, revision);
}

void CachedSource::Note(std::string notice) {
  for (const auto& seen : notices_) {
    if (seen == notice) return;
  }
  // Every notice tells of an answer that is not a stored row as it stands.
  Spoil();
  notices_.push_back(std::move(notice));
}

std::vector<Result<Node>> CachedSource::Fetch(const std::vector<crawl::FetchRequest>& batch) {
  std::vector<Result<Node>> out = Answer(batch);
  for (size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].detail == crawl::Detail::kSummary && out[i]) Summarize(*out[i]);
  }
  return out;
}

std::vector<Result<Node>> CachedSource::Answer(const std::vector<crawl::FetchRequest>& batch) {
  std::vector<Result<Node>> out(batch.size(), MakeError(ErrorKind::kInternal, "not answered"));
  std::vector<std::string> keys;
  keys.reserve(batch.size());
  for (const auto& request : batch) keys.push_back(request.ref.Key());

  std::vector<std::optional<StoredNode>> stored(batch.size());
  if (auto read = store_.GetNodes(options_.scope, keys)) {
    stored = std::move(*read);
  } else if (Offline()) {
    for (auto& answer : out) answer = std::unexpected(read.error());
    misses_ += static_cast<int64_t>(batch.size());
    return out;
  } else {
    Note("reading the store failed, so this crawl uses the network: " + read.error().message);
  }

  // Refusals remembered for what the store does not hold.
  std::vector<std::optional<StoredFailure>> refused(batch.size());
  std::vector<std::string> absent;
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!stored[i]) absent.push_back(keys[i]);
  }
  if (!absent.empty()) {
    if (auto failures = store_.GetFailures(options_.scope, absent, options_.authenticated)) {
      for (size_t i = 0, j = 0; i < batch.size(); ++i) {
        if (!stored[i]) refused[i] = std::move((*failures)[j++]);
      }
    }
  }

  const int64_t now = store_.Now();
  std::vector<size_t> to_probe;
  std::vector<size_t> to_fetch;
  for (size_t i = 0; i < batch.size(); ++i) {
    const auto& found = stored[i];
    if (!found && refused[i] &&
        (Offline() || network_failure_ ||
         (!options_.refresh && now - refused[i]->fetched_at < options_.max_age.count()))) {
      out[i] = std::unexpected(refused[i]->error);
      Member(ReportMember::Kind::kFailure, keys[i], refused[i]->revision);
      ++hits_;
      continue;
    }
    if (Offline() || network_failure_) {
      Spoil();
      if (found) {
        if (!Enough(*found, batch[i].detail)) {
          truncated_.push_back(keys[i] + ": stored without its comments and timeline");
        }
        out[i] = std::move(stored[i]->node);
        ++hits_;
      } else if (network_failure_) {
        out[i] = std::unexpected(*network_failure_);
        ++misses_;
      } else {
        out[i] = MakeError(ErrorKind::kNotFound, batch[i].ref.Text() + " is not in the store " +
                                                     store_.path() +
                                                     "; run once online or drop --offline");
        ++misses_;
      }
      continue;
    }
    const bool enough = found && Enough(*found, batch[i].detail);
    // What this run's probe said of the row (ReportCache::Serve), if it did.
    const bool probed = enough && !options_.run.empty() && found->probed_by == options_.run;
    const bool fresh = enough && ((probed && !found->probe_changed) ||
                                  (!options_.refresh && now - found->fetched_at < options_.max_age.count()));
    if (fresh) {
      NodeMember(keys[i], found->node.ref.Key(), found->revision);
      // Not looked at again: the node moves out rather than being copied.
      out[i] = std::move(stored[i]->node);
      ++hits_;
    } else if (enough && probe_ != nullptr && !probed) {
      to_probe.push_back(i);
    } else {
      to_fetch.push_back(i);
    }
  }

  // Stale nodes: one probe for all; the unchanged are confirmed, not fetched.
  std::vector<std::optional<crawl::Stamp>> probed(batch.size());
  if (!to_probe.empty()) {
    std::vector<IssueRef> refs;
    for (size_t i : to_probe) refs.push_back(batch[i].ref);
    auto stamps = probe_->Probe(refs);
    std::vector<std::string> confirmed;
    std::vector<crawl::Stamp> confirmed_stamps;
    for (size_t j = 0; j < to_probe.size(); ++j) {
      const size_t i = to_probe[j];
      if (j < stamps.size() && stamps[j]) probed[i] = *stamps[j];
      if (probed[i] && UnchangedSince(*stored[i], *probed[i])) {
        NodeMember(keys[i], stored[i]->node.ref.Key(), stored[i]->revision);
        out[i] = stored[i]->node;
        ++hits_;
        confirmed.push_back(stored[i]->node.ref.Key());
        confirmed_stamps.push_back(*probed[i]);
      } else {
        to_fetch.push_back(i);
      }
    }
    if (auto recorded = store_.RecordProbe(options_.scope, options_.run, confirmed, confirmed_stamps, {});
        !recorded) {
      Note("could not record revalidated items in the store: " + recorded.error().message);
    }
  }
  if (to_fetch.empty()) return out;

  // Everything else in ONE inner call, so the network source still batches.
  std::vector<crawl::FetchRequest> asks;
  asks.reserve(to_fetch.size());
  for (size_t i : to_fetch) asks.push_back(batch[i]);
  auto answers = inner_->Fetch(asks);
  misses_ += static_cast<int64_t>(to_fetch.size());

  NodeBatch level;
  level.authenticated = options_.authenticated;
  int64_t stale_served = 0;
  // Members this level writes, stamped with the revision once written.
  std::vector<ReportMember> written;
  for (size_t j = 0; j < to_fetch.size(); ++j) {
    const size_t i = to_fetch[j];
    Result<Node>& answer = answers[j];
    if (answer) {
      // The probe's stamp was taken before this fetch: at worst older than
      // the node, which costs one needless refetch later, never a miss.
      crawl::Stamp stamp = probed[i]           ? *probed[i]
                           : probe_ != nullptr ? probe_->StampOf(*answer)
                                               : crawl::Stamp{};
      if (answer->ref.Key() != keys[i]) {
        level.aliases.emplace_back(keys[i], answer->ref.Key());
        written.push_back({ReportMember::Kind::kAlias, keys[i], answer->ref.Key(), 0});
      }
      written.push_back({ReportMember::Kind::kNode, answer->ref.Key(), "", 0});
      level.nodes.push_back(*answer);
      level.stamps.push_back(std::move(stamp));
      out[i] = std::move(answer);
      continue;
    }
    if (Refusal(answer.error())) {
      level.failures.emplace_back(keys[i], answer.error());
      written.push_back({ReportMember::Kind::kFailure, keys[i], "", 0});
    } else {
      Spoil();  // not remembered: a rerun would ask the network
    }
    if (NetworkAway(answer.error())) {
      // Asking again this crawl would meet the same wall (and its waits).
      if (!network_failure_) network_failure_ = answer.error();
      if (stored[i]) {
        out[i] = stored[i]->node;
        ++stale_served;
        continue;
      }
    }
    out[i] = std::move(answer);
  }
  if (stale_served > 0) {
    Note("GitHub did not answer (" + network_failure_->message + "); " +
         std::to_string(stale_served) + " items were taken from the store as last fetched");
  }
  if (auto saved = store_.Put(options_.scope, level); !saved) {
    Note("could not save fetched items to the store (the report is complete): " +
         saved.error().message);
  } else if (log_ != nullptr) {
    for (ReportMember& member : written) {
      if (member.kind != ReportMember::Kind::kAlias) member.revision = *saved;
      log_->Add(std::move(member));
    }
  }
  return out;
}

void CachedSource::AddStats(CrawlStats& stats) const {
  if (inner_ != nullptr) inner_->AddStats(stats);
  stats.cache_hits += hits_;
  stats.cache_misses += misses_;
  stats.truncated.insert(stats.truncated.end(), truncated_.begin(), truncated_.end());
}

}  // namespace issuegraph::store
