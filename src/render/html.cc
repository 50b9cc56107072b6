#include "render/html.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "render/graph_view.h"
#include "render/html_escape.h"
#include "render/markdown_escape.h"
#include "render/item_groups.h"
#include "render/mermaid.h"
#include "render/synthesis.h"
#include "render/wording.h"

namespace issuegraph::render {
namespace {

constexpr size_t kMaxParticipants = 20;
constexpr size_t kGraphTitleLimit = 60;

// Fixed text only: no issue text ever reaches the style sheet.
constexpr std::string_view kStyle = R"(
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1f2328;
  font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 .4em; overflow-wrap: anywhere; }
h1 .ref { color: #59636e; font-weight: 400; }
h2 { font-size: 1.25em; margin: 1.6em 0 .6em; padding-bottom: .3em;
  border-bottom: 1px solid #d1d9e0; }
a { color: #0969da; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0 0 1em; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.label { display: inline-block; padding: 0 .5em; margin: 0 .2em .2em 0; border-radius: 1em;
  background: #ddf4ff; font-size: .85em; }
.status, .partial { padding: .6em .8em; border-left: 4px solid; }
.status { border-color: #0969da; background: #ddf4ff; }
.partial { border-color: #d4a72c; background: #fff8c5; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { border: 1px solid #d1d9e0; padding: .3em .6em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
th { background: #f6f8fa; }
.state, .node { display: inline-block; padding: 0 .5em; border: 1px solid; border-radius: 1em;
  font-size: .85em; white-space: nowrap; text-decoration: none; }
.open { background: #dafbe1; border-color: #1a7f37; color: #1f2328; }
.closed { background: #fbefff; border-color: #8250df; color: #1f2328; }
.merged { background: #eee0ff; border-color: #6639ba; color: #1f2328; }
.declined { background: #f6f8fa; border-color: #6e7781; color: #1f2328; }
.unfetched { background: #ffffff; border-color: #8c959f; border-style: dashed; color: #57606a; }
.node.root { border-width: 3px; font-weight: 600; }
.item { margin: 0 0 1.2em; }
.item p, .item ul, .item ol { margin: .3em 0; }
.text, li { white-space: pre-line; overflow-wrap: anywhere; }
.lang { color: #59636e; font-size: .8em; }
pre { margin: .3em 0; padding: .8em; background: #f6f8fa; border-radius: 6px; overflow: auto;
  font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre; }
.source, .none, footer { color: #59636e; font-size: .9em; }
.none { font-style: italic; }
ul.edges { padding-left: 1.2em; }
ul.edges li { margin: .2em 0; white-space: normal; }
.kind { color: #59636e; margin: 0 .4em; }
.machine { padding: .6em .8em; border-left: 4px solid #8250df; background: #fbefff; }
.cites { color: #59636e; font-size: .9em; white-space: nowrap; }
details { margin: .4em 0; }
summary { cursor: pointer; }
footer { margin-top: 2em; padding-top: .6em; border-top: 1px solid #d1d9e0; }
)";

// The state classes of the style sheet, for a linked row or the header.
std::string_view StateClass(NodeType type, NodeState state, std::string_view reason, bool fetched) {
  if (!fetched) return "unfetched";
  if (state == NodeState::kMerged) return "merged";
  if (state == NodeState::kOpen) return "open";
  if (type == NodeType::kPull || reason == "not_planned" || reason == "duplicate") {
    return "declined";
  }
  return "closed";
}

std::string Badge(std::string_view state_class, std::string_view text) {
  return "<span class=\"state " + std::string(state_class) + "\">" + EscapeHtml(text) + "</span>";
}

std::string Person(std::string_view login, std::string_view association) {
  if (login.empty()) return "unknown";
  std::string role = RoleName(association);
  return EscapeHtml(login) + (role.empty() ? "" : " (" + EscapeHtml(role) + ")");
}

// A language word for a code block's class: letters, digits and _+-.# only.
std::string Language(std::string_view info) {
  std::string language;
  for (char c : info.substr(0, std::min<size_t>(info.size(), 30))) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '+' || c == '-' || c == '.' || c == '#';
    if (!ok) break;
    language += c;
  }
  return language;
}

std::string SourceLine(const ReportItem& item, const Graph& graph) {
  std::string line =
      "<p class=\"source\">— from " + HtmlLink(SourceName(item.source, graph), item.source.url);
  if (!item.author.empty()) line += " by " + Person(item.author, item.author_association);
  return line + EscapeHtml(ItemNotes(item)) + "</p>\n";
}

std::string LabelPrefix(const ReportItem& item) {
  return item.label.empty() ? std::string() : "<strong>" + EscapeHtml(item.label) + ":</strong> ";
}

// Nested lists for runs of list items: numbered steps in an <ol> that
// starts at the first one's number, bullets in a <ul>. Each level opens
// inside the item above it, so the markup stays well formed whatever the
// levels say. No line breaks inside a list: items keep their own
// (white-space: pre-line).
class ListWriter {
 public:
  explicit ListWriter(std::string* out) : out_(out) {}
  ~ListWriter() { Close(); }

  bool open() const { return !levels_.empty(); }

  // `number` > 0: a numbered step, which keeps its number ("3." stays the
  // third step); 0: a bullet.
  void Add(int level, int number, const std::string& html) {
    const size_t depth = static_cast<size_t>(std::clamp(level, 1, 6));
    const bool numbered = number > 0;
    while (levels_.size() > depth) CloseLevel();
    if (levels_.size() == depth) {
      if (levels_.back().item_open) *out_ += "</li>";
      levels_.back().item_open = false;
      // A bullet after steps, or steps after bullets: another list.
      if (levels_.back().numbered != numbered) CloseLevel();
    }
    while (levels_.size() < depth) {
      if (!levels_.empty() && !levels_.back().item_open) {
        *out_ += "<li>";
        levels_.back().item_open = true;
      }
      // A level skipped on the way down holds no step of its own.
      const bool this_level = levels_.size() + 1 == depth;
      if (this_level && numbered) {
        *out_ += number == 1 ? "<ol>" : "<ol start=\"" + std::to_string(number) + "\">";
        levels_.push_back({true, false, number});
      } else {
        *out_ += "<ul>";
        levels_.push_back({false, false, 0});
      }
    }
    Level& list = levels_.back();
    if (numbered && number != list.next) {
      *out_ += "<li value=\"" + std::to_string(number) + "\">";
    } else {
      *out_ += "<li>";
    }
    if (numbered) list.next = number + 1;
    *out_ += html;
    list.item_open = true;
  }

  // More of the open item: a step's command under the step's text.
  void AddToItem(const std::string& html) { *out_ += html; }

  void Close() {
    while (!levels_.empty()) CloseLevel();
  }

 private:
  struct Level {
    bool numbered = false;
    bool item_open = false;  // whether its last <li> is open
    int next = 0;            // the number a numbered list shows next
  };

  void CloseLevel() {
    if (levels_.back().item_open) *out_ += "</li>";
    *out_ += levels_.back().numbered ? "</ol>" : "</ul>";
    levels_.pop_back();
    if (levels_.empty()) *out_ += "\n";
    if (!levels_.empty()) levels_.back().item_open = true;
  }

  std::string* out_;
  std::vector<Level> levels_;  // the open lists, outermost first
};

// A code block; inside a list item, without line breaks between its tags.
std::string CodeBlock(const ReportItem& item, bool in_list = false) {
  const std::string_view line_break = in_list ? "" : "\n";
  std::string language = Language(item.language);
  std::string out;
  if (!language.empty()) {
    out += "<div class=\"lang\">" + EscapeHtml(language) + "</div>" + std::string(line_break);
  }
  out += "<pre><code";
  if (!language.empty()) out += " class=\"language-" + EscapeHtml(language) + "\"";
  return out + ">" + EscapeHtml(item.text) + "</code></pre>" + std::string(line_break);
}

// Items that share one source, then that source.
void RenderGroup(const ItemGroup& group, const Graph& graph, std::string* out) {
  if (group.empty()) return;
  *out += "<div class=\"item\">\n";
  {
    ListWriter list(out);
    const ReportItem* last_step = nullptr;  // the open list item
    for (size_t i = 0; i < group.size(); ++i) {
      const ReportItem* item = group[i];
      // A step's command stays under the step, as in Markdown.
      if (list.open() && StaysUnderStep(group, i, last_step)) {
        std::string block;
        if (!item->label.empty()) {
          block += "<p><strong>" + EscapeHtml(item->label) + ":</strong></p>";
        }
        list.AddToItem(block + CodeBlock(*item, /*in_list=*/true));
        continue;
      }
      if (item->list_level > 0 && !item->is_code) {
        list.Add(item->list_level, item->list_number,
                 LabelPrefix(*item) + EscapeHtmlWithCode(item->text, item->code_spans));
        last_step = item;
        continue;
      }
      list.Close();
      last_step = nullptr;
      if (item->is_code) {
        if (!item->label.empty()) {
          *out += "<p><strong>" + EscapeHtml(item->label) + ":</strong></p>\n";
        }
        *out += CodeBlock(*item);
      } else {
        *out += "<p class=\"text\">" + LabelPrefix(*item) +
                EscapeHtmlWithCode(item->text, item->code_spans) + "</p>\n";
      }
    }
  }
  *out += SourceLine(*group.front(), graph);
  *out += "</div>\n";
}

void RenderSection(SectionKind kind, const Report& report, const Graph& graph, std::string* out) {
  *out += "<section id=\"" + std::string(SectionKindName(kind)) + "\">\n<h2>" +
          EscapeHtml(SectionTitle(kind)) + "</h2>\n";
  std::vector<ItemGroup> groups = GroupSectionItems(report, kind);
  if (groups.empty()) {
    *out += "<p class=\"none\">None found in the thread.</p>\n</section>\n";
    return;
  }
  for (const ItemGroup& group : groups) RenderGroup(group, graph, out);
  *out += "</section>\n";
}

std::string Cell(const std::string& html) { return "<td>" + html + "</td>"; }

std::string TitleCell(const LinkedItem& item) {
  if (!item.fetched && item.title.empty()) return Cell("—");
  return Cell(EscapeHtml(item.title));
}

std::string StateCell(const LinkedItem& item) {
  return Cell(Badge(StateClass(item.type, item.state, item.state_reason, item.fetched),
                    LinkedStateText(item)));
}

std::string LinkedSourceCell(const LinkedItem& item, const Graph& graph) {
  if (item.source.node.empty()) return Cell("—");
  return Cell(HtmlLink(SourceName(item.source, graph), item.source.url));
}

void RenderLinkedPulls(const Report& report, const Graph& graph, std::string* out) {
  *out += "<section id=\"linked_pulls\">\n<h2>Linked pull requests</h2>\n";
  if (report.linked_pulls.empty()) {
    *out += "<p class=\"none\">None found in the graph.</p>\n</section>\n";
    return;
  }
  *out +=
      "<table>\n<thead><tr><th>PR</th><th>Title</th><th>State</th><th>Merged</th>"
      "<th>Relation</th><th>Author</th><th>Linked in</th></tr></thead>\n<tbody>\n";
  for (const LinkedItem& item : report.linked_pulls) {
    *out += "<tr>" + Cell(HtmlLink(item.ref_text, item.url)) + TitleCell(item) + StateCell(item) +
            Cell(item.merged_at.empty() ? "—" : EscapeHtml(DateOnly(item.merged_at))) +
            Cell(EscapeHtml(item.relation)) +
            Cell(item.author.empty() ? "—" : EscapeHtml(item.author)) +
            LinkedSourceCell(item, graph) + "</tr>\n";
  }
  *out += "</tbody>\n</table>\n</section>\n";
}

void RenderLinkedIssues(const Report& report, const Graph& graph, std::string* out) {
  *out += "<section id=\"linked_issues\">\n<h2>Linked issues</h2>\n";
  if (report.linked_issues.empty()) {
    *out += "<p class=\"none\">None found in the graph.</p>\n</section>\n";
    return;
  }
  *out +=
      "<table>\n<thead><tr><th>Issue</th><th>Title</th><th>State</th><th>Relation</th>"
      "<th>Depth</th><th>Linked in</th></tr></thead>\n<tbody>\n";
  for (const LinkedItem& item : report.linked_issues) {
    *out += "<tr>" + Cell(HtmlLink(item.ref_text, item.url)) + TitleCell(item) + StateCell(item) +
            Cell(EscapeHtml(item.relation)) + Cell(std::to_string(item.depth)) +
            LinkedSourceCell(item, graph) + "</tr>\n";
  }
  *out += "</tbody>\n</table>\n</section>\n";
}

std::string PageTitle(const Report& report) {
  std::string ref = report.ref.number > 0 ? report.ref.Text() : std::string();
  if (report.title.empty()) return ref;
  const std::string title = StripBackticks(report.title).text;
  return ref.empty() ? title : title + " (" + ref + ")";
}

void RenderHeader(const Report& report, std::string* out) {
  std::string ref = report.ref.number > 0 ? report.ref.Text() : std::string();
  *out += "<header>\n<h1>";
  if (report.title.empty()) {
    *out += EscapeHtml(ref);
  } else {
    const CodedText title = StripBackticks(report.title);
    *out += EscapeHtmlWithCode(title.text, title.code);
    if (!ref.empty()) *out += " <span class=\"ref\">(" + EscapeHtml(ref) + ")</span>";
  }
  *out += "</h1>\n";
  if (!report.answer.empty()) {
    // The answer first: status, release, what to do, each with its source.
    *out += "<section class=\"answer\">\n<p><strong>TL;DR</strong></p>\n<ul>\n";
    for (const ReportItem& line : report.answer) {
      *out += "<li><strong>" + EscapeHtml(line.label) + ":</strong> " + EscapeHtml(line.text);
      if (!SafeHref(line.source.url).empty()) *out += " (" + HtmlLink("source", line.source.url) + ")";
      *out += "</li>\n";
    }
    *out += "</ul>\n</section>\n";
  }
  *out += "<dl class=\"facts\">\n";
  auto fact = [&](std::string_view name, const std::string& html) {
    *out += "<dt>" + std::string(name) + "</dt><dd>" + html + "</dd>\n";
  };
  fact("Repository", EscapeHtml(report.ref.owner + "/" + report.ref.repo));
  fact("Type", report.type == NodeType::kPull ? "pull request" : "issue");
  fact("State", Badge(StateClass(report.type, report.state, report.state_reason, true),
                      StateText(report.type, report.state, report.state_reason, false)));
  std::string labels;
  for (const std::string& label : report.labels) {
    labels += "<span class=\"label\">" + EscapeHtml(label) + "</span>";
  }
  fact("Labels", labels.empty() ? std::string("none") : labels);
  fact("Author", Person(report.author, report.author_association));
  fact("Opened", EscapeHtml(DateOnly(report.created_at)));
  if (!report.closed_at.empty()) fact("Closed", EscapeHtml(DateOnly(report.closed_at)));
  fact("Comments", std::to_string(report.comment_count));
  std::string people;
  for (size_t i = 0; i < report.participants.size() && i < kMaxParticipants; ++i) {
    people += (i == 0 ? "" : ", ") + EscapeHtml(report.participants[i]);
  }
  if (report.participants.size() > kMaxParticipants) {
    people += " and " + std::to_string(report.participants.size() - kMaxParticipants) + " more";
  }
  fact("Participants", people.empty() ? std::string("none") : people);
  fact("URL", HtmlLink(report.url, report.url));
  *out += "</dl>\n<p class=\"status\"><strong>Status:</strong> " + EscapeHtml(report.status);
  std::string source = SafeHref(report.status_source.url);
  if (!source.empty() && source != SafeHref(report.url)) {
    *out += " (" + HtmlLink("source", report.status_source.url) + ")";
  }
  *out += "</p>\n</header>\n";
}

std::string NodeChip(const ViewNode& node) {
  std::string text = node.ref_label;
  if (!node.title.empty()) text += " " + ShortenText(node.title, kGraphTitleLimit);
  std::string classes =
      "node " + std::string(NodeClassName(node.node_class)) + (node.root ? " root" : "");
  std::string title =
      node.title.empty() ? std::string() : " title=\"" + EscapeHtml(node.title) + "\"";
  std::string href = SafeHref(node.url);
  if (href.empty()) {
    return "<span class=\"" + classes + "\"" + title + ">" + EscapeHtml(text) + "</span>";
  }
  return "<a class=\"" + classes + "\" href=\"" + href + "\" rel=\"nofollow noopener noreferrer\"" +
         title + ">" + EscapeHtml(text) + "</a>";
}

void RenderGraph(const Graph& graph, std::string* out) {
  *out += "<section id=\"graph\">\n<h2>Graph</h2>\n";
  GraphView view = BuildGraphView(graph);
  std::vector<bool> linked(view.nodes.size(), false);
  if (view.arrows.empty()) {
    *out += "<p class=\"none\">No links in the graph.</p>\n";
  } else {
    *out += "<ul class=\"edges\">\n";
    for (const ViewArrow& arrow : view.arrows) {
      linked[arrow.from] = linked[arrow.to] = true;
      *out += "<li>" + NodeChip(view.nodes[arrow.from]) + "<span class=\"kind\">" +
              EscapeHtml(arrow.Label()) + " →</span>" + NodeChip(view.nodes[arrow.to]) + "</li>\n";
    }
    *out += "</ul>\n";
  }
  std::string alone;
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    if (linked[i]) continue;
    alone += ' ';
    alone += NodeChip(view.nodes[i]);
  }
  if (!alone.empty()) *out += "<p>Without links:" + alone + "</p>\n";
  *out += "<details><summary>Mermaid source</summary>\n<pre><code class=\"language-mermaid\">" +
          EscapeHtml(RenderMermaid(graph)) + "</code></pre>\n</details>\n</section>\n";
}

void RenderOriginal(const Report& report, std::string* out) {
  bool pull = report.type == NodeType::kPull;
  *out += "<section id=\"original\">\n<h2>Original text</h2>\n";
  *out += std::string("<details><summary>Original ") + (pull ? "pull request" : "issue") +
          " text</summary>\n";
  if (report.original_text.find_first_not_of(" \t\r\n") == std::string::npos) {
    *out += "<p class=\"none\">The body is empty.</p>\n";
  } else {
    // Escaped, the body is text: it cannot close <details> or add markup.
    // A parser drops one line break right after <pre>; this one is it.
    *out += "<pre>\n" + EscapeHtml(report.original_text) + "</pre>\n";
  }
  *out += "</details>\n</section>\n";
}

}  // namespace

std::string_view HtmlStyle() { return kStyle; }

std::string RenderHtml(const Report& report, const Graph& graph) {
  std::string out;
  out.reserve(16384 + report.original_text.size() * 2);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src 'none'\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeHtml(PageTitle(report)) + "</title>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
  RenderHeader(report, &out);
  if (report.synthesis) out += SynthesisHtml(*report.synthesis);
  if (graph.stats.partial) {
    // Said up front: a reader must not take a cut graph for the whole story.
    out +=
        "<p class=\"partial\"><strong>Partial report:</strong> a limit cut the crawl, so links "
        "may be missing; see the note at the end.</p>\n";
  }
  RenderLinkedPulls(report, graph, &out);
  RenderLinkedIssues(report, graph, &out);
  for (SectionKind kind : kTextSections) RenderSection(kind, report, graph, &out);
  RenderGraph(graph, &out);
  RenderOriginal(report, &out);
  out += "<footer>\n<p>" + EscapeHtml(CrawlNote(graph)) + "</p>\n</footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace issuegraph::render
