#include "render/json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "render/html.h"
#include "render/markdown.h"
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

TEST(JsonTest, LinkedItemsCarryTheFullRefAndARelationKind) {
  const Graph graph = SampleGraph();
  const auto parsed = nlohmann::ordered_json::parse(RenderJson(SampleReport(), graph));
  const auto& sections = parsed["report"]["sections"];
  ASSERT_EQ(sections[0]["kind"], "linked_pulls");
  EXPECT_EQ(sections[0]["items"][0]["ref"], "#134");  // as before: relative to the root
  EXPECT_EQ(sections[0]["items"][0]["full_ref"], "acme/app#134");
  EXPECT_EQ(sections[0]["items"][0]["relation"], "closed_by");
  EXPECT_EQ(sections[1]["items"][0]["relation"], "duplicated_by");
  EXPECT_EQ(sections[1]["items"][1]["full_ref"], "other/lib#3");
  // The words stay in `text`.
  EXPECT_NE(sections[1]["items"][0]["text"].get<std::string>().find("#40 is a duplicate of this"),
            std::string::npos);
  // Every fetched linked item joins with a node on `ref`.
  for (const auto& item : sections[0]["items"]) {
    bool joined = false;
    for (const auto& node : parsed["nodes"]) joined = joined || node["ref"] == item["full_ref"];
    EXPECT_TRUE(joined) << item["full_ref"];
  }
}

TEST(JsonTest, TheAnswerAndObsoleteWorkaroundsAreListed) {
  const auto parsed = nlohmann::ordered_json::parse(RenderJson(SampleReport(), SampleGraph()));
  const auto& answer = parsed["report"]["answer"];
  ASSERT_EQ(answer.size(), 3u);
  EXPECT_EQ(answer[0]["label"], "Status");
  EXPECT_EQ(answer[2]["text"], "Upgrade to 2.6.2 or later.");
  EXPECT_EQ(answer[2]["url"], "https://github.com/acme/app/pull/134");
  for (const auto& section : parsed["report"]["sections"]) {
    if (section["kind"] != "workaround") continue;
    EXPECT_EQ(section["items"][0]["obsolete"], "After upgrading to 2.6.2 you can drop the chmod.");
  }
}

// An item's cue explains the analysis: the JSON names it, only when known;
// Markdown and HTML read the same with or without it.
TEST(JsonTest, AnItemsCueIsInTheJsonOnly) {
  const Graph graph = SampleGraph();
  Report report = SampleReport();
  const std::string markdown = RenderMarkdown(report, graph);
  const std::string html = RenderHtml(report, graph);
  // Named: a range over a part of a temporary would outlive the temporary.
  const auto plain = nlohmann::ordered_json::parse(RenderJson(report, graph));
  for (const auto& section : plain["report"]["sections"]) {
    for (const auto& item : section["items"]) EXPECT_FALSE(item.contains("cue")) << item;
  }
  for (const auto& line : plain["report"]["answer"]) EXPECT_FALSE(line.contains("cue")) << line;

  for (Section& section : report.sections) {
    if (section.kind == SectionKind::kWorkaround) section.items.front().cue = "did the trick";
  }
  // An answer line's cue: the rule it rests on.
  ASSERT_EQ(report.answer.size(), 3u);
  report.answer[1].cue = "rule:maintainer-release (released in)";
  const auto parsed = nlohmann::ordered_json::parse(RenderJson(report, graph));
  bool seen = false;
  for (const auto& section : parsed["report"]["sections"]) {
    if (section["kind"] != "workaround") continue;
    seen = true;
    EXPECT_EQ(section["items"][0]["cue"], "did the trick");
    // The code item of the same comment has none.
    EXPECT_FALSE(section["items"][1].contains("cue"));
  }
  EXPECT_TRUE(seen);
  const auto& answer = parsed["report"]["answer"];
  EXPECT_FALSE(answer[0].contains("cue"));
  EXPECT_EQ(answer[1]["cue"], "rule:maintainer-release (released in)");
  EXPECT_EQ(RenderMarkdown(report, graph), markdown);
  EXPECT_EQ(RenderHtml(report, graph), html);
}

}  // namespace
}  // namespace issuegraph::render
