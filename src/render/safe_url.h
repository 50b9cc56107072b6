// The one rule for putting an untrusted URL into a link, in every output:
// only http and https (the scheme in any case), and every byte that could
// end a Markdown link or an HTML attribute, or is not printable ASCII,
// percent-encoded. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace issuegraph::render {

// `url` safe to link to, or empty for any other scheme (javascript:, data:,
// relative and scheme-relative URLs). HTML still escapes '&' on output.
std::string SafeUrl(std::string_view url);

}  // namespace issuegraph::render
