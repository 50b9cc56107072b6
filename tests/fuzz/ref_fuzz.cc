// libFuzzer target: what users and pages paste. Issue references and URLs,
// --api-url values and the server's permalinks must never crash, and a
// parsed reference must keep its invariants (a valid owner and repository,
// a positive number, a key that parses back to the same item).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "github/api_location.h"
#include "model/issue_ref.h"
#include "serve/permalink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto ref = issuegraph::ParseIssueRef(input)) {
    if (ref->number <= 0 || !issuegraph::IsValidOwner(ref->owner) || !issuegraph::IsValidRepoName(ref->repo)) {
      __builtin_trap();
    }
    auto again = issuegraph::RefFromKey(ref->Key(), ref->host);
    if (!again || again->Key() != ref->Key()) __builtin_trap();
    // A permalink made from it reads back as the same item.
    const std::string link = issuegraph::serve::Permalink(*ref, false);
    auto path = issuegraph::serve::ParsePermalink(link);
    if (!path || path->ref.Key() != ref->Key()) __builtin_trap();
  }
  if (auto api = issuegraph::github::ApiFromUrl(input)) {
    // Never a user or password in the authority, never a byte a header or
    // a log line could be split by.
    const std::string& rest = api->rest;
    const size_t host = rest.find("://") + 3;
    const std::string authority = rest.substr(host, rest.find('/', host) - host);
    if (api->graphql.empty() || authority.empty() || authority.find('@') != std::string::npos) __builtin_trap();
    for (char c : rest) {
      if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) __builtin_trap();
    }
  }
  (void)issuegraph::serve::ParsePermalink(input);
  return 0;
}
