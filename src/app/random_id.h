// Random identifiers that name something to a client: crawl jobs,
// anonymous visitors, MCP sessions. 128 bits from std::random_device as
// 32 lower-case hex digits. Thread-safe.
#pragma once

#include <string>

namespace issuegraph::app {

std::string RandomId();

}  // namespace issuegraph::app
