#include "render/mermaid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace issuegraph::render {
namespace {

Node MakeNode(const std::string& ref, NodeType type, NodeState state, const std::string& title) {
  Node node;
  node.ref = *ParseShortRef(ref);
  node.type = type;
  node.state = state;
  node.merged = state == NodeState::kMerged;
  node.title = title;
  node.url = node.ref.HtmlUrl();
  return node;
}

Edge MakeEdge(const std::string& from, const std::string& to, EdgeKind kind) {
  Edge edge;
  edge.from = from;
  edge.to = to;
  edge.kind = kind;
  return edge;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

Graph SmallGraph(bool reversed) {
  Graph graph;
  graph.root = "acme/app#12";
  std::vector<Node> nodes = {
      MakeNode("acme/app#12", NodeType::kIssue, NodeState::kClosed, "Crash on save"),
      MakeNode("acme/app#134", NodeType::kPull, NodeState::kMerged, "Fix the save path"),
      MakeNode("acme/app#40", NodeType::kIssue, NodeState::kOpen, "Older report"),
      MakeNode("other/lib#7", NodeType::kIssue, NodeState::kClosed, "Upstream"),
  };
  nodes[3].state_reason = "not_planned";
  std::vector<Edge> edges = {
      MakeEdge("acme/app#134", "acme/app#12", EdgeKind::kCloses),
      MakeEdge("acme/app#134", "acme/app#12", EdgeKind::kCrossReferenced),
      MakeEdge("acme/app#40", "acme/app#12", EdgeKind::kMentions),
      MakeEdge("acme/app#40", "acme/app#12", EdgeKind::kCrossReferenced),
      MakeEdge("acme/app#12", "other/lib#7", EdgeKind::kCrossReferenced),
      MakeEdge("acme/app#12", "acme/app#99", EdgeKind::kDuplicateOf),
  };
  if (reversed) {
    std::reverse(nodes.begin(), nodes.end());
    std::reverse(edges.begin(), edges.end());
  }
  for (Node& node : nodes) graph.nodes[node.ref.Key()] = node;
  for (Edge& edge : edges) graph.AddEdge(edge);
  return graph;
}

TEST(RenderMermaid, NodesEdgesClassesAndRoot) {
  EXPECT_EQ(RenderMermaid(SmallGraph(false)),
            "graph LR\n"
            "  n0[\"#35;12 Crash on save\"]\n"
            "  n1[\"PR #35;134 Fix the save path\"]\n"
            "  n2[\"#35;40 Older report\"]\n"
            "  n3[\"#35;99\"]\n"
            "  n4[\"other/lib#35;7 Upstream\"]\n"
            "  n0 -->|duplicate of| n3\n"
            "  n0 -->|cross referenced| n4\n"
            "  n1 -->|closes| n0\n"
            "  n2 -->|mentions| n0\n"
            "  classDef open fill:#dafbe1,stroke:#1a7f37,color:#1f2328\n"
            "  classDef closed fill:#fbefff,stroke:#8250df,color:#1f2328\n"
            "  classDef merged fill:#eee0ff,stroke:#6639ba,color:#1f2328\n"
            "  classDef declined fill:#f6f8fa,stroke:#6e7781,color:#1f2328\n"
            "  classDef unfetched fill:#ffffff,stroke:#8c959f,stroke-dasharray:4 3,"
            "color:#57606a\n"
            "  class n0 closed\n"
            "  class n4 declined\n"
            "  class n1 merged\n"
            "  class n2 open\n"
            "  class n3 unfetched\n"
            "  style n0 stroke-width:4px\n");
}

TEST(RenderMermaid, SameGraphInAnyOrderSameBytes) {
  EXPECT_EQ(RenderMermaid(SmallGraph(false)), RenderMermaid(SmallGraph(true)));
}

TEST(RenderMermaid, HostileTitlesStayInsideTheirLabel) {
  Graph graph;
  graph.root = "acme/app#1";
  const std::vector<std::string> titles = {
      "\"]; click n0 \"javascript:alert(1)\"; x[\"",
      "line one\nn9[\"injected\"]\r\nend",
      "<img src=x onerror=alert(1)> & {curly} (round) |pipe| `tick` %%comment",
      "#quot; already an entity; #35; too",
  };
  for (size_t i = 0; i < titles.size(); ++i) {
    Node node = MakeNode("acme/app#" + std::to_string(i + 1), NodeType::kIssue, NodeState::kOpen,
                         titles[i]);
    graph.nodes[node.ref.Key()] = node;
  }
  std::string out = RenderMermaid(graph);
  const std::regex node_line(R"(  n\d+\["[^"\[\]<>`|(){}\n]*"\])");
  int node_lines = 0;
  for (const std::string& line : Lines(out)) {
    if (!line.starts_with("  n")) continue;
    ++node_lines;
    EXPECT_TRUE(std::regex_match(line, node_line)) << line;
  }
  EXPECT_EQ(node_lines, 4);  // no line was injected
  EXPECT_EQ(out.find("%%"), std::string::npos);
  EXPECT_EQ(EscapeMermaidLabel("a \"b\" #c"), "a #quot;b#quot; #35;c");
}

TEST(RenderMermaid, LongTitlesAreCutOnACharacterBoundary) {
  Graph graph;
  graph.root = "acme/app#1";
  Node node = MakeNode("acme/app#1", NodeType::kIssue, NodeState::kOpen,
                       "ééééééééééééééééééééééééééééééééééééééééé");
  graph.nodes[node.ref.Key()] = node;
  std::string out = RenderMermaid(graph);
  EXPECT_NE(out.find("é…\"]"), std::string::npos) << out;
}

}  // namespace
}  // namespace issuegraph::render
