// Test helpers for the render tests: builders for nodes, edges and report
// items, the sample graphs and report the formats are checked against, and
// the golden-file check. Header-only, as test_render is built from the
// *_test.cc files alone. Test code only.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::render::testing {

inline Provenance Source(const std::string& node, Provenance::Where where, const std::string& id,
                         const std::string& url) {
  Provenance source;
  source.node = node;
  source.where = where;
  source.id = id;
  source.url = url;
  return source;
}

inline ReportItem Item(std::string text, Provenance source, std::string author = "",
                       std::string association = "") {
  ReportItem item;
  item.text = std::move(text);
  item.source = std::move(source);
  item.author = std::move(author);
  item.author_association = std::move(association);
  return item;
}

inline ReportItem Code(std::string text, std::string language, Provenance source) {
  ReportItem item = Item(std::move(text), std::move(source), "kit", "NONE");
  item.is_code = true;
  item.language = std::move(language);
  return item;
}

inline Node MakeNode(const std::string& ref, NodeType type, NodeState state,
                     const std::string& title) {
  Node node;
  node.ref = *ParseIssueRef(ref);
  node.type = type;
  node.state = state;
  node.merged = state == NodeState::kMerged;
  node.title = title;
  node.url = node.ref.HtmlUrl();
  return node;
}

inline Link MakeEdge(const std::string& from, const std::string& to, EdgeKind kind) {
  Link edge;
  edge.from = *ParseIssueRef(from);
  edge.to = *ParseIssueRef(to);
  edge.kind = kind;
  return edge;
}

// The order a builder adds nodes and edges in: output must not depend on it.
enum class Order { kAsWritten, kReversed };

inline Graph BuildGraph(const std::string& root, std::vector<Node> nodes, std::vector<Link> edges,
                        Order order) {
  if (order == Order::kReversed) {
    std::reverse(nodes.begin(), nodes.end());
    std::reverse(edges.begin(), edges.end());
  }
  Graph graph;
  graph.SetRoot(*ParseIssueRef(root));
  for (Node& node : nodes) graph.Add(node);
  for (Link& edge : edges) graph.AddEdge(edge);
  return graph;
}

// Root acme/app#12 (closed), closed by the merged PR #134 (which also
// cross-references it), mentioned by the open #40, which links to it a
// second time by `second_link_from_40`; the root cross-references
// other/lib#7 (closed as not planned) and duplicates #99, never fetched.
inline Graph SmallGraph(EdgeKind second_link_from_40, Order order) {
  std::vector<Node> nodes = {
      MakeNode("acme/app#12", NodeType::kIssue, NodeState::kClosed, "Crash on save"),
      MakeNode("acme/app#134", NodeType::kPull, NodeState::kMerged, "Fix the save path"),
      MakeNode("acme/app#40", NodeType::kIssue, NodeState::kOpen, "Older report"),
      MakeNode("other/lib#7", NodeType::kIssue, NodeState::kClosed, "Upstream"),
  };
  nodes[3].state_reason = "not_planned";
  std::vector<Link> edges = {
      MakeEdge("acme/app#134", "acme/app#12", EdgeKind::kCloses),
      MakeEdge("acme/app#134", "acme/app#12", EdgeKind::kCrossReferenced),
      MakeEdge("acme/app#40", "acme/app#12", EdgeKind::kMentions),
      MakeEdge("acme/app#40", "acme/app#12", second_link_from_40),
      MakeEdge("acme/app#12", "other/lib#7", EdgeKind::kCrossReferenced),
      MakeEdge("acme/app#12", "acme/app#99", EdgeKind::kDuplicateOf),
  };
  return BuildGraph("acme/app#12", std::move(nodes), std::move(edges), order);
}

// The graph behind SampleReport: issue Acme/App#12, closed by the merged
// PR #134, with #40 closed as its duplicate and a mention of other/lib#3,
// never fetched.
inline Graph SampleGraph() {
  Graph graph = BuildGraph(
      "acme/app#12",
      {MakeNode("Acme/App#12", NodeType::kIssue, NodeState::kClosed,
                "Saving <b>fails</b> | sometimes"),
       MakeNode("acme/app#134", NodeType::kPull, NodeState::kMerged, "Open the file for writing"),
       MakeNode("acme/app#40", NodeType::kIssue, NodeState::kClosed, "Older")},
      {MakeEdge("acme/app#134", "acme/app#12", EdgeKind::kCloses),
       MakeEdge("acme/app#40", "acme/app#12", EdgeKind::kDuplicateOf),
       MakeEdge("acme/app#12", "other/lib#3", EdgeKind::kMentions)},
      Order::kAsWritten);
  graph.FindMutable("acme/app#40")->state_reason = "duplicate";
  graph.stats.requests = 7;
  return graph;
}

// A report on SampleGraph's root with every section kind, each item with
// its source: nested steps, labels, code with and without a language, a
// repeated error and a confirmed workaround; Environment and Discussion are
// empty.
inline Report SampleReport() {
  const std::string issue = "https://github.com/Acme/App/issues/12";
  const Provenance body = Source("acme/app#12", Provenance::Where::kBody, "", issue);
  const Provenance comment =
      Source("acme/app#12", Provenance::Where::kComment, "501", issue + "#issuecomment-501");
  const Provenance pull =
      Source("acme/app#134", Provenance::Where::kBody, "", "https://github.com/acme/app/pull/134");

  Report report;
  report.ref = *ParseIssueRef("Acme/App#12");
  report.title = "Saving <b>fails</b> | sometimes";
  report.state = NodeState::kClosed;
  report.state_reason = "completed";
  report.labels = {"bug", "area: io"};
  report.author = "kit";
  report.author_association = "CONTRIBUTOR";
  report.created_at = "2026-05-26T10:00:00Z";
  report.closed_at = "2026-06-01T12:00:00Z";
  report.url = issue;
  report.comment_count = 2;
  report.participants = {"kit", "lee"};
  report.status = "Fixed by #134 (merged 2026-06-01); a workaround is known";
  report.status_source = pull;

  LinkedItem fix;
  fix.key = "acme/app#134";
  fix.ref_text = "#134";
  fix.title = "Open the file for writing";
  fix.url = "https://github.com/acme/app/pull/134";
  fix.type = NodeType::kPull;
  fix.state = NodeState::kMerged;
  fix.merged_at = "2026-06-01T09:30:00Z";
  fix.full_ref = "acme/app#134";
  fix.relation = "#134 closes this";
  fix.relation_kind = "closed_by";
  fix.author = "lee";
  fix.depth = 1;
  fix.source = pull;
  report.linked_pulls = {fix};
  LinkedItem older;
  older.key = "acme/app#40";
  older.ref_text = "#40";
  older.title = "Older";
  older.url = "https://github.com/acme/app/issues/40";
  older.state = NodeState::kClosed;
  older.state_reason = "duplicate";
  older.full_ref = "acme/app#40";
  older.relation = "#40 is a duplicate of this";
  older.relation_kind = "duplicated_by";
  older.depth = 1;
  LinkedItem unfetched;
  unfetched.key = "other/lib#3";
  unfetched.ref_text = "other/lib#3";
  unfetched.url = "https://github.com/other/lib/issues/3";
  unfetched.full_ref = "other/lib#3";
  unfetched.relation = "mentions other/lib#3";
  unfetched.relation_kind = "mentions";
  unfetched.depth = 1;
  unfetched.fetched = false;
  unfetched.source = body;
  report.linked_issues = {older, unfetched};

  ReportItem error = Code("Error: EACCES: permission denied\n  at open (fs.js:1:1)", "", body);
  error.occurrences = 3;
  ReportItem step1 = Item("Open a file", body, "kit", "CONTRIBUTOR");
  step1.list_level = 1;
  step1.list_number = 1;
  ReportItem step2 = Item("Press save\nthen wait", body, "kit", "CONTRIBUTOR");
  step2.list_level = 2;
  ReportItem expected = Item("It saves.", body, "kit", "CONTRIBUTOR");
  expected.label = "Expected";
  ReportItem fix_title = Item("Open the file for writing", pull, "lee", "MEMBER");
  fix_title.label = "Merged fix #134 (merged 2026-06-01)";
  ReportItem workaround = Item("As a workaround, run:", comment, "lee", "MEMBER");
  workaround.confirmations = 1;
  workaround.obsolete = "After upgrading to 2.6.2 you can drop the chmod.";
  ReportItem workaround_code = Code("chmod u+w file", "sh", comment);
  workaround_code.author = "lee";
  workaround_code.author_association = "MEMBER";
  workaround_code.confirmations = 1;
  workaround_code.obsolete = workaround.obsolete;
  ReportItem cause = Item("The file is opened with O_RDONLY.", body, "kit");
  cause.code_spans = {{24, 32}};  // "O_RDONLY", written as inline code
  report.answer = {Item("Fixed by #134 (merged 2026-06-01); a workaround is known", pull),
                   Item("2.6.2, as maintainer @lee says in #134", pull),
                   Item("Upgrade to 2.6.2 or later.", pull)};
  report.answer[0].label = "Status";
  report.answer[1].label = "Fixed in";
  report.answer[2].label = "What to do";

  report.sections = {
      {SectionKind::kSummary, {Item("Saving fails with EACCES on Linux.", body, "kit")}},
      {SectionKind::kErrorMessages, {error}},
      {SectionKind::kReproduction, {step1, step2, expected}},
      {SectionKind::kEnvironment, {}},
      {SectionKind::kRootCause, {cause}},
      {SectionKind::kFix, {fix_title, Item("Asks for write access.", pull, "lee", "MEMBER")}},
      {SectionKind::kWorkaround, {workaround, workaround_code}},
      {SectionKind::kCodeExamples, {Code("fs.openSync(p, 'r')", "js", body)}},
      {SectionKind::kDiscussion, {}},
  };
  report.original_text = "Saving fails.\n\n```\nError: EACCES\n```\n";
  return report;
}

// The items of section `kind`, which is added, empty, when missing.
inline std::vector<ReportItem>& ItemsOf(Report* report, SectionKind kind) {
  auto section = std::find_if(report->sections.begin(), report->sections.end(),
                              [&](const Section& s) { return s.kind == kind; });
  if (section != report->sections.end()) return section->items;
  report->sections.push_back({kind, {}});
  return report->sections.back().items;
}

// Steps as the analysis reads them from "9. Clone the repository:" and a
// fenced command under each step, then the labelled outcomes: numbers that
// start at 9, a command after a step that introduces it, labels in order.
inline Report StepsReport() {
  Report report = SampleReport();
  const Provenance body = ItemsOf(&report, SectionKind::kReproduction)[0].source;
  auto step = [&](int number, std::string text) {
    ReportItem item = Item(std::move(text), body);
    item.list_level = 1;
    item.list_number = number;
    return item;
  };
  auto labelled = [&](std::string label, std::string text) {
    ReportItem item = Item(std::move(text), body);
    item.label = std::move(label);
    return item;
  };
  ReportItem clone = Code("git clone https://example.com/app", "sh", body);
  ReportItem build = Code("cmake --preset release\ncmake --build build", "sh", body);
  ItemsOf(&report, SectionKind::kReproduction) = {
      step(9, "Clone the repository:"), clone, step(10, "Build it with the release preset:"), build,
      step(11, "Run app save."), labelled("Expected", "The file is saved."),
      labelled("Actual", "It crashes.")};
  for (ReportItem& item : ItemsOf(&report, SectionKind::kReproduction)) {
    item.author = "kit";
    item.author_association = "CONTRIBUTOR";
  }
  return report;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Expects `actual` to equal the golden file at `path` byte for byte; with
// ISSUEGRAPH_UPDATE_GOLDEN set, rewrites the file instead and skips.
inline void ExpectMatchesGolden(const std::string& actual, const std::string& path) {
  if (std::getenv("ISSUEGRAPH_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::string expected = ReadFile(path);
  ASSERT_FALSE(expected.empty()) << "missing " << path;
  EXPECT_EQ(actual, expected) << "set ISSUEGRAPH_UPDATE_GOLDEN=1 to rewrite the golden file";
}

}  // namespace issuegraph::render::testing
