// The analysed report: everything a renderer needs, already decided. Each
// extracted item carries the provenance of the text it came from. Produced
// by analyze/, consumed by render/; plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  int list_number = 0;   // a numbered list item's number as written ("3." is 3); 0 for bullets
  std::string author;    // login of whoever wrote the source text
  std::string author_association;  // OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, ...
  int confirmations = 0;  // later replies by others saying it worked (workarounds)
  // Prose items: the [begin, end) ranges of `text` the writer marked as
  // inline code, in order; rendered as code, not as plain words.
  std::vector<std::pair<size_t, size_t>> code_spans;
  // Workarounds: why a later reply says it is no longer needed ("not needed
  // after upgrading to 2.6.2"); empty while it still applies.
  std::string obsolete;
  // What made it an item (root cause, fix, workaround, an answer line):
  // the cue table's phrase its sentence holds ("did the trick"), or
  // "rule:ID" for a rule of the analysis, with the phrase that decided it
  // when a list did ("rule:cause-phrase (caused by)"). Empty when unknown.
  // Shown in JSON only, to explain a report, not to read it.
  std::string cue;
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
  std::string full_ref;   // OWNER/REPO#N always, as nodes[].ref spells it
  std::string relation;   // words from the root's side: "duplicate of #40", "#133 is a duplicate of this"
  std::string relation_kind;  // stable enum: "closed_by", "duplicate_of", ... (analyze/linked.h)
  std::string via;        // relation_kind "via": OWNER/REPO#N of the node it was reached through
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
  // The first screen's answer (TL;DR): "Status", "Fixed in" (when a release
  // is known), "What to do", each sourced to the statement it rests on.
  std::vector<ReportItem> answer;
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
