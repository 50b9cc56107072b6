#include "mcp/budget.h"

#include <gtest/gtest.h>

namespace issuegraph::mcp {
namespace {

using nlohmann::json;

std::string Report() {
  std::string text = "# Title (a/b#1)\n\n**Status:** Fixed by #2\n\n";
  text += "## Linked pull requests\n\n| PR |\n| --- |\n| #2 |\n\n";
  text += "## Summary\n\n" + std::string(300, 's') + "\n\n";
  text += "## Fix\n\nUpgrade to 2.0.\n\n";
  text += "## Graph\n\n```mermaid\n" + std::string(2000, 'g') + "\n```\n\n";
  text += "## Original text\n\n````markdown\n## Fix\n\nnot a heading of the report\n" + std::string(3000, 'o') +
          "\n````\n";
  return text;
}

TEST(FitMarkdown, ReturnsAReportThatFitsUnchanged) {
  Cut cut;
  EXPECT_EQ(FitMarkdown(Report(), 100000, &cut), Report());
  EXPECT_FALSE(cut.cut);
}

TEST(FitMarkdown, LeavesOutTheLeastImportantSectionsAndSaysSo) {
  Cut cut;
  const std::string out = FitMarkdown(Report(), 2000, &cut);
  EXPECT_LE(out.size(), 2000u);
  EXPECT_TRUE(cut.cut);
  EXPECT_NE(out.find("**Status:** Fixed by #2"), std::string::npos);
  EXPECT_NE(out.find("## Fix\n\nUpgrade to 2.0."), std::string::npos);
  EXPECT_NE(out.find("## Summary"), std::string::npos);
  // The diagram is never cut in half; the original text is shortened.
  EXPECT_EQ(out.find("## Graph"), std::string::npos);
  EXPECT_EQ(cut.left_out, (std::vector<std::string>{"Graph"}));
  EXPECT_EQ(cut.shortened, (std::vector<std::string>{"Original text"}));
  EXPECT_NE(out.find("Shortened: Original text. Left out: Graph."), std::string::npos);
  EXPECT_NE(out.find("````\n\n---\n"), std::string::npos) << "the shortened fence is closed";
}

TEST(FitMarkdown, AHeadingInsideAFenceIsNotASection) {
  Cut cut;
  FitMarkdown(Report(), 2000, &cut);
  // "## Fix" inside the original text's fence did not split it.
  EXPECT_EQ(std::count(cut.left_out.begin(), cut.left_out.end(), "Fix"), 0);
}

TEST(FitMarkdown, ShortensASectionAtALineAndClosesItsFence) {
  Cut cut;
  std::string report = "# T\n\n## Code examples\n\n```sh\n";
  for (int i = 0; i < 200; ++i) report += "echo line " + std::to_string(i) + "\n";
  report += "```\n";
  const std::string out = FitMarkdown(report, 1500, &cut);
  EXPECT_LE(out.size(), 1500u);
  EXPECT_EQ(cut.shortened, (std::vector<std::string>{"Code examples"}));
  const size_t label = out.find("\n---\n");
  ASSERT_NE(label, std::string::npos);
  EXPECT_EQ(out.substr(label - 4, 4), "```\n");
}

TEST(FitJson, DropsSectionsThenTheDeepestNodesAndTheirEdges) {
  json doc = {{"root", "a/b#1"}, {"nodes", json::array()}, {"edges", json::array()},
              {"report", {{"sections", json::array()}}}};
  doc["nodes"].push_back({{"ref", "a/b#1"}, {"depth", 0}});
  for (int i = 2; i < 60; ++i) {
    doc["nodes"].push_back({{"ref", "a/b#" + std::to_string(i)}, {"depth", i < 10 ? 1 : 2}, {"title", std::string(40, 't')}});
    doc["edges"].push_back({{"from", "a/b#1"}, {"to", "a/b#" + std::to_string(i)}, {"kind", "mentions"}});
  }
  doc["report"]["sections"].push_back({{"kind", "fix"}, {"items", {{{"text", "upgrade"}}}}});
  doc["report"]["sections"].push_back({{"kind", "discussion"}, {"items", {{{"text", std::string(3000, 'd')}}}}});
  Cut cut;
  FitJson(doc, 3000, &cut);
  EXPECT_LE(doc.dump().size(), 3000u);
  EXPECT_EQ(cut.left_out, (std::vector<std::string>{"discussion"}));
  EXPECT_EQ(doc["report"]["sections"].size(), 1u);
  EXPECT_EQ(doc["nodes"][0]["ref"], "a/b#1");
  // Depth 2 goes first: every depth-1 node is still there.
  EXPECT_EQ(std::count_if(doc["nodes"].begin(), doc["nodes"].end(),
                          [](const json& node) { return node["depth"] == 1; }),
            8);
  EXPECT_GT(cut.nodes_left_out, 0u);
  EXPECT_EQ(doc["edges"].size(), doc["nodes"].size() - 1);
  EXPECT_EQ(doc["cut"]["nodes_left_out"], cut.nodes_left_out);
}

TEST(FitJson, ShortensLongLinkedListsBeforeDroppingTheFix) {
  json doc = {{"root", "a/b#1"}, {"nodes", {{{"ref", "a/b#1"}, {"depth", 0}}}}, {"edges", json::array()},
              {"report", {{"sections", json::array()}}}};
  json linked = {{"kind", "linked_issues"}, {"items", json::array()}};
  for (int i = 0; i < 200; ++i) linked["items"].push_back({{"text", "linked issue " + std::to_string(i)}});
  doc["report"]["sections"].push_back({{"kind", "fix"}, {"items", {{{"text", "upgrade to 2.0"}}}}});
  doc["report"]["sections"].push_back(linked);
  Cut cut;
  FitJson(doc, 2000, &cut);
  EXPECT_LE(doc.dump().size(), 2000u);
  ASSERT_EQ(doc["report"]["sections"].size(), 2u);
  EXPECT_EQ(doc["report"]["sections"][0]["kind"], "fix");
  const size_t kept = doc["report"]["sections"][1]["items"].size();
  EXPECT_GT(kept, 0u);
  EXPECT_EQ(doc["report"]["sections"][1]["items"][0]["text"], "linked issue 0");
  EXPECT_EQ(cut.items_left_out["linked_issues"], 200 - kept);
  EXPECT_EQ(doc["cut"]["items_left_out"]["linked_issues"], 200 - kept);
}

}  // namespace
}  // namespace issuegraph::mcp
