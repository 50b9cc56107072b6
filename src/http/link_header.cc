#include "http/link_header.h"

namespace issuegraph::http {

std::string LinkWithRel(std::string_view header, std::string_view rel) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t open = header.find('<', pos);
    if (open == std::string_view::npos) break;
    size_t close = header.find('>', open);
    if (close == std::string_view::npos) break;
    std::string_view url = header.substr(open + 1, close - open - 1);
    size_t next = header.find('<', close);
    std::string_view params =
        header.substr(close + 1, (next == std::string_view::npos ? header.size() : next) - close - 1);
    // rel may list several space-separated values: rel="next last".
    size_t at = params.find("rel=");
    if (at != std::string_view::npos) {
      std::string_view value = params.substr(at + 4);
      if (!value.empty() && value.front() == '"') {
        value.remove_prefix(1);
        value = value.substr(0, value.find('"'));
      } else {
        value = value.substr(0, value.find_first_of(";, "));
      }
      size_t start = 0;
      while (start <= value.size()) {
        size_t space = value.find(' ', start);
        std::string_view one = value.substr(start, space == std::string_view::npos ? value.npos : space - start);
        if (one == rel) return std::string(url);
        if (space == std::string_view::npos) break;
        start = space + 1;
      }
    }
    pos = close + 1;
  }
  return "";
}

}  // namespace issuegraph::http
