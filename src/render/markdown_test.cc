// Golden test: src/render/testdata/report.md is the expected rendering of
// the report built below, byte for byte. After an intended change, rewrite
// it with
//   ISSUEGRAPH_UPDATE_GOLDEN=1 ./build/<dir>/tests/test_render
// and review the diff like code.
#include "render/markdown.h"

#include <gtest/gtest.h>

#include <string>

#include "render/markdown_escape.h"
#include "render/render_test_util.h"

namespace issuegraph::render {
namespace {

using testing::Code;
using testing::ExpectMatchesGolden;
using testing::Item;
using testing::ItemsOf;
using testing::MakeEdge;
using testing::MakeNode;
using testing::SampleGraph;
using testing::SampleReport;
using testing::Source;
using testing::StepsReport;

const std::string kGoldenPath =
    std::string(ISSUEGRAPH_SOURCE_DIR) + "/src/render/testdata/report.md";

// SampleGraph with a draft pull and a crawl cut short.
Graph MarkdownGraph() {
  Graph graph = SampleGraph();
  Node draft = MakeNode("acme/app#60", NodeType::kPull, NodeState::kOpen, "Draft idea");
  draft.draft = true;
  graph.Add(draft);
  graph.AddEdge(MakeEdge("acme/app#60", "acme/app#12", EdgeKind::kConnected));
  graph.stats.requests = 9;
  graph.stats.partial = true;
  graph.stats.partial_reasons = {"The crawl stopped at --max-nodes 4."};
  graph.stats.left_out = {"other/lib#3"};
  return graph;
}

// SampleReport with text Markdown would misread unless escaped (headings,
// emphasis, fences, list markers, table pipes, HTML, unsafe links), a draft
// pull and a latest comment from a bot.
Report MarkdownReport() {
  Report report = SampleReport();
  const std::string issue = "https://github.com/Acme/App/issues/12";
  const Provenance c2 =
      Source("acme/app#12", Provenance::Where::kComment, "502", issue + "#issuecomment-502");
  report.title += "\n# not a heading";
  report.comment_count = 4;
  report.participants.push_back("mo_bot[bot]");

  LinkedItem draft = report.linked_pulls[0];
  draft.key = "acme/app#60";
  draft.ref_text = "#60";
  draft.title = "Draft | idea";
  draft.url = "https://github.com/acme/app/pull/60";
  draft.state = NodeState::kOpen;
  draft.merged_at = "";
  draft.draft = true;
  draft.relation = "connected with #60";
  draft.relation_kind = "connected";
  report.linked_pulls.push_back(draft);
  report.linked_issues[1].url = "javascript:alert(1)";  // never linked

  ItemsOf(&report, SectionKind::kSummary)[0].text = "Saving fails with _EACCES_ on Linux.";
  ItemsOf(&report, SectionKind::kErrorMessages)[0].text =
      "Error: EACCES: permission denied\n``` not a fence";
  ItemsOf(&report, SectionKind::kReproduction)[1].text = "Press *save*\nthen wait";
  // A step's command, fence-like text and a blank line inside: nested
  // under the step it belongs to, the list going on after it.
  std::vector<ReportItem>& steps = ItemsOf(&report, SectionKind::kReproduction);
  ReportItem command = Code("app open notes.txt\n\n``` not a fence", "sh", steps[0].source);
  command.author = "kit";
  command.author_association = "CONTRIBUTOR";
  steps.insert(steps.begin() + 1, command);
  ItemsOf(&report, SectionKind::kRootCause)[0].text = "1. The file is opened read-only.";
  ItemsOf(&report, SectionKind::kRootCause)[0].code_spans.clear();
  // A written code span: shown as code, and its content is never markup.
  ItemsOf(&report, SectionKind::kSummary)[0].code_spans = {{18, 26}};
  for (ReportItem& item : ItemsOf(&report, SectionKind::kWorkaround)) item.confirmations = 2;
  ItemsOf(&report, SectionKind::kCodeExamples)[0].language = "js`x";
  ReportItem latest = Item("Thanks, <script>alert(1)</script> [link](javascript:x) works!", c2,
                           "mo_bot[bot]", "NONE");
  latest.label = "Latest comment";
  ItemsOf(&report, SectionKind::kDiscussion).push_back(latest);
  report.original_text =
      "Saving fails.\n\n</details>\n<script>alert(1)</script>\n\n````\ncode\n````\n";
  return report;
}

TEST(RenderMarkdown, MatchesGolden) {
  ExpectMatchesGolden(RenderMarkdown(MarkdownReport(), MarkdownGraph()), kGoldenPath);
}

TEST(RenderMarkdown, SameInputSameBytes) {
  EXPECT_EQ(RenderMarkdown(MarkdownReport(), MarkdownGraph()),
            RenderMarkdown(MarkdownReport(), MarkdownGraph()));
}

TEST(RenderMarkdown, HostileBodyCannotCloseTheDetailsBlock) {
  std::string out = RenderMarkdown(MarkdownReport(), MarkdownGraph());
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
  report.ref = *ParseIssueRef("acme/app#1");
  report.title = "T";
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
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
  EXPECT_EQ(MarkdownLink("#1", "javascript:x"), "#1");
  EXPECT_EQ(MarkdownLink("a]b", "https://x.test/"), "[a\\]b](https://x.test/)");
}

TEST(MarkdownEscape, NoMentionsNoDirectionOverridesNoForeignDiagrams) {
  EXPECT_EQ(EscapeText("ping @everyone and @acme/team"), "ping @\u200Beveryone and @\u200Bacme/team");
  EXPECT_EQ(EscapeText("mail me@example.com"), "mail me@example.com");  // not a mention
  EXPECT_EQ(EscapeText("abc\u202Egnp.exe"), "abc\uFFFDgnp.exe");
  EXPECT_EQ(EscapeText("\u2066x\u2069 \u200F"), "\uFFFDx\uFFFD \uFFFD");
  EXPECT_EQ(EscapeText("caf\u00e9 \u2014 ok"), "caf\u00e9 \u2014 ok");  // other text untouched
  EXPECT_EQ(CodeFence("graph TD; A-->B", "mermaid"), "```text\ngraph TD; A-->B\n```\n");
  EXPECT_EQ(CodeFence("{}", "GeoJSON"), "```text\n{}\n```\n");
  // Code keeps its bytes but for what would show a line reordered.
  EXPECT_EQ(CodeFence("if (admin\u202E \u2066) {", "c"), "```c\nif (admin\uFFFD \uFFFD) {\n```\n");
}

TEST(RenderMarkdown, TheAnswerComesFirstEachLineSourced) {
  const std::string out = RenderMarkdown(SampleReport(), MarkdownGraph());
  const size_t tldr = out.find("**TL;DR**\n\n- **Status:** Fixed by #134");
  ASSERT_NE(tldr, std::string::npos) << out;
  EXPECT_LT(tldr, out.find("- **Repository:**"));
  EXPECT_NE(out.find("- **Fixed in:** 2.6.2, as maintainer @\u200Blee says in #134 "
                     "([source](https://github.com/acme/app/pull/134))\n"),
            std::string::npos);
  EXPECT_NE(out.find("- **What to do:** Upgrade to 2.6.2 or later. ([source](https://github.com/acme/app/pull/134))\n"),
            std::string::npos);
}

TEST(RenderMarkdown, RelationsReadFromTheRootsSide) {
  const std::string out = RenderMarkdown(SampleReport(), MarkdownGraph());
  EXPECT_NE(out.find("| #134 closes this |"), std::string::npos) << out;
  EXPECT_NE(out.find("| #40 is a duplicate of this |"), std::string::npos);
}

TEST(RenderMarkdown, NumberedStepsKeepTheirNumbersAndCodeStaysCode) {
  Report report = SampleReport();
  std::vector<ReportItem>& steps = ItemsOf(&report, SectionKind::kReproduction);
  steps[0].list_number = 3;
  steps[1].list_level = 1;
  steps[1].list_number = 4;
  const std::string out = RenderMarkdown(report, MarkdownGraph());
  EXPECT_NE(out.find("3. Open a file\n4. Press save\n   then wait\n"), std::string::npos) << out;
  EXPECT_NE(out.find("The file is opened with `O_RDONLY`."), std::string::npos);
}

TEST(RenderMarkdown, AStepsTextStaysBeforeItsCommandInOneNumberedList) {
  const std::string out = RenderMarkdown(StepsReport(), MarkdownGraph());
  // One list: each command sits under its step, indented to the step's
  // text ("10. " is four wide), and the numbers run on.
  EXPECT_NE(out.find("## Reproduction\n\n"
                     "9. Clone the repository:\n"
                     "   ```sh\n   git clone https://example.com/app\n   ```\n"
                     "10. Build it with the release preset:\n"
                     "    ```sh\n    cmake --preset release\n    cmake --build build\n    ```\n"
                     "11. Run app save.\n\n"
                     "**Expected:** The file is saved.\n\n"
                     "**Actual:** It crashes.\n\n"
                     "— from [Acme/App#12]"),
            std::string::npos)
      << out;
}

TEST(RenderMarkdown, CodeAfterTheLastStepThatItDoesNotIntroduceClosesTheList) {
  Report report = StepsReport();
  std::vector<ReportItem>& steps = ItemsOf(&report, SectionKind::kReproduction);
  // "11. Run app save." introduces nothing: the log after it stands alone.
  steps.insert(steps.begin() + 5, Code("saving...", "", steps[0].source));
  steps[5].author = "kit";
  steps[5].author_association = "CONTRIBUTOR";
  const std::string out = RenderMarkdown(report, MarkdownGraph());
  EXPECT_NE(
      out.find("11. Run app save.\n\n```\nsaving...\n```\n\n**Expected:** The file is saved.\n"),
      std::string::npos)
      << out;
}

TEST(RenderMarkdown, LabelledStepsKeepTheirLabelsInOrder) {
  Report report = SampleReport();
  const Provenance body = ItemsOf(&report, SectionKind::kReproduction)[0].source;
  ReportItem script = Code("import app\napp.save('x')", "python", body);
  script.label = "Minimal script";
  ReportItem steps = Item("open a file, press save", body);
  steps.label = "Steps to reproduce";
  ReportItem expected = Item("the file is saved", body);
  expected.label = "Expected result";
  ReportItem actual = Item("it crashes", body);
  actual.label = "Actual result";
  ItemsOf(&report, SectionKind::kReproduction) = {steps, script, expected, actual};
  const std::string out = RenderMarkdown(report, MarkdownGraph());
  EXPECT_NE(out.find("## Reproduction\n\n"
                     "**Steps to reproduce:** open a file, press save\n\n"
                     "**Minimal script:**\n\n```python\nimport app\napp.save('x')\n```\n\n"
                     "**Expected result:** the file is saved\n\n"
                     "**Actual result:** it crashes\n\n"),
            std::string::npos)
      << out;
}

TEST(RenderMarkdown, AnObsoleteWorkaroundSaysSo) {
  const std::string out = RenderMarkdown(SampleReport(), MarkdownGraph());
  EXPECT_NE(out.find("obsolete after the fix, a later reply says: \u201CAfter upgrading to 2.6.2 you can drop the chmod.\u201D"),
            std::string::npos)
      << out;
}

TEST(RenderMarkdown, ATitleShowsItsCodeAsCodeNotBackticks) {
  Report report = SampleReport();
  report.title = "Crash in `save()` when *path* has ``a`b``";
  const std::string out = RenderMarkdown(report, MarkdownGraph());
  EXPECT_EQ(out.substr(0, out.find('\n')), "# Crash in `save()` when \\*path\\* has ``a`b`` (Acme/App#12)");
}

TEST(RenderMarkdown, ThePartialFooterIsOneSentence) {
  Graph graph = MarkdownGraph();
  graph.stats.partial_reasons.push_back("GitHub's rate limit ran out.");
  const std::string out = RenderMarkdown(SampleReport(), graph);
  EXPECT_NE(out.find("_Crawl: 4 nodes, 4 edges. Partial result, because the crawl stopped at --max-nodes 4; "
                     "GitHub's rate limit ran out; not fetched: other/lib#3._\n"),
            std::string::npos)
      << out.substr(out.rfind("---"));
}

TEST(MarkdownEscape, InlineCodeOutgrowsItsBackticks) {
  EXPECT_EQ(InlineCode("x"), "`x`");
  EXPECT_EQ(InlineCode("a`b"), "``a`b``");
  EXPECT_EQ(InlineCode("`x"), "`` `x ``");
  EXPECT_EQ(InlineCode("a\nb <i>"), "`a b <i>`");
  EXPECT_EQ(InlineCode(""), "");
  const std::string text = "run pip install -U x then *go*";
  const std::vector<std::pair<size_t, size_t>> spans = {{4, 20}};
  EXPECT_EQ(EscapeTextWithCode(text, spans), "run `pip install -U x` then \\*go\\*");
  EXPECT_EQ(EscapeTextWithCode("a b", {}), "a b");
  const std::vector<std::pair<size_t, size_t>> two = {{0, 3}, {4, 7}, {8, 11}};
  EXPECT_EQ(EscapeTextWithCode("foo bar baz finishes", two), "`foo` `bar` `baz` finishes");
}

TEST(MarkdownEscape, BacktickSpansPairRunsOfTheSameLength) {
  using Spans = std::vector<std::pair<size_t, size_t>>;
  EXPECT_EQ(BacktickSpans("a `b` c"), (Spans{{3, 4}}));
  EXPECT_EQ(BacktickSpans("``a`b`` `c"), (Spans{{2, 5}}));
  EXPECT_EQ(BacktickSpans("one ` alone"), Spans{});
  const CodedText title = StripBackticks("Crash in `save()`");
  EXPECT_EQ(title.text, "Crash in save()");
  EXPECT_EQ(title.code, (Spans{{9, 15}}));
}

}  // namespace
}  // namespace issuegraph::render
