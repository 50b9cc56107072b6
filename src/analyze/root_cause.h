// The root cause: why the failure happens, read from root-cause sections,
// from cue phrases ("the root cause is", "because"), from maintainers'
// comments that explain the mechanism in plain statements, from the
// canonical item of a duplicate and from the description of merged fixing
// pulls. Candidates are scored and only the best few are kept, so a long
// thread cannot flood the section. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "analyze/prose.h"
#include "analyze/thread.h"
#include "model/report.h"

namespace issuegraph::analyze {

// At most this many items (a paragraph and its code count as two).
inline constexpr size_t kMaxRootCauseItems = 6;

// Root-cause items of `root`, then of `related` threads (the canonical item
// of a duplicate), then of the bodies of `merged_fixes`, best first: the
// writer's own root-cause sections, explicit cause phrases, maintainers'
// explanations; ties keep thread order.
std::vector<ReportItem> ExtractRootCause(const Thread& root,
                                         const std::vector<const Thread*>& related,
                                         const std::vector<Thread>& merged_fixes);

// Unions of cue roles a post is tested against before its sentences are
// read (see PostList): the cause phrases read in a body, and every cause
// phrase.
const PhraseSet& BodyCausePhrases();
const PhraseSet& AnyCausePhrase();

// How strongly one paragraph of a maintainer's comment explains a mechanism:
// in the sentences that neither ask nor offer a remedy, mechanism verbs
// ("dereferences", "forgets", "never", "does not", "is nil", "leaks"…, at
// most two counted), code identifiers (inline code, paths, calls), and one
// more when a remedy follows in the same comment (`remedy_follows`). Two or
// more reads as an explanation.
int MechanismScore(const text::Block& block, bool remedy_follows);
// The same, with the block's text already lower-cased (`lower`).
int MechanismScore(const text::Block& block, std::string_view lower, bool remedy_follows);

// Whether a sentence (lower-cased) offers a remedy or announces a fix
// rather than explains: "for now…", "you can…", "the fix is in #9".
bool IsRemedySentence(std::string_view lower_sentence);

}  // namespace issuegraph::analyze
