#include "render/markdown.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "render/item_groups.h"
#include "render/markdown_escape.h"
#include "render/mermaid.h"
#include "render/safe_url.h"
#include "render/synthesis.h"
#include "render/wording.h"

namespace issuegraph::render {
namespace {

constexpr std::string_view kNoneInThread = "_None found in the thread._\n\n";
constexpr std::string_view kNoneInGraph = "_None found in the graph._\n\n";
constexpr size_t kMaxParticipants = 20;

std::string Person(std::string_view login, std::string_view association) {
  if (login.empty()) return "unknown";
  std::string role = RoleName(association);
  return EscapeCell(login) + (role.empty() ? "" : " (" + role + ")");
}

std::string SourceLine(const ReportItem& item, const Graph& graph) {
  std::string line = "— from " + MarkdownLink(SourceName(item.source, graph), item.source.url);
  if (!item.author.empty()) line += " by " + Person(item.author, item.author_association);
  return line + EscapeCell(ItemNotes(item)) + "\n\n";
}

std::string LabelPrefix(const ReportItem& item) {
  return item.label.empty() ? std::string() : "**" + EscapeCell(item.label) + ":** ";
}

// Every non-empty line of `text` after `indent`.
std::string Indented(std::string_view text, std::string_view indent) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && c != '\n') out += indent;
    out += c;
    line_start = c == '\n';
  }
  return out;
}

// Renders items that share one source, then that source.
void RenderGroup(const ItemGroup& group, const Graph& graph, std::string* out) {
  bool in_list = false;
  // The width of the marker at each open list level: an item nests under
  // its parent's text, "- " or "12. ".
  std::vector<size_t> widths;
  const ReportItem* last_step = nullptr;  // the open list item
  for (size_t i = 0; i < group.size(); ++i) {
    const ReportItem* item = group[i];
    // A step's command stays under the step.
    if (in_list && StaysUnderStep(group, i, last_step)) {
      std::string indent;
      for (size_t width : widths) indent += std::string(width, ' ');
      std::string block;
      if (!item->label.empty()) block += "**" + EscapeCell(item->label) + ":**\n";
      block += CodeFence(item->text, item->language);
      *out += Indented(block, indent);
      continue;
    }
    if (item->list_level > 0 && !item->is_code) {
      const size_t level = static_cast<size_t>(std::min(item->list_level, 6));
      widths.resize(level - 1, 2);
      std::string indent;
      for (size_t width : widths) indent += std::string(width, ' ');
      // A numbered step keeps its number: "3." stays the third step.
      const std::string marker = item->list_number > 0 ? std::to_string(item->list_number) + ". " : "- ";
      widths.push_back(marker.size());
      std::string text = EscapeTextWithCode(item->text, item->code_spans);
      std::string continued;
      for (char c : text) {
        continued += c;
        if (c == '\n') continued += indent + std::string(marker.size(), ' ');
      }
      *out += indent + marker + LabelPrefix(*item) + continued + "\n";
      in_list = true;
      last_step = item;
      continue;
    }
    if (in_list) *out += "\n";
    in_list = false;
    last_step = nullptr;
    widths.clear();
    if (item->is_code) {
      if (!item->label.empty()) *out += "**" + EscapeCell(item->label) + ":**\n\n";
      *out += CodeFence(item->text, item->language) + "\n";
    } else {
      *out += LabelPrefix(*item) + EscapeTextWithCode(item->text, item->code_spans) + "\n\n";
    }
  }
  if (in_list) *out += "\n";
  if (!group.empty()) *out += SourceLine(*group.front(), graph);
}

void RenderSection(SectionKind kind, const Report& report, const Graph& graph, std::string* out) {
  *out += "## " + std::string(SectionTitle(kind)) + "\n\n";
  std::vector<ItemGroup> groups = GroupSectionItems(report, kind);
  if (groups.empty()) {
    *out += kNoneInThread;
    return;
  }
  for (const ItemGroup& group : groups) RenderGroup(group, graph, out);
}

std::string RefCell(const LinkedItem& item) { return MarkdownLink(item.ref_text, item.url); }

std::string TitleCell(const LinkedItem& item) {
  if (!item.fetched && item.title.empty()) return "—";
  return EscapeCell(item.title);
}

void RenderLinkedPulls(const Report& report, std::string* out) {
  *out += "## Linked pull requests\n\n";
  if (report.linked_pulls.empty()) {
    *out += kNoneInGraph;
    return;
  }
  *out += "| PR | Title | State | Merged | Relation | Author |\n";
  *out += "| --- | --- | --- | --- | --- | --- |\n";
  for (const LinkedItem& item : report.linked_pulls) {
    std::string merged = item.merged_at.empty() ? "—" : DateOnly(item.merged_at);
    *out += "| " + RefCell(item) + " | " + TitleCell(item) + " | " + LinkedStateText(item) + " | " +
            merged + " | " + EscapeCell(item.relation) + " | " +
            (item.author.empty() ? "—" : EscapeCell(item.author)) + " |\n";
  }
  *out += "\n";
}

void RenderLinkedIssues(const Report& report, std::string* out) {
  *out += "## Linked issues\n\n";
  if (report.linked_issues.empty()) {
    *out += kNoneInGraph;
    return;
  }
  *out += "| Issue | Title | State | Relation | Depth |\n";
  *out += "| --- | --- | --- | --- | --- |\n";
  for (const LinkedItem& item : report.linked_issues) {
    *out += "| " + RefCell(item) + " | " + TitleCell(item) + " | " + LinkedStateText(item) + " | " +
            EscapeCell(item.relation) + " | " + std::to_string(item.depth) + " |\n";
  }
  *out += "\n";
}

// The answer first: status, release, what to do, each with its source.
void RenderAnswer(const Report& report, std::string* out) {
  if (report.answer.empty()) return;
  *out += "**TL;DR**\n\n";
  for (const ReportItem& line : report.answer) {
    *out += "- " + LabelPrefix(line) + EscapeCell(line.text);
    if (std::string source = SafeUrl(line.source.url); !source.empty()) {
      *out += " ([source](" + source + "))";
    }
    *out += "\n";
  }
  *out += "\n";
}

void RenderHeader(const Report& report, std::string* out) {
  std::string ref = report.ref.number > 0 ? report.ref.Text() : std::string();
  std::string title = EscapeTitle(report.title);
  *out += "# " + (title.empty() ? EscapeCell(ref) : title + " (" + EscapeCell(ref) + ")") + "\n\n";
  RenderAnswer(report, out);
  std::string repository = report.ref.owner + "/" + report.ref.repo;
  *out += "- **Repository:** " + EscapeCell(repository) + "\n";
  *out += "- **Type:** " + std::string(report.type == NodeType::kPull ? "pull request" : "issue") +
          "\n";
  *out += "- **State:** " +
          StateText(report.type, report.state, report.state_reason, /*draft=*/false) + "\n";
  std::string labels;
  for (const std::string& label : report.labels) {
    labels += (labels.empty() ? "" : ", ") + EscapeCell(label);
  }
  *out += "- **Labels:** " + (labels.empty() ? std::string("none") : labels) + "\n";
  *out += "- **Author:** " + Person(report.author, report.author_association) + "\n";
  *out += "- **Opened:** " + DateOnly(report.created_at) + "\n";
  if (!report.closed_at.empty()) *out += "- **Closed:** " + DateOnly(report.closed_at) + "\n";
  *out += "- **Comments:** " + std::to_string(report.comment_count) + "\n";
  std::string people;
  for (size_t i = 0; i < report.participants.size() && i < kMaxParticipants; ++i) {
    people += (i == 0 ? "" : ", ") + EscapeCell(report.participants[i]);
  }
  if (report.participants.size() > kMaxParticipants) {
    people += " and " + std::to_string(report.participants.size() - kMaxParticipants) + " more";
  }
  *out += "- **Participants:** " + (people.empty() ? std::string("none") : people) + "\n";
  *out += "- **URL:** " + MarkdownLink(report.url, report.url) + "\n\n";
  *out += "**Status:** " + EscapeCell(report.status);
  std::string source = SafeUrl(report.status_source.url);
  if (!source.empty() && source != SafeUrl(report.url)) *out += " ([source](" + source + "))";
  *out += "\n\n";
}

void RenderOriginal(const Report& report, std::string* out) {
  bool pull = report.type == NodeType::kPull;
  *out += "## Original text\n\n";
  *out += std::string("<details><summary>Original ") + (pull ? "pull request" : "issue") +
          " text</summary>\n\n";
  if (report.original_text.find_first_not_of(" \t\r\n") == std::string::npos) {
    *out += "_The body is empty._\n\n";
  } else {
    // Fenced, the body is text: it cannot close <details> or inject HTML.
    *out += CodeFence(report.original_text, "markdown") + "\n";
  }
  *out += "</details>\n\n";
}

void RenderFooter(const Graph& graph, std::string* out) {
  *out += "---\n\n_" + EscapeCell(CrawlNote(graph)) + "_\n";
}

}  // namespace

std::string RenderMarkdown(const Report& report, const Graph& graph) {
  std::string out;
  RenderHeader(report, &out);
  if (report.synthesis) out += SynthesisMarkdown(*report.synthesis);
  if (graph.stats.partial) {
    // Said up front: a reader must not take a cut graph for the whole story.
    out += "> **Partial report:** a limit cut the crawl, so links may be missing; see the note at the end.\n\n";
  }
  RenderLinkedPulls(report, &out);
  RenderLinkedIssues(report, &out);
  for (SectionKind kind : kTextSections) RenderSection(kind, report, graph, &out);
  out += "## Graph\n\n" + MermaidFence(RenderMermaid(graph)) + "\n";
  RenderOriginal(report, &out);
  RenderFooter(graph, &out);
  return out;
}

}  // namespace issuegraph::render
