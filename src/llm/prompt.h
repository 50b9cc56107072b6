// The request a synthesis sends: fixed instructions (system) and the
// analysed report and its sources (user), compacted to a token budget with
// the most informative items first — the extracted lines, the linked items,
// the root's text, maintainers' comments, then the rest of the graph. Each
// item sits in a delimited data block under its stable id; issue text can
// neither close a block nor pose as instructions. Pure and deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "llm/sources.h"
#include "model/error.h"
#include "model/report.h"

namespace issuegraph::llm {

// Bumped whenever the instructions or the layout change: cached answers
// to another version are not used.
inline constexpr int kPromptVersion = 1;

struct Prompt {
  std::string system;
  std::string user;
  int64_t tokens = 0;         // estimated, system and user together
  int64_t answer_tokens = 0;  // kept free for the answer (the request's max_tokens)
  size_t blocks_sent = 0;
  size_t blocks_cut = 0;      // sent shortened
  size_t blocks_left_out = 0;
  std::vector<std::string> sent_ids;  // sources the model saw text of, in order
};

// A token estimate on the safe side of common tokenizers: one token per
// three bytes of UTF-8.
int64_t EstimateTokens(std::string_view text);

// kInvalidInput when the budget cannot hold even the report's header.
Result<Prompt> BuildPrompt(const Report& report, const Graph& graph, const SourceIndex& sources,
                           int64_t context_tokens);

// The JSON schema of the answer (the output contract), for servers that
// take a response_format.
nlohmann::json AnswerSchema();

}  // namespace issuegraph::llm
