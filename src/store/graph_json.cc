#include "store/graph_json.h"

#include <array>
#include <optional>
#include <utility>

#include "model/crawl_stats_json.h"

namespace issuegraph::store {
namespace {

using nlohmann::json;

constexpr std::array kEdgeKinds = {EdgeKind::kMentions,          EdgeKind::kCloses,
                                   EdgeKind::kCrossReferenced,   EdgeKind::kConnected,
                                   EdgeKind::kDuplicateOf,       EdgeKind::kSubIssueOf,
                                   EdgeKind::kReferencedByCommit};

// Thrown inside this file only, for values of the right JSON type that
// still make no sense; turned into an Error at the public functions.
struct BadValue {
  std::string message;
};

// Copies json[name] into `out` when present; a wrong type throws.
template <class T>
void Read(const json& object, const char* name, T& out) {
  auto it = object.find(name);
  if (it != object.end() && !it->is_null()) out = it->template get<T>();
}

const json& Object(const json& value, const char* what) {
  if (!value.is_object()) throw BadValue{std::string(what) + " is not an object"};
  return value;
}

IssueRef ReadRef(const json& value) {
  Object(value, "an issue reference");
  IssueRef ref;
  Read(value, "host", ref.host);
  Read(value, "owner", ref.owner);
  Read(value, "repo", ref.repo);
  Read(value, "number", ref.number);
  if (ref.owner.empty() || ref.repo.empty() || ref.number <= 0) {
    throw BadValue{"an issue reference lacks owner, repo or number"};
  }
  return ref;
}

std::optional<IssueRef> ReadOptionalRef(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return ReadRef(*it);
}

json ProvenanceToJson(const Provenance& provenance) {
  return {{"node", provenance.node},
          {"where", WhereName(provenance.where)},
          {"id", provenance.id},
          {"url", provenance.url}};
}

Provenance ReadProvenance(const json& value) {
  Object(value, "a provenance");
  Provenance provenance;
  Read(value, "node", provenance.node);
  std::string where = "body";
  Read(value, "where", where);
  auto parsed = ParseWhere(where);
  if (!parsed) throw BadValue{"unknown provenance place \"" + where + "\""};
  provenance.where = *parsed;
  Read(value, "id", provenance.id);
  Read(value, "url", provenance.url);
  return provenance;
}

// Archives name a link's ends by key; they are read back on the host of
// the node or graph they belong to.
IssueRef ReadKey(const json& value, const char* field, std::string_view host) {
  std::string key;
  Read(value, field, key);
  auto ref = RefFromKey(key, host);
  if (!ref) throw BadValue{ref.error().message};
  return *ref;
}

Link ReadLink(const json& value, std::string_view host) {
  Object(value, "a link");
  Link edge;
  edge.from = ReadKey(value, "from", host);
  edge.to = ReadKey(value, "to", host);
  std::string kind = "mentions";
  Read(value, "kind", kind);
  auto parsed = ParseEdgeKind(kind);
  if (!parsed) throw BadValue{"unknown edge kind \"" + kind + "\""};
  edge.kind = *parsed;
  if (auto it = value.find("provenance"); it != value.end()) edge.provenance = ReadProvenance(*it);
  return edge;
}

Node ReadNode(const json& value) {
  Object(value, "a node");
  Node node;
  if (!value.contains("ref")) throw BadValue{"a node has no \"ref\""};
  node.ref = ReadRef(value.at("ref"));
  std::string type = "issue";
  Read(value, "type", type);
  auto parsed_type = ParseNodeType(type);
  if (!parsed_type) throw BadValue{"unknown node type \"" + type + "\""};
  node.type = *parsed_type;
  std::string state = "open";
  Read(value, "state", state);
  auto parsed_state = ParseNodeState(state);
  if (!parsed_state) throw BadValue{"unknown node state \"" + state + "\""};
  node.state = *parsed_state;
  Read(value, "title", node.title);
  Read(value, "body", node.body);
  Read(value, "state_reason", node.state_reason);
  Read(value, "author", node.author);
  Read(value, "author_association", node.author_association);
  Read(value, "labels", node.labels);
  Read(value, "created_at", node.created_at);
  Read(value, "updated_at", node.updated_at);
  Read(value, "closed_at", node.closed_at);
  Read(value, "url", node.url);
  Read(value, "comment_count", node.comment_count);
  if (auto it = value.find("comments"); it != value.end()) {
    for (const json& entry : it->get_ref<const json::array_t&>()) {
      Object(entry, "a comment");
      Comment comment;
      Read(entry, "id", comment.id);
      Read(entry, "author", comment.author);
      Read(entry, "author_association", comment.author_association);
      Read(entry, "created_at", comment.created_at);
      Read(entry, "body", comment.body);
      Read(entry, "url", comment.url);
      node.comments.push_back(std::move(comment));
    }
  }
  if (auto it = value.find("events"); it != value.end()) {
    for (const json& entry : it->get_ref<const json::array_t&>()) {
      Object(entry, "an event");
      Event event;
      Read(entry, "id", event.id);
      Read(entry, "type", event.type);
      Read(entry, "actor", event.actor);
      Read(entry, "created_at", event.created_at);
      event.other = ReadOptionalRef(entry, "other");
      event.subject = ReadOptionalRef(entry, "subject");
      Read(entry, "commit_id", event.commit_id);
      Read(entry, "commit_repo", event.commit_repo);
      Read(entry, "will_close", event.will_close);
      node.events.push_back(std::move(event));
    }
  }
  Read(value, "merged", node.merged);
  Read(value, "merged_at", node.merged_at);
  Read(value, "draft", node.draft);
  Read(value, "base", node.base);
  Read(value, "head", node.head);
  if (auto it = value.find("links"); it != value.end()) {
    for (const json& entry : it->get_ref<const json::array_t&>())
      node.links.push_back(ReadLink(entry, node.ref.host));
  }
  Read(value, "complete", node.complete);
  Read(value, "deleted", node.deleted);
  Read(value, "aliases", node.aliases);
  Read(value, "depth", node.depth);
  return node;
}

CrawlStats ReadStats(const json& value) {
  Object(value, "the crawl stats");
  CrawlStats stats;
  Read(value, "api", stats.api);
  Read(value, "requests", stats.requests);
  Read(value, "graphql_points", stats.graphql_points);
  Read(value, "retries", stats.retries);
  Read(value, "waited_ms", stats.waited_ms);
  Read(value, "requests_by_kind", stats.requests_by_kind);
  Read(value, "bytes", stats.bytes);
  Read(value, "wall_ms", stats.wall_ms);
  Read(value, "cache_hits", stats.cache_hits);
  Read(value, "cache_misses", stats.cache_misses);
  Read(value, "partial", stats.partial);
  Read(value, "partial_reasons", stats.partial_reasons);
  Read(value, "left_out", stats.left_out);
  Read(value, "beyond_depth", stats.beyond_depth);
  Read(value, "failed", stats.failed);
  Read(value, "truncated", stats.truncated);
  return stats;
}

// Runs `read` and turns what it throws into kInvalidInput.
template <class F>
auto Guarded(F read) -> Result<decltype(read())> {
  try {
    return read();
  } catch (const BadValue& bad) {
    return MakeError(ErrorKind::kInvalidInput, bad.message);
  } catch (const json::exception& error) {
    return MakeError(ErrorKind::kInvalidInput, error.what());
  }
}

}  // namespace

std::optional<NodeType> ParseNodeType(std::string_view text) {
  if (text == "issue") return NodeType::kIssue;
  if (text == "pull") return NodeType::kPull;
  return std::nullopt;
}

std::optional<NodeState> ParseNodeState(std::string_view text) {
  for (NodeState state : {NodeState::kOpen, NodeState::kClosed, NodeState::kMerged}) {
    if (NodeStateName(state) == text) return state;
  }
  return std::nullopt;
}

std::optional<EdgeKind> ParseEdgeKind(std::string_view text) {
  for (EdgeKind kind : kEdgeKinds) {
    if (EdgeKindName(kind) == text) return kind;
  }
  return std::nullopt;
}

std::string_view WhereName(Provenance::Where where) {
  switch (where) {
    case Provenance::Where::kBody:
      return "body";
    case Provenance::Where::kComment:
      return "comment";
    case Provenance::Where::kEvent:
      return "event";
  }
  return "body";
}

std::optional<Provenance::Where> ParseWhere(std::string_view text) {
  for (auto where :
       {Provenance::Where::kBody, Provenance::Where::kComment, Provenance::Where::kEvent}) {
    if (WhereName(where) == text) return where;
  }
  return std::nullopt;
}

json RefToJson(const IssueRef& ref) {
  return {{"host", ref.host}, {"owner", ref.owner}, {"repo", ref.repo}, {"number", ref.number}};
}

// A node's links keep their spelling; read back on the node's host.
json LinkToJson(const Link& link) {
  return {{"from", link.from.Text()},
          {"to", link.to.Text()},
          {"kind", EdgeKindName(link.kind)},
          {"provenance", ProvenanceToJson(link.provenance)}};
}

json EdgeToJson(const Graph& graph, const Edge& edge) {
  return {{"from", graph.Key(edge.from)},
          {"to", graph.Key(edge.to)},
          {"kind", EdgeKindName(edge.kind)},
          {"provenance", ProvenanceToJson(edge.provenance)}};
}

json NodeToJson(const Node& node) {
  json comments = json::array();
  for (const Comment& comment : node.comments) {
    comments.push_back({{"id", comment.id},
                        {"author", comment.author},
                        {"author_association", comment.author_association},
                        {"created_at", comment.created_at},
                        {"body", comment.body},
                        {"url", comment.url}});
  }
  json events = json::array();
  for (const Event& event : node.events) {
    events.push_back({{"id", event.id},
                      {"type", event.type},
                      {"actor", event.actor},
                      {"created_at", event.created_at},
                      {"other", event.other ? RefToJson(*event.other) : json()},
                      {"subject", event.subject ? RefToJson(*event.subject) : json()},
                      {"commit_id", event.commit_id},
                      {"commit_repo", event.commit_repo},
                      {"will_close", event.will_close}});
  }
  json links = json::array();
  for (const Link& link : node.links) links.push_back(LinkToJson(link));
  // Insertion order is the order written: a reader sees ref and title first.
  json out = json::object();
  out["ref"] = RefToJson(node.ref);
  out["type"] = NodeTypeName(node.type);
  out["title"] = node.title;
  out["state"] = NodeStateName(node.state);
  out["state_reason"] = node.state_reason;
  out["author"] = node.author;
  out["author_association"] = node.author_association;
  out["labels"] = node.labels;
  out["created_at"] = node.created_at;
  out["updated_at"] = node.updated_at;
  out["closed_at"] = node.closed_at;
  out["url"] = node.url;
  out["comment_count"] = node.comment_count;
  out["merged"] = node.merged;
  out["merged_at"] = node.merged_at;
  out["draft"] = node.draft;
  out["base"] = node.base;
  out["head"] = node.head;
  out["complete"] = node.complete;
  out["deleted"] = node.deleted;
  out["aliases"] = node.aliases;
  out["depth"] = node.depth;
  out["body"] = node.body;
  out["comments"] = std::move(comments);
  out["events"] = std::move(events);
  out["links"] = std::move(links);
  return out;
}

json StatsToJson(const CrawlStats& stats) { return CrawlStatsJson<json>(stats); }

json GraphToJson(const Graph& graph) {
  json nodes = json::array();
  for (const Node* node : graph.Nodes()) nodes.push_back(NodeToJson(*node));
  json edges = json::array();
  for (const Edge& edge : graph.edges()) edges.push_back(EdgeToJson(graph, edge));
  return {{"root", graph.RootKey()},
          {"nodes", std::move(nodes)},
          {"edges", std::move(edges)},
          {"stats", StatsToJson(graph.stats)}};
}

Result<IssueRef> RefFromJson(const json& value) {
  return Guarded([&] { return ReadRef(value); });
}

Result<Node> NodeFromJson(const json& value) {
  return Guarded([&] { return ReadNode(value); });
}

Result<CrawlStats> StatsFromJson(const json& value) {
  return Guarded([&] { return ReadStats(value); });
}

Result<Graph> GraphFromJson(const json& value) {
  return Guarded([&] {
    Object(value, "the graph");
    Graph graph;
    std::string root;
    Read(value, "root", root);
    if (auto it = value.find("nodes"); it != value.end()) {
      for (const json& entry : it->get_ref<const json::array_t&>()) {
        Node node = ReadNode(entry);
        if (graph.Find(node.ref.Key()) != nullptr) throw BadValue{"node " + node.ref.Key() + " appears twice"};
        graph.Add(std::move(node));
      }
    }
    if (!root.empty()) {
      const Node* node = graph.Find(root);
      if (node == nullptr) throw BadValue{"the root " + root + " is not among the nodes"};
      graph.SetRoot(node->ref);
    }
    if (auto it = value.find("edges"); it != value.end()) {
      // An end that is not among the nodes (it failed or was left out) is
      // named by its key alone, on the root's host.
      const std::string host = graph.RootNode() != nullptr ? graph.RootNode()->ref.host : std::string(kPublicHost);
      for (const json& entry : it->get_ref<const json::array_t&>()) {
        Link link = ReadLink(entry, host);
        Edge edge;
        edge.from = graph.Intern(link.from);
        edge.to = graph.Intern(link.to);
        edge.kind = link.kind;
        edge.provenance = std::move(link.provenance);
        if (!graph.AddEdge(std::move(edge))) throw BadValue{"an edge appears twice"};
      }
    }
    if (auto it = value.find("stats"); it != value.end()) graph.stats = ReadStats(*it);
    return graph;
  });
}

std::string StringListToText(const std::vector<std::string>& list) {
  // Invalid UTF-8 from the network must not make dump() throw.
  return json(list).dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<std::vector<std::string>> StringListFromText(std::string_view text) {
  return Guarded([&] { return json::parse(text).get<std::vector<std::string>>(); });
}

}  // namespace issuegraph::store
