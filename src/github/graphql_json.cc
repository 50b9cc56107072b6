#include "github/graphql_json.h"

#include "github/rest_json.h"
#include "model/ascii.h"

namespace issuegraph::github {

using nlohmann::json;

namespace {

const json& Field(const json& object, std::string_view key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string Login(const json& object, std::string_view key) { return JsonString(Field(object, key), "login"); }

std::string Lower(std::string text) { return LowerAscii(text); }

Link MakeEdge(const IssueRef& from, const IssueRef& to, EdgeKind kind, const Node& node,
              const std::string& field) {
  Link edge;
  edge.from = from;
  edge.to = to;
  edge.kind = kind;
  edge.provenance = {node.ref.Text(), Provenance::Where::kEvent, field, node.url};
  return edge;
}

}  // namespace

std::optional<IssueRef> RefFromGraphql(const json& object, std::string_view web_host) {
  const json& number = Field(object, "number");
  std::string full = JsonString(Field(object, "repository"), "nameWithOwner");
  if (!number.is_number_integer() || full.empty()) return std::nullopt;
  auto ref = MakeIssueRef(web_host, full, number.get<int64_t>());
  if (!ref) return std::nullopt;
  return *ref;
}

Node NodeFromGraphql(const json& item, std::string_view web_host, const IssueRef& fallback) {
  Node node;
  node.ref = RefFromGraphql(item, web_host).value_or(fallback);
  node.type = JsonString(item, "__typename") == "PullRequest" ? NodeType::kPull : NodeType::kIssue;
  node.title = JsonString(item, "title");
  node.body = JsonString(item, "body");
  const std::string state =
      node.type == NodeType::kPull ? JsonString(item, "pullState") : JsonString(item, "issueState");
  node.state = state == "MERGED" ? NodeState::kMerged : state == "CLOSED" ? NodeState::kClosed : NodeState::kOpen;
  node.state_reason = Lower(JsonString(item, "stateReason"));
  node.author = Login(item, "author");
  node.author_association = JsonString(item, "authorAssociation");
  for (const auto& label : Field(Field(item, "labels"), "nodes")) {
    if (auto name = JsonString(label, "name"); !name.empty()) node.labels.push_back(name);
  }
  const json& comment_total = Field(Field(item, "comments"), "totalCount");
  if (comment_total.is_number_integer()) node.comment_count = comment_total.get<int64_t>();
  node.created_at = JsonString(item, "createdAt");
  node.updated_at = JsonString(item, "updatedAt");
  node.closed_at = JsonString(item, "closedAt");
  if (node.type == NodeType::kPull) {
    node.merged = Field(item, "merged").is_boolean() && Field(item, "merged").get<bool>();
    node.merged_at = JsonString(item, "mergedAt");
    node.draft = Field(item, "isDraft").is_boolean() && Field(item, "isDraft").get<bool>();
    node.base = JsonString(item, "baseRefName");
    node.head = JsonString(item, "headRefName");
    if (node.merged) node.state = NodeState::kMerged;
  }
  node.url = "https://" + node.ref.host + "/" + node.ref.owner + "/" + node.ref.repo +
             (node.type == NodeType::kPull ? "/pull/" : "/issues/") + std::to_string(node.ref.number);
  return node;
}

void AddGraphqlTimelineEntry(const json& entry, std::string_view web_host, Node& node) {
  const std::string type = JsonString(entry, "__typename");
  if (type == "IssueComment") {
    Comment comment;
    const json& id = Field(entry, "databaseId");
    comment.id = id.is_number_integer() ? std::to_string(id.get<int64_t>()) : "";
    comment.author = Login(entry, "author");
    comment.author_association = JsonString(entry, "authorAssociation");
    comment.created_at = JsonString(entry, "createdAt");
    comment.body = JsonString(entry, "body");
    comment.url = JsonString(entry, "url");
    if (comment.url.empty() || comment.url.find(node.ref.host) == std::string::npos) {
      comment.url = node.url + "#issuecomment-" + comment.id;
    }
    node.comments.push_back(std::move(comment));
    return;
  }
  Event event;
  event.id = JsonString(entry, "id");
  event.actor = Login(entry, "actor");
  event.created_at = JsonString(entry, "createdAt");
  auto ref_of = [&](std::string_view key) { return RefFromGraphql(Field(entry, key), web_host); };
  const std::string self = node.ref.Key();
  if (type == "CrossReferencedEvent") {
    event.type = "cross-referenced";
    event.other = ref_of("source");
    const json& will_close = Field(entry, "willCloseTarget");
    event.will_close = will_close.is_boolean() && will_close.get<bool>();
  } else if (type == "ConnectedEvent" || type == "DisconnectedEvent") {
    event.type = type == "ConnectedEvent" ? "connected" : "disconnected";
    // One side is this node; the other is the link.
    auto subject = ref_of("subject");
    event.other = subject && subject->Key() != self ? subject : ref_of("source");
  } else if (type == "ClosedEvent") {
    event.type = "closed";
    const json& closer = Field(entry, "closer");
    if (JsonString(closer, "__typename") == "PullRequest") event.other = RefFromGraphql(closer, web_host);
    event.commit_id = JsonString(closer, "oid");
  } else if (type == "ReferencedEvent") {
    event.type = "referenced";
    event.commit_id = JsonString(Field(entry, "commit"), "oid");
    event.commit_repo = JsonString(Field(entry, "commitRepository"), "nameWithOwner");
  } else if (type == "MarkedAsDuplicateEvent" || type == "UnmarkedAsDuplicateEvent") {
    event.type = type == "MarkedAsDuplicateEvent" ? "marked_as_duplicate" : "unmarked_as_duplicate";
    event.other = ref_of("canonical");
    event.subject = ref_of("duplicate");
  } else if (type == "SubIssueAddedEvent" || type == "SubIssueRemovedEvent") {
    event.type = type == "SubIssueAddedEvent" ? "sub_issue_added" : "sub_issue_removed";
    event.other = ref_of("subIssue");
  } else if (type == "ParentIssueAddedEvent" || type == "ParentIssueRemovedEvent") {
    event.type = type == "ParentIssueAddedEvent" ? "parent_issue_added" : "parent_issue_removed";
    event.other = ref_of("parent");
  } else {
    return;
  }
  if (event.id.empty() && event.other) event.id = event.type + " by " + event.other->Text();
  node.events.push_back(std::move(event));
}

void AddGraphqlFieldLinks(const json& item, std::string_view web_host, Node& node) {
  const IssueRef self = node.ref;
  for (const auto& pull : Field(Field(item, "closedByPullRequestsReferences"), "nodes")) {
    if (auto ref = RefFromGraphql(pull, web_host)) {
      node.links.push_back(MakeEdge(*ref, self, EdgeKind::kCloses, node, "closedByPullRequestsReferences"));
    }
  }
  for (const auto& issue : Field(Field(item, "closingIssuesReferences"), "nodes")) {
    if (auto ref = RefFromGraphql(issue, web_host)) {
      node.links.push_back(MakeEdge(self, *ref, EdgeKind::kCloses, node, "closingIssuesReferences"));
    }
  }
  if (auto parent = RefFromGraphql(Field(item, "parent"), web_host)) {
    node.links.push_back(MakeEdge(self, *parent, EdgeKind::kSubIssueOf, node, "parent"));
  }
  for (const auto& child : Field(Field(item, "subIssues"), "nodes")) {
    if (auto ref = RefFromGraphql(child, web_host)) {
      node.links.push_back(MakeEdge(*ref, self, EdgeKind::kSubIssueOf, node, "subIssues"));
    }
  }
}

}  // namespace issuegraph::github
