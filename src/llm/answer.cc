#include "llm/answer.h"

#include <array>

#include <nlohmann/json.hpp>

#include "model/ascii.h"

namespace issuegraph::llm {
namespace {

using nlohmann::json;

std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Without a Markdown code fence around it, if there is one.
std::string_view Unfenced(std::string_view text) {
  text = Trim(text);
  if (!text.starts_with("```")) return text;
  const size_t line = text.find('\n');
  if (line == std::string_view::npos) return text;
  text.remove_prefix(line + 1);
  text = Trim(text);
  if (text.ends_with("```")) text.remove_suffix(3);
  return Trim(text);
}

Result<Answer> Malformed(const std::string& what) {
  return MakeError(ErrorKind::kProtocol, "the model's answer is not the JSON asked for: " + what);
}

}  // namespace

bool LooksLikeRefusal(std::string_view content) {
  const std::string lower = LowerAscii(Trim(content).substr(0, 200));
  static constexpr std::array<std::string_view, 8> kOpenings = {
      "i'm sorry", "i am sorry", "sorry,", "i can't", "i cannot", "i can not", "i won't", "i am unable"};
  for (std::string_view opening : kOpenings) {
    if (lower.starts_with(opening)) return true;
  }
  return false;
}

Result<Answer> ReadAnswer(std::string_view content) {
  const std::string_view text = Unfenced(content);
  if (text.empty()) return Malformed("it is empty");
  const json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return Malformed("it does not parse");
  if (!parsed.is_object()) return Malformed("it is not an object");
  Answer answer;
  const auto summary = parsed.find("summary");
  if (summary != parsed.end()) {
    if (!summary->is_string()) return Malformed("\"summary\" is not a string");
    answer.summary = summary->get<std::string>();
  }
  const auto sections = parsed.find("sections");
  if (sections == parsed.end() || !sections->is_array()) return Malformed("\"sections\" is not a list");
  for (const json& section : *sections) {
    if (!section.is_object()) return Malformed("a section is not an object");
    AnswerSection read;
    const auto kind = section.find("kind");
    if (kind == section.end() || !kind->is_string()) return Malformed("a section has no \"kind\"");
    read.kind = kind->get<std::string>();
    const auto sentences = section.find("sentences");
    if (sentences == section.end() || !sentences->is_array()) {
      return Malformed("a section has no \"sentences\" list");
    }
    for (const json& sentence : *sentences) {
      if (!sentence.is_object()) return Malformed("a sentence is not an object");
      const auto sentence_text = sentence.find("text");
      if (sentence_text == sentence.end() || !sentence_text->is_string()) {
        return Malformed("a sentence has no \"text\"");
      }
      AnswerSentence out;
      out.text = sentence_text->get<std::string>();
      const auto cites = sentence.find("cites");
      if (cites != sentence.end()) {
        if (!cites->is_array()) return Malformed("a sentence's \"cites\" is not a list");
        for (const json& cite : *cites) {
          if (!cite.is_string()) return Malformed("a cite is not a string");
          out.cites.push_back(cite.get<std::string>());
        }
      }
      read.sentences.push_back(std::move(out));
    }
    answer.sections.push_back(std::move(read));
  }
  return answer;
}

}  // namespace issuegraph::llm
