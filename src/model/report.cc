#include "model/report.h"

namespace issuegraph {

std::string_view SectionKindName(SectionKind kind) {
  switch (kind) {
    case SectionKind::kSummary: return "summary";
    case SectionKind::kErrorMessages: return "error_messages";
    case SectionKind::kReproduction: return "reproduction";
    case SectionKind::kEnvironment: return "environment";
    case SectionKind::kRootCause: return "root_cause";
    case SectionKind::kFix: return "fix";
    case SectionKind::kWorkaround: return "workaround";
    case SectionKind::kCodeExamples: return "code_examples";
    case SectionKind::kLinkedPulls: return "linked_pulls";
    case SectionKind::kLinkedIssues: return "linked_issues";
    case SectionKind::kDiscussion: return "discussion";
  }
  return "summary";
}

std::string_view SectionTitle(SectionKind kind) {
  switch (kind) {
    case SectionKind::kSummary: return "Summary";
    case SectionKind::kErrorMessages: return "Error messages";
    case SectionKind::kReproduction: return "Reproduction";
    case SectionKind::kEnvironment: return "Environment";
    case SectionKind::kRootCause: return "Root cause";
    case SectionKind::kFix: return "Fix";
    case SectionKind::kWorkaround: return "Workarounds";
    case SectionKind::kCodeExamples: return "Code examples";
    case SectionKind::kLinkedPulls: return "Linked pull requests";
    case SectionKind::kLinkedIssues: return "Linked issues";
    case SectionKind::kDiscussion: return "Discussion highlights";
  }
  return "";
}

}  // namespace issuegraph
