#include "render/mermaid.h"

#include <gtest/gtest.h>

#include <iterator>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "render/render_test_util.h"

namespace issuegraph::render {
namespace {

using testing::BuildGraph;
using testing::Lines;
using testing::MakeEdge;
using testing::MakeNode;
using testing::Order;
using testing::SmallGraph;

TEST(RenderMermaid, NodesEdgesClassesAndRoot) {
  EXPECT_EQ(RenderMermaid(SmallGraph(EdgeKind::kCrossReferenced, Order::kAsWritten)),
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
  EXPECT_EQ(RenderMermaid(SmallGraph(EdgeKind::kCrossReferenced, Order::kAsWritten)),
            RenderMermaid(SmallGraph(EdgeKind::kCrossReferenced, Order::kReversed)));
}

TEST(RenderMermaid, HostileTitlesStayInsideTheirLabel) {
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
  const std::vector<std::string> titles = {
      "\"]; click n0 \"javascript:alert(1)\"; x[\"",
      "line one\nn9[\"injected\"]\r\nend",
      "<img src=x onerror=alert(1)> & {curly} (round) |pipe| `tick` %%comment",
      "#quot; already an entity; #35; too",
  };
  for (size_t i = 0; i < titles.size(); ++i) {
    Node node = MakeNode("acme/app#" + std::to_string(i + 1), NodeType::kIssue, NodeState::kOpen,
                         titles[i]);
    graph.Add(node);
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
  EXPECT_EQ(EscapeMermaidLabel("crash \u202Etxt.exe \u200F"), "crash \uFFFDtxt.exe \uFFFD");
}

TEST(RenderMermaid, LongTitlesAreCutOnACharacterBoundary) {
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
  Node node = MakeNode("acme/app#1", NodeType::kIssue, NodeState::kOpen,
                       "ééééééééééééééééééééééééééééééééééééééééé");
  graph.Add(node);
  std::string out = RenderMermaid(graph);
  EXPECT_NE(out.find("é…\"]"), std::string::npos) << out;
}

// Node and arrow lines of a diagram, by id.
struct Drawn {
  std::set<std::string> nodes;  // ids with a node line
  std::vector<std::pair<std::string, std::string>> arrows;
  std::string more;  // the note node's line, if any
};

Drawn Parse(const std::string& diagram) {
  Drawn drawn;
  const std::regex node_line(R"(  (n\d+)\[".*"\])");
  const std::regex arrow_line(R"(  (n\d+) -->\|[^|]*\| (n\d+))");
  std::smatch match;
  for (const std::string& line : Lines(diagram)) {
    if (std::regex_match(line, match, node_line)) drawn.nodes.insert(match[1]);
    if (std::regex_match(line, match, arrow_line)) drawn.arrows.emplace_back(match[1], match[2]);
    if (line.starts_with("  more[")) drawn.more = line;
  }
  return drawn;
}

// The id RenderMermaid gives `ref`: its position among the sorted keys.
std::string IdOf(const Graph& graph, const std::string& ref) {
  std::set<std::string> keys;
  for (const Node* node : graph.Nodes()) keys.insert(node->ref.Key());
  for (const Edge& edge : graph.edges()) {
    keys.insert(graph.Key(edge.from));
    keys.insert(graph.Key(edge.to));
  }
  std::string key = ParseIssueRef(ref)->Key();
  return "n" + std::to_string(std::distance(keys.begin(), keys.find(key)));
}

// Root acme/app#1; 30 issues (#100..#129) mention it; each of those is
// mentioned by 5 issues of its own (#1000...). Three "hub" issues (#9001..3)
// are mentioned from 4 first-level issues each: they lie on more paths.
Graph WideGraph(Order order) {
  std::vector<Node> nodes = {MakeNode("acme/app#1", NodeType::kIssue, NodeState::kOpen, "Root")};
  std::vector<Link> edges;
  int next = 1000;
  for (int i = 0; i < 30; ++i) {
    std::string first = "acme/app#" + std::to_string(100 + i);
    nodes.push_back(MakeNode(first, NodeType::kIssue, NodeState::kOpen, "First " + first));
    edges.push_back(MakeEdge(first, "acme/app#1", EdgeKind::kMentions));
    for (int k = 0; k < 5; ++k) {
      std::string second = "acme/app#" + std::to_string(next++);
      nodes.push_back(MakeNode(second, NodeType::kIssue, NodeState::kClosed, "Second"));
      edges.push_back(MakeEdge(second, first, EdgeKind::kMentions));
    }
  }
  for (int hub = 0; hub < 3; ++hub) {
    std::string ref = "acme/app#" + std::to_string(9001 + hub);
    nodes.push_back(MakeNode(ref, NodeType::kIssue, NodeState::kOpen, "Hub"));
    for (int i = 0; i < 4; ++i) {
      edges.push_back(
          MakeEdge("acme/app#" + std::to_string(100 + 7 * hub + i), ref, EdgeKind::kMentions));
    }
  }
  return BuildGraph("acme/app#1", std::move(nodes), std::move(edges), order);
}

TEST(RenderMermaid, LargeGraphIsCutToTheCapAroundTheRoot) {
  Graph graph = WideGraph(Order::kAsWritten);
  ASSERT_EQ(graph.node_count(), 184u);
  std::string out = RenderMermaid(graph);
  Drawn drawn = Parse(out);
  EXPECT_EQ(drawn.nodes.size(), kMermaidMaxNodes);
  EXPECT_NE(drawn.more.find("84 more items not drawn"), std::string::npos) << drawn.more;
  EXPECT_NE(out.find("%% 84 of 184 nodes left out"), std::string::npos);
  EXPECT_NE(out.find("  class more note\n"), std::string::npos);
  // The root and every direct neighbour are drawn.
  EXPECT_TRUE(drawn.nodes.contains(IdOf(graph, "acme/app#1")));
  for (int i = 0; i < 30; ++i) {
    EXPECT_TRUE(drawn.nodes.contains(IdOf(graph, "acme/app#" + std::to_string(100 + i)))) << i;
  }
  // Nodes on more paths of length 2 come first.
  for (int hub = 0; hub < 3; ++hub) {
    EXPECT_TRUE(drawn.nodes.contains(IdOf(graph, "acme/app#" + std::to_string(9001 + hub))));
  }
  // Arrows only between drawn nodes; the root keeps its outline.
  ASSERT_FALSE(drawn.arrows.empty());
  for (const auto& [from, to] : drawn.arrows) {
    EXPECT_TRUE(drawn.nodes.contains(from) && drawn.nodes.contains(to)) << from << " " << to;
  }
  EXPECT_NE(out.find("style " + IdOf(graph, "acme/app#1") + " stroke-width:4px"),
            std::string::npos);
}

TEST(RenderMermaid, CappedGraphInAnyOrderSameBytes) {
  EXPECT_EQ(RenderMermaid(WideGraph(Order::kAsWritten)),
            RenderMermaid(WideGraph(Order::kReversed)));
}

TEST(RenderMermaid, TooManyNeighboursKeepsTheStrongestTies) {
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
  Node root = MakeNode("acme/app#1", NodeType::kIssue, NodeState::kOpen, "Root");
  graph.Add(root);
  for (int i = 0; i < 150; ++i) {
    std::string ref = "acme/app#" + std::to_string(100 + i);
    Node node = MakeNode(ref, NodeType::kIssue, NodeState::kOpen, "Mention");
    graph.Add(node);
    graph.AddEdge(MakeEdge(ref, "acme/app#1", EdgeKind::kMentions));
  }
  // The fix and the duplicate sort last by key, but are the ties that matter.
  Node fix = MakeNode("acme/app#999", NodeType::kPull, NodeState::kMerged, "The fix");
  Node duplicate = MakeNode("acme/app#998", NodeType::kIssue, NodeState::kClosed, "Same bug");
  graph.Add(fix);
  graph.Add(duplicate);
  graph.AddEdge(MakeEdge("acme/app#999", "acme/app#1", EdgeKind::kCloses));
  graph.AddEdge(MakeEdge("acme/app#998", "acme/app#1", EdgeKind::kDuplicateOf));
  Drawn drawn = Parse(RenderMermaid(graph));
  EXPECT_EQ(drawn.nodes.size(), kMermaidMaxNodes);
  EXPECT_TRUE(drawn.nodes.contains(IdOf(graph, "acme/app#999")));
  EXPECT_TRUE(drawn.nodes.contains(IdOf(graph, "acme/app#998")));
  EXPECT_NE(drawn.more.find("53 more items"), std::string::npos) << drawn.more;
}

TEST(RenderMermaid, AtTheCapNothingIsLeftOut) {
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
  for (size_t i = 1; i <= kMermaidMaxNodes; ++i) {
    std::string ref = "acme/app#" + std::to_string(i);
    Node node = MakeNode(ref, NodeType::kIssue, NodeState::kOpen, "T");
    graph.Add(node);
    if (i > 1) graph.AddEdge(MakeEdge(ref, "acme/app#1", EdgeKind::kMentions));
  }
  std::string out = RenderMermaid(graph);
  EXPECT_EQ(Parse(out).nodes.size(), kMermaidMaxNodes);
  EXPECT_EQ(out.find("more"), std::string::npos);
  EXPECT_EQ(out.find("%%"), std::string::npos);
}

}  // namespace
}  // namespace issuegraph::render
