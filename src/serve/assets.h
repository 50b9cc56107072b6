// The static files of the site, compiled into the binary (no CDN, no
// install directory): the site's style sheet, the report's (render/html's)
// and one small script for live progress, copy-link and votes. Every page
// reads without the script. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace issuegraph::serve {

struct Asset {
  std::string_view content_type;
  std::string_view body;
};

// The asset served at `path` ("/static/site.css", ...), if any.
std::optional<Asset> FindAsset(std::string_view path);

}  // namespace issuegraph::serve
