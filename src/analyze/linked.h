// The rows of the linked pull requests and linked issues tables: every node
// of the graph other than the root, and every edge end the crawl did not
// fetch, with its relation to the root. Pure over the Graph; thread-safe.
//
// Relations read "this item <relation> that one", except "closes", which is
// always the pull closing the issue, and the nouns "parent", "sub-issue" and
// "duplicates" (that one is the root's parent, sub-issue, or a duplicate of
// it): closes, connected, duplicate of, duplicates, parent, sub-issue,
// referenced by commit, mentioned by, mentions. Rows reached through other
// nodes say "via #N" instead.
#pragma once

#include <vector>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::analyze {

struct LinkedLists {
  std::vector<LinkedItem> pulls;   // closing first, then connected, then the rest by number
  std::vector<LinkedItem> issues;  // direct links first (by relation), then by depth and number
};

LinkedLists FindLinked(const Graph& graph);

// Relation names, shared with the status line.
inline constexpr std::string_view kRelationCloses = "closes";
inline constexpr std::string_view kRelationConnected = "connected";
inline constexpr std::string_view kRelationDuplicateOf = "duplicate of";
inline constexpr std::string_view kRelationDuplicates = "duplicates";

}  // namespace issuegraph::analyze
