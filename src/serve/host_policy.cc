#include "serve/host_policy.h"
#include "model/ascii.h"

#include <algorithm>
#include <cctype>

namespace issuegraph::serve {
namespace {

// The authority of a URL-looking input ("host[:port]" with any userinfo),
// empty for OWNER/REPO#N.
std::string_view Authority(std::string_view text) {
  std::string_view rest = text;
  if (size_t scheme = rest.find("://"); scheme != std::string_view::npos) {
    rest = rest.substr(scheme + 3);
  } else {
    // Pasted without a scheme: "github.com/o/r/issues/1". OWNER/REPO#N has
    // no dot or colon or @ before its first slash.
    size_t slash = rest.find('/');
    std::string_view first = rest.substr(0, slash);
    if (first.find_first_of(".:@[") == std::string_view::npos) return {};
  }
  return rest.substr(0, rest.find_first_of("/?#\\"));
}

bool IsIpLiteral(std::string_view host) {
  if (host.empty()) return false;
  if (host.front() == '[') return true;  // IPv6
  // Dotted or not, decimal, octal or hex: a host of digits, dots and x
  // (plus a-f after 0x) is an address to some resolver.
  const bool numeric_start = std::isdigit(static_cast<unsigned char>(host.front()));
  const bool all_numeric = std::all_of(host.begin(), host.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'x' || c == 'X';
  });
  const std::string_view last = host.substr(host.rfind('.') == std::string_view::npos ? 0 : host.rfind('.') + 1);
  const bool numeric_label =
      !last.empty() && std::all_of(last.begin(), last.end(),
                                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  return (numeric_start && all_numeric) || numeric_label;
}

Error Refused(std::string_view input, std::string_view why) {
  std::string shown(input.substr(0, 200));
  return Error{ErrorKind::kInvalidInput,
               "'" + shown + "' " + std::string(why) +
                   "; paste a github.com issue or pull request URL, or OWNER/REPO#N"};
}

}  // namespace

Result<std::string> HostPolicy::CheckAllowedHost(std::string_view host) {
  std::string lower = LowerAscii(host);
  const bool name_chars = !lower.empty() && lower.size() <= 253 &&
                          std::all_of(lower.begin(), lower.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
                          });
  if (!name_chars || IsIpLiteral(lower) || lower.front() == '.' || lower.front() == '-') {
    return MakeError(ErrorKind::kInvalidInput,
                     "--allow-host '" + std::string(host.substr(0, 100)) +
                         "' is not a host name; give a DNS name such as github.example.com, "
                         "without scheme, port or path");
  }
  return lower;
}

bool HostPolicy::Allows(std::string_view host) const {
  std::string lower = LowerAscii(host);
  return lower == kPublicHost || allowed_.contains(lower);
}

Result<IssueRef> HostPolicy::Parse(std::string_view input) const {
  std::string_view text = input;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  const std::string_view authority = Authority(text);
  if (!authority.empty()) {
    if (authority.find('@') != std::string_view::npos) {
      return std::unexpected(Refused(input, "holds a user name or password before the host"));
    }
    std::string_view host = authority;
    if (host.front() != '[' && host.find(':') != std::string_view::npos) {
      return std::unexpected(Refused(input, "names a port; only the standard HTTPS port is allowed"));
    }
    if (IsIpLiteral(host)) {
      return std::unexpected(Refused(input, "names an IP address; only github.com may be crawled"));
    }
    std::string lower = LowerAscii(host);
    if (lower.starts_with("www.")) lower.erase(0, 4);
    if (!Allows(lower)) {
      return std::unexpected(Refused(
          input, "is not on github.com" +
                     std::string(allowed_.empty() ? "" : " or an Enterprise host this server allows")));
    }
  }
  auto ref = ParseIssueRef(text);
  if (!ref) return ref;
  // ParseIssueRef reached the same verdict on the host; checked again on
  // its result so that no other reading of the text slips through.
  if (!Allows(ref->host)) return std::unexpected(Refused(input, "is not on an allowed host"));
  return ref;
}

}  // namespace issuegraph::serve
