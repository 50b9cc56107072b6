// A machine-written explanation of a report, already checked against the
// sources: only the sentences that passed the grounding check are here,
// each with the ids of the items it cites; what was dropped is counted by
// reason. When the check or the model failed, `fallback` says why in one
// line and there are no sentences. Produced by llm/, rendered by render/;
// plain values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace issuegraph {

enum class SynthesisKind { kRootCause, kFix, kWorkaround, kStatus, kWhatToDo };

// The contract's name ("root_cause", "what_to_do"); nullopt for others.
std::optional<SynthesisKind> SynthesisKindFromName(std::string_view name);
std::string_view SynthesisKindName(SynthesisKind kind);
std::string_view SynthesisKindTitle(SynthesisKind kind);  // "Root cause", "What to do"

// The label every output puts on the synthesis.
inline constexpr std::string_view kSynthesisLabel = "machine-written, checked against the sources";

// One item a sentence rests on: its stable id ("acme/skiff#120",
// "acme/skiff#120/c/3") and the page a reader can open.
struct Citation {
  std::string id;
  std::string url;
};

struct SynthesisSentence {
  std::string text;
  std::vector<Citation> cites;
};

struct SynthesisSection {
  SynthesisKind kind = SynthesisKind::kStatus;
  std::vector<SynthesisSentence> sentences;
};

struct Synthesis {
  std::string model;
  int prompt_version = 0;
  bool cached = false;      // the model's answer came from the store
  std::string fallback;     // non-empty: no synthesis, and this is why (one line)
  std::string summary;      // empty when it failed the check
  std::vector<SynthesisSection> sections;
  int checked = 0;          // sentences checked, the summary included
  int kept = 0;
  std::map<std::string, int> dropped;  // reason -> sentences ("unknown_reference", ...)
  int64_t prompt_tokens = 0;   // estimated size of what was sent
  int64_t context_tokens = 0;  // the budget it was compacted to
  int64_t wall_ms = 0;         // time the synthesis added to the report

  int DroppedCount() const;
};

}  // namespace issuegraph
