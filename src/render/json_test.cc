#include "render/json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "render/render_test_util.h"

namespace issuegraph::render {
namespace {

using testing::SampleGraph;
using testing::SampleReport;

TEST(JsonTest, ABodyFinishedWithStatsGivesTheBytesOfARenderWithThoseStats) {
  Graph graph = SampleGraph();
  const Report report = SampleReport();
  graph.stats.requests = 12;
  graph.stats.requests_by_kind = {{"graphql_level", 12}};
  graph.stats.wall_ms = 640;
  graph.stats.partial = true;
  graph.stats.partial_reasons = {"the node cap was reached."};
  const std::string body = RenderJsonBody(report, graph);
  const GraphSize size{.nodes = graph.node_count(), .edges = graph.edges().size()};
  EXPECT_EQ(FinishJson(body, graph.stats, size), RenderJson(report, graph));

  // A rerun served from the store: no requests, every item a hit.
  CrawlStats served;
  served.api = "graphql";
  served.cache_hits = 7;
  served.wall_ms = 1;
  served.partial = true;
  served.partial_reasons = graph.stats.partial_reasons;
  const auto parsed = nlohmann::ordered_json::parse(FinishJson(body, served, size, true));
  EXPECT_EQ(parsed["stats"]["cache_hits"], 7);
  EXPECT_EQ(parsed["stats"]["requests"], 0);
  EXPECT_EQ(parsed["stats"]["served_from_store"], true);
  EXPECT_EQ(parsed["stats"]["nodes"], graph.node_count());
  // Everything but the stats is the stored body.
  auto without = parsed;
  without.erase("stats");
  EXPECT_EQ(without, nlohmann::ordered_json::parse(body));
  EXPECT_FALSE(nlohmann::ordered_json::parse(body).contains("stats"));
}

TEST(JsonTest, IssueTextThatLooksLikeTheStatsMemberStaysText) {
  Graph graph = SampleGraph();
  Report report = SampleReport();
  report.title = "\n  \"stats\": {}\n}\n";  // escaped in the output: never a member of its own
  graph.stats.requests = 3;
  const std::string finished = FinishJson(RenderJsonBody(report, graph), graph.stats,
                                          {.nodes = graph.node_count(), .edges = graph.edges().size()});
  EXPECT_EQ(finished, RenderJson(report, graph));
  const auto parsed = nlohmann::ordered_json::parse(finished);
  EXPECT_EQ(parsed["report"]["title"], report.title);
  EXPECT_EQ(parsed["stats"]["requests"], 3);
}

}  // namespace
}  // namespace issuegraph::render
