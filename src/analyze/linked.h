// The rows of the linked pull requests and linked issues tables: every node
// of the graph other than the root, and every edge end the crawl did not
// fetch, with its relation to the root. Pure over the Graph; thread-safe.
//
// Each row's relation is read from the root's side, from the edges that
// touch the root: a stable kind (the JSON enum of docs/json-output.md) and
// words naming the row ("duplicate of #40", "#133 is a duplicate of this").
// A stronger direct edge wins over a weaker one whichever end it was read
// from, so a deeper crawl, which reads more ends, never turns a row's
// duplicate into a mention. Rows reached through other nodes say "via #N".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::analyze {

struct LinkedLists {
  std::vector<LinkedItem> pulls;   // closing first, then connected, then the rest by number
  std::vector<LinkedItem> issues;  // direct links first (by relation), then by depth and number
};

LinkedLists FindLinked(const Graph& graph);

// Relation kinds (LinkedItem::relation_kind): closes, closed_by, connected,
// duplicate_of, duplicated_by, sub_issue_of, parent_of,
// references_by_commit, referenced_by_commit, mentions, mentioned_by, via,
// linked.
inline constexpr std::string_view kRelationClosedBy = "closed_by";
inline constexpr std::string_view kRelationConnected = "connected";
inline constexpr std::string_view kRelationDuplicateOf = "duplicate_of";
inline constexpr std::string_view kRelationDuplicatedBy = "duplicated_by";

// The table's words for a direct relation of kind `kind` to the row `ref`
// ("#41 is a duplicate of this"); `kind` itself for via and linked.
std::string RelationWords(std::string_view kind, std::string_view ref);

}  // namespace issuegraph::analyze
