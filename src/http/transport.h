// Transport moves HTTP requests and nothing more: no retries, no redirects
// followed, no knowledge of GitHub. CurlTransport is the real side; tests use
// a scripted fake. A Transport is used from one thread at a time.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/error.h"

namespace issuegraph::http {

struct Request {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The longest this request may take, when shorter than the transport's
  // own limit (what is left of a run's --timeout); zero: the transport's.
  std::chrono::milliseconds timeout{0};
};

struct Response {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;                            // decoded (gzip undone)
  int64_t wire_bytes = 0;                      // bytes received, before decoding

  // Empty when absent.
  std::string Header(const std::string& lower_name) const;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Performs the requests, at most max_in_flight at a time, and returns one
  // answer per request in the same order. A network failure is an error
  // value (kNetwork) for that request only.
  virtual std::vector<Result<Response>> PerformAll(const std::vector<Request>& requests) = 0;

  Result<Response> Perform(const Request& request);
};

}  // namespace issuegraph::http
