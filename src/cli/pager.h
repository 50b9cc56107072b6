// A Markdown report shown on a terminal goes through a pager when it is
// longer than the screen, as gh does: $PAGER (run by /bin/sh), else
// `less -FRX`; PAGER set empty or to `cat` turns it off. Piped output is
// never paged. Main thread only (it ignores SIGPIPE while the pager runs).
#pragma once

#include <string>
#include <string_view>

namespace issuegraph::cli {

// The pager command to use for `text` on this stdout, or "" for none: not
// a terminal, shorter than the screen, or paging turned off.
std::string PagerFor(std::string_view text);

// Writes `text` into `command`'s stdin and waits for it; false when the
// pager could not be started (then nothing was written).
bool Page(const std::string& command, std::string_view text);

}  // namespace issuegraph::cli
