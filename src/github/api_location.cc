#include "github/api_location.h"

#include <algorithm>
#include <charconv>

#include "model/ascii.h"
#include "model/issue_ref.h"

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
  const size_t host_end = std::min(base.find('/', host_start), base.size());
  const std::string_view authority = std::string_view(base).substr(
      std::min(host_start, base.size()), host_end - std::min(host_start, base.size()));
  if (authority.find('@') != std::string_view::npos) {
    // Never echoed: the part before '@' may be a password.
    return MakeError(ErrorKind::kInvalidInput,
                     "--api-url must not carry a user name or password; give the token with --token, "
                     "GH_TOKEN or GITHUB_TOKEN");
  }
  const bool plain = std::all_of(base.begin(), base.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f && c != '?' && c != '#';
  });
  if (!http || base.size() <= host_start || !plain || base[host_start] == '/') {
    return MakeError(ErrorKind::kInvalidInput,
                     "--api-url '" + base.substr(0, 200) +
                         "' is not an http(s) base URL; use e.g. https://api.github.com or "
                         "https://HOST/api/v3");
  }
  if (size_t colon = authority.rfind(':'); colon != std::string_view::npos && authority.back() != ']') {
    const std::string_view port = authority.substr(colon + 1);
    int64_t value = 0;
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || error != std::errc() || end != port.data() + port.size() || value < 1 ||
        value > 65535) {
      return MakeError(ErrorKind::kInvalidInput, "--api-url '" + base.substr(0, 200) +
                                                     "' has a port outside 1-65535; fix the port");
    }
  }
  if (lower.ends_with("/api/v3")) {
    return ApiLocation{base, base.substr(0, base.size() - 2) + "graphql"};
  }
  return ApiLocation{base, base + "/graphql"};
}

}  // namespace issuegraph::github
