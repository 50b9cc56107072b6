// The edges one node reveals, by the rules of docs/links.md: references in
// its body and comments (text/), and the typed links of its timeline. Shared
// by every GitHub source so REST and GraphQL draw the same graph.
#pragma once

#include <map>
#include <string>

#include "model/graph.h"

namespace issuegraph::github {

// Body and comment references: mentions, closes (a pull's body only),
// duplicate_of ("Duplicate of #N").
void AddTextLinks(Node& node);

// Timeline links: cross-references, closers, connected/disconnected,
// duplicates, commit references. `commit_pulls` maps a commit SHA to the pull
// request it belongs to (REST resolves closed/referenced commits that way).
void AddEventLinks(Node& node, const std::map<std::string, IssueRef>& commit_pulls);

}  // namespace issuegraph::github
