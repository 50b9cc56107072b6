#include "store/cached_source.h"

#include <gtest/gtest.h>

#include <map>

#include "crawl/crawler.h"
#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using crawl::Detail;
using crawl::FetchRequest;
using testing::FakeClock;
using testing::FakeProbe;

constexpr char kScope[] = "https://api.github.com";

// The network side: answers from `world`, records every batch it was given.
class FakeSource : public crawl::Source {
 public:
  std::vector<Result<Node>> Fetch(const std::vector<FetchRequest>& batch) override {
    batches.push_back(batch);
    std::vector<Result<Node>> out;
    for (const auto& request : batch) {
      if (failure) {
        out.push_back(std::unexpected(*failure));
        continue;
      }
      auto it = world.find(request.ref.Key());
      if (it == world.end()) {
        out.push_back(MakeError(ErrorKind::kNotFound, request.ref.Text() + " not found"));
        continue;
      }
      Node node = it->second;
      node.complete = request.detail == Detail::kFull;
      if (!node.complete) {
        node.comments.clear();
        node.events.clear();
      }
      out.push_back(std::move(node));
    }
    return out;
  }
  void AddStats(CrawlStats& stats) const override {
    stats.api = "fake";
    stats.requests += static_cast<int64_t>(batches.size());
  }
  size_t Asked() const {
    size_t total = 0;
    for (const auto& batch : batches) total += batch.size();
    return total;
  }
  std::map<std::string, Node> world;
  std::vector<std::vector<FetchRequest>> batches;
  std::optional<Error> failure;
};

Node WorldNode(const std::string& text, const std::vector<std::string>& links_to = {}) {
  auto ref = ParseIssueRef(text);
  Node node;
  node.ref = *ref;
  node.title = "title of " + text;
  node.updated_at = "2026-05-01T00:00:00Z";
  node.url = ref->HtmlUrl();
  node.comments = {{"1", "a", "NONE", "", "a comment", ""}};
  for (const auto& target : links_to) {
    Link edge;
    edge.from = node.ref;
    edge.to = *ParseIssueRef(target);
    edge.provenance = {text, Provenance::Where::kBody, "", node.url};
    node.links.push_back(edge);
  }
  return node;
}

FetchRequest Ask(const std::string& text, Detail detail = Detail::kFull) {
  return {*ParseIssueRef(text), detail};
}

class CachedSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(testing::TestStore(), &clock_);
    ASSERT_TRUE(store);
    store_ = std::move(*store);
    network_.world = {
        {"acme/app#1", WorldNode("acme/app#1", {"acme/app#2", "acme/app#3", "acme/app#99"})},
        {"acme/app#2", WorldNode("acme/app#2", {"acme/app#4"})},
        {"acme/app#3", WorldNode("acme/app#3")},
        {"acme/app#4", WorldNode("acme/app#4")}};
  }
  CachedSourceOptions Options() {
    CachedSourceOptions options;
    options.scope = kScope;
    return options;
  }

  FakeClock clock_;
  std::unique_ptr<Store> store_;
  FakeSource network_;
};

TEST_F(CachedSourceTest, FreshNodesCostNoRequest) {
  CachedSource cold(*store_, &network_, Options());
  auto first = cold.Fetch({Ask("acme/app#1"), Ask("acme/app#2")});
  ASSERT_TRUE(first[0] && first[1]);
  EXPECT_EQ(network_.batches.size(), 1u);

  clock_.Advance(std::chrono::minutes(9));
  CachedSource warm(*store_, &network_, Options());
  auto second = warm.Fetch({Ask("acme/app#1"), Ask("acme/app#2")});
  EXPECT_EQ(network_.batches.size(), 1u);  // nothing new
  ASSERT_TRUE(second[0] && second[1]);
  testing::ExpectSameNode(*second[0], *first[0]);
  CrawlStats stats;
  warm.AddStats(stats);
  EXPECT_EQ(stats.cache_hits, 2);
  EXPECT_EQ(stats.cache_misses, 0);
}

TEST_F(CachedSourceTest, StaleNodesGoToTheNetworkInOneBatch) {
  CachedSource source(*store_, &network_, Options());
  ASSERT_TRUE(source.Fetch({Ask("acme/app#1")})[0]);
  clock_.Advance(std::chrono::minutes(11));
  network_.world["acme/app#1"].title = "changed upstream";
  auto answers = source.Fetch({Ask("acme/app#1"), Ask("acme/app#2"), Ask("acme/app#3")});
  ASSERT_EQ(network_.batches.size(), 2u);
  EXPECT_EQ(network_.batches[1].size(), 3u);  // the stale one and two misses, together
  EXPECT_EQ(answers[0]->title, "changed upstream");
  EXPECT_EQ((*store_->GetNode(kScope, "acme/app#1"))->node.title, "changed upstream");
}

TEST_F(CachedSourceTest, OnlyMissesReachTheNetwork) {
  CachedSource source(*store_, &network_, Options());
  ASSERT_TRUE(source.Fetch({Ask("acme/app#1")})[0]);
  auto answers = source.Fetch({Ask("acme/app#1"), Ask("acme/app#2"), Ask("acme/app#3")});
  ASSERT_EQ(network_.batches.size(), 2u);
  ASSERT_EQ(network_.batches[1].size(), 2u);
  EXPECT_EQ(network_.batches[1][0].ref.Key(), "acme/app#2");
  EXPECT_EQ(network_.batches[1][1].ref.Key(), "acme/app#3");
  for (const auto& answer : answers) EXPECT_TRUE(answer);
}

TEST_F(CachedSourceTest, RefreshRevalidatesEvenFreshNodes) {
  CachedSource first(*store_, &network_, Options());
  ASSERT_TRUE(first.Fetch({Ask("acme/app#1")})[0]);
  auto options = Options();
  options.refresh = true;
  CachedSource refresh(*store_, &network_, options);
  ASSERT_TRUE(refresh.Fetch({Ask("acme/app#1")})[0]);
  EXPECT_EQ(network_.batches.size(), 2u);
}

TEST_F(CachedSourceTest, FullRequestNeedsMoreThanAStoredSummary) {
  CachedSource source(*store_, &network_, Options());
  auto summary = source.Fetch({Ask("acme/app#3", Detail::kSummary)});
  ASSERT_TRUE(summary[0]);
  EXPECT_FALSE(summary[0]->complete);
  ASSERT_TRUE(source.Fetch({Ask("acme/app#3", Detail::kSummary)})[0]);
  EXPECT_EQ(network_.batches.size(), 1u);  // a summary serves a summary
  auto full = source.Fetch({Ask("acme/app#3", Detail::kFull)});
  ASSERT_TRUE(full[0]);
  EXPECT_TRUE(full[0]->complete);
  EXPECT_EQ(network_.batches.size(), 2u);
  ASSERT_TRUE(
      source.Fetch({Ask("acme/app#3", Detail::kSummary)})[0]);  // a full node serves a summary
  EXPECT_EQ(network_.batches.size(), 2u);
}

TEST_F(CachedSourceTest, AStoredThreadAnswersASummaryRequestAsASummary) {
  // #2's thread links #4 from a comment, an event and a sub-issue field; its
  // body links #3 and its parent field #1.
  Node rich = WorldNode("acme/app#2");
  auto link = [&](const std::string& to, Provenance::Where where, const std::string& id,
                  EdgeKind kind) {
    Link edge;
    edge.from = *ParseIssueRef("acme/app#2");
    edge.to = *ParseIssueRef(to);
    edge.kind = kind;
    edge.provenance = {"acme/app#2", where, id, rich.url};
    rich.links.push_back(edge);
  };
  link("acme/app#3", Provenance::Where::kBody, "", EdgeKind::kMentions);
  link("acme/app#4", Provenance::Where::kComment, "1", EdgeKind::kMentions);
  link("acme/app#4", Provenance::Where::kEvent, "e1", EdgeKind::kCrossReferenced);
  link("acme/app#1", Provenance::Where::kEvent, "parent", EdgeKind::kSubIssueOf);
  rich.events.push_back(Event{});
  network_.world["acme/app#2"] = rich;
  CachedSource deep(*store_, &network_, Options());
  ASSERT_TRUE(deep.Fetch({Ask("acme/app#2", Detail::kFull)})[0]);

  CachedSource shallow(*store_, &network_, Options());
  auto answer = shallow.Fetch({Ask("acme/app#2", Detail::kSummary)});
  ASSERT_TRUE(answer[0]);
  EXPECT_EQ(network_.batches.size(), 1u);  // from the store
  EXPECT_FALSE(answer[0]->complete);
  EXPECT_TRUE(answer[0]->comments.empty());
  EXPECT_TRUE(answer[0]->events.empty());
  std::vector<std::string> links;
  for (const Link& edge : answer[0]->links) {
    links.push_back(edge.to.Key() + " " + std::string(EdgeKindName(edge.kind)));
  }
  EXPECT_EQ(links, (std::vector<std::string>{"acme/app#3 mentions", "acme/app#1 sub_issue_of"}));
  // The stored node keeps its thread for the next full request.
  EXPECT_TRUE((*store_->GetNode(kScope, "acme/app#2"))->node.complete);
}

TEST_F(CachedSourceTest, OfflineMissNamesTheItemAndTheWayOut) {
  auto options = Options();
  options.offline = true;
  CachedSource source(*store_, &network_, options);
  auto answers = source.Fetch({Ask("Acme/App#9")});
  ASSERT_FALSE(answers[0]);
  EXPECT_EQ(answers[0].error().kind, ErrorKind::kNotFound);
  EXPECT_NE(answers[0].error().message.find("Acme/App#9 is not in the store"), std::string::npos);
  EXPECT_NE(answers[0].error().message.find("run once online or drop --offline"),
            std::string::npos);
  EXPECT_TRUE(network_.batches.empty());
}

TEST_F(CachedSourceTest, OfflineServesAnyAgeAndSaysWhatIsPartial) {
  CachedSource online(*store_, &network_, Options());
  ASSERT_TRUE(online.Fetch({Ask("acme/app#1"), Ask("acme/app#3", Detail::kSummary)})[0]);
  clock_.Advance(std::chrono::hours(24 * 30));
  CachedSource offline(*store_, nullptr, Options());  // no network source at all
  auto answers = offline.Fetch({Ask("acme/app#1"), Ask("acme/app#3")});
  ASSERT_TRUE(answers[0] && answers[1]);
  CrawlStats stats;
  offline.AddStats(stats);
  EXPECT_EQ(stats.cache_hits, 2);
  ASSERT_EQ(stats.truncated.size(), 1u);
  EXPECT_NE(stats.truncated[0].find("acme/app#3"), std::string::npos);
}

TEST_F(CachedSourceTest, RefusalsAreRememberedForTheSameCredentials) {
  CachedSource first(*store_, &network_, Options());
  auto cold = first.Fetch({Ask("acme/app#99")});
  ASSERT_FALSE(cold[0]);
  CachedSource warm(*store_, &network_, Options());
  auto again = warm.Fetch({Ask("acme/app#99")});
  ASSERT_FALSE(again[0]);
  EXPECT_EQ(again[0].error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(again[0].error().message, cold[0].error().message);
  EXPECT_EQ(network_.batches.size(), 1u);
  // With a token the item may be visible: ask.
  auto options = Options();
  options.authenticated = true;
  CachedSource with_token(*store_, &network_, options);
  ASSERT_FALSE(with_token.Fetch({Ask("acme/app#99")})[0]);
  EXPECT_EQ(network_.batches.size(), 2u);
  // Once the item exists, the stored node wins over the old refusal.
  network_.world["acme/app#99"] = WorldNode("acme/app#99");
  clock_.Advance(std::chrono::minutes(11));
  CachedSource later(*store_, &network_, Options());
  ASSERT_TRUE(later.Fetch({Ask("acme/app#99")})[0]);
  EXPECT_EQ(store_->Stats()->failures, 0);  // for every credential
}

TEST_F(CachedSourceTest, MovedItemIsFoundUnderItsOldName) {
  Node moved = WorldNode("acme/new#5");
  network_.world["acme/old#5"] = moved;  // the network answers the old name with the new item
  CachedSource source(*store_, &network_, Options());
  auto first = source.Fetch({Ask("acme/old#5")});
  ASSERT_TRUE(first[0]);
  EXPECT_EQ(first[0]->ref.Key(), "acme/new#5");
  auto again = source.Fetch({Ask("acme/old#5")});
  ASSERT_TRUE(again[0]);
  EXPECT_EQ(again[0]->ref.Key(), "acme/new#5");
  EXPECT_EQ(network_.batches.size(), 1u);
}

TEST_F(CachedSourceTest, NetworkFailureFallsBackToTheStoredCopy) {
  CachedSource first(*store_, &network_, Options());
  ASSERT_TRUE(first.Fetch({Ask("acme/app#1")})[0]);
  clock_.Advance(std::chrono::hours(2));
  network_.failure = Error{ErrorKind::kNetwork, "could not resolve api.github.com"};
  CachedSource source(*store_, &network_, Options());
  auto answers = source.Fetch({Ask("acme/app#1"), Ask("acme/app#2")});
  ASSERT_TRUE(answers[0]);
  EXPECT_EQ(answers[0]->title, "title of acme/app#1");
  ASSERT_FALSE(answers[1]);
  EXPECT_EQ(answers[1].error().kind, ErrorKind::kNetwork);
  ASSERT_EQ(source.notices().size(), 1u);
  EXPECT_NE(source.notices()[0].find("could not resolve"), std::string::npos);
  // The network is not asked again in this crawl.
  auto later = source.Fetch({Ask("acme/app#3")});
  ASSERT_FALSE(later[0]);
  EXPECT_EQ(network_.batches.size(), 2u);
}

TEST_F(CachedSourceTest, ProbeConfirmsUnchangedNodesAndRefetchesChangedOnes) {
  FakeProbe probe;
  CachedSource first(*store_, &network_, Options(), &probe);
  ASSERT_TRUE(
      first.Fetch({Ask("acme/app#1"), Ask("acme/app#2"), Ask("acme/app#3", Detail::kSummary)})[0]);
  EXPECT_EQ(probe.calls, 0);  // nothing was stale
  clock_.Advance(std::chrono::hours(1));
  // #1 unchanged; #2 gained a closing reference (same updatedAt, one more
  // linking item); #3 is a summary, judged by updatedAt alone.
  probe.stamps = {{"acme/app#1", {"2026-05-01T00:00:00Z", 3}},
                  {"acme/app#2", {"2026-05-01T00:00:00Z", 2}},
                  {"acme/app#3", {"2026-05-01T00:00:00Z", 7}}};
  CachedSource source(*store_, &network_, Options(), &probe);
  auto answers =
      source.Fetch({Ask("acme/app#1"), Ask("acme/app#2"), Ask("acme/app#3", Detail::kSummary)});
  for (const auto& answer : answers) ASSERT_TRUE(answer);
  EXPECT_EQ(probe.calls, 1);
  ASSERT_EQ(network_.batches.size(), 2u);
  ASSERT_EQ(network_.batches[1].size(), 1u);
  EXPECT_EQ(network_.batches[1][0].ref.Key(), "acme/app#2");
  // Confirmed and refetched nodes are fresh again: no probe, no fetch.
  CachedSource again(*store_, &network_, Options(), &probe);
  ASSERT_TRUE(again.Fetch({Ask("acme/app#1"), Ask("acme/app#2")})[0]);
  EXPECT_EQ(probe.calls, 1);
  EXPECT_EQ(network_.batches.size(), 2u);
  // The refetched node keeps the probe's count for the next comparison.
  EXPECT_EQ((*store_->GetNode(kScope, "acme/app#2"))->link_count_seen, 2);
}

// What the crawl read, by kind and key (revisions checked separately).
std::vector<std::string> Named(const std::vector<ReportMember>& members) {
  std::vector<std::string> out;
  for (const auto& member : members) {
    const char* kind = member.kind == ReportMember::Kind::kNode      ? "node "
                       : member.kind == ReportMember::Kind::kFailure ? "failure "
                                                                     : "alias ";
    out.push_back(kind + member.key + (member.target.empty() ? "" : " -> " + member.target));
  }
  return out;
}

TEST_F(CachedSourceTest, MembersNameEveryRowTheAnswersCameFromWithItsRevision) {
  network_.world["acme/old#5"] = WorldNode("acme/new#5");
  RowLog cold_log;
  CachedSource cold(*store_, &network_, Options(), nullptr, &cold_log);
  cold.Fetch({Ask("acme/app#1"), Ask("acme/app#99"), Ask("acme/old#5")});
  auto written = cold_log.rows();
  ASSERT_TRUE(written);
  EXPECT_EQ(Named(*written), (std::vector<std::string>{"node acme/app#1", "node acme/new#5",
                                                       "failure acme/app#99",
                                                       "alias acme/old#5 -> acme/new#5"}));
  const int64_t revision = (*store_->GetNode(kScope, "acme/app#1"))->revision;
  EXPECT_GT(revision, 0);
  for (const auto& member : *written) {
    if (member.kind != ReportMember::Kind::kAlias) {
      EXPECT_EQ(member.revision, revision);
    }
  }
  // Read back from the store: the same rows, the same revisions.
  RowLog warm_log;
  CachedSource warm(*store_, &network_, Options(), nullptr, &warm_log);
  warm.Fetch({Ask("acme/app#1"), Ask("acme/app#99"), Ask("acme/old#5")});
  EXPECT_EQ(warm_log.rows(), written);
  EXPECT_EQ(network_.batches.size(), 1u);
}

TEST_F(CachedSourceTest, NoMembersWhenAnAnswerIsNotAStoredRow) {
  CachedSource first(*store_, &network_, Options());
  first.Fetch({Ask("acme/app#1")});
  clock_.Advance(std::chrono::hours(2));
  network_.failure = Error{ErrorKind::kNetwork, "could not resolve api.github.com"};
  RowLog away_log;
  CachedSource away(*store_, &network_, Options(), nullptr, &away_log);
  ASSERT_TRUE(away.Fetch({Ask("acme/app#1")})[0]);  // the stale copy
  EXPECT_FALSE(away_log.rows());

  network_.failure = Error{ErrorKind::kServer, "502"};
  RowLog failing_log;
  CachedSource failing(*store_, &network_, Options(), nullptr, &failing_log);
  failing.Fetch({Ask("acme/app#3")});
  EXPECT_FALSE(failing_log.rows());

  auto options = Options();
  options.offline = true;
  RowLog offline_log;
  CachedSource offline(*store_, nullptr, options, nullptr, &offline_log);
  ASSERT_TRUE(offline.Fetch({Ask("acme/app#1")})[0]);
  EXPECT_FALSE(offline_log.rows());
}

TEST_F(CachedSourceTest, WhatThisRunsProbeRecordedIsNotProbedAgain) {
  FakeProbe probe;
  CachedSource first(*store_, &network_, Options(), &probe);
  first.Fetch({Ask("acme/app#1"), Ask("acme/app#2")});
  clock_.Advance(std::chrono::hours(1));
  // A probe of run "r1" (ReportCache::Serve) confirmed #1 and saw #2 changed.
  ASSERT_TRUE(store_->RecordProbe(kScope, "r1", {"acme/app#1"}, {{"2026-05-01T00:00:00Z", 3}},
                                  {"acme/app#2"}));
  EXPECT_EQ((*store_->GetNode(kScope, "acme/app#1"))->probed_by, "r1");
  EXPECT_TRUE((*store_->GetNode(kScope, "acme/app#2"))->probe_changed);

  // Run r1's crawl, even with everything stale by age, takes the confirmed
  // node as fresh and fetches the changed one unprobed.
  auto options = Options();
  options.max_age = std::chrono::seconds(0);
  options.run = "r1";
  CachedSource crawl(*store_, &network_, options, &probe);
  auto answers = crawl.Fetch({Ask("acme/app#1"), Ask("acme/app#2")});
  ASSERT_TRUE(answers[0] && answers[1]);
  EXPECT_EQ(probe.calls, 0);
  ASSERT_EQ(network_.batches.size(), 2u);
  ASSERT_EQ(network_.batches[1].size(), 1u);
  EXPECT_EQ(network_.batches[1][0].ref.Key(), "acme/app#2");
  // Written anew, #2 no longer carries the mark.
  EXPECT_EQ((*store_->GetNode(kScope, "acme/app#2"))->probed_by, "");

  // Another run does not trust r1's findings: with max-age 0, #1 is probed.
  probe.stamps = {{"acme/app#1", {"2026-05-01T00:00:00Z", 3}}};
  options.run = "r2";
  CachedSource other(*store_, &network_, options, &probe);
  ASSERT_TRUE(other.Fetch({Ask("acme/app#1")})[0]);
  EXPECT_EQ(probe.calls, 1);
  EXPECT_EQ(network_.batches.size(), 2u);
}

TEST_F(CachedSourceTest, CrawlFromTheStoreEqualsTheOnlineCrawl) {
  auto crawl = [&](crawl::Source& source) {
    auto graph =
        crawl::Crawler(source, {.depth = 1, .max_nodes = 10}).Crawl(*ParseIssueRef("acme/app#1"));
    EXPECT_TRUE(graph);
    return graph ? *graph : Graph{};
  };
  CachedSource online(*store_, &network_, Options());
  Graph cold = crawl(online);
  const size_t cold_batches = network_.batches.size();
  EXPECT_EQ(cold_batches, 2u);  // the root, then its level

  CachedSource warm(*store_, &network_, Options());
  Graph rerun = crawl(warm);
  EXPECT_EQ(network_.batches.size(), cold_batches);

  auto options = Options();
  options.offline = true;
  CachedSource offline(*store_, nullptr, options);
  Graph plane = crawl(offline);
  for (const Graph* graph : {&rerun, &plane}) {
    testing::ExpectSameGraph(*graph, cold);
    EXPECT_EQ(graph->stats.beyond_depth, cold.stats.beyond_depth);
    EXPECT_EQ(graph->stats.failed, cold.stats.failed);
  }
  ASSERT_EQ(cold.stats.failed.size(), 1u);  // acme/app#99 does not exist
}

}  // namespace
}  // namespace issuegraph::store
