#include "app/graphql_probe.h"

namespace issuegraph::app {

std::vector<Result<store::NodeStamp>> GraphqlProbe::Probe(const std::vector<IssueRef>& refs) {
  std::vector<Result<store::NodeStamp>> out;
  for (auto& stamp : source_.Probe(refs)) {
    if (!stamp) {
      out.push_back(std::unexpected(stamp.error()));
    } else {
      out.push_back(store::NodeStamp{stamp->updated_at, stamp->link_count});
    }
  }
  return out;
}

store::NodeStamp GraphqlProbe::StampOf(const Node& node) const {
  return {node.updated_at, github::GraphqlSource::LinkCount(node)};
}

}  // namespace issuegraph::app
