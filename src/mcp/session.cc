#include "mcp/session.h"

#include <algorithm>

#include "mcp/tools.h"
#include "model/version.h"

namespace issuegraph::mcp {
namespace {

using nlohmann::json;

constexpr const char* kInstructions =
    "issuegraph reads a GitHub issue or pull request with everything linked to it (in its text, its "
    "comments and its timeline) and answers in one call. Start with issue_status to learn whether it is "
    "fixed and where; issue_report gives the whole story within max_chars; issue_graph the links with "
    "their sources; related_issues the stored reports most like it.";

bool ValidId(const json& id) { return id.is_string() || id.is_number_integer() || id.is_number_unsigned(); }

std::string IdKey(const json& id) { return id.dump(); }

}  // namespace

json ErrorResponse(const json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

Session::Session(ReportService& service, std::string client, Logger log)
    : service_(service), client_(std::move(client)), log_(std::move(log)) {}

bool Session::IsRequest(const json& message) {
  return message.is_object() && message.contains("method") && message.contains("id");
}

bool Session::IsSlow(const json& message) {
  return IsRequest(message) && message["method"] == "tools/call";
}

std::string Session::protocol_version() const {
  std::lock_guard lock(mutex_);
  return version_;
}

std::optional<json> Session::Handle(const json& message, const Notifier& notify) {
  if (!message.is_object()) {
    return ErrorResponse(nullptr, kInvalidRequest,
                         message.is_array() ? "batches are not taken; send one JSON-RPC message at a time"
                                            : "a JSON-RPC message must be an object");
  }
  const json id = message.contains("id") ? message["id"] : json(nullptr);
  if (message.value("jsonrpc", "") != "2.0") {
    return ErrorResponse(ValidId(id) ? id : json(nullptr), kInvalidRequest, "jsonrpc must be \"2.0\"");
  }
  if (!message.contains("method")) return std::nullopt;  // a response: this server asks nothing
  if (!message["method"].is_string()) return ErrorResponse(ValidId(id) ? id : json(nullptr), kInvalidRequest, "method must be a string");
  const std::string method = message["method"].get<std::string>();
  const json params = message.contains("params") ? message["params"] : json::object();

  if (!message.contains("id")) {  // a notification: never answered
    if (method == "notifications/cancelled") Cancel(params);
    return std::nullopt;
  }
  if (!ValidId(id)) return ErrorResponse(nullptr, kInvalidRequest, "id must be a string or an integer");
  if (!params.is_object()) return ErrorResponse(id, kInvalidParams, "params must be an object");

  if (method == "initialize") return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", Initialize(params)}};
  if (method == "ping") return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", json::object()}};
  const std::string version = protocol_version();
  if (version.empty()) return ErrorResponse(id, kInvalidRequest, "the session is not initialized; send initialize first");
  if (method == "tools/list") {
    return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", {{"tools", ToolList(version, service_.options())}}}};
  }
  if (method == "tools/call") return CallTool(id, params, notify);
  return ErrorResponse(id, kMethodNotFound, "method '" + method.substr(0, 60) + "' is not offered; this server has tools only");
}

json Session::Initialize(const json& params) {
  const std::string asked = params.contains("protocolVersion") && params["protocolVersion"].is_string()
                                ? params["protocolVersion"].get<std::string>()
                                : "";
  // The client's version when this server speaks it, else the newest.
  std::string chosen(kProtocolVersions[0]);
  for (std::string_view known : kProtocolVersions) {
    if (asked == known) chosen = asked;
  }
  {
    std::lock_guard lock(mutex_);
    version_ = chosen;
  }
  json info = {{"name", "issuegraph"}, {"version", std::string(kVersion)}};
  if (HasStructuredContent(chosen)) info["title"] = "issuegraph";
  return {{"protocolVersion", chosen},
          {"capabilities", {{"tools", {{"listChanged", false}}}}},
          {"serverInfo", info},
          {"instructions", kInstructions}};
}

void Session::Cancel(const json& params) {
  if (!params.is_object() || !params.contains("requestId")) return;
  std::lock_guard lock(mutex_);
  if (auto it = running_.find(IdKey(params["requestId"])); it != running_.end()) *it->second = true;
}

void Session::CancelAll() {
  std::lock_guard lock(mutex_);
  for (auto& [id, cancelled] : running_) *cancelled = true;
}

std::optional<json> Session::CallTool(const json& id, const json& params, const Notifier& notify) {
  auto cancelled = std::make_shared<std::atomic<bool>>(false);
  {
    std::lock_guard lock(mutex_);
    if (!running_.emplace(IdKey(id), cancelled).second) {
      return ErrorResponse(id, kInvalidRequest, "a request with this id is still running; use a new id");
    }
  }
  ToolContext context;
  context.protocol_version = protocol_version();
  context.client = client_;
  context.cancelled = cancelled.get();
  const json meta = params.contains("_meta") && params["_meta"].is_object() ? params["_meta"] : json::object();
  if (notify && meta.contains("progressToken") &&
      (meta["progressToken"].is_string() || meta["progressToken"].is_number_integer())) {
    const json token = meta["progressToken"];
    const json args = params.contains("arguments") && params["arguments"].is_object() ? params["arguments"] : json::object();
    const int depth = args.contains("depth") && args["depth"].is_number_integer() ? args["depth"].get<int>()
                                                                                   : service_.options().default_depth;
    const bool with_message = HasAnnotations(context.protocol_version);
    context.progress = [token, depth, with_message, notify](const crawl::LevelProgress& level) {
      json progress = {{"progressToken", token}, {"progress", level.depth + 1}, {"total", std::max(depth, level.depth) + 1}};
      if (with_message) {
        progress["message"] = "level " + std::to_string(level.depth) + ": " + std::to_string(level.nodes) +
                              " items, " + std::to_string(level.edges) + " links, " +
                              std::to_string(level.requests) + " requests";
      }
      notify({{"jsonrpc", "2.0"}, {"method", "notifications/progress"}, {"params", progress}});
    };
  }
  auto result = issuegraph::mcp::CallTool(service_, params, context);
  {
    std::lock_guard lock(mutex_);
    running_.erase(IdKey(id));
  }
  const std::string name = params.is_object() ? params.value("name", "") : "";
  if (*cancelled) {
    if (log_) log_("tools/call " + name.substr(0, 60) + " cancelled by the client");
    return std::nullopt;
  }
  if (!result) return ErrorResponse(id, result.error().code, result.error().message);
  if (log_ && result->value("isError", false)) {
    log_("tools/call " + name.substr(0, 60) + ": " + (*result)["content"][0].value("text", ""));
  }
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(*result)}};
}

}  // namespace issuegraph::mcp
