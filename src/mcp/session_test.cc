#include "mcp/session.h"

#include <gtest/gtest.h>

namespace issuegraph::mcp {
namespace {

using nlohmann::json;

json Request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

class SessionTest : public ::testing::Test {
 protected:
  // No call here reaches a crawl: the service's store is never opened.
  ReportService service_{ServiceOptions{}};
  Session session_{service_, ""};
  json Send(const json& message) { return session_.Handle(message, {}).value_or(json()); }
};

TEST_F(SessionTest, NegotiatesTheClientsVersionOrItsNewest) {
  EXPECT_EQ(Send(Request(1, "initialize", {{"protocolVersion", "2025-03-26"}}))["result"]["protocolVersion"],
            "2025-03-26");
  EXPECT_EQ(Send(Request(2, "initialize", {{"protocolVersion", "2099-01-01"}}))["result"]["protocolVersion"],
            "2025-11-25");
}

TEST_F(SessionTest, ToolsNeedInitializeFirst) {
  EXPECT_EQ(Send(Request(1, "tools/list"))["error"]["code"], kInvalidRequest);
  EXPECT_EQ(Send(Request(2, "ping"))["result"], json::object());
}

TEST_F(SessionTest, OutputSchemasOnlyFrom2025_06_18) {
  Send(Request(1, "initialize", {{"protocolVersion", "2025-03-26"}}));
  const json older = Send(Request(2, "tools/list"));
  for (const auto& tool : older["result"]["tools"]) {
    EXPECT_FALSE(tool.contains("outputSchema")) << tool["name"];
    EXPECT_TRUE(tool.contains("annotations")) << tool["name"];
  }
  Send(Request(3, "initialize", {{"protocolVersion", "2025-06-18"}}));
  const json newer = Send(Request(4, "tools/list"));
  for (const auto& tool : newer["result"]["tools"]) {
    EXPECT_EQ(tool["outputSchema"]["type"], "object") << tool["name"];
  }
}

TEST_F(SessionTest, ErrorsAreJsonRpcErrorsAndToolErrors) {
  Send(Request(1, "initialize", {{"protocolVersion", "2025-06-18"}}));
  EXPECT_EQ(Send(Request(2, "tools/call", {{"name", "nope"}}))["error"]["code"], kInvalidParams);
  EXPECT_EQ(Send(Request(3, "prompts/list"))["error"]["code"], kMethodNotFound);
  EXPECT_EQ(Send(json::array())["error"]["code"], kInvalidRequest);
  EXPECT_EQ(Send({{"jsonrpc", "1.0"}, {"id", 4}, {"method", "ping"}})["error"]["code"], kInvalidRequest);
  json bad = Send(Request(5, "tools/call", {{"name", "issue_report"}, {"arguments", {{"ref", "a/b"}}}}));
  EXPECT_EQ(bad["result"]["isError"], true);
  EXPECT_NE(bad["result"]["content"][0]["text"].get<std::string>().find("'a/b'"), std::string::npos);
  json no_ref = Send(Request(6, "tools/call", {{"name", "issue_status"}, {"arguments", json::object()}}));
  EXPECT_EQ(no_ref["result"]["isError"], true);
  json depth = Send(Request(7, "tools/call", {{"name", "issue_graph"}, {"arguments", {{"ref", "a/b#1"}, {"depth", 1.5}}}}));
  EXPECT_EQ(depth["result"]["content"][0]["text"], "depth must be a whole number from 0 to 10; leave it out for 1");
}

TEST_F(SessionTest, NotificationsAndResponsesGetNoAnswer) {
  EXPECT_FALSE(session_.Handle({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}, {}).has_value());
  EXPECT_FALSE(session_.Handle({{"jsonrpc", "2.0"}, {"id", 9}, {"result", json::object()}}, {}).has_value());
}

}  // namespace
}  // namespace issuegraph::mcp
