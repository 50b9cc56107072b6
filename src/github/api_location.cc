#include "github/api_location.h"

#include "model/issue_ref.h"
#include "model/ascii.h"

namespace issuegraph::github {

ApiLocation ApiForHost(std::string_view web_host) {
  if (web_host == kPublicHost) return {"https://api.github.com", "https://api.github.com/graphql"};
  std::string host(web_host);
  return {"https://" + host + "/api/v3", "https://" + host + "/api/graphql"};
}

Result<ApiLocation> ApiFromUrl(std::string_view url) {
  std::string base(url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string lower = LowerAscii(base);
  const bool http = lower.starts_with("http://") || lower.starts_with("https://");
  const size_t host_start = lower.find("://") + 3;
  if (!http || base.size() <= host_start || base.find_first_of(" \t\r\n?#") != std::string::npos ||
      base[host_start] == '/') {
    return MakeError(ErrorKind::kInvalidInput,
                     "--api-url '" + std::string(url) +
                         "' is not an http(s) base URL; use e.g. https://api.github.com or "
                         "https://HOST/api/v3");
  }
  if (lower.ends_with("/api/v3")) {
    return ApiLocation{base, base.substr(0, base.size() - 2) + "graphql"};
  }
  return ApiLocation{base, base + "/graphql"};
}

}  // namespace issuegraph::github
