#include "render/json.h"

#include <nlohmann/json.hpp>

#include "render/synthesis.h"
#include "render/wording.h"

namespace issuegraph::render {
namespace {

using nlohmann::ordered_json;

ordered_json StatsJson(const CrawlStats& stats, size_t nodes, size_t edges) {
  ordered_json stats_json;
  stats_json["requests"] = stats.requests;
  stats_json["api"] = stats.api;
  stats_json["partial"] = stats.partial;
  stats_json["partial_reasons"] = stats.partial_reasons;
  stats_json["nodes"] = nodes;
  stats_json["edges"] = edges;
  stats_json["graphql_points"] = stats.graphql_points;
  stats_json["retries"] = stats.retries;
  stats_json["waited_ms"] = stats.waited_ms;
  stats_json["cache_hits"] = stats.cache_hits;
  stats_json["cache_misses"] = stats.cache_misses;
  stats_json["requests_by_kind"] = stats.requests_by_kind;
  stats_json["bytes"] = stats.bytes;
  stats_json["wall_ms"] = stats.wall_ms;
  stats_json["left_out"] = stats.left_out;
  stats_json["beyond_depth"] = stats.beyond_depth;
  stats_json["failed"] = stats.failed;
  stats_json["truncated"] = stats.truncated;
  stats_json["served_from_store"] = stats.served_from_store;
  return stats_json;
}

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
  out["relation"] = item.relation;
  out["state"] = NodeStateName(item.state);
  out["fetched"] = item.fetched;
  return out;
}

}  // namespace

std::string RenderJson(const Report& report, const Graph& graph) {
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
  report_json["sections"] = std::move(sections);
  out["report"] = std::move(report_json);

  out["stats"] = StatsJson(graph.stats, graph.node_count(), graph.edges().size());
  return Dump(out);
}

std::string ReplaceJsonStats(std::string_view json, const CrawlStats& stats, size_t nodes,
                             size_t edges) {
  // Pretty-printed, a top-level member alone starts a line with two spaces
  // and a quote (a newline inside a string is escaped), and "stats" is the
  // last: keep what comes before it, write it anew.
  constexpr std::string_view kStats = "\n  \"stats\": ";
  const size_t at = json.rfind(kStats);
  if (at == std::string_view::npos) return std::string(json);
  ordered_json tail;
  tail["stats"] = StatsJson(stats, nodes, edges);
  const std::string rest = Dump(tail);  // "{\n  \"stats\": ...\n}\n"
  std::string out(json.substr(0, at));
  out.append(rest, 1);
  return out;
}

}  // namespace issuegraph::render
