// The Streamable HTTP transport of MCP at /mcp on `issuegraph serve`:
// POST carries one JSON-RPC message; a request is answered with
// application/json, or for tools/call with text/event-stream (progress
// notifications, then the response) when the client accepts it;
// notifications get 202. initialize opens a session (Mcp-Session-Id);
// DELETE ends it; GET is 405 (no server-initiated stream). Browsers'
// pages from other origins are refused (Origin must be a loopback
// address), which also defeats DNS rebinding. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "mcp/reports.h"

namespace httplib {
class Server;
}

namespace issuegraph::mcp {

class Session;

class HttpEndpoint {
 public:
  static constexpr size_t kMaxSessions = 1000;
  static constexpr std::chrono::hours kSessionIdle{1};

  explicit HttpEndpoint(ServiceOptions options);
  ~HttpEndpoint();
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  // Registers /mcp's routes; call before the server's catch-all routes.
  void Mount(httplib::Server& server);

  ReportService& service() { return *service_; }

 private:
  struct Entry;
  std::shared_ptr<Entry> Open(const std::string& client, std::string* id);
  std::shared_ptr<Entry> Find(const std::string& id);
  bool Close(const std::string& id);

  std::unique_ptr<ReportService> service_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> sessions_;
};

}  // namespace issuegraph::mcp
