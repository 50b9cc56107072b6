// Workarounds: what a reader can do now, read from workaround sections and
// from comments that offer one in words ("as a stopgap", "until that is
// fixed, …", "you can … instead"), and from a maintainer's answer with code
// that a later reply confirms. Maintainers' and confirmed ones come first.
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "analyze/prose.h"
#include "analyze/thread.h"
#include "model/report.h"

namespace issuegraph::analyze {

// Workaround sections and comments with workaround cues, from the root's
// thread and then `related` threads (the canonical item of a duplicate);
// each counts later replies by others that say it worked. Ordered:
// maintainers' and confirmed ones first; at most eight workarounds.
std::vector<ReportItem> ExtractWorkarounds(const Thread& root,
                                           const std::vector<const Thread*>& related);

// Ends each prose item before its first sentence, after the first, that
// turns to waiting for the fix instead ("…force a downgrade to 1.10.2.
// That is drastic though, one could also wait and see…").
void EndBeforeWaiting(std::vector<ReportItem>* items);

// Any phrase a workaround offer needs (see PostList).
const PhraseSet& AnyOfferCue();

// Whether block `index` of `post` offers a workaround in one of its
// sentences: an explicit cue ("as a workaround", "works around it", "as a
// stopgap"), or a "meanwhile" cue ("for now", "until that is fixed", "if
// you need to…") when the post is actionable (code, a list, a maintainer)
// or the sentence reports that it worked. Questions and sentences that
// only point at a workaround elsewhere ("a workaround is in #40") do not
// count.
bool BlockOffersWorkaround(const Post& post, size_t index);

// Whether a short reply says that something above worked ("That worked for
// me", "ty, works", "that did it").
bool ConfirmsWorkaround(const Post& post);

}  // namespace issuegraph::analyze
