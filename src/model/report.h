// The analysed report: everything a renderer needs, already decided. Each
// extracted item carries the provenance of the text it came from. Produced
// by analyze/, consumed by render/; plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/graph.h"
#include "model/synthesis.h"

namespace issuegraph {

enum class SectionKind {
  kSummary,
  kErrorMessages,
  kReproduction,
  kEnvironment,
  kRootCause,
  kFix,
  kWorkaround,
  kCodeExamples,
  kLinkedPulls,
  kLinkedIssues,
  kDiscussion,  // maintainers' decisions and the latest word in the thread
};

std::string_view SectionKindName(SectionKind kind);   // JSON name: "error_messages"
std::string_view SectionTitle(SectionKind kind);      // heading: "Error messages"

struct ReportItem {
  std::string text;      // Markdown-free text, or code when `language` is set
  bool is_code = false;
  std::string language;  // fence info string for code items
  int occurrences = 1;   // how often the same text recurs in the thread
  Provenance source;
  // Presentation and trust, filled where the analysis knows them.
  std::string label;     // short lead-in ("Expected", "Merged fix #57"); empty if none
  int list_level = 0;    // 0: not a list item; 1: top-level item; 2: nested; ...
  std::string author;    // login of whoever wrote the source text
  std::string author_association;  // OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, ...
  int confirmations = 0;  // later replies by others saying it worked (workarounds)
};

struct Section {
  SectionKind kind = SectionKind::kSummary;
  std::vector<ReportItem> items;
};

// One row of the linked pulls or linked issues table.
struct LinkedItem {
  std::string key;
  std::string ref_text;   // OWNER/REPO#N, or #N in the root's repository
  std::string title;
  std::string url;
  NodeType type = NodeType::kIssue;
  NodeState state = NodeState::kOpen;
  std::string state_reason;
  std::string merged_at;
  std::string relation;   // "closes", "duplicate of", "mentioned by", ...
  std::string author;
  int depth = 0;
  bool fetched = true;    // false: known only as a reference
  bool draft = false;     // pulls: still a draft
  Provenance source;      // the edge that links it (the first edge on the path for depth > 1)
};

struct Report {
  // Header.
  IssueRef ref;
  NodeType type = NodeType::kIssue;
  std::string title;
  NodeState state = NodeState::kOpen;
  std::string state_reason;
  std::vector<std::string> labels;
  std::string author;
  std::string author_association;
  std::string created_at;
  std::string closed_at;
  std::string url;
  int64_t comment_count = 0;
  std::vector<std::string> participants;
  std::string status;  // one line, inferred from the graph
  Provenance status_source;  // what the status rests on (a merged pull, an event, a comment)
  std::vector<LinkedItem> linked_pulls;
  std::vector<LinkedItem> linked_issues;
  std::vector<Section> sections;  // text sections, in display order
  std::string original_text;      // root body, verbatim
  // The checked machine-written explanation, when one was asked for
  // (rendered first); nullopt: extractive only, as by default.
  std::optional<Synthesis> synthesis;
};

}  // namespace issuegraph
