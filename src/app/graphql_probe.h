// Adapts GraphqlSource's batched probe to the store's FreshnessProbe, so a
// rerun with stale but unchanged nodes costs one small query per hundred
// nodes instead of refetching them. Lives in app/ because github/ may not
// know the store. Not thread-safe.
#pragma once

#include "github/graphql_source.h"
#include "store/cached_source.h"

namespace issuegraph::app {

class GraphqlProbe : public store::FreshnessProbe {
 public:
  explicit GraphqlProbe(github::GraphqlSource& source) : source_(source) {}

  std::vector<Result<store::NodeStamp>> Probe(const std::vector<IssueRef>& refs) override;
  store::NodeStamp StampOf(const Node& node) const override;

 private:
  github::GraphqlSource& source_;
};

}  // namespace issuegraph::app
