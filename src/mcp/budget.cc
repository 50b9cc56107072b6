#include "mcp/budget.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "model/ascii.h"

namespace issuegraph::mcp {
namespace {

using nlohmann::json;

// Room kept for the label that names a cut.
constexpr size_t kLabelRoom = 400;
// A section is shortened rather than dropped when at least this much room is left.
constexpr size_t kMinShortened = 600;

// Sections by importance to someone deciding what to do about an issue:
// what fixes it, what works around it, where the fix is, why it happens,
// what it looks like; the pictures and the quoted thread last.
constexpr std::array<std::string_view, 13> kTitleOrder = {
    "Summary",          "Fix",         "Workarounds",   "Linked pull requests", "Root cause",
    "Error messages",   "Linked issues", "Environment", "Reproduction",        "Code examples",
    "Discussion highlights", "Graph",  "Original text"};
constexpr std::array<std::string_view, 11> kKindOrder = {
    "summary",       "fix",         "workaround",   "linked_pulls", "root_cause",   "error_messages",
    "linked_issues", "environment", "reproduction", "code_examples", "discussion"};

template <size_t N>
size_t Rank(const std::array<std::string_view, N>& order, std::string_view name) {
  auto found = std::find(order.begin(), order.end(), name);
  return static_cast<size_t>(found - order.begin());  // unknown: after every known one
}

struct Part {
  std::string title;  // "" for the header
  std::string text;
};

// The fence a line opens or closes (``` or ~~~, three or more), or "".
std::string_view FenceOf(std::string_view line) {
  size_t indent = 0;
  while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
  line.remove_prefix(indent);
  if (line.size() < 3 || (line[0] != '`' && line[0] != '~')) return "";
  size_t run = 0;
  while (run < line.size() && line[run] == line[0]) ++run;
  return run >= 3 ? line.substr(0, run) : "";
}

// The header, then one part per level-two heading outside code fences.
std::vector<Part> SplitSections(const std::string& markdown) {
  std::vector<Part> parts(1);
  std::string open_fence;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    end = end == std::string::npos ? markdown.size() : end + 1;
    std::string_view line(markdown.data() + start, end - start);
    std::string_view fence = FenceOf(line);
    if (!fence.empty()) {
      if (open_fence.empty()) {
        open_fence = std::string(fence);
      } else if (fence.size() >= open_fence.size() && fence[0] == open_fence[0]) {
        open_fence.clear();
      }
    } else if (open_fence.empty() && line.starts_with("## ")) {
      std::string_view title = line.substr(3);
      while (!title.empty() && (title.back() == '\n' || title.back() == '\r' || title.back() == ' ')) {
        title.remove_suffix(1);
      }
      parts.push_back({std::string(title), ""});
    }
    parts.back().text.append(line);
    start = end;
  }
  return parts;
}

// The first `room` bytes of `text` ending at a line, with any fence left
// open closed again.
std::string ShortenAtLine(const std::string& text, size_t room) {
  size_t end = text.rfind('\n', room > 0 ? room - 1 : 0);
  std::string out = end == std::string::npos ? std::string() : text.substr(0, end + 1);
  std::string open_fence;
  size_t start = 0;
  while (start < out.size()) {
    size_t next = out.find('\n', start);
    next = next == std::string::npos ? out.size() : next + 1;
    std::string_view fence = FenceOf(std::string_view(out).substr(start, next - start));
    if (!fence.empty()) {
      if (open_fence.empty()) {
        open_fence = std::string(fence);
      } else if (fence.size() >= open_fence.size() && fence[0] == open_fence[0]) {
        open_fence.clear();
      }
    }
    start = next;
  }
  if (!open_fence.empty()) out += open_fence + "\n";
  return out;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

size_t Dumped(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace).size();
}

// Drops report sections ranked `from_rank` or lower, least important
// first, while `size` is over `room`.
void DropSections(json& doc, size_t from_rank, size_t room, size_t& size, Cut* cut) {
  if (size <= room || !doc.contains("report") || !doc["report"].is_object() ||
      !doc["report"].contains("sections") || !doc["report"]["sections"].is_array()) {
    return;
  }
  json& sections = doc["report"]["sections"];
  std::vector<size_t> order;
  for (size_t i = 0; i < sections.size(); ++i) {
    if (Rank(kKindOrder, sections[i].value("kind", "")) >= from_rank) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return Rank(kKindOrder, sections[a].value("kind", "")) > Rank(kKindOrder, sections[b].value("kind", ""));
  });
  std::vector<bool> drop(sections.size(), false);
  for (size_t index : order) {
    if (size <= room) break;
    size -= std::min(size, Dumped(sections[index]) + 1);
    drop[index] = true;
    cut->left_out.push_back(sections[index].value("kind", ""));
  }
  json kept = json::array();
  for (size_t i = 0; i < sections.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(sections[i]));
  }
  sections = std::move(kept);
}

// Drops nodes at `min_depth` or deeper, deepest first, with every edge
// that touches one, while `size` is over `room`. The root (depth 0) stays;
// what is kept keeps its order.
void DropNodes(json& doc, int min_depth, size_t room, size_t& size, Cut* cut) {
  if (size <= room || !doc.contains("nodes") || !doc["nodes"].is_array()) return;
  json& nodes = doc["nodes"];
  json empty = json::array();
  json& edges = doc.contains("edges") && doc["edges"].is_array() ? doc["edges"] : empty;
  std::map<std::string, std::vector<size_t>> touching;  // lower(ref) -> edges
  std::vector<size_t> edge_size(edges.size());
  std::vector<bool> edge_gone(edges.size(), false);
  for (size_t i = 0; i < edges.size(); ++i) {
    edge_size[i] = Dumped(edges[i]) + 1;
    touching[LowerAscii(edges[i].value("from", ""))].push_back(i);
    touching[LowerAscii(edges[i].value("to", ""))].push_back(i);
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].value("depth", 0) >= std::max(1, min_depth)) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return nodes[a].value("depth", 0) > nodes[b].value("depth", 0);
  });
  std::vector<bool> node_gone(nodes.size(), false);
  for (size_t index : order) {
    if (size <= room) break;
    size -= std::min(size, Dumped(nodes[index]) + 1);
    node_gone[index] = true;
    for (size_t edge : touching[LowerAscii(nodes[index].value("ref", ""))]) {
      if (edge_gone[edge]) continue;
      edge_gone[edge] = true;
      size -= std::min(size, edge_size[edge]);
    }
  }
  json kept_nodes = json::array();
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!node_gone[i]) kept_nodes.push_back(std::move(nodes[i]));
  }
  cut->nodes_left_out += nodes.size() - kept_nodes.size();
  nodes = std::move(kept_nodes);
  json kept_edges = json::array();
  for (size_t i = 0; i < edges.size(); ++i) {
    if (!edge_gone[i]) kept_edges.push_back(std::move(edges[i]));
  }
  cut->edges_left_out += edges.size() - kept_edges.size();
  edges = std::move(kept_edges);
  size = Dumped(doc);
}

// Drops the items of the report section `kind` from the end while `size`
// is over `room`.
void TrimItems(json& doc, std::string_view kind, size_t room, size_t& size, Cut* cut) {
  if (size <= room || !doc.contains("report") || !doc["report"].is_object() ||
      !doc["report"].contains("sections") || !doc["report"]["sections"].is_array()) {
    return;
  }
  for (auto& section : doc["report"]["sections"]) {
    if (!section.is_object() || section.value("kind", "") != kind || !section.contains("items") ||
        !section["items"].is_array()) {
      continue;
    }
    json& items = section["items"];
    size_t dropped = 0;
    while (size > room && !items.empty()) {
      size -= std::min(size, Dumped(items.back()) + 1);
      items.erase(items.end() - 1);
      ++dropped;
    }
    if (dropped > 0) cut->items_left_out[std::string(kind)] += dropped;
  }
}

}  // namespace

json Cut::ToJson(size_t max_chars) const {
  json out = {{"max_chars", max_chars}, {"full_chars", full_chars}};
  if (!left_out.empty()) out["sections_left_out"] = left_out;
  if (!shortened.empty()) out["sections_shortened"] = shortened;
  if (nodes_left_out > 0) out["nodes_left_out"] = nodes_left_out;
  if (edges_left_out > 0) out["edges_left_out"] = edges_left_out;
  if (!items_left_out.empty()) out["items_left_out"] = items_left_out;
  out["note"] = "cut to fit max_chars; call again with a larger max_chars for the rest";
  return out;
}

std::string FitMarkdown(const std::string& markdown, size_t max_chars, Cut* cut) {
  *cut = Cut{};
  cut->full_chars = markdown.size();
  if (markdown.size() <= max_chars) return markdown;
  cut->cut = true;
  std::vector<Part> parts = SplitSections(markdown);
  size_t room = max_chars > kLabelRoom ? max_chars - kLabelRoom : 0;

  std::vector<size_t> order;
  for (size_t i = 1; i < parts.size(); ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return Rank(kTitleOrder, parts[a].title) < Rank(kTitleOrder, parts[b].title);
  });
  std::vector<std::string> kept(parts.size());
  if (parts[0].text.size() <= room) {
    kept[0] = parts[0].text;
  } else {
    kept[0] = ShortenAtLine(parts[0].text, room);
    cut->shortened.push_back("header");
  }
  room -= std::min(room, kept[0].size());
  for (size_t index : order) {
    const Part& part = parts[index];
    if (part.text.size() <= room) {
      kept[index] = part.text;
      room -= part.text.size();
    } else if (room >= kMinShortened && part.title != "Graph") {  // half a diagram says nothing
      kept[index] = ShortenAtLine(part.text, room);
      room -= std::min(room, kept[index].size());
      cut->shortened.push_back(part.title);
    } else {
      cut->left_out.push_back(part.title);
    }
  }
  std::string out;
  for (const auto& text : kept) out += text;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += "\n---\n\n*Cut to fit max_chars=" + std::to_string(max_chars) + " (the whole report has " +
         std::to_string(markdown.size()) + " characters).";
  if (!cut->shortened.empty()) out += " Shortened: " + JoinNames(cut->shortened) + ".";
  if (!cut->left_out.empty()) out += " Left out: " + JoinNames(cut->left_out) + ".";
  out += " Call again with a larger max_chars to read the rest.*\n";
  return out;
}

void FitJson(json& doc, size_t max_chars, Cut* cut) {
  *cut = Cut{};
  size_t size = Dumped(doc);
  cut->full_chars = size;
  if (size <= max_chars) return;
  cut->cut = true;
  const size_t room = max_chars > kLabelRoom ? max_chars - kLabelRoom : 0;

  // The less telling report sections first (environment, reproduction,
  // code, discussion); then nodes past depth 1 with their edges; then the
  // linked issues and pulls past what fits, last first; then depth-1
  // nodes, edges, and the other sections, least important first.
  DropSections(doc, kKindOrder.size() - 4, room, size, cut);
  DropNodes(doc, 2, room, size, cut);
  TrimItems(doc, "linked_issues", room, size, cut);
  TrimItems(doc, "linked_pulls", room, size, cut);
  DropNodes(doc, 1, room, size, cut);
  if (size > room && doc.contains("edges") && doc["edges"].is_array()) {
    json& edges = doc["edges"];
    while (size > room && !edges.empty()) {
      size -= std::min(size, Dumped(edges.back()) + 1);
      edges.erase(edges.end() - 1);
      ++cut->edges_left_out;
    }
  }
  DropSections(doc, 0, room, size, cut);
  doc["cut"] = cut->ToJson(max_chars);
}

}  // namespace issuegraph::mcp
