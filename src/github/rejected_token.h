// The sentence for a token GitHub rejected (401): it names where the token
// came from (a flag, a variable, gh), never the token, and the way out
// that fits that source. Pure.
#pragma once

#include <string>
#include <string_view>

namespace issuegraph::github {

// `source`: "--token", "GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN",
// "gh auth token", or "" when unknown; `detail`: GitHub's message, or "".
std::string RejectedToken(std::string_view source, std::string_view detail);

}  // namespace issuegraph::github
