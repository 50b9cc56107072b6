#include "crawl/crawler.h"

#include <gtest/gtest.h>

#include <map>

namespace issuegraph::crawl {
namespace {

IssueRef Ref(const std::string& text) { return *ParseIssueRef(text); }

Link MakeLink(const std::string& from, const std::string& to, EdgeKind kind = EdgeKind::kMentions) {
  Link edge;
  edge.from = Ref(from);
  edge.to = Ref(to);
  edge.kind = kind;
  edge.provenance.node = from;
  return edge;
}

// A source over an in-memory table; records every request it is asked.
class TableSource : public Source {
 public:
  void Add(const std::string& text, std::vector<Link> links, const std::string& canonical = "") {
    Node node;
    node.ref = Ref(canonical.empty() ? text : canonical);
    node.title = "title of " + text;
    node.links = std::move(links);
    table[Ref(text).Key()] = node;
  }
  std::vector<Result<Node>> Fetch(const std::vector<FetchRequest>& batch) override {
    ++batches;
    std::vector<Result<Node>> out;
    for (const auto& request : batch) {
      asked.push_back(request.ref.Key() + (request.detail == Detail::kFull ? " full" : " summary"));
      auto it = table.find(request.ref.Key());
      if (it == table.end()) {
        out.push_back(MakeError(ErrorKind::kNotFound, request.ref.Text() + " not found"));
      } else {
        out.push_back(it->second);
      }
    }
    return out;
  }
  void AddStats(CrawlStats& stats) const override { stats.requests += batches; }

  std::map<std::string, Node> table;
  std::vector<std::string> asked;
  int batches = 0;
};

TEST(CrawlerTest, ExpandsBelowDepthAndSummarisesAtIt) {
  TableSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#2")});
  source.Add("a/r#2", {MakeLink("a/r#2", "a/r#3")});
  source.Add("a/r#3", {});
  auto graph = Crawler(source, {.depth = 1, .max_nodes = 100}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(source.asked, (std::vector<std::string>{"a/r#1 full", "a/r#2 summary"}));
  EXPECT_EQ(graph->node_count(), 2u);
  EXPECT_EQ(graph->edges().size(), 1u);
  EXPECT_EQ(graph->stats.beyond_depth, std::vector<std::string>{"a/r#3"});
  EXPECT_FALSE(graph->stats.partial);
  EXPECT_EQ(graph->Find("a/r#2")->depth, 1);
}

TEST(CrawlerTest, ReportsProgressOncePerLevel) {
  TableSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#2"), MakeLink("a/r#1", "a/r#3")});
  source.Add("a/r#2", {});
  source.Add("a/r#3", {});
  std::vector<LevelProgress> seen;
  auto progress = [&](const LevelProgress& level) { seen.push_back(level); };
  ASSERT_TRUE(Crawler(source, {.depth = 1, .max_nodes = 100}, progress).Crawl(Ref("a/r#1")));
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].depth, 0);
  EXPECT_EQ(seen[0].fetched, 1u);
  EXPECT_EQ(seen[0].next, 2u);
  EXPECT_EQ(seen[0].requests, 1);
  EXPECT_EQ(seen[1].depth, 1);
  EXPECT_EQ(seen[1].nodes, 3u);
  EXPECT_EQ(seen[1].edges, 2u);
  EXPECT_EQ(seen[1].next, 0u);
  EXPECT_EQ(seen[1].requests, 2);
}

TEST(CrawlerTest, DepthZeroReadsTheWholeRootAndFollowsNothing) {
  TableSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#2")});
  auto graph = Crawler(source, {.depth = 0, .max_nodes = 100}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(source.asked, std::vector<std::string>{"a/r#1 full"});
  EXPECT_EQ(graph->stats.beyond_depth, std::vector<std::string>{"a/r#2"});
  EXPECT_TRUE(graph->edges().empty());
}

TEST(CrawlerTest, CyclesAreFetchedOnceAndBackLinksFollowed) {
  TableSource source;
  // #1 is mentioned by #2 (a back-link on #1's timeline); #2 and #3 form a cycle.
  source.Add("a/r#1", {MakeLink("a/r#2", "a/r#1", EdgeKind::kCrossReferenced)});
  source.Add("a/r#2", {MakeLink("a/r#2", "a/r#3"), MakeLink("a/r#2", "a/r#1")});
  source.Add("a/r#3", {MakeLink("a/r#3", "a/r#2"), MakeLink("a/r#3", "a/r#1")});
  auto graph = Crawler(source, {.depth = 5, .max_nodes = 100}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(source.asked.size(), 3u);
  EXPECT_EQ(graph->node_count(), 3u);
  EXPECT_EQ(graph->edges().size(), 5u);
  EXPECT_EQ(source.batches, 3);  // one Fetch per BFS level
}

TEST(CrawlerTest, EdgesAreDeduplicatedByFromToKind) {
  TableSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#2"), MakeLink("a/r#1", "a/r#2"),
                       MakeLink("a/r#1", "a/r#2", EdgeKind::kCloses)});
  source.Add("a/r#2", {MakeLink("a/r#1", "a/r#2")});
  auto graph = Crawler(source, {.depth = 1, .max_nodes = 100}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->edges().size(), 2u);
}

TEST(CrawlerTest, MaxNodesMarksThePartialGraph) {
  TableSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#2"), MakeLink("a/r#1", "a/r#3"), MakeLink("a/r#1", "a/r#4")});
  source.Add("a/r#2", {});
  source.Add("a/r#3", {});
  source.Add("a/r#4", {});
  auto graph = Crawler(source, {.depth = 2, .max_nodes = 2}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->node_count(), 2u);
  EXPECT_TRUE(graph->stats.partial);
  EXPECT_EQ(graph->stats.left_out, (std::vector<std::string>{"a/r#3", "a/r#4"}));
  ASSERT_EQ(graph->stats.partial_reasons.size(), 1u);
  EXPECT_NE(graph->stats.partial_reasons[0].find("--max-nodes 2"), std::string::npos);
}

TEST(CrawlerTest, FailedLeafIsListedAndTheCrawlGoesOn) {
  TableSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#404"), MakeLink("a/r#1", "a/r#2")});
  source.Add("a/r#2", {});
  auto graph = Crawler(source, {.depth = 1, .max_nodes = 100}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->node_count(), 2u);
  ASSERT_EQ(graph->stats.failed.size(), 1u);
  EXPECT_EQ(graph->stats.failed[0].rfind("a/r#404: ", 0), 0u);
  EXPECT_TRUE(graph->stats.partial);  // what could not be read makes the graph partial
  EXPECT_EQ(graph->stats.partial_reasons, std::vector<std::string>{"1 linked item could not be read."});
  EXPECT_EQ(graph->edges().size(), 2u);  // the edge to the missing item stays
  const NodeId missing = *graph->IdOf("a/r#404");
  EXPECT_EQ(graph->Get(missing), nullptr);
  EXPECT_EQ(graph->Ref(missing).Text(), "a/r#404");  // named as the link named it
  EXPECT_EQ(graph->In(missing).size(), 1u);
}

TEST(CrawlerTest, RateLimitStopsTheCrawlAndMarksItPartial) {
  // A source whose limit runs out after the root.
  class LimitedSource : public TableSource {
   public:
    std::vector<Result<Node>> Fetch(const std::vector<FetchRequest>& batch) override {
      if (batches++ == 0) return TableSource::Fetch(batch);
      return std::vector<Result<Node>>(batch.size(),
                                       MakeError(ErrorKind::kRateLimited, "rate limit exhausted"));
    }
  };
  LimitedSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#2"), MakeLink("a/r#1", "a/r#3")});
  auto graph = Crawler(source, {.depth = 3, .max_nodes = 100}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_TRUE(graph->stats.partial);
  EXPECT_EQ(graph->stats.partial_reasons, std::vector<std::string>{"rate limit exhausted"});
  EXPECT_EQ(graph->stats.left_out, (std::vector<std::string>{"a/r#2", "a/r#3"}));
  EXPECT_TRUE(graph->stats.failed.empty());
}

TEST(CrawlerTest, TimeoutBetweenLevelsLeavesTheRestOutAndSaysSo) {
  class StepClock : public Clock {
   public:
    std::chrono::system_clock::time_point Now() override { return now; }
    void Sleep(std::chrono::milliseconds duration) override { now += duration; }
    std::chrono::system_clock::time_point now{};
  } clock;
  class SlowSource : public TableSource {
   public:
    explicit SlowSource(StepClock& clock) : clock_(clock) {}
    std::vector<Result<Node>> Fetch(const std::vector<FetchRequest>& batch) override {
      clock_.now += std::chrono::seconds(10);  // each level takes 10 s
      return TableSource::Fetch(batch);
    }
    StepClock& clock_;
  } source(clock);
  source.Add("a/r#1", {MakeLink("a/r#1", "a/r#2"), MakeLink("a/r#1", "a/r#3")});
  source.Add("a/r#2", {});
  source.Add("a/r#3", {});
  auto graph =
      Crawler(source, {.depth = 2, .max_nodes = 100}, {}, Deadline(clock, std::chrono::seconds(5))).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(source.batches, 1);
  EXPECT_TRUE(graph->stats.partial);
  EXPECT_EQ(graph->stats.left_out, (std::vector<std::string>{"a/r#2", "a/r#3"}));
  ASSERT_FALSE(graph->stats.partial_reasons.empty());
  EXPECT_EQ(graph->stats.partial_reasons[0], "--timeout 5 s ran out; 2 linked items were not fetched.");
}

TEST(CrawlerTest, RootFailureIsTheCrawlsError) {
  TableSource source;
  auto graph = Crawler(source, {}).Crawl(Ref("a/r#9"));
  ASSERT_FALSE(graph);
  EXPECT_EQ(graph.error().kind, ErrorKind::kNotFound);
}

TEST(CrawlerTest, MovedItemsAreRekeyedAndEdgesFollow) {
  TableSource source;
  source.Add("a/r#1", {MakeLink("a/r#1", "old/name#5"), MakeLink("a/r#1", "new/name#5", EdgeKind::kCloses)});
  source.Add("old/name#5", {MakeLink("new/name#5", "a/r#1")}, "new/name#5");
  source.Add("new/name#5", {});
  auto graph = Crawler(source, {.depth = 1, .max_nodes = 100}).Crawl(Ref("a/r#1"));
  ASSERT_TRUE(graph);
  ASSERT_NE(graph->Find("new/name#5"), nullptr);
  EXPECT_EQ(graph->IdOf("old/name#5"), std::nullopt);
  EXPECT_EQ(graph->Find("new/name#5")->aliases, std::vector<std::string>{"old/name#5"});
  const NodeId moved = *graph->IdOf("new/name#5");
  ASSERT_EQ(graph->In(moved).size(), 2u);  // the mention and the closing link, both rekeyed
  ASSERT_EQ(graph->Out(moved).size(), 1u);
  for (const auto& edge : graph->edges()) {
    EXPECT_NE(graph->Key(edge.to), "old/name#5");
    EXPECT_NE(graph->Key(edge.from), "old/name#5");
  }
}

TEST(CrawlerTest, MovedRootBecomesTheRootKey) {
  TableSource source;
  source.Add("old/name#5", {}, "new/name#5");
  auto graph = Crawler(source, {}).Crawl(Ref("Old/Name#5"));
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->RootKey(), "new/name#5");
  EXPECT_EQ(graph->RootNode()->ref.Text(), "new/name#5");
}

}  // namespace
}  // namespace issuegraph::crawl
