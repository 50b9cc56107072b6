#include "http/transport.h"

namespace issuegraph::http {

std::string Response::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

Result<Response> Transport::Perform(const Request& request) {
  auto answers = PerformAll({request});
  return std::move(answers.front());
}

}  // namespace issuegraph::http
