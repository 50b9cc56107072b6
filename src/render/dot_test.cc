#include "render/dot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "render/render_test_util.h"

namespace issuegraph::render {
namespace {

using testing::Lines;
using testing::MakeNode;
using testing::Order;
using testing::SmallGraph;

TEST(RenderDot, NodesEdgesColoursAndRoot) {
  EXPECT_EQ(
      RenderDot(SmallGraph(EdgeKind::kDuplicateOf, Order::kAsWritten)),
      "digraph issuegraph {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#57606a\", fontcolor=\"#57606a\"];\n"
      "  n0 [label=\"#12\\nCrash on save\", fillcolor=\"#fbefff\", color=\"#8250df\", "
      "fontcolor=\"#1f2328\", penwidth=3, URL=\"https://github.com/acme/app/issues/12\", "
      "tooltip=\"Crash on save\"];\n"
      "  n1 [label=\"PR #134\\nFix the save path\", fillcolor=\"#eee0ff\", color=\"#6639ba\", "
      "fontcolor=\"#1f2328\", URL=\"https://github.com/acme/app/issues/134\", "
      "tooltip=\"Fix the save path\"];\n"
      "  n2 [label=\"#40\\nOlder report\", fillcolor=\"#dafbe1\", color=\"#1a7f37\", "
      "fontcolor=\"#1f2328\", URL=\"https://github.com/acme/app/issues/40\", "
      "tooltip=\"Older report\"];\n"
      "  n3 [label=\"#99\", fillcolor=\"#ffffff\", color=\"#8c959f\", fontcolor=\"#57606a\", "
      "style=\"rounded,dashed,filled\", URL=\"https://github.com/acme/app/issues/99\", "
      "tooltip=\"#99\"];\n"
      "  n4 [label=\"other/lib#7\\nUpstream\", fillcolor=\"#f6f8fa\", color=\"#6e7781\", "
      "fontcolor=\"#1f2328\", URL=\"https://github.com/other/lib/issues/7\", "
      "tooltip=\"Upstream\"];\n"
      "  n0 -> n3 [label=\"duplicate of\"];\n"
      "  n0 -> n4 [label=\"cross referenced\"];\n"
      "  n1 -> n0 [label=\"closes\"];\n"
      "  n2 -> n0 [label=\"mentions, duplicate of\"];\n"
      "}\n");
}

TEST(RenderDot, SameGraphInAnyOrderSameBytes) {
  EXPECT_EQ(RenderDot(SmallGraph(EdgeKind::kDuplicateOf, Order::kAsWritten)),
            RenderDot(SmallGraph(EdgeKind::kDuplicateOf, Order::kReversed)));
}

TEST(RenderDot, HostileTitlesStayInsideTheirString) {
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
  const std::vector<std::string> titles = {
      "\"]; n9 [label=\"injected\"]; n0 -> n9; //",
      "back\\slash \\N \\G \\l and a trailing backslash\\",
      "line one\nline two\r\nthree\rfour",
      "} digraph x { <b>html</b> \x01\x1f\x7f",
      "bad utf-8 \xC3\x28 \xFF end",
  };
  for (size_t i = 0; i < titles.size(); ++i) {
    Node node = MakeNode("acme/app#" + std::to_string(i + 1), NodeType::kIssue, NodeState::kOpen,
                         titles[i]);
    if (i == 0) node.url = "javascript:alert(1)";
    graph.Add(node);
  }
  std::string out = RenderDot(graph);
  // A DOT string: quotes and backslashes only as escapes; attributes are
  // either quoted strings or bare words.
  const std::string quoted = R"("(?:[^"\\\n]|\\.)*")";
  const std::regex node_line("  n\\d+ \\[label=" + quoted + "(?:, [A-Za-z]+=(?:" + quoted +
                             "|\\w+))*\\];");
  const std::regex statement(R"(  n\d+ .*)");
  std::vector<std::string> lines = Lines(out);
  int node_lines = 0;
  for (const std::string& line : lines) {
    if (!std::regex_match(line, statement)) continue;
    ++node_lines;
    EXPECT_TRUE(std::regex_match(line, node_line)) << line;
  }
  EXPECT_EQ(node_lines, 5);  // one per node: nothing injected, no edge either
  EXPECT_EQ(lines.size(), 4u + 5u + 1u);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "}"), 1);
  EXPECT_EQ(lines.back(), "}");
  EXPECT_EQ(out.find("javascript:"), std::string::npos);  // no URL for a non-web link
  EXPECT_NE(out.find("back\\\\slash \\\\N \\\\G \\\\l and a trailing backslash\\\\ \""),
            std::string::npos);
  EXPECT_NE(out.find("line one\\nline two\\nthree\\nfour"), std::string::npos);
  EXPECT_NE(out.find("bad utf-8 \xEF\xBF\xBD( \xEF\xBF\xBD end"), std::string::npos);
}

TEST(RenderDot, EscapeDotString) {
  EXPECT_EQ(EscapeDotString("a \"b\" \\c"), "a \\\"b\\\" \\\\c");
  EXPECT_EQ(EscapeDotString("one\ntwo\r\nthree"), "one\\ntwo\\nthree");
  EXPECT_EQ(EscapeDotString(std::string("nul\0tab\t", 8)), "nul tab ");
  EXPECT_EQ(EscapeDotString("é ✓"), "é ✓");
  EXPECT_EQ(EscapeDotString("ends in \\"), "ends in \\\\ ");
  // A label is never drawn reordered: direction controls are marked.
  EXPECT_EQ(EscapeDotString("crash \u202Etxt.exe \u2067x\u2069"), "crash \uFFFDtxt.exe \uFFFDx\uFFFD");
}

TEST(RenderDot, LongTitlesAreCutOnACharacterBoundary) {
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
  Node node = MakeNode("acme/app#1", NodeType::kIssue, NodeState::kOpen, std::string(100, 'x'));
  graph.Add(node);
  Node accents = MakeNode("acme/app#2", NodeType::kIssue, NodeState::kOpen,
                          "éééééééééééééééééééééééééééééééééééééééééééééééééé");
  graph.Add(accents);
  std::string out = RenderDot(graph);
  EXPECT_NE(out.find("#1\\n" + std::string(60, 'x') + "…\""), std::string::npos) << out;
  EXPECT_NE(out.find("é…\", fillcolor"), std::string::npos) << out;
}

TEST(RenderDot, EmptyGraphIsStillAGraph) {
  Graph graph;
  EXPECT_EQ(RenderDot(graph),
            "digraph issuegraph {\n"
            "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
            "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n"
            "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#57606a\", "
            "fontcolor=\"#57606a\"];\n"
            "}\n");
}

}  // namespace
}  // namespace issuegraph::render
