#include "analyze/cues.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <span>
#include <vector>

#include "analyze/cue_lists.h"
#include "analyze/error_lines.h"
#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

using S = CueSection;

constexpr CueRole kSectionRoles[] = {CueRole::kScoreRootCause, CueRole::kScoreFix,
                                     CueRole::kScoreWorkaround, CueRole::kScoreDuplicate};
static_assert(std::size(kSectionRoles) == static_cast<size_t>(S::kDuplicate) + 1);

// Rows a section may have: the room a sentence's matches need.
constexpr size_t kMaxSectionCues = 256;

// One section's rows, in table order, and their phrases as one set (the
// same order): a sentence is scored by one scan, not a search per row.
struct SectionCues {
  std::vector<Cue> cues;
  PhraseSet phrases;
};

// The scored rows of the cue table (cue_lists.h), as Cues: all of them in
// table order, and each section's.
struct ScoredCues {
  std::vector<Cue> all;
  std::vector<SectionCues> by_section;
};

const ScoredCues& Scored() {
  static const ScoredCues kScored = [] {
    ScoredCues scored;
    std::array<std::vector<Cue>, std::size(kSectionRoles)> cues;
    for (const CueListRow& row : CueListTable()) {
      if (!IsScored(row.role)) continue;
      const auto section = static_cast<size_t>(
          std::find(std::begin(kSectionRoles), std::end(kSectionRoles), row.role) -
          std::begin(kSectionRoles));
      const Cue cue{static_cast<S>(section), row.phrase, row.weight};
      scored.all.push_back(cue);
      cues[section].push_back(cue);
    }
    for (std::vector<Cue>& section : cues) {
      if (section.size() > kMaxSectionCues) std::abort();  // a table this long needs more room
      std::vector<std::string_view> phrases;
      for (const Cue& cue : section) phrases.push_back(cue.phrase);
      PhraseSet set = PhraseSet::Union({phrases});
      scored.by_section.push_back({std::move(section), std::move(set)});
    }
    return scored;
  }();
  return kScored;
}

const SectionCues& CuesOf(S section) { return Scored().by_section[static_cast<size_t>(section)]; }

// Calls `row(cue)` for each of the section's rows whose phrase `lower`
// holds (HasPhrase's rule), in the order first met.
template <typename Row>
void ForEachCueIn(S section, std::string_view lower, Row row) {
  const SectionCues& cues = CuesOf(section);
  std::array<uint32_t, kMaxSectionCues> found;
  const size_t count = cues.phrases.IndexesIn(lower, found);
  for (size_t i = 0; i < count; ++i) row(cues.cues[found[i]], found[i]);
}

// A short success report that points back instead of naming what it did:
// "That did it for me!", "this fixed it", "Worked for me".
bool RefersBack(std::string_view lower) {
  lower = TrimView(lower);
  for (std::string_view opening :
       {"that ", "this ", "it ", "did ", "worked", "works", "fixed it"}) {
    if (lower.starts_with(opening)) return true;
  }
  return false;
}

bool IsQuestion(std::string_view sentence) {
  sentence = TrimView(sentence);
  return sentence.ends_with('?');
}

// "Could you try downloading Gradle 5.2.1…?": advice asked as a question.
bool IsAdviceQuestion(std::string_view lower) {
  lower = TrimView(lower);
  // After a greeting ("Hi, could you…", "Hello @ana, can you…").
  constexpr size_t kMaxGreeting = 30;
  for (std::string_view greeting : {"hi", "hello", "hey"}) {
    if (!lower.starts_with(greeting)) continue;
    if (size_t comma = lower.find(", "); comma != std::string_view::npos && comma < kMaxGreeting) {
      lower = TrimView(lower.substr(comma + 1));
    }
    break;
  }
  return !OpeningOf(CueRole::kAdviceQuestion, lower).empty();
}

}  // namespace

// The positive phrases of each section, as one PhraseSet: a text in which
// none occurs cannot reach kCueAccept (vetoes only lower a score, and the
// maintainer's and the version's point need a positive cue).
const PhraseSet& CuePositives(CueSection section) {
  static const std::array<PhraseSet, 4> kSets = [] {
    std::array<std::vector<std::string_view>, 4> phrases;
    for (const Cue& cue : Scored().all) {
      if (cue.weight > 0) phrases[static_cast<size_t>(cue.section)].push_back(cue.phrase);
    }
    return std::array<PhraseSet, 4>{
        PhraseSet::Union({phrases[0]}), PhraseSet::Union({phrases[1]}),
        PhraseSet::Union({phrases[2]}), PhraseSet::Union({phrases[3]})};
  }();
  return kSets[static_cast<size_t>(section)];
}

std::span<const Cue> CueTable() { return Scored().all; }

int CueScore(CueSection section, std::string_view lower, bool maintainer) {
  if (IsQuestion(lower) && !(section == S::kWorkaround && IsAdviceQuestion(lower))) return 0;
  int score = 0;
  bool positive = false;
  ForEachCueIn(section, lower, [&](const Cue& cue, size_t) {
    score += cue.weight;
    positive = positive || cue.weight > 0;
  });
  if (positive && maintainer) ++score;
  // A release named with a fix ("1.3.1 is out").
  if (positive && section == S::kFix && !VersionIn(lower).empty()) ++score;
  // A reporter's guess states no cause (looked for only where it would).
  if (section == S::kRootCause && !maintainer && score >= kCueAccept &&
      Phrases(CueRole::kGuess).AnyIn(lower)) {
    return 0;
  }
  return score;
}

std::string_view StrongestCue(CueSection section, std::string_view lower) {
  // The weightiest; of equal ones, the first in table order.
  const Cue* best = nullptr;
  size_t best_index = 0;
  ForEachCueIn(section, lower, [&](const Cue& cue, size_t index) {
    if (cue.weight <= 0) return;
    if (best == nullptr || cue.weight > best->weight ||
        (cue.weight == best->weight && index < best_index)) {
      best = &cue;
      best_index = index;
    }
  });
  return best == nullptr ? std::string_view() : best->phrase;
}

std::vector<ReportItem> CueSentences(const Thread& thread, CueSection section, size_t limit) {
  std::vector<ReportItem> items;
  for (const Post& post : thread.posts) {
    if (items.size() >= limit) break;
    // One pass over the post for all the section's phrases before any
    // sentence is scored: most posts of a long thread have none.
    if (!Occurs(post, CueList(section))) continue;
    const bool maintainer = IsMaintainer(post.author_association);
    for (size_t i = 0; i < post.blocks.size() && items.size() < limit; ++i) {
      const text::Block& block = post.blocks[i];
      if (!IsProseBlock(block)) continue;
      std::string_view lower = LowerProse(post, i);
      // The same test for the block: a post's one cue is often in one of
      // its paragraphs.
      if (!CuePositives(section).AnyOccurs(lower)) continue;
      for (auto [begin, end] : SentenceRanges(lower)) {
        const std::string_view sentence = lower.substr(begin, end - begin);
        if (CueScore(section, sentence, maintainer) < kCueAccept) continue;
        // Which row made it an item, for whoever asks why it is there.
        const std::string_view cue = StrongestCue(section, sentence);
        // "did it for me!" after a quoted fix: the quote is what worked.
        // Its first command, not the whole quote. A short report that names
        // what it did ("Switching to 0.3.0 made it work.") is its own item.
        constexpr size_t kShortReport = 40;
        if (section == S::kWorkaround && end - begin < kShortReport && RefersBack(sentence)) {
          auto code = std::find_if(post.blocks.begin(), post.blocks.begin() + i, [](const text::Block& b) {
            return b.kind == text::BlockKind::kCode;
          });
          // With nothing above it to point at ("That did it for me."), it is
          // a reply about someone else's offer and names no workaround.
          if (code == post.blocks.begin() + i) continue;
          items.push_back(ItemFromBlock(post, *code));
          items.back().cue = cue;
          if (items.size() >= limit) break;
          continue;
        }
        ReportItem item = ItemFromBlock(post, block);
        // Advice goes on after its first sentence ("I'd suggest trying
        // without plugins. Move or rename the folder, restart…"): the
        // workaround is the rest of the paragraph.
        constexpr size_t kMaxAdvice = 500;
        size_t stop = section == S::kWorkaround ? std::min(block.text.size(), begin + kMaxAdvice) : end;
        item.text = CollapseSpaces(block.text.substr(begin, stop - begin));
        item.cue = cue;
        items.push_back(std::move(item));
        if (items.size() >= limit) break;
        // A fix is stated once in a paragraph; its other sentences retell
        // it ("…I had already fixed this. … we noticed I had fixed it").
        if (section == S::kFix) break;
      }
    }
  }
  return items;
}

void AddNewItems(std::vector<ReportItem> cued, std::vector<ReportItem>* items) {
  for (ReportItem& item : cued) {
    const std::string lower = LowerAscii(item.text);
    bool known = std::any_of(items->begin(), items->end(), [&](const ReportItem& old) {
      const std::string old_lower = LowerAscii(old.text);
      return old_lower.find(lower) != std::string::npos || lower.find(old_lower) != std::string::npos;
    });
    if (!known) items->push_back(std::move(item));
  }
}

void DropVetoed(CueSection section, std::vector<ReportItem>* items) {
  std::erase_if(*items, [&](const ReportItem& item) {
    // The failure itself (a traceback, "`ERROR in …`") is no remedy.
    if (section != S::kRootCause) {
      std::string_view text = TrimView(item.text);
      while (!text.empty() && text.front() == '`') text.remove_prefix(1);
      size_t nl = text.find('\n');
      if (IsErrorLine(text.substr(0, nl))) return true;
      if (item.is_code) {
        for (size_t at = 0; at < text.size();) {
          size_t end = std::min(text.find('\n', at), text.size());
          if (IsUnmistakableErrorLine(text.substr(at, end - at))) return true;
          at = end + 1;
        }
      }
    }
    if (item.is_code) return false;
    const std::string lower = LowerAscii(item.text);
    if (IsQuestion(lower) && !(section == S::kWorkaround && IsAdviceQuestion(lower))) return true;
    // Vetoes that outweigh the evidence: "+1", "didn't help".
    int score = 0;
    ForEachCueIn(section, lower, [&](const Cue& cue, size_t) { score += cue.weight; });
    return score < 0;
  });
}

}  // namespace issuegraph::analyze
