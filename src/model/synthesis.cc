#include "model/synthesis.h"

#include <array>
#include <utility>

namespace issuegraph {
namespace {

constexpr std::array<std::pair<SynthesisKind, std::string_view>, 5> kNames = {{
    {SynthesisKind::kRootCause, "root_cause"},
    {SynthesisKind::kFix, "fix"},
    {SynthesisKind::kWorkaround, "workaround"},
    {SynthesisKind::kStatus, "status"},
    {SynthesisKind::kWhatToDo, "what_to_do"},
}};

}  // namespace

std::optional<SynthesisKind> SynthesisKindFromName(std::string_view name) {
  for (const auto& [kind, text] : kNames) {
    if (text == name) return kind;
  }
  return std::nullopt;
}

std::string_view SynthesisKindName(SynthesisKind kind) {
  for (const auto& [known, text] : kNames) {
    if (known == kind) return text;
  }
  return "status";
}

std::string_view SynthesisKindTitle(SynthesisKind kind) {
  switch (kind) {
    case SynthesisKind::kRootCause: return "Root cause";
    case SynthesisKind::kFix: return "Fix";
    case SynthesisKind::kWorkaround: return "Workaround";
    case SynthesisKind::kStatus: return "Status";
    case SynthesisKind::kWhatToDo: return "What to do";
  }
  return "";
}

int Synthesis::DroppedCount() const {
  int total = 0;
  for (const auto& [reason, count] : dropped) total += count;
  return total;
}

}  // namespace issuegraph
