// Several references in one `report` command (`report A B`, `report -` for
// one per line on stdin): each gets its own run of app::RunReport, at most
// --jobs at once, sharing one rate-limit budget. Reports come out in the
// order given: on stdout (JSON as one array, Markdown separated by a
// thematic break, mermaid and dot by a blank line) or, with -o DIR, one
// file each, DIR/OWNER-REPO-N.EXT. Called from the main thread.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "app/report.h"
#include "cli/crawl_flags.h"
#include "model/error.h"
#include "model/issue_ref.h"

namespace issuegraph::cli {

// The most references one command takes, and the longest line of stdin.
inline constexpr size_t kMaxRefs = 1000;
inline constexpr size_t kMaxRefLine = 4096;

// `refs` with each "-" replaced by the lines of `in`: trimmed, blank lines
// and lines starting with '#' skipped, repeats dropped. kInvalidInput for
// an empty stdin, an overlong line, or more than kMaxRefs references.
Result<std::vector<std::string>> ExpandRefs(const std::vector<std::string>& refs, std::istream& in);

// OWNER-REPO-N.EXT, with HOST- first off github.com (a port's ':' as '_').
std::string ReportFileName(const IssueRef& ref, app::Format format);

// Runs and writes the report of each reference; the exit code of the first
// that failed, in the order given, or 0. Nothing runs when one of them is
// not a reference or -o is not a directory.
int RunReports(const CrawlFlags& flags, const std::vector<std::string>& refs);

}  // namespace issuegraph::cli
