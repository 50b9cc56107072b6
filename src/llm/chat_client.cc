#include "llm/chat_client.h"

#include "http/client.h"
#include "model/ascii.h"
#include "model/lines.h"

namespace issuegraph::llm {
namespace {

using nlohmann::json;

std::string StringAt(const json& object, const char* name) {
  if (!object.is_object()) return "";
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Result<ChatAnswer> ParsePlain(const json& parsed) {
  if (parsed.contains("error")) {
    return MakeError(ErrorKind::kServer, "the model server answered with an error instead of a completion");
  }
  const json& choices = parsed.value("choices", json::array());
  if (!choices.is_array() || choices.empty() || !choices[0].is_object()) {
    return MakeError(ErrorKind::kProtocol, "the model server's answer has no choices");
  }
  const json& message = choices[0].value("message", json::object());
  ChatAnswer answer;
  answer.content = StringAt(message, "content");
  answer.refusal = StringAt(message, "refusal");
  answer.finish_reason = StringAt(choices[0], "finish_reason");
  return answer;
}

Result<ChatAnswer> ParseStream(const std::string& body) {
  ChatAnswer answer;
  answer.streamed = true;
  bool done = false;
  for (std::string_view raw : Lines(body)) {
    const std::string_view line = WithoutCr(raw);
    if (!line.starts_with("data:")) continue;  // comments, event names, blank lines
    std::string_view data = line.substr(5);
    while (!data.empty() && data.front() == ' ') data.remove_prefix(1);
    if (data == "[DONE]") {
      done = true;
      break;
    }
    const json chunk = json::parse(data, nullptr, false);
    if (!chunk.is_object()) return MakeError(ErrorKind::kProtocol, "the model's stream held a chunk that is not JSON");
    if (chunk.contains("error")) {
      return MakeError(ErrorKind::kServer, "the model server reported an error in the middle of its answer");
    }
    const json& choices = chunk.value("choices", json::array());
    if (!choices.is_array() || choices.empty() || !choices[0].is_object()) continue;
    const json& delta = choices[0].value("delta", json::object());
    answer.content += StringAt(delta, "content");
    answer.refusal += StringAt(delta, "refusal");
    if (std::string reason = StringAt(choices[0], "finish_reason"); !reason.empty()) answer.finish_reason = reason;
  }
  if (!done && answer.finish_reason.empty()) {
    return MakeError(ErrorKind::kProtocol, "the model's answer stream ended before the model finished");
  }
  return answer;
}

}  // namespace

Result<std::string> ChatUrl(const std::string& base) {
  const std::string lower = LowerAscii(base);
  const bool http = lower.starts_with("http://") || lower.starts_with("https://");
  const std::string origin = http::Client::OriginOf(base);
  if (!http || origin.size() <= lower.find("://") + 3 || base.find_first_of(" \t\r\n") != std::string::npos) {
    return MakeError(ErrorKind::kInvalidInput,
                     "--llm needs an http(s) URL of an OpenAI-compatible API, such as "
                     "http://127.0.0.1:8080/v1 (llama.cpp) or http://127.0.0.1:11434/v1 (Ollama)");
  }
  std::string url = base;
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (LowerAscii(url).ends_with("/chat/completions")) return url;
  return url + "/chat/completions";
}

json ChatRequest(const ChatOptions& options, const std::string& system, const std::string& user,
                 int64_t max_tokens, const json& schema) {
  json body = {{"messages", json::array({{{"role", "system"}, {"content", system}},
                                         {{"role", "user"}, {"content", user}}})},
               {"temperature", 0},
               {"max_tokens", max_tokens},
               {"stream", true}};
  if (!options.model.empty()) body["model"] = options.model;
  if (!schema.is_null()) {
    body["response_format"] = {
        {"type", "json_schema"},
        {"json_schema", {{"name", "grounded_synthesis"}, {"strict", true}, {"schema", schema}}}};
  }
  return body;
}

Result<ChatAnswer> ParseChatBody(const std::string& body) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && body[first] == '{') {
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded()) return MakeError(ErrorKind::kProtocol, "the model server's answer is not JSON");
    return ParsePlain(parsed);
  }
  return ParseStream(body);
}

Result<ChatAnswer> Complete(http::Transport& transport, Clock& clock, const ChatOptions& options,
                            const json& body) {
  http::ClientOptions client_options;
  client_options.default_headers = {{"Accept", "text/event-stream, application/json"}};
  client_options.token = options.key;
  client_options.token_origin = http::Client::OriginOf(options.url);
  client_options.max_retries = options.max_retries;
  client_options.base_backoff = std::chrono::milliseconds(250);
  client_options.secondary_min_wait = std::chrono::milliseconds(1000);
  client_options.max_wait = options.timeout;
  http::Client client(transport, clock, client_options);
  auto response = client.Post(options.url, body.dump(-1, ' ', false, json::error_handler_t::replace));
  if (!response) {
    // The HTTP layer's words may name GitHub; say it of the model server.
    const Error& error = response.error();
    if (error.kind == ErrorKind::kServer) {
      return MakeError(ErrorKind::kServer, "the model server kept failing (5xx)");
    }
    if (error.message.find("timed out") != std::string::npos) {
      return MakeError(ErrorKind::kNetwork, "the model did not answer within --llm-timeout " +
                                                std::to_string(options.timeout.count()) + " s (timed out)");
    }
    return MakeError(error.kind, error.kind == ErrorKind::kRateLimited
                                     ? "the model server's rate limit stopped the request"
                                     : "the model server could not be reached");
  }
  const long status = response->status;
  if (status == 401 || status == 403) {
    return MakeError(ErrorKind::kUnauthorized, "the model server refused the request (HTTP " +
                                                   std::to_string(status) + "); check ISSUEGRAPH_LLM_KEY");
  }
  if (status == 404) {
    return MakeError(ErrorKind::kNotFound,
                     "the model server has no chat-completions endpoint at the --llm URL (HTTP 404)");
  }
  if (status == 400 || status == 422) {
    return MakeError(ErrorKind::kInvalidInput, "the model server rejected the request (HTTP " +
                                                   std::to_string(status) + ")");
  }
  if (status >= 300) {
    return MakeError(ErrorKind::kServer, "the model server answered HTTP " + std::to_string(status));
  }
  return ParseChatBody(response->body);
}

}  // namespace issuegraph::llm
