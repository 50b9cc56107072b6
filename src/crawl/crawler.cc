#include "crawl/crawler.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace issuegraph::crawl {
namespace {

// Follows alias chains (a moved item may move again).
std::string Canonical(const std::map<std::string, std::string>& aliases, std::string key) {
  for (int hops = 0; hops < 8; ++hops) {
    auto it = aliases.find(key);
    if (it == aliases.end()) break;
    key = it->second;
  }
  return key;
}

// The node an edge's end names: the canonical key's node when it was
// fetched under another name, else the reference as the link gave it.
NodeId EndId(Graph& graph, const std::string& canonical, const IssueRef& named) {
  if (auto id = graph.IdOf(canonical)) return *id;
  return graph.Intern(named);
}

}  // namespace

Result<Graph> Crawler::Crawl(const IssueRef& root) {
  Graph graph;
  IssueRef root_ref = root;
  std::map<std::string, Node> nodes;             // fetched, by canonical key
  std::vector<Link> edges;                       // in the order found, ends canonical as then known
  std::map<std::string, std::string> aliases;  // old key -> canonical key
  std::set<std::string> seen{root.Key()};      // queued or fetched: no key is asked for twice
  std::set<std::string> beyond;
  std::vector<IssueRef> level{root};
  const size_t cap = static_cast<size_t>(std::max(1, options_.max_nodes));
  bool ran_out = false;  // --timeout cut the crawl between levels

  for (int depth = 0; !level.empty(); ++depth) {
    // Links are followed below the depth limit; the root is always read in
    // full, since its thread is what the report is about.
    const bool expand = depth < options_.depth;
    const bool full = expand || depth == 0;
    if (depth > 0 && deadline_.Passed()) {
      for (const auto& ref : level) graph.stats.left_out.push_back(ref.Key());
      graph.stats.partial = true;
      graph.stats.partial_reasons.push_back(deadline_.RanOut() + "; " + std::to_string(level.size()) +
                                            (level.size() == 1 ? " linked item was" : " linked items were") +
                                            " not fetched.");
      ran_out = true;
      break;
    }
    if (nodes.size() + level.size() > cap) {
      size_t room = cap - nodes.size();
      for (size_t i = room; i < level.size(); ++i) graph.stats.left_out.push_back(level[i].Key());
      graph.stats.partial = true;
      graph.stats.partial_reasons.push_back(
          "--max-nodes " + std::to_string(options_.max_nodes) + " stopped the crawl; " +
          std::to_string(level.size() - room) + " linked items were not fetched");
      level.resize(room);
    }
    std::vector<FetchRequest> batch;
    batch.reserve(level.size());
    for (const auto& ref : level) batch.push_back({ref, full ? Detail::kFull : Detail::kSummary});
    auto results = source_.Fetch(batch);

    std::vector<std::string> fetched;
    bool rate_limited = false;
    for (size_t i = 0; i < results.size(); ++i) {
      const std::string asked = level[i].Key();
      if (!results[i]) {
        if (depth == 0) return std::unexpected(results[i].error());
        if (results[i].error().kind == ErrorKind::kRateLimited) {
          // Asking for more would only meet the same limit: stop here.
          if (!rate_limited) graph.stats.partial_reasons.push_back(results[i].error().message);
          rate_limited = true;
          graph.stats.partial = true;
          graph.stats.left_out.push_back(asked);
          continue;
        }
        graph.stats.failed.push_back(asked + ": " + results[i].error().message);
        continue;
      }
      Node node = std::move(*results[i]);
      std::string key = node.ref.Key();
      if (key != asked) {
        aliases[asked] = key;
        if (std::find(node.aliases.begin(), node.aliases.end(), asked) == node.aliases.end()) {
          node.aliases.push_back(asked);
        }
        if (depth == 0) root_ref = node.ref;
        seen.insert(key);
        if (nodes.contains(key)) continue;  // reached under both names
      }
      node.depth = depth;
      nodes.emplace(key, std::move(node));
      fetched.push_back(key);
    }

    std::vector<IssueRef> next;
    for (const auto& key : fetched) {
      Node& node = nodes.at(key);
      std::vector<Link> links = std::move(node.links);
      node.links.clear();
      for (auto& link : links) {
        const std::string from = Canonical(aliases, link.from.Key());
        const std::string to = Canonical(aliases, link.to.Key());
        if (from == to) continue;
        const bool outgoing = from == key;
        const std::string& other = outgoing ? to : from;
        const IssueRef& other_ref = outgoing ? link.to : link.from;
        if (!expand && !seen.contains(other)) {
          // A leaf's own links lead past the depth the user asked for.
          beyond.insert(other);
          continue;
        }
        if (seen.insert(other).second) next.push_back(other_ref);
        edges.push_back(std::move(link));
      }
    }
    if (rate_limited) {
      for (const auto& ref : next) graph.stats.left_out.push_back(ref.Key());
      next.clear();
    }
    if (progress_) {
      CrawlStats spent;
      source_.AddStats(spent);
      progress_({depth, fetched.size(), nodes.size(), edges.size(), next.size(),
                 spent.requests, spent.graphql_points, spent.waited_ms});
    }
    level = std::move(next);
  }

  // The graph is built once every move is known, so each edge names the
  // canonical node whichever name it was found under.
  graph.SetRoot(root_ref);
  for (auto& [key, node] : nodes) graph.Add(std::move(node));
  for (auto& link : edges) {
    const std::string from = Canonical(aliases, link.from.Key());
    const std::string to = Canonical(aliases, link.to.Key());
    if (from == to) continue;
    Edge edge;
    edge.from = EndId(graph, from, link.from);
    edge.to = EndId(graph, to, link.to);
    edge.kind = link.kind;
    edge.provenance = std::move(link.provenance);
    graph.AddEdge(std::move(edge));
  }
  for (const auto& key : beyond) {
    if (graph.Find(Canonical(aliases, key)) == nullptr) graph.stats.beyond_depth.push_back(key);
  }
  source_.AddStats(graph.stats);
  // Whatever could not be read, or was read in part, makes the graph
  // partial: every format and stderr say so.
  CrawlStats& stats = graph.stats;
  if (!stats.failed.empty()) {
    stats.partial = true;
    stats.partial_reasons.push_back(std::to_string(stats.failed.size()) +
                                    (stats.failed.size() == 1 ? " linked item" : " linked items") +
                                    " could not be read.");
  }
  if (!ran_out && !stats.failed.empty() && deadline_.Passed()) {
    stats.partial_reasons.push_back(deadline_.RanOut() + " while linked items were being read.");
  }
  if (!stats.truncated.empty()) {
    stats.partial = true;
    stats.partial_reasons.push_back(std::to_string(stats.truncated.size()) +
                                    (stats.truncated.size() == 1 ? " list was" : " lists were") +
                                    " read in part.");
  }
  return graph;
}

}  // namespace issuegraph::crawl
