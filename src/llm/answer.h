// The model's message read by the output contract:
// {"summary": "...", "sections": [{"kind": "...", "sentences": [{"text":
// "...", "cites": ["<id>", ...]}]}]}. Reading checks shape only; whether a
// sentence may be shown is grounding.h's question. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"

namespace issuegraph::llm {

struct AnswerSentence {
  std::string text;
  std::vector<std::string> cites;
};

struct AnswerSection {
  std::string kind;  // as the model wrote it; unknown kinds are the checker's to drop
  std::vector<AnswerSentence> sentences;
};

struct Answer {
  std::string summary;
  std::vector<AnswerSection> sections;
};

// kProtocol, naming what is wrong, when the message is not one JSON object
// of that shape. A ```json fence around it is tolerated.
Result<Answer> ReadAnswer(std::string_view content);

// True when a message that is not the JSON asked for reads as the model
// declining ("I'm sorry, I can't ...").
bool LooksLikeRefusal(std::string_view content);

}  // namespace issuegraph::llm
