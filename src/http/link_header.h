// RFC 8288 Link headers as GitHub sends them for pagination:
// <https://…?page=2>; rel="next", <…>; rel="last". Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace issuegraph::http {

// The URL with the given rel ("next", "last", ...), or "" when absent.
std::string LinkWithRel(std::string_view header, std::string_view rel);

}  // namespace issuegraph::http
