// Where GitHub's API lives for a given issue host, or for --api-url. Issue
// URLs keep their public form whatever the API location (docs/architecture.md).
#pragma once

#include <string>
#include <string_view>

#include "model/error.h"

namespace issuegraph::github {

struct ApiLocation {
  std::string rest;     // base without a trailing slash: https://api.github.com
  std::string graphql;  // https://api.github.com/graphql
};

// github.com -> api.github.com; an Enterprise host -> https://HOST/api/v3.
ApiLocation ApiForHost(std::string_view web_host);

// --api-url / ISSUEGRAPH_API_URL: an http(s) base URL; GraphQL is URL/graphql
// except for Enterprise bases ending in /api/v3, whose GraphQL is /api/graphql.
Result<ApiLocation> ApiFromUrl(std::string_view url);

}  // namespace issuegraph::github
