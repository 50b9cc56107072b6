// Test helper (header-only, used by the analyze tests): builds small Graphs
// by hand, with the URLs and provenance the crawler would give them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::analyze::testing {

inline IssueRef Ref(const std::string& text) { return *ParseIssueRef(text); }

class GraphBuilder {
 public:
  explicit GraphBuilder(const std::string& root) { graph_.SetRoot(Ref(root)); }

  Node& Issue(const std::string& ref, const std::string& title, std::string body = "",
              NodeState state = NodeState::kOpen, std::string reason = "") {
    Node& node = Add(ref, NodeType::kIssue, title);
    node.body = std::move(body);
    node.state = state;
    node.state_reason = std::move(reason);
    return node;
  }

  Node& Pull(const std::string& ref, const std::string& title, NodeState state,
             std::string merged_at = "", std::string body = "") {
    Node& node = Add(ref, NodeType::kPull, title);
    node.state = state;
    node.merged = state == NodeState::kMerged;
    node.merged_at = std::move(merged_at);
    node.body = std::move(body);
    node.url = "https://github.com/" + node.ref.owner + "/" + node.ref.repo + "/pull/" +
               std::to_string(node.ref.number);
    return node;
  }

  // Adds a comment to `ref`; ids are numbered from 1000 in creation order.
  Comment& Say(const std::string& ref, const std::string& author, const std::string& association,
               std::string body) {
    Node& node = *graph_.FindMutable(Ref(ref).Key());
    Comment& comment = node.comments.emplace_back();
    comment.id = std::to_string(next_comment_++);
    comment.author = author;
    comment.author_association = association;
    comment.created_at = "2026-05-27T10:00:00Z";
    comment.body = std::move(body);
    comment.url = node.url + "#issuecomment-" + comment.id;
    node.comment_count = static_cast<int64_t>(node.comments.size());
    return comment;
  }

  void Link(const std::string& from, const std::string& to, EdgeKind kind) {
    issuegraph::Link edge;
    edge.from = Ref(from);
    edge.to = Ref(to);
    edge.kind = kind;
    edge.provenance.node = edge.from.Key();
    edge.provenance.url = Ref(from).HtmlUrl();
    graph_.AddEdge(std::move(edge));
  }

  Graph& graph() { return graph_; }

 private:
  Node& Add(const std::string& ref, NodeType type, const std::string& title) {
    Node node;
    node.ref = Ref(ref);
    node.type = type;
    node.title = title;
    node.author = "author" + std::to_string(node.ref.number);
    node.author_association = "NONE";
    node.created_at = "2026-05-26T10:00:00Z";
    node.url = node.ref.HtmlUrl();
    node.complete = true;
    node.depth = node.ref.Key() == graph_.RootKey() ? 0 : 1;
    return graph_.Add(std::move(node));
  }

  Graph graph_;
  int next_comment_ = 1000;
};

// The texts of report items, in order: what most assertions compare.
inline std::vector<std::string> Texts(const std::vector<ReportItem>& items) {
  std::vector<std::string> texts;
  for (const ReportItem& item : items) texts.push_back(item.text);
  return texts;
}

// A report's section of `kind`, or null.
inline const Section* FindSection(const Report& report, SectionKind kind) {
  for (const Section& section : report.sections) {
    if (section.kind == kind) return &section;
  }
  return nullptr;
}

// The texts of a report's section of `kind` (none when it has no such section).
inline std::vector<std::string> SectionTexts(const Report& report, SectionKind kind) {
  const Section* section = FindSection(report, kind);
  return section == nullptr ? std::vector<std::string>() : Texts(section->items);
}

}  // namespace issuegraph::analyze::testing
