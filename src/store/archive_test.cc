#include "store/archive.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/graph_json.h"
#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::TempDir;

Graph RichGraph() {
  Graph graph;
  Node root = testing::RichNode(7);
  root.links.clear();  // the crawler moved them into edges
  Node leaf = testing::RichNode(3);
  leaf.type = NodeType::kIssue;
  leaf.complete = false;
  leaf.comments.clear();
  leaf.events.clear();
  leaf.links.clear();
  leaf.depth = 1;
  Node gone;
  gone.ref = testing::Ref("acme", "app", 5);
  gone.deleted = true;
  gone.state = NodeState::kClosed;
  gone.title = "(deleted)";
  gone.depth = 1;
  graph.SetRoot(root.ref);
  for (const Link& edge : testing::RichNode(7).links) graph.AddEdge(edge);
  Link mention;
  mention.from = testing::Ref("acme", "app", 3);
  mention.to = testing::Ref("acme", "app", 5);
  mention.provenance = {"Acme/App#3", Provenance::Where::kComment, "101",
                        "https://x/#issuecomment-101"};
  graph.AddEdge(mention);
  graph.Add(root);
  graph.Add(leaf);
  graph.Add(gone);
  graph.stats.api = "graphql";
  graph.stats.requests = 4;
  graph.stats.graphql_points = 2;
  graph.stats.retries = 1;
  graph.stats.waited_ms = 1500;
  graph.stats.requests_by_kind = {{"graphql_level", 3}, {"issue", 1}};
  graph.stats.bytes = 12345;
  graph.stats.wall_ms = 800;
  graph.stats.cache_hits = 3;
  graph.stats.cache_misses = 1;
  graph.stats.partial = true;
  graph.stats.partial_reasons = {
      "--max-nodes 3 stopped the crawl; 1 linked items were not fetched"};
  graph.stats.left_out = {"other/lib#9"};
  graph.stats.beyond_depth = {"acme/app#40"};
  graph.stats.failed = {"acme/app#6: not found"};
  graph.stats.truncated = {"acme/app#7: subIssues (50 of 60)"};
  return graph;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ArchiveTest, RoundTripsAGraphExactly) {
  TempDir dir;
  const std::string path = dir.File("report.issuegraph.json");
  const Graph graph = RichGraph();
  const std::string report = "# Report\n\nWith `code` and \"quotes\".\n";
  ASSERT_TRUE(WriteArchive(path, graph, report, {{"depth", 2}, {"format", "markdown"}}));
  auto archive = ReadArchive(path);
  ASSERT_TRUE(archive) << archive.error().message;
  EXPECT_EQ(archive->version, kArchiveVersion);
  EXPECT_EQ(archive->report_markdown, report);
  EXPECT_EQ(archive->options, (nlohmann::json{{"depth", 2}, {"format", "markdown"}}));
  const Graph& read = archive->graph;
  testing::ExpectSameGraph(read, graph);
  EXPECT_EQ(StatsToJson(read.stats), StatsToJson(graph.stats));
  // Writing what was read gives the same bytes: nothing is lost or reordered.
  EXPECT_EQ(ArchiveText(read, archive->report_markdown, archive->options), ReadText(path));
  // The edge set survives too: a duplicate is still refused after reading.
  Graph copy = read;
  const Edge& first = graph.edges()[0];
  EXPECT_FALSE(copy.AddEdge(Link{graph.Ref(first.from), graph.Ref(first.to), first.kind, first.provenance}));
}

// The archive and the store must carry every field of the model. These
// sizes change when a field is added: then add it to graph_json.cc (and,
// for Node, node_table.cc and the schema), and update the numbers.
TEST(ArchiveTest, KnowsEveryFieldOfTheModel) {
  EXPECT_EQ(sizeof(Node), 664u)
      << "Node changed: update store/graph_json.cc and store/node_table.cc";
  EXPECT_EQ(sizeof(Comment), 192u)
      << "Comment changed: update store/graph_json.cc and store/node_table.cc";
  EXPECT_EQ(sizeof(Event), 424u)
      << "Event changed: update store/graph_json.cc and store/node_table.cc";
  EXPECT_EQ(sizeof(Edge), 120u) << "Edge changed: update store/graph_json.cc";
  EXPECT_EQ(sizeof(Link), 320u)
      << "Link changed: update store/graph_json.cc and store/node_table.cc";
  EXPECT_EQ(sizeof(CrawlStats), 272u) << "CrawlStats changed: update store/graph_json.cc";
}

TEST(ArchiveTest, NoSecretIsWritten) {
  TempDir dir;
  const std::string path = dir.File("a.json");
  nlohmann::json options = {
      {"depth", 1}, {"token", "ghp_do_not_share"}, {"GITHUB_TOKEN", "ghp_do_not_share"}};
  ASSERT_TRUE(WriteArchive(path, RichGraph(), "# r", options));
  EXPECT_EQ(ReadText(path).find("ghp_do_not_share"), std::string::npos);
  auto archive = ReadArchive(path);
  ASSERT_TRUE(archive);
  EXPECT_EQ(archive->options, (nlohmann::json{{"depth", 1}}));
}

TEST(ArchiveTest, ReplacesAtomicallyAndLeavesNoTemporaryFile) {
  TempDir dir;
  const std::string path = dir.File("a.json");
  ASSERT_TRUE(WriteArchive(path, RichGraph(), "# one", {}));
  ASSERT_TRUE(WriteArchive(path, RichGraph(), "# two", {}));
  EXPECT_EQ(ReadArchive(path)->report_markdown, "# two");
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  EXPECT_EQ(files, 1);
}

TEST(ArchiveTest, UnwritablePlaceIsAnIoError) {
  auto written = WriteArchive("/nonexistent-issuegraph-dir/a.json", RichGraph(), "# r", {});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().kind, ErrorKind::kIo);
  EXPECT_NE(written.error().message.find("/nonexistent-issuegraph-dir/a.json"), std::string::npos);
}

TEST(ArchiveTest, MissingFileIsAnIoError) {
  auto archive = ReadArchive("/nonexistent-issuegraph-dir/a.json");
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().kind, ErrorKind::kIo);
  EXPECT_NE(archive.error().message.find("No such file"), std::string::npos)
      << archive.error().message;
}

struct BadArchive {
  std::string text;
  std::string says;
};

class BadArchiveTest : public ::testing::TestWithParam<BadArchive> {};

TEST_P(BadArchiveTest, IsOneClearSentence) {
  TempDir dir;
  const std::string path = dir.File("bad.json");
  std::ofstream(path, std::ios::binary) << GetParam().text;
  auto archive = ReadArchive(path);
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().kind, ErrorKind::kIo);  // exit 7: a file that could not be read
  EXPECT_NE(archive.error().message.find(path), std::string::npos);
  EXPECT_NE(archive.error().message.find(GetParam().says), std::string::npos)
      << archive.error().message;
  EXPECT_EQ(archive.error().message.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Garbage, BadArchiveTest,
    ::testing::Values(
        BadArchive{std::string("\x89PNG\r\n\x1a\n garbage", 17),
                   "not an issuegraph archive (it is not JSON)"},
        BadArchive{"", "not JSON"},
        BadArchive{R"({"hello": "world"})", "not an issuegraph archive (it has no \"format\""},
        BadArchive{R"([1, 2, 3])", "not an issuegraph archive"},
        BadArchive{R"({"format": "issuegraph-archive", "version": 9, "graph": {}})",
                   "upgrade issuegraph"},
        BadArchive{R"({"format": "issuegraph-archive", "version": "1"})", "no valid \"version\""},
        BadArchive{R"({"format": "issuegraph-archive", "version": 1})", "damaged"},
        BadArchive{R"({"format": "issuegraph-archive", "version": 1, "report": {"text": "r"},
                      "graph": {"root": "a/b#1", "nodes": [{"ref": {"owner": "a", "repo": "b", "number": 1},
                      "title": 5}]}})",
                   "damaged"},
        BadArchive{R"({"format": "issuegraph-archive", "version": 1, "report": {"text": "r"},
                      "graph": {"root": "a/b#1", "nodes": [{"ref": {"owner": "a", "repo": "b", "number": 1}}],
                      "edges": [{"from": "a/b#1", "to": "a/b#2", "kind": "likes"}]}})",
                   "unknown edge kind \"likes\""},
        BadArchive{R"({"format": "issuegraph-archive", "version": 1, "report": {"text": "r"},
                      "graph": {"root": "a/b#9", "nodes": []}})",
                   "the root a/b#9 is not among the nodes"}));

TEST(ArchiveTest, AnEndlessFileIsRefusedAtTheCap) {
  auto archive = ReadArchive("/dev/zero");
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().kind, ErrorKind::kIo);
  EXPECT_EQ(archive.error().message,
            "cannot read the archive /dev/zero (larger than 256 MiB); give a file written by "
            "`issuegraph export`");
}

}  // namespace
}  // namespace issuegraph::store
