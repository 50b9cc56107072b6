// libFuzzer target: GitHub's answers, REST and GraphQL. Any JSON text, read
// as an issue, a timeline entry, a pull, or a GraphQL node with its
// timeline and field links, must never crash, and every link a node then
// holds names two valid references.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "github/graphql_json.h"
#include "github/links.h"
#include "github/rest_json.h"

namespace {

void CheckLinks(const issuegraph::Node& node) {
  for (const issuegraph::Link& link : node.links) {
    if (link.from.number <= 0 || link.to.number <= 0 || link.from.owner.empty() || link.to.repo.empty()) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const nlohmann::json value = nlohmann::json::parse(input, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return 0;
  const issuegraph::IssueRef fallback{"github.com", "acme", "app", 1};
  if (auto node = issuegraph::github::NodeFromIssueJson(value, "github.com", fallback)) {
    for (const auto& entry : value.is_array() ? value : nlohmann::json::array({value})) {
      issuegraph::github::AddTimelineEntry(entry, "github.com", *node);
    }
    issuegraph::github::AddPullJson(value, *node);
    issuegraph::github::AddTextLinks(*node);
    issuegraph::github::AddEventLinks(*node, {});
    CheckLinks(*node);
  }
  issuegraph::Node graphql = issuegraph::github::NodeFromGraphql(value, "github.com", fallback);
  for (const auto& entry : value.is_object() && value.contains("timelineItems") && value["timelineItems"].is_object() &&
                                   value["timelineItems"].contains("nodes") && value["timelineItems"]["nodes"].is_array()
                               ? value["timelineItems"]["nodes"]
                               : nlohmann::json::array()) {
    issuegraph::github::AddGraphqlTimelineEntry(entry, "github.com", graphql);
  }
  issuegraph::github::AddGraphqlFieldLinks(value, "github.com", graphql);
  issuegraph::github::AddEventLinks(graphql, {});
  CheckLinks(graphql);
  (void)issuegraph::github::RepoFromApiUrl(input);
  return 0;
}
