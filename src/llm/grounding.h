// The grounding check of one machine-written sentence against the graph:
// every cited id names an item of the graph; every issue reference in the
// text (#N, OWNER/REPO#N, "PR N", an issue or pull URL) is a fetched node
// of the graph; every other link, every quoted error or code span, every version
// and every date occurs in the cited sources. Sources whose text speaks to a
// model (llm/sources.h) support nothing. Pure; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llm/sources.h"
#include "model/graph.h"

namespace issuegraph::llm {

enum class DropReason {
  kEmpty,               // no text
  kNoCite,              // cites nothing
  kUnknownCite,         // cites an id the graph does not have
  kCitesInstructions,   // cites only text that addresses a model
  kUnknownReference,    // names an issue or pull request outside the graph
  kUnsupportedLink,     // a link no cited source has
  kUnsupportedQuote,    // a quoted error or code span no cited source has
  kUnsupportedVersion,  // a version no cited source has
  kUnsupportedDate,     // a date no cited source has
  kUnknownSection,      // a section kind outside the contract
};

std::string_view DropReasonName(DropReason reason);  // "unknown_reference", ...

class GroundingChecker {
 public:
  GroundingChecker(const Graph& graph, const SourceIndex& sources);

  // nullopt when the sentence stands on its cites; else the first reason
  // it may not be shown.
  std::optional<DropReason> Check(std::string_view text, const std::vector<std::string>& cites) const;

  // The summary cites nothing: it is checked like a sentence citing every
  // item in `support` (the items the model was shown).
  std::optional<DropReason> CheckSummary(std::string_view text, const std::vector<std::string>& support) const;

 private:
  std::optional<DropReason> CheckText(std::string_view text, const std::string& support) const;
  bool IsNode(const std::string& key) const;

  const Graph& graph_;
  const SourceIndex& sources_;
  std::string root_owner_repo_;  // lower-case "owner/repo" of the root
  std::string root_host_;
};

// For tests and the checker: text lower-cased with every run of white
// space made one space.
std::string Normalized(std::string_view text);

}  // namespace issuegraph::llm
