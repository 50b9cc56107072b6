// ReportCache: a report kept with the rows its crawl read is served again
// while they stand; a probe's findings go to the store, not to the caller.
#include "store/report_cache.h"

#include <gtest/gtest.h>

#include "store/cached_source.h"
#include "store/store.h"
#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::FakeClock;
using testing::FakeProbe;
using testing::Small;

constexpr char kScope[] = "https://api.github.com";

// The network: every asked item exists, complete, updated at one time.
class World : public crawl::Source {
 public:
  std::vector<Result<Node>> Fetch(const std::vector<crawl::FetchRequest>& batch) override {
    ++batches;
    std::vector<Result<Node>> out;
    for (const auto& request : batch) {
      Node node = Small(request.ref.repo, request.ref.number, 1);
      node.updated_at = "2026-05-01T00:00:00Z";
      out.push_back(std::move(node));
    }
    return out;
  }
  void AddStats(CrawlStats&) const override {}
  int batches = 0;
};

ReportKey Key() {
  return {.build = "test-build",
          .scope = kScope,
          .api = "graphql",
          .root = "acme/app#1",
          .depth = 1,
          .max_nodes = 100,
          .authenticated = true,
          .format = "markdown",
          .synthesis = ""};
}

class ReportCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(testing::TestStore(), &clock_);
    ASSERT_TRUE(store);
    store_ = std::move(*store);
    stats_.partial = true;
    stats_.partial_reasons = {"the node cap was reached."};
    stats_.left_out = {"acme/app#9"};
    stats_.requests = 4;
  }
  // A crawl of #1 and #2 through the cache's row log, then Record.
  void CrawlAndRecord(ReportCache& cache, const ReportKey& key = Key()) {
    CachedSourceOptions options;
    options.scope = kScope;
    options.run = cache.run();
    CachedSource source(*store_, &world_, options, &probe_, &cache.log());
    for (const auto& answer : source.Fetch({{*ParseIssueRef("acme/app#1")}, {*ParseIssueRef("acme/app#2")}})) {
      ASSERT_TRUE(answer);
    }
    ASSERT_TRUE(cache.Record(key, {.root = "acme/app#1",
                                   .options = {{"depth", 1}, {"token", "secret"}},
                                   .body = "# the report",
                                   .stats = &stats_,
                                   .nodes = 2,
                                   .edges = 1}));
  }

  FakeClock clock_;
  std::unique_ptr<Store> store_;
  World world_;
  FakeProbe probe_;
  CrawlStats stats_;
};

TEST_F(ReportCacheTest, AFreshReportIsServedWithItsStoredStatsAndNoProbe) {
  ReportCache first(*store_, &probe_);
  CrawlAndRecord(first);
  ReportCache next(*store_, &probe_);
  auto served = next.Serve(Key(), std::chrono::minutes(10));
  ASSERT_TRUE(served);
  EXPECT_EQ(served->body, "# the report");
  EXPECT_EQ(served->nodes, 2u);
  EXPECT_EQ(served->edges, 1u);
  EXPECT_EQ(served->rows, 2);
  EXPECT_EQ(served->stats.requests, 4);
  EXPECT_EQ(probe_.calls, 0);

  // This run's stats: the graph's facts as crawled, nothing spent.
  const CrawlStats run = served->RunStats("graphql");
  EXPECT_EQ(run.api, "graphql");
  EXPECT_EQ(run.requests, 0);
  EXPECT_EQ(run.cache_hits, 2);
  EXPECT_TRUE(run.partial);
  EXPECT_EQ(run.partial_reasons, stats_.partial_reasons);
  EXPECT_EQ(run.left_out, stats_.left_out);
}

TEST_F(ReportCacheTest, EveryPartOfTheKeyCounts) {
  ReportCache cache(*store_, &probe_);
  CrawlAndRecord(cache);
  ASSERT_TRUE(ReportCache(*store_, &probe_).Serve(Key(), std::chrono::minutes(10)));
  const std::vector<void (*)(ReportKey&)> changes = {
      [](ReportKey& k) { k.build = "another-build"; }, [](ReportKey& k) { k.scope = "https://ghe.example/api/v3"; },
      [](ReportKey& k) { k.api = "rest"; },            [](ReportKey& k) { k.root = "acme/app#2"; },
      [](ReportKey& k) { k.depth = 2; },               [](ReportKey& k) { k.max_nodes = 50; },
      [](ReportKey& k) { k.authenticated = false; },   [](ReportKey& k) { k.format = "json"; }};
  for (const auto& change : changes) {
    ReportKey key = Key();
    change(key);
    EXPECT_NE(key.Text(), Key().Text());
    EXPECT_FALSE(ReportCache(*store_, &probe_).Serve(key, std::chrono::minutes(10))) << key.Text();
  }
  // Without a build nothing is named, so nothing is served.
  ReportKey unknown = Key();
  unknown.build.clear();
  EXPECT_EQ(unknown.Text(), "");
}

TEST_F(ReportCacheTest, TheArchiveKeepsNoSecret) {
  ReportCache cache(*store_, &probe_);
  CrawlAndRecord(cache);
  auto reports = store_->ListReports();
  ASSERT_TRUE(reports);
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_FALSE((*reports)[0].options.contains("token"));
  EXPECT_EQ((*reports)[0].options["depth"], 1);
}

TEST_F(ReportCacheTest, StaleButUnchangedRowsCostOneProbeAndAreRenewed) {
  ReportCache first(*store_, &probe_);
  CrawlAndRecord(first);
  clock_.Advance(std::chrono::hours(1));
  probe_.stamps = {{"acme/app#1", {"2026-05-01T00:00:00Z", 0}}, {"acme/app#2", {"2026-05-01T00:00:00Z", 0}}};
  ReportCache next(*store_, &probe_);
  auto served = next.Serve(Key(), std::chrono::minutes(10));
  ASSERT_TRUE(served);
  EXPECT_EQ(probe_.calls, 1);
  const auto row = **store_->GetNode(kScope, "acme/app#1");
  EXPECT_EQ(row.fetched_at, store_->Now());
  EXPECT_EQ(row.probed_by, next.run());
  // Renewed: the next run serves it without a probe.
  ASSERT_TRUE(ReportCache(*store_, &probe_).Serve(Key(), std::chrono::minutes(10)));
  EXPECT_EQ(probe_.calls, 1);
}

TEST_F(ReportCacheTest, AChangedRowIsAMissAndIsMarkedForTheCrawl) {
  ReportCache first(*store_, &probe_);
  CrawlAndRecord(first);
  clock_.Advance(std::chrono::hours(1));
  probe_.stamps = {{"acme/app#1", {"2026-05-01T00:00:00Z", 0}}, {"acme/app#2", {"2026-06-01T00:00:00Z", 0}}};
  ReportCache next(*store_, &probe_);
  EXPECT_FALSE(next.Serve(Key(), std::chrono::minutes(10)));
  EXPECT_EQ(probe_.calls, 1);
  const auto unchanged = **store_->GetNode(kScope, "acme/app#1");
  const auto changed = **store_->GetNode(kScope, "acme/app#2");
  EXPECT_EQ(unchanged.probed_by, next.run());
  EXPECT_FALSE(unchanged.probe_changed);
  EXPECT_EQ(changed.probed_by, next.run());
  EXPECT_TRUE(changed.probe_changed);

  // The crawl of the same run: no second probe, only #2 fetched.
  const int before = world_.batches;
  CrawlAndRecord(next);
  EXPECT_EQ(probe_.calls, 1);
  EXPECT_EQ(world_.batches, before + 1);
  EXPECT_TRUE(ReportCache(*store_, &probe_).Serve(Key(), std::chrono::minutes(10)));
}

TEST_F(ReportCacheTest, WithoutAProbeStaleRowsAreAMiss) {
  ReportCache first(*store_, nullptr);
  CrawlAndRecord(first);
  clock_.Advance(std::chrono::hours(1));
  EXPECT_FALSE(ReportCache(*store_, nullptr).Serve(Key(), std::chrono::minutes(10)));
  EXPECT_TRUE(ReportCache(*store_, nullptr).Serve(Key(), std::chrono::hours(2)));
}

TEST_F(ReportCacheTest, ASpoiltLogArchivesButNeverServes) {
  ReportCache cache(*store_, &probe_);
  cache.log().Spoil();
  CrawlAndRecord(cache);
  EXPECT_FALSE(ReportCache(*store_, &probe_).Serve(Key(), std::chrono::minutes(10)));
  EXPECT_EQ(store_->Stats()->reports, 1);
  EXPECT_EQ(store_->Stats()->servable_reports, 0);
}

TEST(RowLogTest, RowsAreSortedAndOnePerKindAndKey) {
  RowLog log;
  log.Add({ReportMember::Kind::kNode, "acme/app#2", "", 3});
  log.Add({ReportMember::Kind::kNode, "acme/app#1", "", 3});
  log.Add({ReportMember::Kind::kNode, "acme/app#2", "", 3});
  log.Add({ReportMember::Kind::kFailure, "acme/app#1", "", 3});
  auto rows = log.rows();
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].key, "acme/app#1");
  EXPECT_EQ((*rows)[0].kind, ReportMember::Kind::kNode);
  EXPECT_EQ((*rows)[1].key, "acme/app#2");
  log.Spoil();
  EXPECT_FALSE(log.rows());
}

}  // namespace
}  // namespace issuegraph::store
