// Lossless JSON for the graph's value types: every field of a Node (raw
// text, comments, events, links), edges with provenance, crawl stats. The
// archive is built on it and the store uses its small pieces (references,
// string lists). Reading accepts missing fields (defaults) and extra ones,
// and rejects wrong types with kInvalidInput. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/graph.h"
#include "model/issue_ref.h"

namespace issuegraph::store {

nlohmann::json RefToJson(const IssueRef& ref);  // {host, owner, repo, number}
nlohmann::json NodeToJson(const Node& node);
nlohmann::json EdgeToJson(const Graph& graph, const Edge& edge);  // ends by key
nlohmann::json StatsToJson(const CrawlStats& stats);
// {root, nodes: [in key order], edges: [in graph order], stats}
nlohmann::json GraphToJson(const Graph& graph);

Result<IssueRef> RefFromJson(const nlohmann::json& json);
Result<Node> NodeFromJson(const nlohmann::json& json);
Result<CrawlStats> StatsFromJson(const nlohmann::json& json);
// Nodes are keyed by their ref's Key(); edges keep their order; an edge's
// end that is not among the nodes is read from its key on the root's host.
Result<Graph> GraphFromJson(const nlohmann::json& json);

// Text forms of the enums, and their inverses (nullopt when unknown).
std::optional<NodeType> ParseNodeType(std::string_view text);
std::optional<NodeState> ParseNodeState(std::string_view text);
std::optional<EdgeKind> ParseEdgeKind(std::string_view text);
std::string_view WhereName(Provenance::Where where);  // body | comment | event
std::optional<Provenance::Where> ParseWhere(std::string_view text);

// A JSON array of strings, as text; and back (kInvalidInput when malformed).
std::string StringListToText(const std::vector<std::string>& list);
Result<std::vector<std::string>> StringListFromText(std::string_view text);

}  // namespace issuegraph::store
