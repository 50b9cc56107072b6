// The report's first lines: the answer to the question a pasted URL asks
// ("is it fixed, in which release, what do I do now"), each line with the
// provenance of the statement it rests on. Also marks workarounds a later
// reply makes obsolete. Pure over the Graph and its Threads; thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "analyze/status.h"
#include "analyze/thread.h"
#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::analyze {

// A release someone says the fix is in: a maintainer's "1.3.1 is out" in
// the root, its merged fix or where it is tracked, or anyone's "upgraded to
// 2.6.2, works now" there or in a directly linked item.
struct ReleaseClaim {
  std::string version;  // "2.6.2"; empty: none found
  std::string words;    // how the TL;DR says who says so: "as maintainer @ann says in #57"
  Provenance source;
  // What it rests on, the cue of the lines it makes: "rule:maintainer-release
  // (fixed in)" or "rule:upgrade-confirmed (upgraded to)".
  std::string cue;
};

struct AnswerInput {
  const Graph* graph = nullptr;
  const Thread* root = nullptr;
  std::span<const Thread> fixes;             // merged pulls that fix the root
  std::span<const Thread* const> canonical;  // items the root is a duplicate of
  const StatusLine* status = nullptr;
  const std::vector<ReportItem>* workarounds = nullptr;
};

ReleaseClaim FindRelease(const AnswerInput& input);

// Two or three lines, labelled "Status", "Fixed in" (when a release is
// known) and "What to do": upgrade to X, apply workaround Y, follow the
// item it duplicates, or that no fix is known yet. Each line's cue says what it
// rests on: "rule:status", the release's cue, "rule:best-workaround"…
std::vector<ReportItem> Answer(const AnswerInput& input);

// Labels each workaround a later post (of the root or of a merged fix)
// says is no longer needed ("after upgrading you can delete the
// override"): `obsolete` gets that sentence.
void MarkObsoleteWorkarounds(const Thread& root, std::span<const Thread> fixes,
                             std::vector<ReportItem>* workarounds);

}  // namespace issuegraph::analyze
