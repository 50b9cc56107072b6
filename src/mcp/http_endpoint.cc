#include "mcp/http_endpoint.h"

#include <httplib.h>

#include "app/random_id.h"
#include "mcp/session.h"
#include "mcp/tools.h"
#include "model/ascii.h"

namespace issuegraph::mcp {
namespace {

using nlohmann::json;

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

void SendRpcError(httplib::Response& res, int status, int code, const std::string& message) {
  res.status = status;
  res.set_content(Dump(ErrorResponse(nullptr, code, message)), "application/json");
}

// No Origin (not a browser), or a page served from this machine.
bool LoopbackOrigin(const httplib::Request& req) {
  if (!req.has_header("Origin")) return true;
  std::string origin = LowerAscii(req.get_header_value("Origin"));
  const size_t scheme = origin.find("://");
  if (scheme == std::string::npos) return false;  // "null" and the like
  std::string host = origin.substr(scheme + 3);
  if (host.starts_with("[")) {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

bool Accepts(const httplib::Request& req, std::string_view type) {
  const std::string accept = LowerAscii(req.get_header_value("Accept"));
  return accept.empty() || accept.find(type) != std::string::npos || accept.find("*/*") != std::string::npos;
}

bool KnownVersion(std::string_view version) {
  for (std::string_view known : kProtocolVersions) {
    if (version == known) return true;
  }
  return false;
}

}  // namespace

struct HttpEndpoint::Entry {
  Entry(ReportService& service, const std::string& client) : session(service, client) {}
  Session session;
  std::chrono::steady_clock::time_point used = std::chrono::steady_clock::now();
};

HttpEndpoint::HttpEndpoint(ServiceOptions options)
    : service_(std::make_unique<ReportService>(std::move(options))) {}

HttpEndpoint::~HttpEndpoint() = default;

std::shared_ptr<HttpEndpoint::Entry> HttpEndpoint::Open(const std::string& client, std::string* id) {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    it = now - it->second->used > kSessionIdle ? sessions_.erase(it) : std::next(it);
  }
  if (sessions_.size() >= kMaxSessions) {
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(),
                                   [](const auto& a, const auto& b) { return a.second->used < b.second->used; });
    sessions_.erase(oldest);
  }
  *id = app::RandomId();
  auto entry = std::make_shared<Entry>(*service_, client);
  sessions_.emplace(*id, entry);
  return entry;
}

std::shared_ptr<HttpEndpoint::Entry> HttpEndpoint::Find(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return nullptr;
  it->second->used = std::chrono::steady_clock::now();
  return it->second;
}

bool HttpEndpoint::Close(const std::string& id) {
  std::lock_guard lock(mutex_);
  return sessions_.erase(id) > 0;
}

void HttpEndpoint::Mount(httplib::Server& server) {
  server.Post("/mcp", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    if (!LoopbackOrigin(req)) {
      return SendRpcError(res, 403, kInvalidRequest,
                          "requests from web pages of other origins are refused; call /mcp from an MCP client");
    }
    if (!LowerAscii(req.get_header_value("Content-Type")).starts_with("application/json")) {
      return SendRpcError(res, 415, kInvalidRequest, "send the JSON-RPC message as Content-Type: application/json");
    }
    if (!Accepts(req, "application/json") && !Accepts(req, "text/event-stream")) {
      return SendRpcError(res, 406, kInvalidRequest, "accept application/json and text/event-stream");
    }
    json message = json::parse(req.body, nullptr, false);
    if (message.is_discarded()) {
      return SendRpcError(res, 400, kParseError, "the body is not JSON; send one JSON-RPC message");
    }
    std::shared_ptr<Entry> entry;
    const bool initialize = message.is_object() && message.value("method", json()) == "initialize";
    if (initialize) {
      std::string id;
      entry = Open(req.remote_addr, &id);
      res.set_header("Mcp-Session-Id", id);
    } else {
      const std::string id = req.get_header_value("Mcp-Session-Id");
      if (id.empty()) return SendRpcError(res, 400, kInvalidRequest, "Mcp-Session-Id is missing; send initialize first");
      entry = Find(id);
      if (!entry) return SendRpcError(res, 404, kInvalidRequest, "no such session (it ended or expired); initialize again");
      const std::string version = req.get_header_value("MCP-Protocol-Version");
      if (!version.empty() && !KnownVersion(version)) {
        return SendRpcError(res, 400, kInvalidRequest, "MCP-Protocol-Version " + version.substr(0, 20) + " is not spoken here");
      }
    }
    if (!Session::IsRequest(message)) {
      auto answer = entry->session.Handle(message, {});
      if (answer) {
        res.status = 400;
        res.set_content(Dump(*answer), "application/json");
      } else {
        res.status = 202;
      }
      return;
    }
    if (Session::IsSlow(message) && Accepts(req, "text/event-stream")) {
      // Progress, then the response, as server-sent events.
      auto write_mutex = std::make_shared<std::mutex>();
      res.set_header("X-Accel-Buffering", "no");
      res.set_chunked_content_provider(
          "text/event-stream", [entry, message, write_mutex](size_t, httplib::DataSink& sink) {
            auto send = [&sink, write_mutex](const json& event) {
              const std::string chunk = "event: message\ndata: " + Dump(event) + "\n\n";
              std::lock_guard lock(*write_mutex);
              if (sink.is_writable()) sink.write(chunk.data(), chunk.size());
            };
            if (auto answer = entry->session.Handle(message, send)) send(*answer);
            sink.done();
            return true;
          });
      return;
    }
    auto answer = entry->session.Handle(message, {});
    if (!answer) {
      res.status = 202;  // a cancelled call
      return;
    }
    res.set_content(Dump(*answer), "application/json");
  });
  server.Delete("/mcp", [this](const httplib::Request& req, httplib::Response& res) {
    if (!LoopbackOrigin(req)) {
      return SendRpcError(res, 403, kInvalidRequest, "requests from web pages of other origins are refused");
    }
    if (!Close(req.get_header_value("Mcp-Session-Id"))) {
      return SendRpcError(res, 404, kInvalidRequest, "no such session");
    }
    res.status = 200;
  });
  server.Get("/mcp", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "POST, DELETE");
    SendRpcError(res, 405, kInvalidRequest, "this endpoint opens no stream of its own; POST JSON-RPC messages");
  });
}

}  // namespace issuegraph::mcp
