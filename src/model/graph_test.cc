#include "model/graph.h"

#include <gtest/gtest.h>

namespace issuegraph {
namespace {

IssueRef Ref(const std::string& text, const std::string& host = "github.com") {
  return *ParseShortRef(text, host);
}

Node Fetched(const std::string& text) {
  Node node;
  node.ref = Ref(text);
  node.title = "title of " + text;
  return node;
}

Link MakeLink(const std::string& from, const std::string& to, EdgeKind kind) {
  Link link;
  link.from = Ref(from);
  link.to = Ref(to);
  link.kind = kind;
  return link;
}

TEST(GraphTest, OneIdPerKeyWhateverTheCase) {
  Graph graph;
  const NodeId a = graph.Intern(Ref("Acme/App#1"));
  EXPECT_EQ(graph.Intern(Ref("acme/app#1")), a);
  EXPECT_EQ(graph.Key(a), "acme/app#1");
  EXPECT_EQ(graph.Get(a), nullptr);        // named, not fetched
  EXPECT_EQ(graph.Display(a), "acme/app#1");
  EXPECT_EQ(graph.node_count(), 0u);
  graph.Add(Fetched("Acme/App#1"));
  ASSERT_NE(graph.Get(a), nullptr);
  EXPECT_EQ(graph.Display(a), "Acme/App#1");  // as GitHub spells it, once fetched
  EXPECT_EQ(graph.node_count(), 1u);
}

TEST(GraphTest, EdgesDeduplicateByFromToKind) {
  Graph graph;
  Link link = MakeLink("a/r#1", "a/r#2", EdgeKind::kMentions);
  EXPECT_TRUE(graph.AddEdge(link));
  EXPECT_FALSE(graph.AddEdge(link));
  link.kind = EdgeKind::kCloses;
  EXPECT_TRUE(graph.AddEdge(link));
  link.from.owner = "A";  // the same node, however it is spelled
  EXPECT_FALSE(graph.AddEdge(link));
  EXPECT_EQ(graph.edges().size(), 2u);
}

TEST(GraphTest, EdgesAreIndexedByNodeBothWays) {
  Graph graph;
  graph.SetRoot(Ref("a/r#1"));
  graph.Add(Fetched("a/r#1"));
  graph.Add(Fetched("a/r#2"));
  EXPECT_TRUE(graph.AddEdge(MakeLink("a/r#2", "a/r#1", EdgeKind::kCloses)));
  EXPECT_TRUE(graph.AddEdge(MakeLink("a/r#1", "a/r#3", EdgeKind::kMentions)));
  EXPECT_FALSE(graph.AddEdge(MakeLink("a/r#2", "a/r#1", EdgeKind::kCloses)));  // same triple
  EXPECT_TRUE(graph.AddEdge(MakeLink("a/r#2", "a/r#1", EdgeKind::kMentions)));
  const NodeId root = graph.root();
  EXPECT_EQ(graph.RootKey(), "a/r#1");
  ASSERT_EQ(graph.In(root).size(), 2u);
  EXPECT_EQ(graph.In(root).begin()->kind, EdgeKind::kCloses);
  EXPECT_EQ(std::next(graph.In(root).begin())->kind, EdgeKind::kMentions);
  ASSERT_EQ(graph.Out(root).size(), 1u);
  const Edge& out = *graph.Out(root).begin();
  EXPECT_EQ(graph.Key(out.to), "a/r#3");
  EXPECT_EQ(graph.Ref(out.to).host, "github.com");
  EXPECT_EQ(graph.Get(out.to), nullptr);
}

TEST(GraphTest, NodesComeInKeyOrderAndStayPut) {
  Graph graph;
  Node& b = graph.Add(Fetched("a/r#2"));
  graph.Intern(Ref("a/r#3"));  // named only: not among the nodes
  graph.Add(Fetched("a/r#10"));
  graph.Add(Fetched("a/r#1"));
  for (int i = 20; i < 200; ++i) graph.Intern(Ref("z/z#" + std::to_string(i)));
  b.title = "still here";  // a reference taken before the table grew
  std::vector<std::string> keys;
  for (const Node* node : graph.Nodes()) keys.push_back(node->ref.Key());
  EXPECT_EQ(keys, (std::vector<std::string>{"a/r#1", "a/r#10", "a/r#2"}));
  EXPECT_EQ(graph.Find("a/r#2")->title, "still here");
  EXPECT_EQ(graph.Find("a/r#3"), nullptr);
  EXPECT_EQ(graph.IdsInKeyOrder().size(), 184u);
}

TEST(GraphTest, AnEnterpriseEndKeepsItsHost) {
  Graph graph;
  const NodeId id = graph.Intern(Ref("team/tool#4", "git.example.com"));
  EXPECT_EQ(graph.Ref(id).HtmlUrl(), "https://git.example.com/team/tool/issues/4");
}

}  // namespace
}  // namespace issuegraph
