// The words every report format shares, so that HTML and the other formats
// say the same thing: the order of the text sections, states, roles, dates,
// where an item came from and the crawl's account of itself. Plain text,
// not escaped for any format. Pure functions; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::render {

// The text sections in display order, after the linked tables.
inline constexpr std::array kTextSections = {
    SectionKind::kSummary,     SectionKind::kErrorMessages, SectionKind::kReproduction,
    SectionKind::kEnvironment, SectionKind::kRootCause,     SectionKind::kFix,
    SectionKind::kWorkaround,  SectionKind::kCodeExamples,  SectionKind::kDiscussion,
};

// "2026-06-01" from "2026-06-01T10:00:00Z".
std::string DateOnly(std::string_view iso_time);

// "FIRST_TIME_CONTRIBUTOR" -> "first time contributor"; empty for NONE.
std::string RoleName(std::string_view association);

// "merged", "open (draft)", "closed (not planned)", ...
std::string StateText(NodeType type, NodeState state, std::string_view reason, bool draft);

// A linked table row's state: StateText, "not fetched" or "deleted".
std::string LinkedStateText(const LinkedItem& item);

// "acme/app#12", "acme/app#12 comment 501", "acme/app#12 event 9".
std::string SourceName(const Provenance& source, const Graph& graph);

// What backs an item, to follow its source line: " · confirmed by 2 later
// replies · seen 3 times · obsolete after the fix, …"; empty when nothing does.
std::string ItemNotes(const ReportItem& item);

// "Crawl: 4 nodes, 4 edges. Partial result, because the crawl stopped at
// --max-nodes 4; not fetched: other/lib#3."
std::string CrawlNote(const Graph& graph);

}  // namespace issuegraph::render
