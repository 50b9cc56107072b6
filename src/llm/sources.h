// Every item of a graph a synthesis may cite, under a stable id: a node is
// "owner/repo#N" (its key), its comment K (1-based, in thread order)
// "owner/repo#N/c/K", its timeline event K "owner/repo#N/e/K". Each source
// keeps what it says in full (the grounding check reads it) and whether
// its text addresses a model ("ignore previous instructions"), which makes
// it data a sentence may not rest on. Built once per synthesis; read-only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/graph.h"

namespace issuegraph::llm {

enum class SourceKind { kNode, kComment, kEvent };

struct Source {
  std::string id;
  std::string url;
  SourceKind kind = SourceKind::kNode;
  std::string facts;  // one line: type, state, author, dates (our words and the API's values)
  std::string text;   // the item's own text: title and body, or the comment
  std::string author_association;
  int depth = 0;      // of the node it belongs to
  bool root = false;  // belongs to the root
  bool addresses_model = false;
};

class SourceIndex {
 public:
  explicit SourceIndex(const Graph& graph);

  // By id, in any letter case; null when the graph has no such item.
  const Source* Find(std::string_view id) const;
  // The id of the item a report line came from ("" when unknown).
  std::string IdOf(const Provenance& provenance) const;
  // Sources in the graph's key order, each node followed by its comments
  // and events.
  const std::vector<Source>& sources() const { return sources_; }

 private:
  std::vector<Source> sources_;
  std::map<std::string, size_t, std::less<>> by_id_;
  std::map<std::string, std::string, std::less<>> by_provenance_;  // "node\x1fid" -> source id
};

// True when `text` speaks to a language model rather than about the
// software: "ignore previous instructions", "disregard the above", "you are
// now", "system prompt", and the like.
bool AddressesModel(std::string_view text);

}  // namespace issuegraph::llm
