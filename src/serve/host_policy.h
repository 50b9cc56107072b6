// Which issues the server may crawl: github.com and the Enterprise hosts
// the operator allowed (--allow-host), named by a plain host name. Pasted
// text is hostile, so anything else is refused before a request is made,
// with a sentence saying why: IP literals, user@host, explicit ports,
// other hosts, other schemes. Pure; thread-safe.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "model/error.h"
#include "model/issue_ref.h"

namespace issuegraph::serve {

class HostPolicy {
 public:
  // `allowed`: Enterprise hosts besides github.com (lower case, no port).
  explicit HostPolicy(std::set<std::string> allowed = {}) : allowed_(std::move(allowed)) {}

  // Checks an --allow-host value: a DNS name, not an IP literal or a URL.
  static Result<std::string> CheckAllowedHost(std::string_view host);

  // Parses what a visitor pasted (every form the CLI takes) and refuses a
  // host the server may not reach (kInvalidInput).
  Result<IssueRef> Parse(std::string_view input) const;
  bool Allows(std::string_view host) const;

 private:
  std::set<std::string> allowed_;
};

}  // namespace issuegraph::serve
