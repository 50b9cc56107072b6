// The MCP tools: issue_report, issue_graph, related_issues, issue_status.
// Each has an input JSON schema (and, from protocol 2025-06-18 on, an
// output schema its structuredContent follows); bad arguments and failed
// crawls are tool errors (isError) whose one sentence names the problem
// and the way out. Thread-safe: calls run concurrently over one service.
#pragma once

#include <atomic>
#include <expected>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "crawl/progress.h"
#include "mcp/reports.h"

namespace issuegraph::mcp {

// Protocol versions this server speaks, newest first.
inline constexpr std::string_view kProtocolVersions[] = {"2025-11-25", "2025-06-18", "2025-03-26",
                                                         "2024-11-05"};
// structuredContent, outputSchema and tool titles.
bool HasStructuredContent(std::string_view version);
// Tool annotations and the progress notification's message.
bool HasAnnotations(std::string_view version);

// Defaults a call gets when it leaves the argument out.
inline constexpr size_t kDefaultReportChars = 16000;
inline constexpr size_t kDefaultGraphChars = 40000;
inline constexpr size_t kMaxChars = 1000000;
inline constexpr int kDefaultRelated = 10;

struct ToolContext {
  std::string protocol_version;
  std::string client;                       // the caller's address ("" on stdio)
  crawl::Progress progress;                 // to the caller's progress token; may be empty
  const std::atomic<bool>* cancelled = nullptr;
};

// A JSON-RPC error (the call itself was wrong, e.g. an unknown tool).
struct RpcError {
  int code = -32603;
  std::string message;
};

// The `tools` array of tools/list for a protocol version.
nlohmann::json ToolList(std::string_view version, const ServiceOptions& options);

// The result of tools/call (`params`: name and arguments).
std::expected<nlohmann::json, RpcError> CallTool(ReportService& service, const nlohmann::json& params,
                                                 const ToolContext& context);

}  // namespace issuegraph::mcp
