#include "render/json.h"

#include <gtest/gtest.h>

#include "render/render_test_util.h"

namespace issuegraph::render {
namespace {

using testing::SampleGraph;
using testing::SampleReport;

TEST(JsonTest, ReplacedStatsGiveTheBytesOfARenderWithThoseStats) {
  Graph graph = SampleGraph();
  const Report report = SampleReport();
  graph.stats.requests = 12;
  graph.stats.requests_by_kind = {{"graphql_level", 12}};
  graph.stats.wall_ms = 640;
  graph.stats.partial = true;
  graph.stats.partial_reasons = {"the node cap was reached."};
  const std::string first = RenderJson(report, graph);

  // A rerun served from the store: no requests, every item a hit.
  CrawlStats served;
  served.api = "graphql";
  served.cache_hits = 7;
  served.wall_ms = 1;
  served.partial = true;
  served.partial_reasons = graph.stats.partial_reasons;
  const std::string replaced =
      ReplaceJsonStats(first, served, graph.node_count(), graph.edges().size());
  graph.stats = served;
  EXPECT_EQ(replaced, RenderJson(report, graph));
  EXPECT_NE(replaced, first);
}

TEST(JsonTest, IssueTextThatLooksLikeTheStatsMemberIsNotTouched) {
  Graph graph = SampleGraph();
  Report report = SampleReport();
  report.title = "\n  \"stats\": {}";  // escaped in the output: never a member of its own
  graph.stats.requests = 3;
  const std::string first = RenderJson(report, graph);
  CrawlStats served;
  const std::string replaced =
      ReplaceJsonStats(first, served, graph.node_count(), graph.edges().size());
  graph.stats = served;
  EXPECT_EQ(replaced, RenderJson(report, graph));
}

}  // namespace
}  // namespace issuegraph::render
