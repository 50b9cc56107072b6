// The descriptive sections of a report: the reporter's summary, the steps to
// reproduce with expected and actual behaviour, the code
// examples worth keeping, and the discussion's decisions. Each reads a
// parsed Thread and returns items with provenance. Pure; thread-safe.
#pragma once

#include <vector>

#include "analyze/thread.h"
#include "model/report.h"

namespace issuegraph::analyze {

// A "Summary"/"Description"/"Problem"… section of the body, else its first
// paragraph, trimmed to about 600 bytes at a sentence end.
std::vector<ReportItem> ExtractSummary(const Thread& root);

// Steps, then expected and actual behaviour (labelled), from the body.
// Blocks in `errors` are left to the error section.
std::vector<ReportItem> ExtractReproduction(const Thread& root, const BlockSet& errors);

// Steps told in a sentence of the body's prose: one that names a command
// it ran, in inline code ("I added it to my dependencies and ran `swift
// package update`, but now … fails"). For a body with no steps written out.
std::vector<ReportItem> RanCommandSentences(const Post& body);

// Code blocks of the whole thread not used as error messages, once each.
std::vector<ReportItem> ExtractCodeExamples(const Thread& root, const BlockSet& errors);

// Maintainers' decisions (latest five) and the thread's latest comment.
std::vector<ReportItem> ExtractDiscussion(const Thread& root);

}  // namespace issuegraph::analyze
