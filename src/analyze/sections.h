// Section detection: what a heading is about, decided by synonym phrases over
// its words (any heading level, bold-only paragraphs and "Label:" lines of
// issue templates), and which blocks of a post fall under which heading.
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/markdown.h"

namespace issuegraph::analyze {

enum class Topic {
  kNone,     // no heading above, or a heading we do not recognise
  kHeading,  // the heading block itself
  kOther,    // a recognised heading we do not report ("Additional context")
  kSummary,
  kReproduction,
  kExpected,
  kActual,
  kEnvironment,
  kLogs,  // error messages, logs, stack traces
  kRootCause,
  kFix,
  kWorkaround,
};

// The topic a heading's text names, by the longest synonym phrase found in
// its words (ties go to the more specific topic); kNone when none matches.
Topic ClassifyHeading(std::string_view heading);

// A paragraph that opens with a short label and a colon ("Workaround: run
// X", "Expected:"): the label's topic and the text after the colon.
struct LabelLine {
  Topic topic = Topic::kNone;
  std::string label;  // as written, without the colon
  std::string rest;   // trimmed text after the colon; may be empty
};
LabelLine SplitLabel(std::string_view paragraph);

// The topic of every block: a recognised heading rules the blocks below it
// until a heading of the same or a higher level, or another recognised
// heading; an unrecognised deeper heading stays inside the current section.
// A label line with no text after the colon acts as a lowest-level heading;
// one with text is in its own topic. Heading blocks get kHeading.
std::vector<Topic> AssignTopics(std::span<const text::Block> blocks);
// AssignTopics, appending to `topics`.
void AppendTopics(std::span<const text::Block> blocks, std::vector<Topic>& topics);

}  // namespace issuegraph::analyze
