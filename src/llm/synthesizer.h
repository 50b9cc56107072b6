// The real Synthesizer: compacts the report and graph into a prompt
// (prompt.h), asks an OpenAI-compatible model once per unchanged content
// (answers are cached in the store by endpoint, model, prompt version and
// content hash), reads the answer by the contract (answer.h) and keeps only
// the sentences that pass the grounding check (grounding.h). A timeout, an
// error, a refusal, a malformed answer or more than half of the sentences
// failing gives the extractive report alone, with the reason. Thread-safe:
// each call has its own connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "app/synthesizer.h"
#include "model/error.h"

namespace issuegraph::llm {

struct LlmOptions {
  std::string url;    // --llm: the API base or the chat-completions URL
  std::string model;  // --llm-model
  std::string key;    // ISSUEGRAPH_LLM_KEY: sent to url's origin only, never stored or shown
  std::chrono::seconds timeout{60};
  int64_t context_tokens = 8192;
};

// kInvalidInput, naming the flag, for a URL that is not http(s), a timeout
// under one second or a budget under 2048 tokens.
Result<void> CheckLlmOptions(const LlmOptions& options);

class LlmSynthesizer : public app::Synthesizer {
 public:
  explicit LlmSynthesizer(LlmOptions options);

  std::string Identity() const override;
  Synthesis Synthesize(const Report& report, const Graph& graph, store::Store* store) override;

 private:
  LlmOptions options_;
  std::string endpoint_;  // the chat-completions URL
  // Failures of the last minute by content hash: a server's report job asks
  // for the same synthesis once per format, and a model that just timed out
  // is not asked again at once.
  std::mutex mutex_;
  std::map<std::string, std::pair<std::chrono::steady_clock::time_point, std::string>> recent_failures_;
};

}  // namespace issuegraph::llm
