// Which GitHub token a crawl of one issue uses, and from where: an explicit
// token, then GH_TOKEN, then GITHUB_TOKEN (gh's order) for github.com (or any host when
// the API location was given); only an explicit token or
// GH_ENTERPRISE_TOKEN for an Enterprise host, so a github.com token never
// reaches another server. Pure; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/error.h"
#include "model/issue_ref.h"

namespace issuegraph::app {

// Reads one environment variable ("" when unset).
using EnvReader = std::function<std::string(const char* name)>;
std::string ProcessEnv(const char* name);

// The token to use, "" for none; kInvalidInput naming where it came from
// when it holds spaces or control characters (it would split a header).
Result<std::string> ChooseToken(const IssueRef& ref, bool custom_api_url,
                                std::string_view explicit_token,
                                const EnvReader& env = ProcessEnv);

}  // namespace issuegraph::app
