#include "analyze/sections.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

struct Synonym {
  std::string_view words;  // normalised: lower-case words separated by one space
  Topic topic;
};

// Ties between phrases of equal length go to the earlier entry, so the
// specific topics come first ("Fix / Workaround" is a workaround section).
constexpr std::array kSynonyms = {
    // Headings that end a section but are not reported.
    Synonym{"additional context", Topic::kOther},
    Synonym{"additional information", Topic::kOther},
    Synonym{"additional info", Topic::kOther},
    Synonym{"additional notes", Topic::kOther},
    Synonym{"why this matters", Topic::kOther},
    Synonym{"alternatives", Topic::kOther},
    Synonym{"alternatives considered", Topic::kOther},
    Synonym{"describe alternatives you ve considered", Topic::kOther},
    Synonym{"screenshots", Topic::kOther},
    Synonym{"screenshot", Topic::kOther},
    Synonym{"checklist", Topic::kOther},
    Synonym{"related", Topic::kOther},
    Synonym{"references", Topic::kOther},
    Synonym{"notes", Topic::kOther},
    Synonym{"code of conduct", Topic::kOther},
    Synonym{"anything else", Topic::kOther},
    Synonym{"before submitting", Topic::kOther},
    Synonym{"prerequisites", Topic::kOther},
    // Workarounds.
    Synonym{"workaround", Topic::kWorkaround},
    Synonym{"workarounds", Topic::kWorkaround},
    Synonym{"work around", Topic::kWorkaround},
    Synonym{"temporary fix", Topic::kWorkaround},
    Synonym{"temporary solution", Topic::kWorkaround},
    Synonym{"quick fix", Topic::kWorkaround},
    Synonym{"mitigation", Topic::kWorkaround},
    Synonym{"mitigations", Topic::kWorkaround},
    // Root cause.
    Synonym{"root cause", Topic::kRootCause},
    Synonym{"root causes", Topic::kRootCause},
    Synonym{"cause", Topic::kRootCause},
    Synonym{"causes", Topic::kRootCause},
    Synonym{"analysis", Topic::kRootCause},
    Synonym{"investigation", Topic::kRootCause},
    Synonym{"diagnosis", Topic::kRootCause},
    Synonym{"explanation", Topic::kRootCause},
    Synonym{"technical details", Topic::kRootCause},
    Synonym{"why it happens", Topic::kRootCause},
    Synonym{"why this happens", Topic::kRootCause},
    // Expected and actual behaviour.
    Synonym{"expected", Topic::kExpected},
    Synonym{"expected behavior", Topic::kExpected},
    Synonym{"expected behaviour", Topic::kExpected},
    Synonym{"expected result", Topic::kExpected},
    Synonym{"expected results", Topic::kExpected},
    Synonym{"expected outcome", Topic::kExpected},
    Synonym{"expected output", Topic::kExpected},
    Synonym{"what did you expect", Topic::kExpected},
    Synonym{"what you expected", Topic::kExpected},
    Synonym{"desired behavior", Topic::kExpected},
    Synonym{"desired behaviour", Topic::kExpected},
    Synonym{"actual", Topic::kActual},
    Synonym{"actual behavior", Topic::kActual},
    Synonym{"actual behaviour", Topic::kActual},
    Synonym{"actual result", Topic::kActual},
    Synonym{"actual results", Topic::kActual},
    Synonym{"actual output", Topic::kActual},
    Synonym{"what actually happened", Topic::kActual},
    Synonym{"what happens instead", Topic::kActual},
    Synonym{"what happened instead", Topic::kActual},
    Synonym{"current behavior", Topic::kActual},
    Synonym{"current behaviour", Topic::kActual},
    Synonym{"observed behavior", Topic::kActual},
    Synonym{"observed behaviour", Topic::kActual},
    // Reproduction.
    Synonym{"steps to reproduce", Topic::kReproduction},
    Synonym{"to reproduce", Topic::kReproduction},
    Synonym{"how to reproduce", Topic::kReproduction},
    Synonym{"reproduce", Topic::kReproduction},
    Synonym{"reproduction", Topic::kReproduction},
    Synonym{"reproduction steps", Topic::kReproduction},
    Synonym{"repro", Topic::kReproduction},
    Synonym{"repro steps", Topic::kReproduction},
    Synonym{"reproducer", Topic::kReproduction},
    Synonym{"minimal reproduction", Topic::kReproduction},
    Synonym{"minimal reproducible example", Topic::kReproduction},
    Synonym{"reproducible example", Topic::kReproduction},
    Synonym{"reproducible demo", Topic::kReproduction},
    Synonym{"mre", Topic::kReproduction},
    Synonym{"mcve", Topic::kReproduction},
    Synonym{"steps", Topic::kReproduction},
    Synonym{"test case", Topic::kReproduction},
    // Environment.
    Synonym{"environment", Topic::kEnvironment},
    Synonym{"your environment", Topic::kEnvironment},
    Synonym{"environment details", Topic::kEnvironment},
    Synonym{"system info", Topic::kEnvironment},
    Synonym{"system information", Topic::kEnvironment},
    Synonym{"system details", Topic::kEnvironment},
    Synonym{"versions", Topic::kEnvironment},
    Synonym{"version", Topic::kEnvironment},
    Synonym{"platform", Topic::kEnvironment},
    Synonym{"platforms", Topic::kEnvironment},
    Synonym{"os", Topic::kEnvironment},
    Synonym{"operating system", Topic::kEnvironment},
    Synonym{"runtime", Topic::kEnvironment},
    Synonym{"setup", Topic::kEnvironment},
    Synonym{"desktop", Topic::kEnvironment},
    Synonym{"smartphone", Topic::kEnvironment},
    Synonym{"browser", Topic::kEnvironment},
    Synonym{"build info", Topic::kEnvironment},
    // Error messages and logs.
    Synonym{"error", Topic::kLogs},
    Synonym{"errors", Topic::kLogs},
    Synonym{"error message", Topic::kLogs},
    Synonym{"error messages", Topic::kLogs},
    Synonym{"error output", Topic::kLogs},
    Synonym{"logs", Topic::kLogs},
    Synonym{"log", Topic::kLogs},
    Synonym{"log output", Topic::kLogs},
    Synonym{"relevant log output", Topic::kLogs},
    Synonym{"stack trace", Topic::kLogs},
    Synonym{"stacktrace", Topic::kLogs},
    Synonym{"traceback", Topic::kLogs},
    Synonym{"backtrace", Topic::kLogs},
    Synonym{"crash log", Topic::kLogs},
    Synonym{"console output", Topic::kLogs},
    Synonym{"output", Topic::kLogs},
    // Fixes, proposed or done.
    Synonym{"fix", Topic::kFix},
    Synonym{"fixes", Topic::kFix},
    Synonym{"proposed fix", Topic::kFix},
    Synonym{"possible fix", Topic::kFix},
    Synonym{"suggested fix", Topic::kFix},
    Synonym{"how to fix", Topic::kFix},
    Synonym{"fix action", Topic::kFix},
    Synonym{"solution", Topic::kFix},
    Synonym{"proposed solution", Topic::kFix},
    Synonym{"possible solution", Topic::kFix},
    Synonym{"suggested solution", Topic::kFix},
    Synonym{"proposal", Topic::kFix},
    Synonym{"proposed change", Topic::kFix},
    Synonym{"proposed changes", Topic::kFix},
    Synonym{"suggested change", Topic::kFix},
    Synonym{"resolution", Topic::kFix},
    Synonym{"remedy", Topic::kFix},
    // The reporter's own account.
    Synonym{"summary", Topic::kSummary},
    Synonym{"description", Topic::kSummary},
    Synonym{"bug description", Topic::kSummary},
    Synonym{"describe the bug", Topic::kSummary},
    Synonym{"describe the issue", Topic::kSummary},
    Synonym{"describe the problem", Topic::kSummary},
    Synonym{"problem", Topic::kSummary},
    Synonym{"problem description", Topic::kSummary},
    Synonym{"problem statement", Topic::kSummary},
    Synonym{"issue description", Topic::kSummary},
    Synonym{"overview", Topic::kSummary},
    Synonym{"what happened", Topic::kSummary},
    Synonym{"what happens", Topic::kSummary},
    Synonym{"tl dr", Topic::kSummary},
    Synonym{"tldr", Topic::kSummary},
    Synonym{"context", Topic::kSummary},
    Synonym{"background", Topic::kSummary},
    Synonym{"bug", Topic::kSummary},
    Synonym{"bug report", Topic::kSummary},
    Synonym{"motivation", Topic::kSummary},
    Synonym{"question", Topic::kSummary},
    Synonym{"feature request", Topic::kSummary},
    Synonym{"is your feature request related to a problem", Topic::kSummary},
};

size_t WordCount(std::string_view words) {
  size_t count = words.empty() ? 0 : 1;
  for (char c : words) count += c == ' ' ? 1 : 0;
  return count;
}

// Longer headings are sentences, not section names; their topic is read
// only from phrases of two or more words.
constexpr size_t kMaxHeadingWords = 12;

// A label line longer than this needs a synonym of two or more words.
constexpr size_t kMaxGenericLabelWords = 3;

bool IsReportedTopic(Topic topic) { return topic != Topic::kNone && topic != Topic::kHeading; }

// The synonyms by their words, to look up each run of a heading's words
// instead of searching the heading for every synonym.
struct SynonymIndex {
  std::unordered_map<std::string_view, size_t> by_words;  // first entry of those words
  size_t max_words = 0;
};

const SynonymIndex& Synonyms() {
  static const SynonymIndex index = [] {
    SynonymIndex built;
    for (size_t i = 0; i < kSynonyms.size(); ++i) {
      built.by_words.emplace(kSynonyms[i].words, i);
      built.max_words = std::max(built.max_words, WordCount(kSynonyms[i].words));
    }
    return built;
  }();
  return index;
}

// The best synonym of a heading: its topic, how many words it has and how
// many words the heading has.
struct HeadingMatch {
  Topic topic = Topic::kNone;
  size_t synonym_words = 0;
  size_t heading_words = 0;
};

// MatchHeading over words already normalised (NormalizeWords).
HeadingMatch MatchWords(std::string_view words) {
  if (words.empty()) return {};
  size_t heading_words = WordCount(words);
  bool long_heading = heading_words > kMaxHeadingWords;
  const SynonymIndex& index = Synonyms();
  // The longest synonym that occurs as whole words; of equally long ones,
  // the first in kSynonyms. Normalised words are separated by one space.
  size_t best = kSynonyms.size();
  size_t best_words = 0;
  for (size_t begin = 0, first = 0; begin < words.size(); ++first) {
    size_t longest = std::min(index.max_words, heading_words - first);
    size_t end = begin;  // of the run of `count` words from `begin`
    for (size_t count = 1; count <= longest; ++count) {
      end = std::min(words.find(' ', end + (count > 1 ? 1 : 0)), words.size());
      if (count < best_words || (long_heading && count < 2)) continue;
      auto it = index.by_words.find(words.substr(begin, end - begin));
      if (it == index.by_words.end()) continue;
      if (count > best_words || it->second < best) {
        best = it->second;
        best_words = count;
      }
    }
    begin = std::min(words.find(' ', begin), words.size()) + 1;
  }
  if (best == kSynonyms.size()) return {Topic::kNone, 0, heading_words};
  return {kSynonyms[best].topic, best_words, heading_words};
}

HeadingMatch MatchHeading(std::string_view heading) { return MatchWords(NormalizeWords(heading)); }

// SplitLabel without copying the label and the rest out.
struct LabelView {
  Topic topic = Topic::kNone;
  std::string_view label;
  std::string_view rest;
};

LabelView FindLabel(std::string_view paragraph) {
  LabelView line;
  // A label is a few words at the start of the paragraph, never a URL's scheme.
  constexpr size_t kMaxLabel = 40;
  size_t colon = paragraph.substr(0, kMaxLabel + 1).find(':');
  if (colon == std::string_view::npos || colon == 0) return line;
  if (paragraph.substr(colon).starts_with("://")) return line;
  std::string_view label = TrimView(paragraph.substr(0, colon));
  if (label.empty()) return line;
  std::string words = NormalizeWords(label);
  if (WordCount(words) > 5) return line;
  if (label.find('\n') != std::string_view::npos) return line;
  HeadingMatch match = MatchWords(words);
  Topic topic = match.topic;
  if (!IsReportedTopic(topic)) return line;
  // "Output after about a day:" introduces data, not a log section: in a
  // longer label one generic word is not enough; workaround and cause are
  // specific enough on their own.
  if (match.heading_words > kMaxGenericLabelWords && match.synonym_words == 1 &&
      topic != Topic::kWorkaround && topic != Topic::kRootCause) {
    return line;
  }
  std::string_view rest = TrimView(paragraph.substr(colon + 1));
  // "Question about the workaround: does it last?" asks; it is not content.
  if (!rest.empty() && SentenceAt(rest, 0).ends_with('?')) return line;
  // "Fixes: #6" is a reference in a template, not a section.
  if (IsOnlyReferences(rest, /*allow_keywords=*/true)) return line;
  line.topic = topic;
  line.label = label;
  line.rest = rest;
  return line;
}

}  // namespace

Topic ClassifyHeading(std::string_view heading) { return MatchHeading(heading).topic; }

LabelLine SplitLabel(std::string_view paragraph) {
  LabelView view = FindLabel(paragraph);
  LabelLine line;
  line.topic = view.topic;
  line.label = std::string(view.label);
  line.rest = std::string(view.rest);
  return line;
}

std::vector<Topic> AssignTopics(std::span<const text::Block> blocks) {
  std::vector<Topic> topics;
  AppendTopics(blocks, topics);
  return topics;
}

void AppendTopics(std::span<const text::Block> blocks, std::vector<Topic>& out) {
  constexpr int kLowest = 7;  // below every real heading level
  const size_t first = out.size();
  out.resize(first + blocks.size(), Topic::kNone);
  auto topics = std::span<Topic>(out).subspan(first);
  Topic current = Topic::kNone;
  int current_level = 0;  // 0: no heading seen yet
  // A label alone over a list ("Steps to reproduce:" then "1. …") names the
  // list: its section ends with it, and what was current before comes back.
  bool label_over_list = false;
  Topic before_label = Topic::kNone;
  int before_level = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const text::Block& block = blocks[i];
    if (label_over_list && block.kind != text::BlockKind::kListItem &&
        block.kind != text::BlockKind::kCode) {
      label_over_list = false;
      current = before_label;
      current_level = before_level;
    }
    if (block.kind == text::BlockKind::kHeading) {
      label_over_list = false;
      topics[i] = Topic::kHeading;
      Topic topic = ClassifyHeading(block.text);
      int level = block.level > 0 ? block.level : kLowest;
      if (topic != Topic::kNone || current_level == 0 || level <= current_level) {
        // An unrecognised heading at the same or a higher level still ends
        // the section above it.
        current = topic == Topic::kNone ? Topic::kOther : topic;
        current_level = level;
      }
      continue;
    }
    if (block.kind == text::BlockKind::kParagraph) {
      LabelView label = FindLabel(block.text);
      if (label.topic != Topic::kNone) {
        if (label.rest.empty()) {
          topics[i] = Topic::kHeading;
          if (i + 1 < blocks.size() && blocks[i + 1].kind == text::BlockKind::kListItem &&
              !label_over_list) {
            label_over_list = true;
            before_label = current;
            before_level = current_level;
          }
          current = label.topic;
          current_level = kLowest;
        } else {
          topics[i] = label.topic;
        }
        continue;
      }
    }
    topics[i] = current;
  }
}

}  // namespace issuegraph::analyze
