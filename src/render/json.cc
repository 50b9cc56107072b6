#include "render/json.h"

#include <nlohmann/json.hpp>

#include "model/crawl_stats_json.h"
#include "render/synthesis.h"
#include "render/wording.h"

namespace issuegraph::render {
namespace {

using nlohmann::ordered_json;

std::string Dump(const ordered_json& value) {
  // Invalid UTF-8 in issue text must not abort the output: replace it.
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

ordered_json ItemJson(const ReportItem& item) {
  ordered_json out;
  out["text"] = item.text;
  out["source"] = item.source.Text();
  out["url"] = item.source.url;
  if (item.is_code) out["language"] = item.language;
  if (!item.label.empty()) out["label"] = item.label;
  if (item.occurrences > 1) out["occurrences"] = item.occurrences;
  if (!item.author.empty()) out["author"] = item.author;
  if (item.confirmations > 0) out["confirmations"] = item.confirmations;
  if (!item.obsolete.empty()) out["obsolete"] = item.obsolete;
  if (!item.cue.empty()) out["cue"] = item.cue;
  return out;
}

ordered_json LinkedJson(const LinkedItem& item) {
  // The same words as the Markdown table: "closed (duplicate)", "not fetched".
  std::string text = item.ref_text + " " + item.title + " (" + LinkedStateText(item) +
                     (item.merged_at.empty() ? "" : " " + DateOnly(item.merged_at)) + ") — " +
                     item.relation;
  ordered_json out;
  out["text"] = text;
  out["source"] = item.source.Text();
  out["url"] = item.url;
  out["ref"] = item.ref_text;
  // The full OWNER/REPO#N, as nodes[].ref spells it, so rows join with nodes.
  out["full_ref"] = item.full_ref.empty() ? item.ref_text : item.full_ref;
  out["relation"] = item.relation_kind.empty() ? item.relation : item.relation_kind;
  if (!item.via.empty()) out["via"] = item.via;
  out["state"] = NodeStateName(item.state);
  out["fetched"] = item.fetched;
  return out;
}

}  // namespace

std::string RenderJsonBody(const Report& report, const Graph& graph) {
  ordered_json out;
  out["root"] = graph.root() != kNoNode ? graph.Display(graph.root()) : std::string();
  if (report.synthesis) out["synthesis"] = SynthesisJson(*report.synthesis);

  ordered_json nodes = ordered_json::array();
  for (const Node* listed : graph.Nodes()) {
    const Node& node = *listed;
    ordered_json entry;
    entry["ref"] = node.ref.Text();
    entry["type"] = NodeTypeName(node.type);
    entry["title"] = node.title;
    entry["state"] = NodeStateName(node.state);
    entry["url"] = node.url;
    entry["depth"] = node.depth;
    entry["state_reason"] = node.state_reason;
    entry["author"] = node.author;
    entry["labels"] = node.labels;
    entry["created_at"] = node.created_at;
    entry["closed_at"] = node.closed_at;
    if (node.type == NodeType::kPull) {
      entry["merged_at"] = node.merged_at;
      entry["draft"] = node.draft;
    }
    entry["comments"] = node.comment_count;
    // Comments actually read (expanded nodes only): equal to `comments` when
    // the whole thread was fetched.
    if (node.complete) entry["comments_fetched"] = node.comments.size();
    if (node.deleted) entry["deleted"] = true;
    if (!node.aliases.empty()) entry["aliases"] = node.aliases;
    nodes.push_back(std::move(entry));
  }
  out["nodes"] = std::move(nodes);

  ordered_json edges = ordered_json::array();
  for (const auto& edge : graph.edges()) {
    ordered_json entry;
    entry["from"] = graph.Display(edge.from);
    entry["to"] = graph.Display(edge.to);
    entry["kind"] = EdgeKindName(edge.kind);
    entry["source"] = edge.provenance.Text();
    entry["url"] = edge.provenance.url;
    edges.push_back(std::move(entry));
  }
  out["edges"] = std::move(edges);

  ordered_json sections = ordered_json::array();
  auto add_linked = [&](SectionKind kind, const std::vector<LinkedItem>& items) {
    ordered_json section;
    section["kind"] = SectionKindName(kind);
    section["items"] = ordered_json::array();
    for (const auto& item : items) section["items"].push_back(LinkedJson(item));
    sections.push_back(std::move(section));
  };
  add_linked(SectionKind::kLinkedPulls, report.linked_pulls);
  add_linked(SectionKind::kLinkedIssues, report.linked_issues);
  for (const auto& section : report.sections) {
    ordered_json entry;
    entry["kind"] = SectionKindName(section.kind);
    entry["items"] = ordered_json::array();
    for (const auto& item : section.items) entry["items"].push_back(ItemJson(item));
    sections.push_back(std::move(entry));
  }
  ordered_json report_json;
  report_json["title"] = report.title;
  report_json["status"] = report.status;
  report_json["answer"] = ordered_json::array();
  for (const ReportItem& line : report.answer) report_json["answer"].push_back(ItemJson(line));
  report_json["sections"] = std::move(sections);
  out["report"] = std::move(report_json);

  return Dump(out);
}

std::string FinishJson(std::string_view body, const CrawlStats& stats, const GraphSize& size,
                       bool served_from_store) {
  // The body is Dump's "{\n  ...\n}\n" (or "{}\n" when empty): "stats"
  // joins it as the last member, indented as Dump indents one.
  ordered_json tail;
  tail["stats"] = CrawlStatsJson<ordered_json>(stats, &size);
  tail["stats"]["served_from_store"] = served_from_store;
  const std::string member = Dump(tail);  // "{\n  \"stats\": ...\n}\n"
  constexpr std::string_view kEnd = "\n}\n";
  if (body.size() < kEnd.size() || !body.ends_with(kEnd)) return member;
  std::string out(body.substr(0, body.size() - kEnd.size()));
  out += ',';
  out.append(member, 1);
  return out;
}

std::string RenderJson(const Report& report, const Graph& graph) {
  return FinishJson(RenderJsonBody(report, graph), graph.stats,
                    {.nodes = graph.node_count(), .edges = graph.edges().size()});
}

}  // namespace issuegraph::render
