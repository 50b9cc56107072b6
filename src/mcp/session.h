// One MCP client's conversation, whatever carries it (stdio or Streamable
// HTTP): JSON-RPC 2.0 messages in, responses and notifications out.
// Handles initialize (protocol version negotiation), ping, tools/list,
// tools/call (with progress to the caller's progressToken) and
// notifications/cancelled (the cancelled call sends no response).
// Thread-safe: a transport may handle several requests at once.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "mcp/reports.h"

namespace issuegraph::mcp {

// Sends one JSON-RPC notification to the client, now.
using Notifier = std::function<void(const nlohmann::json&)>;
// A line for the operator's log (stderr); never for the client.
using Logger = std::function<void(const std::string&)>;

// JSON-RPC error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;

nlohmann::json ErrorResponse(const nlohmann::json& id, int code, const std::string& message);

class Session {
 public:
  Session(ReportService& service, std::string client, Logger log = {});

  // The response to `message`, or nullopt when there is none to send (a
  // notification, a response, a cancelled request).
  std::optional<nlohmann::json> Handle(const nlohmann::json& message, const Notifier& notify);

  // A request that may take long (tools/call): a transport reading a
  // stream runs it off the reading thread, so a cancellation can arrive.
  static bool IsSlow(const nlohmann::json& message);
  // A JSON-RPC request (it has a method and an id), not a notification or response.
  static bool IsRequest(const nlohmann::json& message);

  std::string protocol_version() const;
  // Cancels every call in progress (the transport is closing).
  void CancelAll();

 private:
  nlohmann::json Initialize(const nlohmann::json& params);
  std::optional<nlohmann::json> CallTool(const nlohmann::json& id, const nlohmann::json& params,
                                         const Notifier& notify);
  void Cancel(const nlohmann::json& params);

  ReportService& service_;
  const std::string client_;
  Logger log_;
  mutable std::mutex mutex_;
  std::string version_;  // "" until initialize
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> running_;  // request id -> cancelled
};

}  // namespace issuegraph::mcp
