// One chat completion from an OpenAI-compatible endpoint (llama.cpp's
// server, Ollama, vLLM, hosted APIs), through the project's HTTP client:
// its timeouts, retries of 5xx and network faults, and error kinds. The
// answer is asked for as a stream and read whole (a server that ignores
// `stream` answers plain JSON, read the same way); a stream that ends before
// the model finished is an error. The key goes only to the endpoint's
// origin and is never part of an error message. One call per object.
#pragma once

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "http/transport.h"
#include "model/clock.h"
#include "model/error.h"

namespace issuegraph::llm {

struct ChatOptions {
  std::string url;    // the chat-completions URL (see ChatUrl)
  std::string model;  // empty: not sent (llama.cpp's server needs none)
  std::string key;    // empty: no Authorization header
  std::chrono::seconds timeout{60};
  int max_retries = 1;
};

struct ChatAnswer {
  std::string content;
  std::string refusal;        // the server's refusal field, when it has one
  std::string finish_reason;  // "stop", "length", "content_filter", ...
  bool streamed = false;
};

// `base` may be the API's base ("http://host:8080/v1") or the full
// ".../chat/completions" URL; kInvalidInput unless http(s) with a host.
Result<std::string> ChatUrl(const std::string& base);

// The request body: messages, the answer's JSON schema as response_format
// when `schema` is not null, max_tokens, stream, temperature 0.
nlohmann::json ChatRequest(const ChatOptions& options, const std::string& system,
                           const std::string& user, int64_t max_tokens, const nlohmann::json& schema);

// Sends `body`. Errors: kNetwork (message says "timed out" for a timeout),
// kServer (5xx after retries), kUnauthorized, kNotFound, kInvalidInput
// (400: the server refused the request's shape), kProtocol (not an answer,
// or a stream cut short).
Result<ChatAnswer> Complete(http::Transport& transport, Clock& clock, const ChatOptions& options,
                            const nlohmann::json& body);

// The answer in a response body, streamed (server-sent events) or not.
Result<ChatAnswer> ParseChatBody(const std::string& body);

}  // namespace issuegraph::llm
