#include "analyze/status.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "analyze/cue_lists.h"
#include "analyze/cues.h"
#include "analyze/prose.h"
#include "text/references.h"

namespace issuegraph::analyze {
namespace {


struct PullLink {
  const Node* pull = nullptr;
  const Edge* edge = nullptr;
};


// Pulls that close the root or are connected to it, one entry per pull,
// a closing edge preferred, ordered by reference text.
std::vector<PullLink> ProposedFixes(const Graph& graph, const Node& root, bool closing_only) {
  std::vector<PullLink> links;
  for (const Edge& edge : graph.In(graph.root())) {
    if (edge.kind != EdgeKind::kCloses && (closing_only || edge.kind != EdgeKind::kConnected)) {
      continue;
    }
    const Node* pull = graph.Get(edge.from);
    if (pull == nullptr || pull->type != NodeType::kPull) continue;
    auto same = std::find_if(links.begin(), links.end(),
                             [&](const PullLink& link) { return link.pull == pull; });
    if (same == links.end()) {
      links.push_back({pull, &edge});
    } else if (edge.kind == EdgeKind::kCloses) {
      same->edge = &edge;
    }
  }
  std::sort(links.begin(), links.end(), [&](const PullLink& a, const PullLink& b) {
    bool a_other = !a.pull->ref.SameRepo(root.ref);
    bool b_other = !b.pull->ref.SameRepo(root.ref);
    if (a_other != b_other) return b_other;
    if (a.pull->ref.RepoKey() != b.pull->ref.RepoKey()) {
      return a.pull->ref.RepoKey() < b.pull->ref.RepoKey();
    }
    return a.pull->ref.number < b.pull->ref.number;
  });
  return links;
}

std::string JoinRefs(const Node& root, const std::vector<const Node*>& nodes) {
  std::string out;
  for (const Node* node : nodes) {
    if (!out.empty()) out += ", ";
    out += RelativeRefText(root.ref, node->ref);
  }
  return out;
}

Provenance PageOf(const Node& node) {
  Provenance source;
  source.node = node.ref.Key();
  source.url = node.url.empty() ? node.ref.HtmlUrl() : node.url;
  return source;
}

StatusLine PullStatus(const Graph& graph, const Node& root) {
  std::vector<const Node*> closes;
  for (const Edge& edge : graph.Out(graph.root())) {
    if (edge.kind != EdgeKind::kCloses) continue;
    if (const Node* issue = graph.Get(edge.to)) closes.push_back(issue);
  }
  std::sort(closes.begin(), closes.end(),
            [](const Node* a, const Node* b) { return a->ref.Key() < b->ref.Key(); });
  StatusLine line;
  line.source = PageOf(root);
  if (IsMerged(root)) {
    line.text = "Merged " + DatePart(root.merged_at);
    if (!closes.empty()) line.text += "; closes " + JoinRefs(root, closes);
  } else if (root.state == NodeState::kOpen) {
    line.text = root.draft ? "Open draft pull request" : "Open pull request, not merged yet";
    if (!closes.empty()) line.text += "; would close " + JoinRefs(root, closes);
  } else {
    line.text = "Closed without merging";
  }
  return line;
}

// "Already reported at https://github.com/snoyberg/conduit/issues/385",
// "moved to other/repo#77": a maintainer's sentence that names an item of
// another repository as where the problem is tracked; the latest.
struct Tracked {
  const Post* post = nullptr;
  std::string ref;  // as the root refers to it: "owner/repo#N"
};

// The other repository's item a sentence names; null when it names none.
std::optional<IssueRef> OtherRepoRef(std::string_view sentence, const IssueRef& root) {
  for (const text::TextRef& ref : text::ExtractReferences(sentence, root)) {
    if (!ref.ref.SameRepo(root)) return ref.ref;
  }
  return std::nullopt;
}

Tracked TrackedElsewhere(const Node& root, const Thread& thread) {
  // Repositories compare in lower case: the lower-cased sentence will do.
  const FixedStatement said = LatestMaintainerSentence(
      thread, PostList::kTrackedElsewhere,
      [&](std::string_view lower) { return OtherRepoRef(lower, root.ref).has_value(); });
  if (said.post == nullptr) return {};
  const std::optional<IssueRef> ref = OtherRepoRef(said.sentence, root.ref);
  return ref ? Tracked{said.post, RelativeRefText(root.ref, *ref)} : Tracked{};
}

StatusLine ClosedIssueStatus(const Graph& graph, const Node& root, const Thread& thread) {
  StatusLine line;
  line.source = PageOf(root);
  std::vector<const Node*> merged;
  for (const PullLink& link : ProposedFixes(graph, root, /*closing_only=*/true)) {
    if (IsMerged(*link.pull)) merged.push_back(link.pull);
  }
  if (!merged.empty()) {
    line.text = "Fixed by ";
    for (size_t i = 0; i < merged.size(); ++i) {
      if (i > 0) line.text += i + 1 == merged.size() ? " and " : ", ";
      line.text += RelativeRefText(root.ref, merged[i]->ref) + " (merged " +
                   DatePart(merged[i]->merged_at) + ")";
    }
    line.source = PageOf(*merged.front());
    line.outcome = Outcome::kFixed;
    return line;
  }
  const Edge* duplicate = nullptr;
  for (const Edge& edge : graph.Out(graph.root())) {
    if (edge.kind == EdgeKind::kDuplicateOf) {
      duplicate = &edge;
      break;
    }
  }
  if (root.state_reason == "duplicate" || duplicate != nullptr) {
    line.outcome = Outcome::kDuplicate;
    line.text = "Closed as a duplicate";
    if (duplicate != nullptr) {
      line.text += " of " + RelativeRefText(root.ref, graph.Ref(duplicate->to));
      line.source = duplicate->provenance;
    }
    return line;
  }
  // "This is a duplicate of https://…/90682, so I'm closing it": a
  // maintainer says so in words, without marking it.
  if (const SaidDuplicate said = DuplicateInWords(graph, thread); said.canonical != nullptr) {
    line.outcome = Outcome::kDuplicate;
    line.text = "Closed as a duplicate of " + RelativeRefText(root.ref, said.canonical->ref) +
                ", as maintainer @" + std::string(said.post->author) + " says";
    line.source = PostSource(*said.post);
    return line;
  }
  auto tracked_words = [](const Tracked& tracked) {
    return "; tracked in " + tracked.ref + ", as maintainer @" + std::string(tracked.post->author) +
           " says";
  };
  if (root.state_reason == "not_planned") {
    line.outcome = Outcome::kNotPlanned;
    line.text = "Closed as not planned";
    if (const Tracked tracked = TrackedElsewhere(root, thread); tracked.post != nullptr) {
      line.text += tracked_words(tracked);
      line.source = PostSource(*tracked.post);
    }
    return line;
  }
  for (const Event& event : root.events) {
    if (event.type != "closed" || event.commit_id.empty() || event.other.has_value()) continue;
    // GitHub closes an issue from a commit message only for a commit on the
    // default branch: the fix is in, though no pull request carried it.
    line.text = "Fixed by commit " + event.commit_id.substr(0, 7) + " (closed " +
                DatePart(event.created_at) + "; no pull request carried it)";
    line.source.where = Provenance::Where::kEvent;
    line.source.id = event.id;
    line.outcome = Outcome::kFixed;
    return line;
  }
  if (FixedStatement fixed = MaintainerSaysFixed(thread); fixed.post != nullptr) {
    line.outcome = Outcome::kFixed;
    const std::string author(fixed.post->author);
    if (std::vector<const Node*> named = NamedFixes(graph, fixed); !named.empty()) {
      line.text = "Fixed by " + JoinRefs(root, named) + " (merged " +
                  DatePart(named.front()->merged_at) + "), as maintainer @" + author +
                  " says";
      line.source = PostSource(*fixed.post);
      return line;
    }
    // "added a fix, here: …/commit/6c3770b…": the commit it names.
    if (size_t at = fixed.sentence.find("/commit/"); at != std::string::npos) {
      std::string sha = fixed.sentence.substr(at + 8, 7);
      if (sha.size() == 7 && std::all_of(sha.begin(), sha.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
        line.text = "Fixed by commit " + sha + ", as maintainer @" + author + " says";
        line.source = PostSource(*fixed.post);
        return line;
      }
    }
    line.text = "Closed as completed; maintainer @" + author + " says it is fixed";
    std::string version = VersionIn(fixed.sentence);
    // "…that one is fixed" after "a couple of panics were fixed in 1.6.3".
    if (version.empty()) version = VersionIn(ReleaseNamed(thread).sentence);
    if (version.empty()) version = VersionIn(ReleaseAfterFixed(thread, fixed).sentence);
    if (!version.empty()) line.text += " in " + version;
    line.text += " (no merged closing pull request found)";
    line.source = PostSource(*fixed.post);
    return line;
  }
  // "fixed now on 0.11.0-dev.681": the reporter's own word, with the build.
  if (FixedStatement reported = ReporterSaysFixedIn(thread); reported.post != nullptr) {
    line.outcome = Outcome::kFixed;
    line.text = "Closed as completed; reporter @" + std::string(reported.post->author) +
                " says it is fixed in " + VersionIn(reported.sentence) +
                " (no merged closing pull request found)";
    line.source = PostSource(*reported.post);
    return line;
  }
  if (const Tracked tracked = TrackedElsewhere(root, thread); tracked.post != nullptr) {
    line.text = "Closed as completed" + tracked_words(tracked) + " (no fix here)";
    line.source = PostSource(*tracked.post);
    line.outcome = Outcome::kTracked;
    line.tracked_in = tracked.ref;
    return line;
  }
  line.text = "Closed as completed (no linked fix found)";
  line.outcome = Outcome::kClosed;
  return line;
}

StatusLine OpenIssueStatus(const Graph& graph, const Node& root) {
  StatusLine line;
  line.source = PageOf(root);
  std::vector<const Node*> open;
  std::vector<const Node*> merged;
  for (const PullLink& link : ProposedFixes(graph, root, /*closing_only=*/false)) {
    if (IsMerged(*link.pull)) {
      if (link.edge->kind == EdgeKind::kCloses) merged.push_back(link.pull);
    } else if (link.pull->state == NodeState::kOpen) {
      open.push_back(link.pull);
    }
  }
  std::string prefix = root.state_reason == "reopened" ? "Reopened" : "Open";
  if (!merged.empty()) {
    line.text = prefix + " — " + JoinRefs(root, merged) + (merged.size() == 1 ? " was" : " were") +
                " merged (" + DatePart(merged.front()->merged_at) + ") but the issue is still open";
    line.source = PageOf(*merged.front());
  } else if (auto partial = PartialFixes(graph, root); !partial.empty() && open.empty()) {
    line.text = prefix + " — " + JoinRefs(root, partial) + (partial.size() == 1 ? " was" : " were") +
                " merged (" + DatePart(partial.back()->merged_at) +
                ") as a partial fix; the rest is still open";
    line.source = PageOf(*partial.back());
  } else if (!open.empty()) {
    line.text = prefix + " — " + std::to_string(open.size()) +
                (open.size() == 1 ? " open pull request proposes a fix ("
                                  : " open pull requests propose a fix (") +
                JoinRefs(root, open) + ")";
    line.source = PageOf(*open.front());
  } else {
    line.text = prefix + " — no open pull request proposes a fix yet";
  }
  return line;
}

}  // namespace

FixedStatement ReleaseNamed(const Thread& thread) {
  return LatestMaintainerSentence(thread, PostList::kReleaseNamed, [](std::string_view sentence) {
    return !VersionIn(sentence).empty();
  });
}

std::vector<const Node*> NamedFixes(const Graph& graph, const FixedStatement& fixed) {
  std::vector<const Node*> pulls;
  const Node* root = graph.RootNode();
  // A merged closing pull says it already; a competing one closed unmerged
  // ("Fixes #26079", never merged) does not hide the one named.
  if (root == nullptr || fixed.post == nullptr ||
      std::ranges::any_of(ProposedFixes(graph, *root, /*closing_only=*/true),
                          [](const PullLink& link) { return IsMerged(*link.pull); })) {
    return pulls;
  }
  for (const text::TextRef& ref : text::ExtractReferences(fixed.sentence, root->ref)) {
    const Node* pull = graph.Find(ref.ref.Key());
    if (pull != nullptr && pull->type == NodeType::kPull && IsMerged(*pull) &&
        std::find(pulls.begin(), pulls.end(), pull) == pulls.end()) {
      pulls.push_back(pull);
    }
  }
  return pulls;
}

bool IsMerged(const Node& node) { return node.merged || node.state == NodeState::kMerged; }

std::vector<const Node*> PartialFixes(const Graph& graph, const Node& root) {
  std::vector<const Node*> pulls;
  for (const Edge& edge : graph.In(graph.root())) {
    if (edge.from == graph.root()) continue;
    const Node* pull = graph.Get(edge.from);
    if (pull == nullptr || pull->type != NodeType::kPull || !IsMerged(*pull) ||
        std::find(pulls.begin(), pulls.end(), pull) != pulls.end()) {
      continue;
    }
    const std::string body = LowerAscii(pull->body);
    const std::string number = "#" + std::to_string(root.ref.number);
    for (std::string_view phrase : PhraseList(CueRole::kPartialFix)) {
      const std::string same_repo = std::string(phrase) + number;
      const std::string other_repo = std::string(phrase) + LowerAscii(root.ref.Text());
      if (HasPhrase(body, same_repo) || HasPhrase(body, other_repo)) {
        pulls.push_back(pull);
        break;
      }
    }
  }
  std::sort(pulls.begin(), pulls.end(), [](const Node* a, const Node* b) {
    return std::pair(a->ref.RepoKey(), a->ref.number) < std::pair(b->ref.RepoKey(), b->ref.number);
  });
  return pulls;
}

namespace {

// LatestMaintainerSentence for the comments `by` accepts.
FixedStatement LatestSentenceBy(const Thread& thread, PostList list,
                                const std::function<bool(const Post&)>& by,
                                const std::function<bool(std::string_view)>& accept) {
  const PhraseSet& cues = PostListPhrases(list);
  for (auto post = thread.posts.rbegin(); post != thread.posts.rend(); ++post) {
    if (post->comment == nullptr || !by(*post)) continue;
    if (!Occurs(*post, list)) continue;
    for (size_t i = 0; i < post->blocks.size(); ++i) {
      const text::Block& block = post->blocks[i];
      if (block.kind != text::BlockKind::kParagraph && block.kind != text::BlockKind::kListItem &&
          block.kind != text::BlockKind::kHeading) {
        continue;
      }
      // ASCII lower-casing keeps byte offsets, so a sentence of the
      // lower-cased text is the same range of the original.
      std::string_view lower = LowerProse(*post, i);
      for (auto [begin, end] : SentenceRanges(lower)) {
        std::string_view sentence = lower.substr(begin, end - begin);
        if (sentence.ends_with('?') || !cues.AnyIn(sentence) || !accept(sentence)) continue;
        return {&*post, std::string(block.text.substr(begin, end - begin))};
      }
    }
  }
  return {};
}

}  // namespace

FixedStatement LatestMaintainerSentence(const Thread& thread, PostList list,
                                        const std::function<bool(std::string_view)>& accept) {
  return LatestSentenceBy(
      thread, list, [](const Post& post) { return IsMaintainer(post.author_association); }, accept);
}

FixedStatement ReporterSaysFixedIn(const Thread& thread) {
  static const PhraseSet& kHedges = Phrases(CueRole::kHedge);
  if (thread.node == nullptr) return {};
  const std::string_view reporter = thread.node->author;
  return LatestSentenceBy(
      thread, PostList::kSaysFixed, [&](const Post& post) { return post.author == reporter; },
      [](std::string_view sentence) {
        return !kHedges.AnyIn(sentence) && !VersionIn(sentence).empty();
      });
}

FixedStatement ReleaseAfterFixed(const Thread& thread, const FixedStatement& fixed) {
  if (fixed.post == nullptr) return {};
  FixedStatement advice =
      LatestMaintainerSentence(thread, PostList::kUpgradeAdvice,
                               [](std::string_view lower) { return !VersionIn(lower).empty(); });
  // Posts sit in thread order in one vector.
  return advice.post != nullptr && advice.post >= fixed.post ? advice : FixedStatement{};
}

FixedStatement MaintainerSaysFixed(const Thread& thread) {
  static const PhraseSet& kHedges = Phrases(CueRole::kHedge);
  return LatestMaintainerSentence(thread, PostList::kSaysFixed, [](std::string_view sentence) {
    return !kHedges.AnyIn(sentence) ||
           !OpeningOf(CueRole::kNamesClosingPull, TrimView(sentence)).empty();
  });
}

SaidDuplicate DuplicateInWords(const Graph& graph, const Thread& thread) {
  const Node* root = thread.node;
  if (root == nullptr || root->state != NodeState::kClosed || root->state_reason == "not_planned") {
    return {};
  }
  for (auto post = thread.posts.rbegin(); post != thread.posts.rend(); ++post) {
    if (post->comment == nullptr || !IsMaintainer(post->author_association)) continue;
    if (!Occurs(*post, PostList::kCueDuplicate)) continue;
    for (size_t i = 0; i < post->blocks.size(); ++i) {
      if (!IsProseBlock(post->blocks[i])) continue;
      std::string_view lower = LowerProse(*post, i);
      for (auto [begin, end] : SentenceRanges(lower)) {
        if (CueScore(CueSection::kDuplicate, lower.substr(begin, end - begin), true) < kCueAccept) {
          continue;
        }
        std::string_view sentence = post->blocks[i].text.substr(begin, end - begin);
        for (const text::TextRef& ref : text::ExtractReferences(sentence, root->ref)) {
          if (const Node* node = graph.Find(ref.ref.Key()); node != nullptr && node != root) {
            return {&*post, node};
          }
        }
      }
    }
  }
  return {};
}

StatusLine InferStatus(const Graph& graph, const Thread& root_thread, bool workaround_known) {
  const Node* root = graph.RootNode();
  if (root == nullptr) return {"Unknown: the root item was not fetched", {}, Outcome::kOpen, {}};
  StatusLine line;
  if (root->type == NodeType::kPull) {
    line = PullStatus(graph, *root);
    line.outcome = Outcome::kPull;
  } else if (root->state == NodeState::kOpen) {
    line = OpenIssueStatus(graph, *root);
  } else {
    line = ClosedIssueStatus(graph, *root, root_thread);
  }
  if (workaround_known) line.text += "; a workaround is known";
  return line;
}

}  // namespace issuegraph::analyze
