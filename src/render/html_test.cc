// RenderHtml: a golden page (src/render/testdata/report.html, rewritten with
// ISSUEGRAPH_UPDATE_GOLDEN=1 like report.md), and a report whose every text
// is hostile, checked tag by tag: only the page's own elements and
// attributes, no script, no event handler, links only to http(s) pages.
#include "render/html.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "render/html_escape.h"
#include "render/render_test_util.h"
#include "render/utf8.h"

namespace issuegraph::render {
namespace {

using testing::Code;
using testing::ExpectMatchesGolden;
using testing::Item;
using testing::ItemsOf;
using testing::SampleGraph;
using testing::SampleReport;
using testing::StepsReport;

const std::string kGoldenPath =
    std::string(ISSUEGRAPH_SOURCE_DIR) + "/src/render/testdata/report.html";

// Every text of the report and graph is an attack.
constexpr std::string_view kScript = "<script>alert(1)</script>";
constexpr std::string_view kImage = "<img src=x onerror=alert(1)>";
constexpr std::string_view kBreakout = "\" onmouseover=\"alert(1)\" x=\"";

std::string Hostile(std::string_view lead) {
  return std::string(lead) + " " + std::string(kScript) + " " + std::string(kImage) + " " +
         std::string(kBreakout) + " </details></style></pre></code></a>' &amp;";
}

Report HostileReport() {
  Report report = SampleReport();
  const std::string bad_urls[] = {
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.test/x",
      "https://ok.test/\" onmouseover=\"alert(1)",
  };
  report.title = Hostile("title");
  report.labels = {Hostile("label"), "\"><script>x</script>"};
  report.author = Hostile("author");
  report.author_association = "<b>MEMBER</b>";
  report.participants = {Hostile("someone"), "javascript:alert(1)"};
  report.status = Hostile("status");
  report.status_source.url = bad_urls[0];
  report.url = bad_urls[1];
  for (LinkedItem* item :
       {&report.linked_pulls[0], &report.linked_issues[0], &report.linked_issues[1]}) {
    item->ref_text = Hostile("ref");
    item->title = Hostile("linked title");
    item->relation = Hostile("relation");
    item->author = Hostile("linked author");
    item->merged_at = Hostile("date");
  }
  report.linked_pulls[0].url = bad_urls[2];
  report.linked_issues[0].url = bad_urls[3];
  report.linked_issues[1].url = bad_urls[4];
  report.linked_issues[1].source.url = bad_urls[5];
  size_t next = 0;
  for (Section& section : report.sections) {
    if (section.items.empty()) section.items.push_back(Item("", Provenance{}));
    for (ReportItem& item : section.items) {
      item.text = Hostile("item");
      item.label = Hostile("label");
      item.author = Hostile("item author");
      item.language = "js\"><script>alert(1)</script>";
      item.source.url = bad_urls[next++ % std::size(bad_urls)];
      item.source.node = Hostile("node");
      item.source.id = Hostile("id");
    }
  }
  report.original_text = Hostile("body") + "\n</details>\n<style>body{display:none}</style>\n";
  // A step's command, which sits inside the step's <li>.
  std::vector<ReportItem>& steps = ItemsOf(&report, SectionKind::kReproduction);
  ReportItem command = steps[1];
  command.is_code = true;
  command.list_level = 0;
  command.list_number = 0;
  steps.insert(steps.begin() + 1, command);
  return report;
}

Graph HostileGraph() {
  Graph graph = SampleGraph();
  for (const Node* listed : graph.Nodes()) {
    Node& node = *graph.FindMutable(listed->ref.Key());
    node.title = Hostile("node title");
    node.url = "javascript:alert(1)";
  }
  graph.stats.partial = true;
  graph.stats.partial_reasons = {Hostile("reason")};
  graph.stats.left_out = {Hostile("left out")};
  graph.stats.api = Hostile("api");
  return graph;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

struct Tag {
  std::string name;  // lower case; "/name" for a closing tag
  std::vector<std::pair<std::string, std::string>> attributes;  // values unescaped as written
  std::string raw;
};

// Reads the tags of a page the way a browser tokenizer starts: '<' followed
// by a letter, '/' or '!' opens a tag; attribute values are double-quoted
// (the only form RenderHtml writes). Text between tags is skipped, so
// escaped issue text is never mistaken for a tag.
std::vector<Tag> Tags(const std::string& html) {
  std::vector<Tag> tags;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    size_t end = pos + 1;
    bool in_quotes = false;
    while (end < html.size() && (in_quotes || html[end] != '>')) {
      if (html[end] == '"') in_quotes = !in_quotes;
      ++end;
    }
    Tag tag;
    tag.raw = html.substr(pos, end - pos + 1);
    static const std::regex name_re(R"(^<(/?[A-Za-z!][A-Za-z0-9]*))");
    static const std::regex attribute_re(R"re(\s([^\s=>"']+)(?:="([^"]*)")?)re");
    std::smatch match;
    if (std::regex_search(tag.raw, match, name_re)) tag.name = Lower(match[1]);
    std::string rest = tag.raw.substr(std::min(tag.raw.size(), tag.name.size() + 1));
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), attribute_re);
         it != std::sregex_iterator(); ++it) {
      tag.attributes.emplace_back(Lower((*it)[1]), (*it)[2]);
    }
    tags.push_back(std::move(tag));
    pos = end;
  }
  return tags;
}

// The page's own vocabulary: anything else came from issue text.
const std::set<std::string> kElements = {
    "!doctype", "html",  "head",  "meta",    "title",   "style", "body", "main",   "header",
    "h1",       "h2",    "dl",    "dt",      "dd",      "span",  "p",    "strong", "a",
    "section",  "table", "thead", "tbody",   "tr",      "th",    "td",   "ul",     "ol",
    "li",       "div",   "pre",   "code",    "details", "summary", "footer"};
const std::set<std::string> kAttributes = {"lang",  "charset", "http-equiv", "content", "name",
                                           "class", "id",      "href",       "rel",     "title",
                                           "start", "value"};
const std::set<std::string> kVoid = {"!doctype", "meta"};

// Checks the tags of `html`: known elements and attributes only, links only
// to http(s) with the external-link rel, and every element closed in order.
void ExpectSafeAndWellFormed(const std::string& html) {
  std::vector<std::string> open;
  for (const Tag& tag : Tags(html)) {
    bool closing = tag.name.starts_with("/");
    std::string name = closing ? tag.name.substr(1) : tag.name;
    EXPECT_TRUE(kElements.contains(name)) << "unexpected element: " << tag.raw;
    if (name == "!doctype") continue;
    for (const auto& [attribute, value] : tag.attributes) {
      EXPECT_TRUE(kAttributes.contains(attribute)) << "unexpected attribute in " << tag.raw;
      EXPECT_FALSE(attribute.starts_with("on")) << tag.raw;
      if (attribute == "href") {
        std::string lower = Lower(value);
        EXPECT_TRUE(lower.starts_with("https://") || lower.starts_with("http://")) << tag.raw;
        EXPECT_EQ(lower.find("javascript:"), std::string::npos) << tag.raw;
      }
    }
    if (name == "a" && !closing) {
      EXPECT_NE(tag.raw.find(" rel=\"nofollow noopener noreferrer\""), std::string::npos)
          << tag.raw;
    }
    if (kVoid.contains(name)) continue;
    if (!closing) {
      open.push_back(name);
    } else {
      ASSERT_FALSE(open.empty()) << "stray " << tag.raw;
      EXPECT_EQ(open.back(), name) << "misnested " << tag.raw;
      open.pop_back();
    }
  }
  EXPECT_TRUE(open.empty()) << "unclosed <" << (open.empty() ? "" : open.back()) << ">";
}

TEST(RenderHtml, MatchesGolden) {
  ExpectMatchesGolden(RenderHtml(SampleReport(), SampleGraph()), kGoldenPath);
}

TEST(RenderHtml, SameInputSameBytes) {
  EXPECT_EQ(RenderHtml(SampleReport(), SampleGraph()), RenderHtml(SampleReport(), SampleGraph()));
  EXPECT_EQ(RenderHtml(HostileReport(), HostileGraph()),
            RenderHtml(HostileReport(), HostileGraph()));
}

TEST(RenderHtml, SelfContainedDocumentWithAPolicy) {
  std::string out = RenderHtml(SampleReport(), SampleGraph());
  ASSERT_TRUE(
      out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
  EXPECT_TRUE(out.ends_with("</html>\n"));
  size_t policy = out.find(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src 'none'\">");
  ASSERT_NE(policy, std::string::npos);
  EXPECT_LT(policy, out.find("<style>"));
  EXPECT_EQ(Lower(out).find("<script"), std::string::npos);
  EXPECT_EQ(out.find("src="), std::string::npos);  // nothing loaded from anywhere
  EXPECT_EQ(out.find("<link"), std::string::npos);
  ExpectSafeAndWellFormed(out);
}

TEST(RenderHtml, SectionsInTheMarkdownOrderEachItemWithItsSource) {
  std::string out = RenderHtml(SampleReport(), SampleGraph());
  size_t last = 0;
  for (std::string heading :
       {"<h1>", "<p class=\"status\">", "<h2>Linked pull requests</h2>", "<h2>Linked issues</h2>",
        "<h2>Summary</h2>", "<h2>Error messages</h2>", "<h2>Reproduction</h2>",
        "<h2>Environment</h2>", "<h2>Root cause</h2>", "<h2>Fix</h2>", "<h2>Workarounds</h2>",
        "<h2>Code examples</h2>", "<h2>Discussion highlights</h2>", "<h2>Graph</h2>",
        "<h2>Original text</h2>", "<footer>"}) {
    size_t at = out.find(heading);
    ASSERT_NE(at, std::string::npos) << heading;
    EXPECT_GT(at, last) << heading;
    last = at;
  }
  // One source line per item group, each a link to where the text came from.
  const std::regex source(
      R"(<p class="source">— from <a href="https://github\.com/[^"]+" rel="nofollow noopener noreferrer">)");
  auto begin = std::sregex_iterator(out.begin(), out.end(), source);
  EXPECT_EQ(std::distance(begin, std::sregex_iterator()), 7);
  EXPECT_NE(out.find("<p class=\"none\">None found in the thread.</p>"), std::string::npos);
  EXPECT_NE(out.find("· seen 3 times"), std::string::npos);
  EXPECT_NE(out.find("· confirmed by 1 later reply"), std::string::npos);
  // Nested steps stay nested.
  EXPECT_NE(out.find("<ol><li>Open a file<ul><li>Press save\nthen wait</li></ul></li></ol>"),
            std::string::npos);
}

// The reproduction section of a page.
std::string ReproductionOf(const std::string& page) {
  const size_t begin = page.find("<section id=\"reproduction\">");
  if (begin == std::string::npos) return "";
  return page.substr(begin, page.find("</section>", begin) - begin);
}

size_t Count(const std::string& text, std::string_view what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(RenderHtml, AStepsTextStaysBeforeItsCommandInOneNumberedList) {
  const std::string out = ReproductionOf(RenderHtml(StepsReport(), SampleGraph()));
  // One list that starts at 9: each command inside its step's item, after
  // the step's text, and the numbers run on.
  EXPECT_EQ(Count(out, "<ol"), 1u) << out;
  EXPECT_EQ(Count(out, "<li"), 3u) << out;
  EXPECT_EQ(out.find("value="), std::string::npos) << out;
  EXPECT_NE(out.find("<div class=\"item\">\n"
                     "<ol start=\"9\"><li>Clone the repository:"
                     "<div class=\"lang\">sh</div>"
                     "<pre><code class=\"language-sh\">git clone https://example.com/app"
                     "</code></pre>"
                     "</li><li>Build it with the release preset:"
                     "<div class=\"lang\">sh</div>"
                     "<pre><code class=\"language-sh\">cmake --preset release\ncmake --build build"
                     "</code></pre></li>"
                     "<li>Run app save.</li></ol>\n"
                     "<p class=\"text\"><strong>Expected:</strong> The file is saved.</p>\n"
                     "<p class=\"text\"><strong>Actual:</strong> It crashes.</p>\n"
                     "<p class=\"source\">— from "),
            std::string::npos)
      << out;
  ExpectSafeAndWellFormed(RenderHtml(StepsReport(), SampleGraph()));
}

TEST(RenderHtml, AStepKeepsItsNumberWhereTheRunBreaks) {
  Report report = StepsReport();
  ItemsOf(&report, SectionKind::kReproduction)[4].list_number = 14;
  const std::string out = ReproductionOf(RenderHtml(report, SampleGraph()));
  EXPECT_EQ(Count(out, "<ol"), 1u) << out;
  EXPECT_NE(out.find("</li><li value=\"14\">Run app save.</li></ol>"), std::string::npos) << out;
}

TEST(RenderHtml, CodeAfterTheLastStepThatItDoesNotIntroduceClosesTheList) {
  Report report = StepsReport();
  std::vector<ReportItem>& steps = ItemsOf(&report, SectionKind::kReproduction);
  // "11. Run app save." introduces nothing: the log after it stands alone.
  steps.insert(steps.begin() + 5, Code("saving...", "", steps[0].source));
  steps[5].author = "kit";
  steps[5].author_association = "CONTRIBUTOR";
  const std::string out = ReproductionOf(RenderHtml(report, SampleGraph()));
  EXPECT_NE(out.find("<li>Run app save.</li></ol>\n<pre><code>saving...</code></pre>\n"
                     "<p class=\"text\"><strong>Expected:</strong> The file is saved.</p>\n"),
            std::string::npos)
      << out;
}

TEST(RenderHtml, ALabelledCommandStaysUnderItsStepWithItsLabel) {
  Report report = StepsReport();
  std::vector<ReportItem>& steps = ItemsOf(&report, SectionKind::kReproduction);
  steps[3].label = "Build";
  steps[3].language = "";
  const std::string out = ReproductionOf(RenderHtml(report, SampleGraph()));
  EXPECT_NE(out.find("<li>Build it with the release preset:<p><strong>Build:</strong></p>"
                     "<pre><code>cmake --preset release\ncmake --build build</code></pre></li>"),
            std::string::npos)
      << out;
}

TEST(RenderHtml, LabelledStepsKeepTheirLabelsInOrder) {
  Report report = SampleReport();
  const Provenance body = ItemsOf(&report, SectionKind::kReproduction)[0].source;
  ReportItem script = Code("import app\napp.save('x')", "python", body);
  script.label = "Minimal script";
  ReportItem steps = Item("open a file, press save", body, "kit", "NONE");
  steps.label = "Steps to reproduce";
  ReportItem expected = Item("the file is saved", body, "kit", "NONE");
  expected.label = "Expected result";
  ReportItem actual = Item("it crashes", body, "kit", "NONE");
  actual.label = "Actual result";
  ItemsOf(&report, SectionKind::kReproduction) = {steps, script, expected, actual};
  const std::string out = ReproductionOf(RenderHtml(report, SampleGraph()));
  EXPECT_NE(out.find("<div class=\"item\">\n"
                     "<p class=\"text\"><strong>Steps to reproduce:</strong> "
                     "open a file, press save</p>\n"
                     "<p><strong>Minimal script:</strong></p>\n<div class=\"lang\">python</div>\n"
                     "<pre><code class=\"language-python\">"
                     "import app\napp.save(&#39;x&#39;)</code></pre>\n"
                     "<p class=\"text\"><strong>Expected result:</strong> the file is saved</p>\n"
                     "<p class=\"text\"><strong>Actual result:</strong> it crashes</p>\n"),
            std::string::npos)
      << out;
}

TEST(RenderHtml, GraphIsAListOfLinksWithTheMermaidSourceBeside) {
  std::string out = RenderHtml(SampleReport(), SampleGraph());
  EXPECT_NE(out.find("<a class=\"node merged\" href=\"https://github.com/acme/app/issues/134\" "
                     "rel=\"nofollow noopener noreferrer\" title=\"Open the file for writing\">PR "
                     "#134 Open the file for writing</a><span class=\"kind\">closes →</span>"),
            std::string::npos);
  EXPECT_NE(out.find("<span class=\"kind\">mentions →</span><a class=\"node unfetched\" "
                     "href=\"https://github.com/other/lib/issues/3\""),
            std::string::npos);
  EXPECT_NE(out.find("<details><summary>Mermaid source</summary>\n<pre><code "
                     "class=\"language-mermaid\">graph LR\n"),
            std::string::npos);
}

TEST(RenderHtml, HostileTextStaysText) {
  std::string out = RenderHtml(HostileReport(), HostileGraph());
  std::string lower = Lower(out);
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("<img"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"javascript:"), std::string::npos);
  EXPECT_EQ(lower.find("href=\" javascript:"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"data:"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"vbscript:"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"//"), std::string::npos);
  // The page's own blocks open and close once each; the body's do not count.
  EXPECT_EQ(out.find("<style>"), out.rfind("<style>"));
  EXPECT_EQ(out.find("</style>"), out.rfind("</style>"));
  ExpectSafeAndWellFormed(out);
  // No event handler anywhere: not as an attribute (checked above), and not
  // even as text, where '=' is escaped too.
  EXPECT_EQ(lower.find("onerror="), std::string::npos);
  for (const Tag& tag : Tags(out)) {
    for (const auto& [attribute, value] : tag.attributes) {
      EXPECT_NE(attribute, "onmouseover") << tag.raw;
    }
  }
  // The text is all there, escaped.
  EXPECT_NE(out.find("title &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src&#61;x "
                     "onerror&#61;alert(1)&gt; &quot; onmouseover&#61;&quot;alert(1)&quot; "
                     "x&#61;&quot; &lt;/details&gt;&lt;/style&gt;&lt;/pre&gt;&lt;/code&gt;"
                     "&lt;/a&gt;&#39; &amp;amp;"),
            std::string::npos);
  EXPECT_NE(out.find("<pre>\nbody &lt;script&gt;"), std::string::npos);
  EXPECT_NE(out.find("&lt;/details&gt;\n&lt;style&gt;body{display:none}&lt;/style&gt;\n</pre>"),
            std::string::npos);
  // A step's command, inside the step's item, is escaped like any code.
  EXPECT_NE(out.find("</div><pre><code class=\"language-js\">item &lt;script&gt;alert(1)"),
            std::string::npos);
  // A safe link with a quote in it keeps the quote percent-encoded.
  EXPECT_NE(out.find("href=\"https://ok.test/%22%20onmouseover=%22alert%281%29\""), std::string::npos);
}

TEST(RenderHtml, EmptyReportSaysWhatWasLookedFor) {
  Report report;
  report.ref = *ParseIssueRef("acme/app#1");
  report.title = "T";
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#1"));
  std::string out = RenderHtml(report, graph);
  EXPECT_NE(out.find("<h2>Environment</h2>\n<p class=\"none\">None found in the thread.</p>"),
            std::string::npos);
  EXPECT_NE(out.find("<h2>Linked pull requests</h2>\n<p class=\"none\">None found in the "
                     "graph.</p>"),
            std::string::npos);
  EXPECT_NE(out.find("The body is empty."), std::string::npos);
  EXPECT_NE(out.find("No links in the graph."), std::string::npos);
  EXPECT_NE(out.find("Complete within the chosen depth."), std::string::npos);
  ExpectSafeAndWellFormed(out);
}

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(EscapeHtml("a & b < c > d \" e ' f = g"),
            "a &amp; b &lt; c &gt; d &quot; e &#39; f &#61; g");
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
  EXPECT_EQ(EscapeHtml("line\r\nnext\rlast\ttab"), "line\nnext\nlast\ttab");
  EXPECT_EQ(EscapeHtml(std::string("nul\0bell\a", 9)), "nul bell ");
  EXPECT_EQ(EscapeHtml("caf\xC3\xA9 \xE2\x9C\x93"), "caf\xC3\xA9 \xE2\x9C\x93");
}

TEST(HtmlEscape, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(EscapeHtml("a\xFF"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(EscapeHtml("\xC3"), "\xEF\xBF\xBD");                                  // cut sequence
  EXPECT_EQ(EscapeHtml("\xC0\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '<'
  EXPECT_EQ(EscapeHtml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(ValidUtf8("ok \xF0\x9F\x90\x9B"), "ok \xF0\x9F\x90\x9B");
}

TEST(HtmlEscape, DirectionControlsBecomeReplacementCharacters) {
  // "\u202Egnp.exe" would read as "exe.png"; shown as "\uFFFDgnp.exe", in
  // text and in attributes alike, every control of the set.
  EXPECT_EQ(EscapeHtml("invoice\u202Egnp.exe\u202C"), "invoice\uFFFDgnp.exe\uFFFD");
  for (const char* control : {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
                              "\u2066", "\u2067", "\u2068", "\u2069"}) {
    EXPECT_EQ(EscapeHtml(std::string("a") + control + "b"), "a\uFFFDb") << control;
  }
  // Right-to-left text itself, and the neighbours of the controls, stay.
  EXPECT_EQ(EscapeHtml("\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u200D \u2060 \u202F"),
            "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u200D \u2060 \u202F");
  EXPECT_EQ(DisplayUtf8("x\u202E\xFFy"), "x\uFFFD\uFFFDy");
}

TEST(HtmlEscape, LinksOnlyToWebPages) {
  EXPECT_EQ(HtmlLink("#1 <b>", "javascript:x"), "#1 &lt;b&gt;");
  EXPECT_EQ(HtmlLink("#1", "https://x.test/"),
            "<a href=\"https://x.test/\" rel=\"nofollow noopener noreferrer\">#1</a>");
}

}  // namespace
}  // namespace issuegraph::render
