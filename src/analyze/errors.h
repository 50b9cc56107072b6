// Error-message extraction: which code blocks and quotes of a thread hold
// error text (tracebacks, "Error:" lines, panics, fatal log lines, HTTP error
// status lines, compiler diagnostics), trimmed to the lines that matter and
// de-duplicated across the thread by their normalised error line. Pure;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyze/error_lines.h"
#include "analyze/thread.h"
#include "model/report.h"
#include "text/markdown.h"

namespace issuegraph::analyze {

// Whether a block's text reads like program source rather than output, from
// the fence's language or, without one, from the shape of its lines.
bool LooksLikeSource(std::string_view code, std::string_view language);

// Whether `block` is error text. `lead_in` is the prose just before it
// ("…it fails with:") and `under_logs_heading` says it sits in a Logs or
// Error section; both let output without error words count.
bool IsErrorBlock(const text::Block& block, std::string_view lead_in, bool under_logs_heading);

// Keeps long logs readable: the lines around the first and the last error
// line, with a marker where lines were left out. Short text is unchanged.
std::string ExcerptError(std::string_view text);

// The identity used to de-duplicate: lower case, numbers and hex ids
// folded, whitespace collapsed.
std::string NormalizeError(std::string_view text);

// What identifies one failure across reports of it: the first error line
// (for a traceback, its last), normalised; the whole text without one.
std::string ErrorSignature(std::string_view text);

// Error items of the threads in order of first appearance, each counted
// once per post it appears in; at most 25 distinct ones. Every error block
// is added to `used`.
std::vector<ReportItem> ExtractErrors(const std::vector<const Thread*>& threads, BlockSet* used);

}  // namespace issuegraph::analyze
