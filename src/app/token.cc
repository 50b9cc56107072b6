#include "app/token.h"

#include <cstdlib>
#include <utility>
#include <vector>

namespace issuegraph::app {

std::string ProcessEnv(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

Result<std::string> ChooseToken(const IssueRef& ref, bool custom_api_url,
                                std::string_view explicit_token, const EnvReader& env) {
  const bool public_host = ref.host == kPublicHost;
  std::vector<std::pair<std::string, std::string>> candidates = {
      {"--token", std::string(explicit_token)}};
  if (public_host || custom_api_url) {
    // gh's order: GH_TOKEN first.
    candidates.push_back({"GH_TOKEN", env("GH_TOKEN")});
    candidates.push_back({"GITHUB_TOKEN", env("GITHUB_TOKEN")});
  }
  if (!public_host) candidates.push_back({"GH_ENTERPRISE_TOKEN", env("GH_ENTERPRISE_TOKEN")});
  for (const auto& [where, value] : candidates) {
    if (value.empty()) continue;
    for (unsigned char c : value) {
      if (c <= ' ' || c == 0x7f) {
        return MakeError(ErrorKind::kInvalidInput,
                         "the token from " + where +
                             " contains spaces or control characters; copy it again without them");
      }
    }
    return value;
  }
  return std::string();
}

}  // namespace issuegraph::app
