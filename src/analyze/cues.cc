#include "analyze/cues.h"

#include <algorithm>
#include <array>

#include "analyze/error_lines.h"
#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

using S = CueSection;

// The reviewed table. Weight 2 states the fact alone; weight 1 needs a
// second cue or a maintainer's voice; negative weights rule a sentence out.
constexpr std::array kCues = std::to_array<Cue>({
    // Root cause stated as a fact.
    {S::kRootCause, "this happens because", 3},
    {S::kRootCause, "happens because", 2},
    {S::kRootCause, "it happens when", 2},
    {S::kRootCause, "this happens when", 2},
    {S::kRootCause, "is caused by", 2},
    {S::kRootCause, "was caused by", 2},
    {S::kRootCause, "is due to", 2},
    {S::kRootCause, "that's because", 2},
    {S::kRootCause, "this is because", 2},
    {S::kRootCause, "the problem is", 2},
    {S::kRootCause, "the issue is", 2},
    {S::kRootCause, "is the problem", 2},
    {S::kRootCause, "is a problem with", 2},
    {S::kRootCause, "a problem with", 1},
    {S::kRootCause, "that's a problem with", 2},
    {S::kRootCause, "is not supported on", 2},
    {S::kRootCause, "isn't supported on", 2},
    {S::kRootCause, "turns out", 2},
    {S::kRootCause, "what causes this", 2},
    {S::kRootCause, "that causes", 2},
    {S::kRootCause, "suspiciously like", 2},
    {S::kRootCause, "doesn't handle", 1},
    {S::kRootCause, "didn't like", 1},
    {S::kRootCause, "it was an", 1},
    {S::kRootCause, "there's a comma", 2},
    {S::kRootCause, "not linked properly", 1},
    // A request or a guess is no cause.
    {S::kRootCause, "please send", -3},
    {S::kRootCause, "please provide", -3},
    {S::kRootCause, "more information", -3},
    {S::kRootCause, "more info", -3},
    {S::kRootCause, "many things", -3},
    {S::kRootCause, "not sure", -3},
    {S::kRootCause, "no idea", -3},
    {S::kRootCause, "any idea", -3},
    {S::kRootCause, "could be something", -3},
    {S::kRootCause, "a reproduction", -3},
    {S::kRootCause, "can't reproduce", -3},
    // A fix stated in words.
    {S::kFix, "fixed in", 2},
    {S::kFix, "is fixed", 2},
    {S::kFix, "fixed with", 2},
    {S::kFix, "added a fix", 2},
    {S::kFix, "pushed a fix", 2},
    {S::kFix, "fix is on its way", 2},
    {S::kFix, "fix is in", 2},
    {S::kFix, "fixed upstream", 2},
    {S::kFix, "released in", 2},
    {S::kFix, "resolved in", 2},
    {S::kFix, "solved on", 2},
    {S::kFix, "solved in", 2},
    {S::kFix, "is out", 1},
    {S::kFix, "fixed", 1},
    {S::kFix, "need to ship", 2},
    {S::kFix, "needs to be rebuilt", 2},
    {S::kFix, "taken out of", 2},
    {S::kFix, "to fix this", 1},
    {S::kFix, "can't reproduce", -3},
    {S::kFix, "cannot reproduce", -3},
    {S::kFix, "until i can reproduce", -3},
    {S::kFix, "not fixed", -3},
    {S::kFix, "still broken", -3},
    {S::kFix, "maybe i should", -3},
    {S::kFix, "the fix from", -3},
    // A workaround, often told as a success.
    {S::kWorkaround, "did the trick", 2},
    {S::kWorkaround, "did it for me", 2},
    {S::kWorkaround, "fixed it for me", 2},
    {S::kWorkaround, "worked for me", 2},
    {S::kWorkaround, "works for me", 2},
    {S::kWorkaround, "got it working", 2},
    {S::kWorkaround, "now it works", 2},
    {S::kWorkaround, "it works now", 2},
    {S::kWorkaround, "solved it by", 2},
    {S::kWorkaround, "fixed it by", 2},
    {S::kWorkaround, "managed to fix", 2},
    {S::kWorkaround, "go back to", 2},
    {S::kWorkaround, "downgrade to", 2},
    {S::kWorkaround, "try downloading", 2},
    {S::kWorkaround, "try compiling", 2},
    {S::kWorkaround, "you could try", 2},
    {S::kWorkaround, "you can try", 2},
    {S::kWorkaround, "suggest trying", 2},
    {S::kWorkaround, "my workaround", 2},
    {S::kWorkaround, "as a workaround", 2},
    {S::kWorkaround, "install again", 1},
    {S::kWorkaround, "fixes it", 1},
    {S::kWorkaround, "adding", 1},
    {S::kWorkaround, "without errors", 1},
    {S::kWorkaround, "after i", 1},
    {S::kWorkaround, "rm -rf", 1},
    {S::kWorkaround, "rename your", 1},
    {S::kWorkaround, "forgotten to delete", 1},
    {S::kWorkaround, "forgot to delete", 1},
    {S::kWorkaround, "\xe6\x94\xb9\xe6\x88\x90", 2},  // "change it to", in Chinese
    {S::kWorkaround, "didn't help", -2},
    {S::kWorkaround, "did not help", -2},
    {S::kWorkaround, "didn't work", -2},
    {S::kWorkaround, "did not work", -2},
    {S::kWorkaround, "doesn't work", -2},
    {S::kWorkaround, "doesn't run", -2},
    {S::kWorkaround, "not work for me", -2},
    {S::kWorkaround, "same here", -2},
    {S::kWorkaround, "same error", -2},
    {S::kWorkaround, "same problem", -2},
    {S::kWorkaround, "same issue", -2},
    {S::kWorkaround, "+1", -2},
    {S::kWorkaround, "ditto", -2},
    {S::kWorkaround, "any idea", -2},
    {S::kWorkaround, "any solution", -2},
    {S::kWorkaround, "send me", -2},
    {S::kWorkaround, "still there", -2},
    {S::kWorkaround, "still broken", -2},
    {S::kWorkaround, "i hit the same", -2},
    {S::kWorkaround, "don't know", -2},
    {S::kWorkaround, "same os", -2},
    {S::kWorkaround, "side-effects", -2},
    {S::kWorkaround, "side effects", -2},
    // A duplicate stated in words.
    {S::kDuplicate, "duplicate of", 2},
    {S::kDuplicate, "this duplicates", 2},
    {S::kDuplicate, "duplicates #", 2},
    {S::kDuplicate, "in favor of", 2},
    {S::kDuplicate, "in favour of", 2},
    {S::kDuplicate, "dupe of", 2},
    {S::kDuplicate, "likely", -3},
    {S::kDuplicate, "probably", -3},
    {S::kDuplicate, "maybe", -3},
    {S::kDuplicate, "might", -3},
    {S::kDuplicate, "not a duplicate", -5},
});

bool IsQuestion(std::string_view sentence) {
  sentence = TrimView(sentence);
  return sentence.ends_with('?');
}

// "Could you try downloading Gradle 5.2.1…?": advice asked as a question.
bool IsAdviceQuestion(std::string_view lower) {
  lower = TrimView(lower);
  for (std::string_view opening : {"could you try", "can you try", "could you also try",
                                   "have you tried", "maybe try"}) {
    if (lower.starts_with(opening)) return true;
  }
  return false;
}

}  // namespace

// The positive phrases of each section, as one PhraseSet: a text in which
// none occurs cannot reach kCueAccept (vetoes only lower a score, and the
// maintainer's and the version's point need a positive cue).
const PhraseSet& CuePositives(CueSection section) {
  static const std::array<PhraseSet, 4> kSets = [] {
    std::array<std::vector<std::string_view>, 4> phrases;
    for (const Cue& cue : kCues) {
      if (cue.weight > 0) phrases[static_cast<size_t>(cue.section)].push_back(cue.phrase);
    }
    return std::array<PhraseSet, 4>{
        PhraseSet::Union({phrases[0]}), PhraseSet::Union({phrases[1]}),
        PhraseSet::Union({phrases[2]}), PhraseSet::Union({phrases[3]})};
  }();
  return kSets[static_cast<size_t>(section)];
}


std::span<const Cue> CueTable() { return kCues; }

int CueScore(CueSection section, std::string_view lower, bool maintainer) {
  if (IsQuestion(lower) && !(section == S::kWorkaround && IsAdviceQuestion(lower))) return 0;
  int score = 0;
  bool positive = false;
  for (const Cue& cue : kCues) {
    if (cue.section != section || !HasPhrase(lower, cue.phrase)) continue;
    score += cue.weight;
    positive = positive || cue.weight > 0;
  }
  if (positive && maintainer) ++score;
  // A release named with a fix ("1.3.1 is out").
  if (positive && section == S::kFix && !VersionIn(lower).empty()) ++score;
  return score;
}

std::string_view StrongestCue(CueSection section, std::string_view lower) {
  const Cue* best = nullptr;
  for (const Cue& cue : kCues) {
    if (cue.section != section || cue.weight <= 0 || !HasPhrase(lower, cue.phrase)) continue;
    if (best == nullptr || cue.weight > best->weight) best = &cue;
  }
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
      for (auto [begin, end] : SentenceRanges(lower)) {
        const std::string_view sentence = lower.substr(begin, end - begin);
        if (CueScore(section, sentence, maintainer) < kCueAccept) continue;
        // Which row made it an item, for whoever asks why it is there.
        const std::string_view cue = StrongestCue(section, sentence);
        // "did it for me!" after a quoted fix: the quote is what worked.
        // Its first command, not the whole quote.
        constexpr size_t kShortReport = 40;
        if (section == S::kWorkaround && end - begin < kShortReport) {
          auto code = std::find_if(post.blocks.begin(), post.blocks.begin() + i, [](const text::Block& b) {
            return b.kind == text::BlockKind::kCode;
          });
          if (code != post.blocks.begin() + i) {
            items.push_back(ItemFromBlock(post, *code));
            items.back().cue = cue;
            if (items.size() >= limit) break;
            continue;
          }
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
    for (const Cue& cue : kCues) {
      if (cue.section == section && HasPhrase(lower, cue.phrase)) score += cue.weight;
    }
    return score < 0;
  });
}

}  // namespace issuegraph::analyze
