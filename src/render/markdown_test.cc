// Golden test: src/render/testdata/report.md is the expected rendering of
// the report built below, byte for byte. After an intended change, rewrite
// it with
//   ISSUEGRAPH_UPDATE_GOLDEN=1 ./build/<dir>/tests/test_render
// and review the diff like code.
#include "render/markdown.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "render/markdown_escape.h"

namespace issuegraph::render {
namespace {

const std::string kGoldenPath =
    std::string(ISSUEGRAPH_SOURCE_DIR) + "/src/render/testdata/report.md";

Provenance Source(const std::string& node, Provenance::Where where, const std::string& id,
                  const std::string& url) {
  Provenance source;
  source.node = node;
  source.where = where;
  source.id = id;
  source.url = url;
  return source;
}

ReportItem Item(std::string text, Provenance source, std::string author = "",
                std::string association = "") {
  ReportItem item;
  item.text = std::move(text);
  item.source = std::move(source);
  item.author = std::move(author);
  item.author_association = std::move(association);
  return item;
}

ReportItem Code(std::string text, std::string language, Provenance source) {
  ReportItem item = Item(std::move(text), std::move(source), "kit", "NONE");
  item.is_code = true;
  item.language = std::move(language);
  return item;
}

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

Graph SampleGraph() {
  Graph graph;
  graph.root = "acme/app#12";
  for (Node node :
       {MakeNode("Acme/App#12", NodeType::kIssue, NodeState::kClosed,
                 "Saving <b>fails</b> | sometimes"),
        MakeNode("acme/app#134", NodeType::kPull, NodeState::kMerged, "Open the file for writing"),
        MakeNode("acme/app#60", NodeType::kPull, NodeState::kOpen, "Draft idea"),
        MakeNode("acme/app#40", NodeType::kIssue, NodeState::kClosed, "Older")}) {
    graph.nodes[node.ref.Key()] = node;
  }
  graph.nodes["acme/app#60"].draft = true;
  graph.nodes["acme/app#40"].state_reason = "duplicate";
  for (auto [from, to, kind] : {std::tuple("acme/app#134", "acme/app#12", EdgeKind::kCloses),
                                std::tuple("acme/app#60", "acme/app#12", EdgeKind::kConnected),
                                std::tuple("acme/app#40", "acme/app#12", EdgeKind::kDuplicateOf),
                                std::tuple("acme/app#12", "other/lib#3", EdgeKind::kMentions)}) {
    Edge edge;
    edge.from = from;
    edge.to = to;
    edge.kind = kind;
    graph.AddEdge(edge);
  }
  graph.stats.requests = 9;
  graph.stats.partial = true;
  graph.stats.partial_reasons = {"The crawl stopped at --max-nodes 4."};
  graph.stats.left_out = {"other/lib#3"};
  return graph;
}

Report SampleReport() {
  const std::string issue = "https://github.com/Acme/App/issues/12";
  const Provenance body = Source("acme/app#12", Provenance::Where::kBody, "", issue);
  const Provenance c1 =
      Source("acme/app#12", Provenance::Where::kComment, "501", issue + "#issuecomment-501");
  const Provenance c2 =
      Source("acme/app#12", Provenance::Where::kComment, "502", issue + "#issuecomment-502");
  const Provenance pull =
      Source("acme/app#134", Provenance::Where::kBody, "", "https://github.com/acme/app/pull/134");

  Report report;
  report.ref = *ParseShortRef("Acme/App#12");
  report.title = "Saving <b>fails</b> | sometimes\n# not a heading";
  report.state = NodeState::kClosed;
  report.state_reason = "completed";
  report.labels = {"bug", "area: io"};
  report.author = "kit";
  report.author_association = "CONTRIBUTOR";
  report.created_at = "2026-05-26T10:00:00Z";
  report.closed_at = "2026-06-01T12:00:00Z";
  report.url = issue;
  report.comment_count = 4;
  report.participants = {"kit", "lee", "mo_bot[bot]"};
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
  fix.relation = "closes";
  fix.author = "lee";
  fix.depth = 1;
  LinkedItem draft = fix;
  draft.key = "acme/app#60";
  draft.ref_text = "#60";
  draft.title = "Draft | idea";
  draft.url = "https://github.com/acme/app/pull/60";
  draft.state = NodeState::kOpen;
  draft.merged_at = "";
  draft.draft = true;
  draft.relation = "connected";
  report.linked_pulls = {fix, draft};

  LinkedItem older;
  older.key = "acme/app#40";
  older.ref_text = "#40";
  older.title = "Older";
  older.url = "https://github.com/acme/app/issues/40";
  older.state = NodeState::kClosed;
  older.state_reason = "duplicate";
  older.relation = "duplicates";
  older.depth = 1;
  LinkedItem unfetched;
  unfetched.key = "other/lib#3";
  unfetched.ref_text = "other/lib#3";
  unfetched.url = "javascript:alert(1)";  // never linked
  unfetched.relation = "mentions";
  unfetched.depth = 1;
  unfetched.fetched = false;
  report.linked_issues = {older, unfetched};

  ReportItem error = Code("Error: EACCES: permission denied\n``` not a fence", "", body);
  error.occurrences = 3;
  ReportItem step1 = Item("Open a file", body, "kit", "CONTRIBUTOR");
  step1.list_level = 1;
  ReportItem step2 = Item("Press *save*\nthen wait", body, "kit", "CONTRIBUTOR");
  step2.list_level = 2;
  ReportItem expected = Item("It saves.", body, "kit", "CONTRIBUTOR");
  expected.label = "Expected";
  ReportItem fix_title = Item("Open the file for writing", pull, "lee", "MEMBER");
  fix_title.label = "Merged fix #134 (merged 2026-06-01)";
  ReportItem workaround = Item("As a workaround, run:", c1, "lee", "MEMBER");
  workaround.confirmations = 2;
  ReportItem workaround_code = Code("chmod u+w file", "sh", c1);
  workaround_code.author = "lee";
  workaround_code.author_association = "MEMBER";
  workaround_code.confirmations = 2;
  ReportItem latest = Item("Thanks, <script>alert(1)</script> [link](javascript:x) works!", c2,
                           "mo_bot[bot]", "NONE");
  latest.label = "Latest comment";

  report.sections = {
      {SectionKind::kSummary, {Item("Saving fails with _EACCES_ on Linux.", body, "kit")}},
      {SectionKind::kErrorMessages, {error}},
      {SectionKind::kReproduction, {step1, step2, expected}},
      {SectionKind::kEnvironment, {}},
      {SectionKind::kRootCause, {Item("1. The file is opened read-only.", body, "kit")}},
      {SectionKind::kFix, {fix_title, Item("Asks for write access.", pull, "lee", "MEMBER")}},
      {SectionKind::kWorkaround, {workaround, workaround_code}},
      {SectionKind::kCodeExamples, {Code("fs.openSync(p, 'r')", "js`x", body)}},
      {SectionKind::kDiscussion, {latest}},
  };
  report.original_text =
      "Saving fails.\n\n</details>\n<script>alert(1)</script>\n\n````\ncode\n````\n";
  return report;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

TEST(RenderMarkdown, MatchesGolden) {
  std::string actual = RenderMarkdown(SampleReport(), SampleGraph());
  if (std::getenv("ISSUEGRAPH_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(kGoldenPath, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << kGoldenPath;
  }
  std::string expected = ReadFile(kGoldenPath);
  ASSERT_FALSE(expected.empty()) << "missing " << kGoldenPath;
  EXPECT_EQ(actual, expected) << "set ISSUEGRAPH_UPDATE_GOLDEN=1 to rewrite the golden file";
}

TEST(RenderMarkdown, SameInputSameBytes) {
  EXPECT_EQ(RenderMarkdown(SampleReport(), SampleGraph()),
            RenderMarkdown(SampleReport(), SampleGraph()));
}

TEST(RenderMarkdown, HostileBodyCannotCloseTheDetailsBlock) {
  std::string out = RenderMarkdown(SampleReport(), SampleGraph());
  size_t open = out.find("<details><summary>Original issue text</summary>\n\n`````markdown\n");
  ASSERT_NE(open, std::string::npos) << out;
  size_t close = out.find("\n`````\n", open);
  ASSERT_NE(close, std::string::npos);
  // The body's own "</details>" sits inside the fence; the report's closes it.
  size_t hostile = out.find("</details>", open);
  EXPECT_LT(hostile, close);
  EXPECT_EQ(out.find("</details>", close), close + 7 + 1);
}

TEST(RenderMarkdown, EmptySectionsSayTheyWereLookedFor) {
  Report report;
  report.ref = *ParseShortRef("acme/app#1");
  report.title = "T";
  Graph graph;
  graph.root = "acme/app#1";
  std::string out = RenderMarkdown(report, graph);
  EXPECT_NE(out.find("## Environment\n\n_None found in the thread._\n"), std::string::npos);
  EXPECT_NE(out.find("## Linked pull requests\n\n_None found in the graph._\n"), std::string::npos);
  EXPECT_NE(out.find("_The body is empty._"), std::string::npos);
  EXPECT_NE(out.find("Complete within the chosen depth."), std::string::npos);
}

TEST(MarkdownEscape, TextRendersAsItself) {
  EXPECT_EQ(EscapeText("a *b* _c_ `d` [e](f) <g> & h|i ~j~"),
            "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\& h\\|i \\~j\\~");
  EXPECT_EQ(EscapeText("keep access_token and snake_case"), "keep access_token and snake_case");
  EXPECT_EQ(EscapeText("# not a heading\n- not a list\n1. not ordered\n    not code\n> no quote"),
            "\\# not a heading\n\\- not a list\n1\\. not ordered\nnot code\n\\> no quote");
  EXPECT_EQ(EscapeCell("a|b\nc"), "a\\|b c");
}

TEST(MarkdownEscape, FenceOutgrowsTheCode) {
  EXPECT_EQ(CodeFence("x", "python"), "```python\nx\n```\n");
  EXPECT_EQ(CodeFence("a ```` b", ""), "`````\na ```` b\n`````\n");
  EXPECT_EQ(CodeFence("x\n", "js`;rm -rf"), "```js\nx\n```\n");
}

TEST(MarkdownEscape, OnlyWebLinks) {
  EXPECT_EQ(SafeUrl("javascript:alert(1)"), "");
  EXPECT_EQ(SafeUrl("data:text/html,x"), "");
  EXPECT_EQ(SafeUrl("https://x.test/a b)c"), "https://x.test/a%20b%29c");
  EXPECT_EQ(MarkdownLink("#1", "javascript:x"), "#1");
  EXPECT_EQ(MarkdownLink("a]b", "https://x.test/"), "[a\\]b](https://x.test/)");
}

}  // namespace
}  // namespace issuegraph::render
