// GitHub GraphQL payloads (the Full and Summary fragments of
// graphql_query.cc) read into model values. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "model/graph.h"

namespace issuegraph::github {

// {number, repository{nameWithOwner}} (IssueRef/PullRef fragments).
std::optional<IssueRef> RefFromGraphql(const nlohmann::json& object, std::string_view web_host);

// An issueOrPullRequest object; `fallback` names it if the payload does not.
Node NodeFromGraphql(const nlohmann::json& item, std::string_view web_host, const IssueRef& fallback);

// Adds one timelineItems node (comment or linking event) to `node`.
void AddGraphqlTimelineEntry(const nlohmann::json& entry, std::string_view web_host, Node& node);

// Edges from fields that state current truth: closing references, parent,
// sub-issues. Call after the timeline's events have been turned into links.
void AddGraphqlFieldLinks(const nlohmann::json& item, std::string_view web_host, Node& node);

}  // namespace issuegraph::github
