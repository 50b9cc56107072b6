#include "github/links.h"

#include <algorithm>

#include "text/references.h"

namespace issuegraph::github {
namespace {

Link MakeEdge(const IssueRef& from, const IssueRef& to, EdgeKind kind, Provenance provenance) {
  Link edge;
  edge.from = from;
  edge.to = to;
  edge.kind = kind;
  edge.provenance = std::move(provenance);
  return edge;
}

void AddRefs(Node& node, const std::string& text, const Provenance& provenance, bool may_close) {
  for (const auto& found : text::ExtractReferences(text, node.ref)) {
    EdgeKind kind = EdgeKind::kMentions;
    if (found.kind == text::RefKind::kDuplicate) kind = EdgeKind::kDuplicateOf;
    // GitHub honours closing keywords only in a pull's description.
    if (found.kind == text::RefKind::kClosing && may_close) kind = EdgeKind::kCloses;
    node.links.push_back(MakeEdge(node.ref, found.ref, kind, provenance));
  }
}

Provenance EventProvenance(const Node& node, const Event& event) {
  Provenance provenance;
  provenance.node = node.ref.Text();
  provenance.where = Provenance::Where::kEvent;
  provenance.id = !event.id.empty() ? event.id
                  : event.other      ? event.type + " by " + event.other->Text()
                                     : event.type + " at " + event.created_at;
  provenance.url = node.url;
  return provenance;
}

// When the text behind a provenance was written (ISO 8601 sorts as text).
std::string WrittenAt(const Node& node, const Provenance& provenance) {
  if (provenance.where == Provenance::Where::kComment) {
    for (const auto& comment : node.comments) {
      if (comment.id == provenance.id) return comment.created_at;
    }
  }
  return node.created_at;
}

}  // namespace

void AddTextLinks(Node& node) {
  Provenance body;
  body.node = node.ref.Text();
  body.where = Provenance::Where::kBody;
  body.url = node.url;
  AddRefs(node, node.body, body, node.type == NodeType::kPull);
  for (const auto& comment : node.comments) {
    Provenance where;
    where.node = node.ref.Text();
    where.where = Provenance::Where::kComment;
    where.id = comment.id;
    where.url = comment.url;
    AddRefs(node, comment.body, where, false);
  }
}

void AddEventLinks(Node& node, const std::map<std::string, IssueRef>& commit_pulls) {
  const IssueRef self = node.ref;
  auto pull_of = [&](const Event& event) -> std::optional<IssueRef> {
    if (event.other) return event.other;
    if (event.commit_id.empty()) return std::nullopt;
    auto it = commit_pulls.find(event.commit_id);
    if (it == commit_pulls.end()) return std::nullopt;
    return it->second;
  };
  for (const auto& event : node.events) {
    Provenance provenance = EventProvenance(node, event);
    if (event.type == "cross-referenced" && event.other) {
      node.links.push_back(MakeEdge(*event.other, self, EdgeKind::kCrossReferenced, provenance));
      if (event.will_close) {
        node.links.push_back(MakeEdge(*event.other, self, EdgeKind::kCloses, provenance));
      }
    } else if (event.type == "closed") {
      if (auto closer = pull_of(event); closer && closer->Key() != self.Key()) {
        node.links.push_back(MakeEdge(*closer, self, EdgeKind::kCloses, provenance));
      }
    } else if (event.type == "referenced") {
      if (auto pull = pull_of(event); pull && pull->Key() != self.Key()) {
        node.links.push_back(MakeEdge(*pull, self, EdgeKind::kReferencedByCommit, provenance));
      }
    } else if (event.type == "connected" && event.other) {
      node.links.push_back(MakeEdge(*event.other, self, EdgeKind::kConnected, provenance));
    } else if (event.type == "disconnected" && event.other) {
      const IssueRef& other = *event.other;
      std::erase_if(node.links, [&](const Link& edge) {
        return edge.kind == EdgeKind::kConnected && edge.from == other && edge.to == self;
      });
    } else if (event.type == "unmarked_as_duplicate" && !event.other) {
      // REST does not name the canonical item; the event undoes every
      // "Duplicate of" this node's text said before it.
      std::erase_if(node.links, [&](const Link& edge) {
        return edge.kind == EdgeKind::kDuplicateOf && edge.from == self &&
               WrittenAt(node, edge.provenance) <= event.created_at;
      });
    } else if (event.type == "marked_as_duplicate" || event.type == "unmarked_as_duplicate") {
      if (!event.other) continue;
      const IssueRef duplicate = event.subject ? *event.subject : self;
      const IssueRef& canonical = *event.other;
      if (duplicate == canonical) continue;
      if (event.type == "marked_as_duplicate") {
        node.links.push_back(MakeEdge(duplicate, canonical, EdgeKind::kDuplicateOf, provenance));
      } else {
        std::erase_if(node.links, [&](const Link& edge) {
          return edge.kind == EdgeKind::kDuplicateOf && edge.from == duplicate && edge.to == canonical;
        });
      }
    } else if ((event.type == "sub_issue_added" || event.type == "parent_issue_added") && event.other) {
      // sub_issue_added names the child; parent_issue_added names the parent.
      const bool child_named = event.type == "sub_issue_added";
      const IssueRef& child = child_named ? *event.other : self;
      const IssueRef& parent = child_named ? self : *event.other;
      node.links.push_back(MakeEdge(child, parent, EdgeKind::kSubIssueOf, provenance));
    } else if ((event.type == "sub_issue_removed" || event.type == "parent_issue_removed") && event.other) {
      const bool child_named = event.type == "sub_issue_removed";
      const IssueRef& child = child_named ? *event.other : self;
      const IssueRef& parent = child_named ? self : *event.other;
      std::erase_if(node.links, [&](const Link& edge) {
        return edge.kind == EdgeKind::kSubIssueOf && edge.from == child && edge.to == parent;
      });
    }
  }
}

}  // namespace issuegraph::github
