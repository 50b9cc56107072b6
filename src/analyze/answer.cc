#include "analyze/answer.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "analyze/cue_lists.h"
#include "analyze/prose.h"
#include "model/ascii.h"

namespace issuegraph::analyze {
namespace {

constexpr size_t kWorkaroundWords = 90;  // bytes of a workaround quoted in "What to do"

// `cue`: what the line rests on ("rule:best-workaround").
ReportItem Line(std::string label, std::string text, Provenance source, std::string cue) {
  ReportItem item;
  item.label = std::move(label);
  item.text = std::move(text);
  item.source = std::move(source);
  item.cue = std::move(cue);
  return item;
}

std::string Where(const Graph& graph, const Post& post) {
  const Node* root = graph.RootNode();
  if (root == nullptr || post.node == root) return "";
  return " in " + RelativeRefText(root->ref, post.node->ref);
}

// "upgraded to 2.6.2, works now", "after updating to v1.4 the error is
// gone": someone's report that a release fixed it, the version it names.
std::string ConfirmedVersion(std::string_view lower_sentence) {
  static const PhraseSet& kMoved = Phrases(CueRole::kUpgradedTo);
  static const PhraseSet& kNot = Phrases(CueRole::kStillBroken);
  if (!kMoved.AnyIn(lower_sentence) || !Phrases(CueRole::kWorks).AnyIn(lower_sentence) ||
      kNot.AnyIn(lower_sentence)) {
    return "";
  }
  return VersionIn(lower_sentence);
}

// The latest confirmation in `thread`'s comments.
ReleaseClaim ConfirmationIn(const Graph& graph, const Thread& thread) {
  for (auto post = thread.posts.rbegin(); post != thread.posts.rend(); ++post) {
    if (post->comment == nullptr) continue;
    // Cheap first, one pass each: most comments name no upgrade, and few
    // say that something works.
    if (!Occurs(*post, PostList::kNamesUpgrade) || !Occurs(*post, PostList::kWorks)) continue;
    for (auto [begin, end] : SentenceRanges(post->lower_prose)) {
      const std::string_view sentence =
          std::string_view(post->lower_prose).substr(begin, end - begin);
      const std::string version = ConfirmedVersion(sentence);
      if (version.empty()) continue;
      return {version,
              "as @" + std::string(post->author) + " confirms" + Where(graph, *post) +
                  " after upgrading",
              PostSource(*post),
              RuleWithPhrase("rule:upgrade-confirmed", CueRole::kUpgradedTo, sentence)};
    }
  }
  return {};
}

ReleaseClaim MaintainerRelease(const Graph& graph, const Thread& thread) {
  FixedStatement statement = ReleaseNamed(thread);
  // "That's fixed now." … "Please upgrade to 2.1.2.": the advice names it.
  CueRole role = CueRole::kReleaseNamed;
  if (statement.post == nullptr) {
    statement = ReleaseAfterFixed(thread, MaintainerSaysFixed(thread));
    role = CueRole::kUpgradeAdvice;
  }
  if (statement.post == nullptr) return {};
  std::string version = VersionIn(statement.sentence);
  if (version.empty()) return {};
  return {version,
          "as maintainer @" + std::string(statement.post->author) + " says" +
              Where(graph, *statement.post),
          PostSource(*statement.post),
          RuleWithPhrase("rule:maintainer-release", role, LowerAscii(statement.sentence))};
}

bool IsFixed(const StatusLine& status) { return status.outcome == Outcome::kFixed; }

std::string Shortened(std::string_view text) {
  text = TrimView(text);
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (flat.size() <= kWorkaroundWords) return flat;
  size_t cut = flat.rfind(' ', kWorkaroundWords);
  if (cut == std::string::npos || cut < kWorkaroundWords / 2) cut = kWorkaroundWords;
  // Never inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  return flat.substr(0, cut) + "…";
}

// The workaround to name first: one that still applies, prose before
// code, the most confirmed.
const ReportItem* BestWorkaround(const std::vector<ReportItem>& items) {
  const ReportItem* best = nullptr;
  for (const ReportItem& item : items) {
    if (!item.obsolete.empty()) continue;
    auto better = [](const ReportItem& a, const ReportItem& b) {
      if (a.confirmations != b.confirmations) return a.confirmations > b.confirmations;
      return !a.is_code && b.is_code;
    };
    if (best == nullptr || better(item, *best)) best = &item;
  }
  return best;
}

}  // namespace

ReleaseClaim FindRelease(const AnswerInput& input) {
  const Graph& graph = *input.graph;
  // A maintainer's word first: in the root, then in its merged fixes, then
  // where the root is tracked.
  if (ReleaseClaim claim = MaintainerRelease(graph, *input.root); !claim.version.empty()) return claim;
  for (const Thread& fix : input.fixes) {
    if (ReleaseClaim claim = MaintainerRelease(graph, fix); !claim.version.empty()) return claim;
  }
  for (const Thread* canonical : input.canonical) {
    if (ReleaseClaim claim = MaintainerRelease(graph, *canonical); !claim.version.empty()) return claim;
  }
  // Then a user who upgraded and says it works, in the same places.
  if (ReleaseClaim claim = ConfirmationIn(graph, *input.root); !claim.version.empty()) return claim;
  for (const Thread& fix : input.fixes) {
    if (ReleaseClaim claim = ConfirmationIn(graph, fix); !claim.version.empty()) return claim;
  }
  for (const Thread* canonical : input.canonical) {
    if (ReleaseClaim claim = ConfirmationIn(graph, *canonical); !claim.version.empty()) return claim;
  }
  // And in the items that link the root directly (a duplicate's "works
  // in 2.6.2"): read only when one of their comments names an upgrade.
  const NodeId root_id = graph.root();
  std::vector<NodeId> neighbours;
  for (const Edge& edge : graph.In(root_id)) neighbours.push_back(edge.from);
  for (const Edge& edge : graph.Out(root_id)) neighbours.push_back(edge.to);
  std::sort(neighbours.begin(), neighbours.end(),
            [&](NodeId a, NodeId b) { return graph.Key(a) < graph.Key(b); });
  neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
  for (NodeId id : neighbours) {
    const Node* node = graph.Get(id);
    if (id == root_id || node == nullptr || node->comments.empty()) continue;
    const bool names_upgrade = std::any_of(node->comments.begin(), node->comments.end(), [](const Comment& c) {
      const std::string lower = LowerAscii(c.body);
      return lower.find("upgrad") != std::string::npos || lower.find("updat") != std::string::npos;
    });
    if (!names_upgrade) continue;
    if (ReleaseClaim claim = ConfirmationIn(graph, ReadThread(*node)); !claim.version.empty()) return claim;
  }
  return {};
}

std::vector<ReportItem> Answer(const AnswerInput& input) {
  std::vector<ReportItem> lines;
  const StatusLine& status = *input.status;
  const Node* root = input.graph->RootNode();
  if (root == nullptr) return lines;
  lines.push_back(Line("Status", status.text, status.source, "rule:status"));

  const ReleaseClaim release = FindRelease(input);
  const bool fixed = IsFixed(status) || (status.outcome == Outcome::kPull && IsMerged(*root));
  if (!release.version.empty() && (fixed || status.outcome == Outcome::kDuplicate ||
                                   status.outcome == Outcome::kClosed || status.outcome == Outcome::kOpen)) {
    lines.push_back(
        Line("Fixed in", release.version + ", " + release.words, release.source, release.cue));
  }
  if (status.outcome == Outcome::kPull) return lines;

  const ReportItem* workaround =
      input.workarounds != nullptr ? BestWorkaround(*input.workarounds) : nullptr;
  if (!release.version.empty() && status.outcome != Outcome::kNotPlanned) {
    lines.push_back(Line("What to do", "Upgrade to " + release.version + " or later.",
                         release.source, release.cue));
  } else if (fixed) {
    lines.push_back(
        Line("What to do",
             "Use a build that contains the fix; the thread names no release with it yet" +
                 std::string(workaround != nullptr ? ", and a workaround is below." : "."),
             status.source, "rule:fixed-without-release"));
  } else if (status.outcome == Outcome::kDuplicate) {
    lines.push_back(Line("What to do", "Follow the item it duplicates; the fix is tracked there.",
                         status.source, "rule:duplicate-tracked"));
  } else if (status.outcome == Outcome::kTracked) {
    lines.push_back(Line("What to do",
                         "Follow " + status.tracked_in + ", where it is tracked" +
                             (workaround != nullptr ? "; a workaround is below." : "."),
                         status.source, "rule:tracked-elsewhere"));
  } else if (workaround != nullptr) {
    std::string text = workaround->is_code ? "Apply the workaround below (code)." :
                                             "Apply the workaround: " + Shortened(workaround->text);
    std::string lead = status.outcome == Outcome::kNotPlanned ? "No fix is planned. " : "No fix yet. ";
    lines.push_back(Line("What to do", lead + text, workaround->source, "rule:best-workaround"));
  } else {
    lines.push_back(Line("What to do",
                         status.outcome == Outcome::kNotPlanned
                             ? "No fix is planned, and the thread names no workaround."
                             : "No fix yet, and the thread names no workaround.",
                         status.source, "rule:nothing-known"));
  }
  return lines;
}

void MarkObsoleteWorkarounds(const Thread& root, std::span<const Thread> fixes,
                             std::vector<ReportItem>* workarounds) {
  const PhraseSet& kObsolete = Phrases(CueRole::kObsolete);
  const PhraseSet& kAfterFix = Phrases(CueRole::kAfterFix);
  if (workarounds->empty()) return;
  // The latest such sentence, and the post it is in: a root post's index,
  // or past every root post for a merged fix's.
  std::string sentence;
  size_t at = 0;
  auto scan = [&](const Thread& thread, size_t offset) {
    for (size_t i = thread.posts.size(); i-- > 0;) {
      const Post& post = thread.posts[i];
      if (!Occurs(post, PostList::kAfterFix) || !Occurs(post, PostList::kObsolete)) continue;
      for (auto [begin, end] : SentenceRanges(post.lower_prose)) {
        std::string_view lower = post.lower_prose.substr(begin, end - begin);
        if (lower.ends_with('?') || !kObsolete.AnyIn(lower) || !kAfterFix.AnyIn(lower)) continue;
        // Lower-casing keeps byte offsets: the same range of the prose as written.
        sentence = std::string(TrimView(std::string_view(ProseOf(post)).substr(begin, end - begin)));
        at = offset + i;
        return true;
      }
    }
    return false;
  };
  bool found = false;
  for (const Thread& fix : fixes) found = scan(fix, root.posts.size()) || found;
  if (!found && !scan(root, 0)) return;
  for (ReportItem& item : *workarounds) {
    const Thread* threads[] = {&root};
    const Post* post = FindPost(threads, item.source);
    // A workaround from elsewhere (a duplicate's thread) is older than the fix too.
    const size_t index = post == nullptr ? 0 : static_cast<size_t>(post - root.posts.data());
    if (index < at) item.obsolete = Shortened(sentence);
  }
}

}  // namespace issuegraph::analyze
