// The stdio transport of `issuegraph mcp`: newline-delimited JSON-RPC
// messages on stdin, responses and notifications on stdout (nothing else
// is ever written there), the operator's log on stderr. Tool calls run on
// threads of their own so that cancellations and pings are read while a
// crawl runs. Returns when stdin ends and the calls in progress are done
// (waiting calls are cancelled; crawls finish and are stored).
#pragma once

#include <istream>
#include <ostream>

#include "mcp/reports.h"
#include "mcp/session.h"

namespace issuegraph::mcp {

void ServeStdio(ReportService& service, std::istream& in, std::ostream& out, const Logger& log);

}  // namespace issuegraph::mcp
