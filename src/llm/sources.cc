#include "llm/sources.h"

#include <array>

#include "model/ascii.h"

namespace issuegraph::llm {
namespace {

std::string DateOf(const std::string& timestamp) { return timestamp.substr(0, 10); }

std::string NodeFacts(const Node& node) {
  std::string facts = std::string(NodeTypeName(node.type)) + ", " + std::string(NodeStateName(node.state));
  if (!node.state_reason.empty()) facts += " (" + node.state_reason + ")";
  if (!node.author.empty()) facts += ", opened by " + node.author;
  if (!node.created_at.empty()) facts += " on " + DateOf(node.created_at);
  if (!node.closed_at.empty()) facts += ", closed " + DateOf(node.closed_at);
  if (node.merged && !node.merged_at.empty()) facts += ", merged " + DateOf(node.merged_at);
  if (node.draft) facts += ", draft";
  if (!node.labels.empty()) {
    facts += ", labels:";
    for (const auto& label : node.labels) facts += " " + label;
  }
  return facts;
}

std::string EventFacts(const Event& event) {
  std::string facts = "event " + event.type;
  if (!event.actor.empty()) facts += " by " + event.actor;
  if (!event.created_at.empty()) facts += " on " + DateOf(event.created_at);
  if (event.other) facts += ", naming " + event.other->Key();
  if (!event.commit_id.empty()) facts += ", commit " + event.commit_id.substr(0, 12);
  return facts;
}

std::string ProvenanceKey(std::string_view node, std::string_view id) {
  return std::string(node) + '\x1f' + std::string(id);
}

}  // namespace

bool AddressesModel(std::string_view text) {
  const std::string lower = LowerAscii(text);
  // Phrases that only make sense spoken to a model; each is one we have
  // seen used to steer assistants reading issue threads.
  static constexpr std::array<std::string_view, 13> kPhrases = {
      "ignore previous instructions", "ignore all previous instructions", "ignore the previous instructions",
      "ignore prior instructions",    "ignore the above",                  "ignore all instructions",
      "disregard previous",           "disregard the above",               "disregard all previous",
      "you are now",                  "system prompt",                     "new instructions:",
      "as an ai language model"};
  for (std::string_view phrase : kPhrases) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return false;
}

SourceIndex::SourceIndex(const Graph& graph) {
  const NodeId root = graph.root();
  for (const Node* node : graph.Nodes()) {
    const std::string key = node->ref.Key();
    const bool is_root = graph.IdOf(key) == root;
    Source body;
    body.id = key;
    body.url = node->url.empty() ? node->ref.HtmlUrl() : node->url;
    body.kind = SourceKind::kNode;
    body.facts = NodeFacts(*node);
    body.text = node->title + "\n" + node->body;
    body.author_association = node->author_association;
    body.depth = node->depth;
    body.root = is_root;
    body.addresses_model = AddressesModel(body.text);
    by_provenance_[ProvenanceKey(key, "")] = body.id;
    sources_.push_back(std::move(body));
    for (size_t i = 0; i < node->comments.size(); ++i) {
      const Comment& comment = node->comments[i];
      Source source;
      source.id = key + "/c/" + std::to_string(i + 1);
      source.url = comment.url.empty() ? sources_.back().url : comment.url;
      source.kind = SourceKind::kComment;
      source.facts = "comment by " + (comment.author.empty() ? std::string("unknown") : comment.author) +
                     (comment.author_association.empty() ? "" : " (" + comment.author_association + ")") +
                     " on " + DateOf(comment.created_at);
      source.text = comment.body;
      source.author_association = comment.author_association;
      source.depth = node->depth;
      source.root = is_root;
      source.addresses_model = AddressesModel(comment.body);
      by_provenance_[ProvenanceKey(key, comment.id)] = source.id;
      sources_.push_back(std::move(source));
    }
    for (size_t i = 0; i < node->events.size(); ++i) {
      const Event& event = node->events[i];
      Source source;
      source.id = key + "/e/" + std::to_string(i + 1);
      source.url = body.url;
      source.kind = SourceKind::kEvent;
      source.facts = EventFacts(event);
      source.depth = node->depth;
      source.root = is_root;
      if (!event.id.empty()) by_provenance_[ProvenanceKey(key, event.id)] = source.id;
      sources_.push_back(std::move(source));
    }
  }
  for (size_t i = 0; i < sources_.size(); ++i) by_id_[sources_[i].id] = i;
}

const Source* SourceIndex::Find(std::string_view id) const {
  auto it = by_id_.find(LowerAscii(id));
  return it == by_id_.end() ? nullptr : &sources_[it->second];
}

std::string SourceIndex::IdOf(const Provenance& provenance) const {
  const std::string_view id =
      provenance.where == Provenance::Where::kBody ? std::string_view() : std::string_view(provenance.id);
  if (auto it = by_provenance_.find(ProvenanceKey(provenance.node, id)); it != by_provenance_.end()) {
    return it->second;
  }
  // An event named without an id (a cross-reference): its node.
  if (by_id_.contains(provenance.node)) return provenance.node;
  return "";
}

}  // namespace issuegraph::llm
