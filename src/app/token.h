// Which GitHub token a crawl of one issue uses, and from where: an explicit
// token, then GH_TOKEN, then GITHUB_TOKEN (gh's order) for github.com (or any
// host when the API location was given); only an explicit token or
// GH_ENTERPRISE_TOKEN for an Enterprise host, so a github.com token never
// reaches another server. When none is set, `gh auth token` for the host
// the requests go to (the issue's, or --api-url's), as gh itself would. Thread-safe; the default readers
// read the process's environment and run gh.
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

// The token gh is logged in with for `host` ("" when gh is not on PATH,
// not logged in, or fails).
using GhTokenReader = std::function<std::string(const std::string& host)>;
std::string GhAuthToken(const std::string& host);
inline std::string NoGh(const std::string&) { return ""; }

struct Token {
  std::string value;   // "" for none
  std::string source;  // "--token", "GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "gh auth token"
};

// The token to use and where it came from; kInvalidInput naming where it
// came from when it holds spaces or control characters (it would split a
// header).
// `api_url`: --api-url, "" when the API is the issue host's own.
Result<Token> FindToken(const IssueRef& ref, std::string_view api_url, std::string_view explicit_token,
                        const EnvReader& env = ProcessEnv, const GhTokenReader& gh = GhAuthToken);

// The token alone, from the flag and the environment (never gh).
Result<std::string> ChooseToken(const IssueRef& ref, bool custom_api_url,
                                std::string_view explicit_token,
                                const EnvReader& env = ProcessEnv);

// GH_HOST, as gh reads it: the host of a short OWNER/REPO#N reference.
// A URL names its own host and is returned as it is; so is a short
// reference when GH_HOST is unset or github.com.
std::string WithDefaultHost(const std::string& input, const EnvReader& env = ProcessEnv);

}  // namespace issuegraph::app
