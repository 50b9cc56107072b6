// The status line: one sentence on where the root stands, inferred from its
// state and the graph, and the provenance it rests on. A fix is claimed only
// on a merged pull that closes the root; a maintainer's "fixed in …" or a
// closing commit is reported as such. Pure; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/prose.h"

#include "analyze/thread.h"
#include "model/graph.h"

namespace issuegraph::analyze {

// What the status says, for the answer that follows it (analyze/answer.h).
enum class Outcome {
  kOpen,        // open issue: no fix merged yet (an open pull may propose one)
  kFixed,       // a merged pull, a closing commit or a maintainer says it is fixed
  kDuplicate,   // closed as a duplicate
  kNotPlanned,  // closed as not planned
  kClosed,      // closed, no fix found
  kTracked,     // closed here: a maintainer names another project's item that tracks it
  kPull,        // the root is a pull request
};

struct StatusLine {
  std::string text;
  Provenance source;
  Outcome outcome = Outcome::kOpen;
  std::string tracked_in;  // kTracked: that item, as the root refers to it
};

// A maintainer's comment that says the root is fixed ("Fixed in 4.2.1"),
// the latest one: the post, and the sentence that says it, as written. The
// statement must be made, not hoped for ("should be fixed in 2.0?").
struct FixedStatement {
  const Post* post = nullptr;  // null: no maintainer says so
  std::string sentence;
};
FixedStatement MaintainerSaysFixed(const Thread& thread);

// A maintainer's comment that says in words that the closed root is a
// duplicate of an item the graph holds ("Dup #639", "This is a duplicate
// of https://…/90682"), the latest; none for an issue closed as not planned.
struct SaidDuplicate {
  const Post* post = nullptr;
  const Node* canonical = nullptr;
};
SaidDuplicate DuplicateInWords(const Graph& graph, const Thread& thread);

// The reporter's latest sentence that says it is fixed in a named build or
// release ("fixed now on 0.11.0-dev.681"), without a hedge.
FixedStatement ReporterSaysFixedIn(const Thread& thread);

// The latest sentence of a maintainer's comment (a paragraph, list item or
// heading) that states one of the phrases of `cues`, does not ask, and
// passes `accept` (given the sentence lower-cased): the one search behind
// "fixed in…" and "it will go out in…".
FixedStatement LatestMaintainerSentence(const Thread& thread, PostList cues,
                                        const std::function<bool(std::string_view)>& accept);

// A maintainer's latest sentence naming the release a fix is in ("1.3.1
// is out", "released in 2.0.4"): the sentence has a version number.
FixedStatement ReleaseNamed(const Thread& thread);

// After `fixed` (MaintainerSaysFixed), a maintainer's latest sentence that
// says which release to take: upgrade advice with a version ("Please
// upgrade once more, this time to 2.1.2."), in the statement's post or a
// later one. Empty when `fixed` is.
FixedStatement ReleaseAfterFixed(const Thread& thread, const FixedStatement& fixed);

// Merged pulls that link the root and say they fix part of it ("Part of
// #906", "partially fixes #906"), ordered by reference: no closing
// keyword, so the root stays open.
std::vector<const Node*> PartialFixes(const Graph& graph, const Node& root);

// Whether a pull has been merged.
bool IsMerged(const Node& node);

// Merged pulls a maintainer names as the fix ("This is fixed by
// other/repo#388") when no pull closes the root: they count as its merged
// fix, with the maintainer's word as the link.
// `fixed` is MaintainerSaysFixed of the root's thread.
std::vector<const Node*> NamedFixes(const Graph& graph, const FixedStatement& fixed);

// `root_thread` is the root's parsed conversation (for maintainers'
// statements); `workaround_known` appends "; a workaround is known".
StatusLine InferStatus(const Graph& graph, const Thread& root_thread, bool workaround_known);

}  // namespace issuegraph::analyze
