#include "render/wording.h"

#include <algorithm>

namespace issuegraph::render {
namespace {

constexpr size_t kMaxListedKeys = 20;

std::string KeyList(const std::vector<std::string>& keys) {
  std::string out;
  for (size_t i = 0; i < keys.size() && i < kMaxListedKeys; ++i) {
    out += (i == 0 ? "" : ", ") + keys[i];
  }
  if (keys.size() > kMaxListedKeys) {
    out += " and " + std::to_string(keys.size() - kMaxListedKeys) + " more";
  }
  return out;
}

// A sentence as a clause of a longer one: "The crawl stopped at 4." ->
// "the crawl stopped at 4". A leading capital stays when the next letter is
// one too ("GraphQL ...") or the word is a name ("GitHub").
std::string ClauseOf(std::string_view sentence) {
  while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == ' ')) sentence.remove_suffix(1);
  while (!sentence.empty() && sentence.front() == ' ') sentence.remove_prefix(1);
  std::string out(sentence);
  if (out.size() >= 2 && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z' &&
      !out.starts_with("GitHub")) {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string DateOnly(std::string_view iso_time) { return std::string(iso_time.substr(0, 10)); }

std::string RoleName(std::string_view association) {
  if (association.empty() || association == "NONE") return {};
  std::string out;
  for (char c : association) {
    out += c == '_' ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

std::string StateText(NodeType type, NodeState state, std::string_view reason, bool draft) {
  if (state == NodeState::kMerged) return "merged";
  if (state == NodeState::kOpen) {
    if (type == NodeType::kPull && draft) return "open (draft)";
    return reason == "reopened" ? "open (reopened)" : "open";
  }
  if (type == NodeType::kPull || reason.empty()) return "closed";
  std::string words(reason);
  std::replace(words.begin(), words.end(), '_', ' ');
  return "closed (" + words + ")";
}

std::string LinkedStateText(const LinkedItem& item) {
  if (!item.fetched) return item.state_reason == "deleted" ? "deleted" : "not fetched";
  return StateText(item.type, item.state, item.state_reason, item.draft);
}

std::string SourceName(const Provenance& source, const Graph& graph) {
  const Node* node = graph.Find(source.node);
  std::string name = node != nullptr ? node->ref.Text() : source.node;
  switch (source.where) {
    case Provenance::Where::kBody:
      return name;
    case Provenance::Where::kComment:
      return name + " comment " + source.id;
    case Provenance::Where::kEvent:
      return name + " event " + source.id;
  }
  return name;
}

std::string ItemNotes(const ReportItem& item) {
  std::string notes;
  if (item.confirmations > 0) {
    notes += " · confirmed by " + std::to_string(item.confirmations) +
             (item.confirmations == 1 ? " later reply" : " later replies");
  }
  if (item.occurrences > 1) notes += " · seen " + std::to_string(item.occurrences) + " times";
  if (!item.obsolete.empty()) notes += " · obsolete after the fix, a later reply says: \u201C" + item.obsolete + "\u201D";
  return notes;
}

std::string CrawlNote(const Graph& graph) {
  const CrawlStats& stats = graph.stats;
  // What the graph holds, not what this run cost (that is in --stats): the
  // same graph gives the same report, online, offline or from an archive.
  std::string text = "Crawl: " + std::to_string(graph.node_count()) + " nodes, " +
                     std::to_string(graph.edges().size()) + " edges.";
  if (stats.partial) {
    // One sentence: "Partial result, because the crawl stopped at
    // --max-nodes 4; not fetched: other/lib#3."
    std::string reasons;
    for (const std::string& reason : stats.partial_reasons) {
      std::string clause = ClauseOf(reason);
      if (!clause.empty()) reasons += (reasons.empty() ? "" : "; ") + clause;
    }
    text += " Partial result, because " + (reasons.empty() ? std::string("a limit cut the crawl") : reasons);
    if (!stats.left_out.empty()) text += "; not fetched: " + KeyList(stats.left_out);
    text += ".";
  } else {
    text += " Complete within the chosen depth.";
  }
  if (!stats.beyond_depth.empty()) {
    text += " Beyond the depth limit: " + KeyList(stats.beyond_depth) + ".";
  }
  if (!stats.failed.empty()) text += " Could not read: " + KeyList(stats.failed) + ".";
  if (!stats.truncated.empty()) text += " Read in part: " + KeyList(stats.truncated) + ".";
  return text;
}

}  // namespace issuegraph::render
