#include "render/mermaid.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace issuegraph::render {
namespace {

constexpr size_t kTitleLimit = 40;  // bytes of title shown in a node

// Cuts at a code point boundary, adding "…" when something was cut.
std::string Shorten(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string RefLabel(const IssueRef& root, const Node* node, const std::string& key) {
  if (node == nullptr) {
    // Keys are lower(owner)/lower(repo)#N.
    std::string root_repo = root.RepoKey();
    if (key.starts_with(root_repo + "#")) return key.substr(root_repo.size());
    return key;
  }
  std::string ref =
      node->ref.SameRepo(root) ? "#" + std::to_string(node->ref.number) : node->ref.Text();
  return node->type == NodeType::kPull ? "PR " + ref : ref;
}

std::string_view ClassOf(const Node* node) {
  if (node == nullptr || node->deleted) return "unfetched";
  if (node->type == NodeType::kPull) {
    if (node->merged || node->state == NodeState::kMerged) return "merged";
    return node->state == NodeState::kOpen ? "open" : "declined";
  }
  if (node->state == NodeState::kOpen) return "open";
  if (node->state_reason == "not_planned" || node->state_reason == "duplicate") return "declined";
  return "closed";
}

std::string EdgeLabel(EdgeKind kind) {
  std::string label(EdgeKindName(kind));
  for (char& c : label) {
    if (c == '_') c = ' ';
  }
  return label;
}

}  // namespace

std::string EscapeMermaidLabel(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '[':
        out += "#91;";
        break;
      case ']':
        out += "#93;";
        break;
      case '(':
        out += "#40;";
        break;
      case ')':
        out += "#41;";
        break;
      case '{':
        out += "#123;";
        break;
      case '}':
        out += "#125;";
        break;
      case '|':
        out += "#124;";
        break;
      case '`':
        out += "#96;";
        break;
      case '%':
        out += "#37;";
        break;
      case '\\':
        out += "#92;";
        break;
      case '*':
        out += "#42;";
        break;
      case '_':
        out += "#95;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          if (out.empty() || out.back() != ' ') out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string RenderMermaid(const Graph& graph) {
  const Node* root = graph.Find(graph.root);
  IssueRef root_ref;
  if (root != nullptr) {
    root_ref = root->ref;
  } else if (auto parsed = ParseShortRef(graph.root)) {
    root_ref = *parsed;
  }

  std::set<std::string> keys;
  for (const auto& [key, node] : graph.nodes) keys.insert(key);
  if (!graph.root.empty()) keys.insert(graph.root);
  for (const Edge& edge : graph.edges) {
    if (edge.from == edge.to) continue;
    keys.insert(edge.from);
    keys.insert(edge.to);
  }
  std::map<std::string, std::string> ids;
  for (const std::string& key : keys) ids.emplace(key, "n" + std::to_string(ids.size()));

  std::string out = "graph LR\n";
  std::map<std::string_view, std::vector<std::string_view>> classes;
  for (const auto& [key, id] : ids) {
    const Node* node = graph.Find(key);
    std::string label = RefLabel(root_ref, node, key);
    if (node != nullptr && !node->title.empty()) {
      label += " " + Shorten(node->title, kTitleLimit);
    }
    out += "  " + id + "[\"" + EscapeMermaidLabel(label) + "\"]\n";
    classes[ClassOf(node)].push_back(id);
  }

  // One arrow per ordered pair, its kinds joined in the EdgeKind order.
  std::map<std::pair<std::string, std::string>, std::set<EdgeKind>> arrows;
  for (const Edge& edge : graph.edges) {
    if (edge.from == edge.to) continue;
    arrows[{ids.at(edge.from), ids.at(edge.to)}].insert(edge.kind);
  }
  std::vector<std::pair<std::pair<int, int>, std::string>> lines;
  for (auto& [pair, kinds] : arrows) {
    // A cross-reference is GitHub's record of a link already drawn.
    if (kinds.size() > 1) kinds.erase(EdgeKind::kCrossReferenced);
    std::string label;
    for (EdgeKind kind : kinds) {
      if (!label.empty()) label += ", ";
      label += EdgeLabel(kind);
    }
    // Sort numerically by id so n2 comes before n10.
    int from = std::stoi(pair.first.substr(1));
    int to = std::stoi(pair.second.substr(1));
    lines.emplace_back(std::pair(from, to),
                       "  " + pair.first + " -->|" + label + "| " + pair.second + "\n");
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& [order, line] : lines) out += line;

  out += "  classDef open fill:#dafbe1,stroke:#1a7f37,color:#1f2328\n";
  out += "  classDef closed fill:#fbefff,stroke:#8250df,color:#1f2328\n";
  out += "  classDef merged fill:#eee0ff,stroke:#6639ba,color:#1f2328\n";
  out += "  classDef declined fill:#f6f8fa,stroke:#6e7781,color:#1f2328\n";
  out += "  classDef unfetched fill:#ffffff,stroke:#8c959f,stroke-dasharray:4 3,color:#57606a\n";
  for (const auto& [name, members] : classes) {
    std::string list;
    for (std::string_view id : members) {
      if (!list.empty()) list += ',';
      list += id;
    }
    out += "  class " + list + " " + std::string(name) + "\n";
  }
  if (auto it = ids.find(graph.root); it != ids.end()) {
    out += "  style " + it->second + " stroke-width:4px\n";
  }
  return out;
}

}  // namespace issuegraph::render
