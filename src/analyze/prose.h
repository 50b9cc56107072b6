// Small text helpers the analysis shares: case folding, phrase matching on
// word boundaries, whitespace clean-up and sentence-aware trimming. Pure
// functions over UTF-8 strings (only ASCII is case-folded); thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/ascii.h"
#include "model/issue_ref.h"

namespace issuegraph::analyze {

// Lower-cases ASCII letters and turns every run of characters that are not
// ASCII letters or digits into one space, trimmed: "Steps to Reproduce:" ->
// "steps to reproduce". Non-ASCII bytes (emoji, accents) count as separators.
std::string NormalizeWords(std::string_view text);

// True when `phrase` (already normalised) occurs in `normalized` as whole words.
bool HasWords(std::string_view normalized, std::string_view phrase);

// True when any phrase occurs in `lower` (lower-cased text) starting and
// ending on a word boundary; punctuation inside phrases is matched as written.
bool HasPhrase(std::string_view lower, std::string_view phrase);
bool HasAnyPhrase(std::string_view lower, std::initializer_list<std::string_view> phrases);
bool HasAnyPhrase(std::string_view lower, std::span<const std::string_view> phrases);

// A fixed list of phrases matched in one pass over a text, with HasPhrase's
// rule, instead of one search per phrase. Built once (a function-local
// static) and shared; matching is thread-safe.
class PhraseSet {
 public:
  PhraseSet(std::initializer_list<std::string_view> phrases);
  // The phrases of several lists, to rule a text out with one pass for all:
  // PhraseSet::Union({kOfferWords, kMeanwhileWords}).
  static PhraseSet Union(std::initializer_list<std::span<const std::string_view>> lists);

  // HasAnyPhrase(lower, phrases()).
  bool AnyIn(std::string_view lower) const;
  // Whether any phrase occurs in `lower` at all, word boundaries or not: a
  // quick test that rules most texts out before a finer one.
  bool AnyOccurs(std::string_view lower) const;
  // How many different phrases occur in `lower`, with HasPhrase's rule.
  size_t CountDistinctIn(std::string_view lower) const;
  // The indexes (into phrases()) of the different phrases that occur in
  // `lower` with HasPhrase's rule, in the order first met, into `out`;
  // how many. `out` needs room for every phrase of the set.
  size_t IndexesIn(std::string_view lower, std::span<uint32_t> out) const;

  const std::vector<std::string>& phrases() const { return phrases_; }

 private:
  friend class PhraseLists;
  PhraseSet();
  void Add(std::string_view phrase);
  void Seal();  // after the last Add: builds the table of heads
  size_t HeadSlotOf(uint32_t head) const;
  template <typename Accept>
  bool Scan(std::string_view text, Accept accept) const;
  template <typename Accept>
  bool Match(std::string_view text, size_t i, Accept& accept) const;

  std::vector<std::string> phrases_;
  // Phrases of four bytes or more by their first four bytes (Seal), and
  // the shorter ones by their first byte (indices into phrases_).
  struct HeadSlot {
    uint32_t head = 0;
    uint32_t begin = 0;  // into head_indices_
    uint32_t count = 0;  // 0: an empty slot
    // Bit NextBit(bytes 4 to 7) of each of its phrases, or every bit when
    // one is shorter than eight bytes: "the " opens phrases and much of
    // prose, and one bit test spares comparing them all there.
    uint64_t next = 0;
  };
  std::vector<HeadSlot> head_slots_;
  std::vector<uint32_t> head_indices_;
  unsigned head_shift_ = 31;
  std::array<std::vector<uint32_t>, 256> short_by_first_byte_;
  std::array<std::vector<uint32_t>, 256> by_first_byte_;  // indices into phrases_
  std::array<bool, 256> first_byte_{};                    // some phrase opens with this byte
  std::array<bool, 256> one_byte_{};                      // a one-byte phrase is this byte
  bool has_one_byte_ = false;
  bool has_short_ = false;         // a phrase of two or three bytes
  std::vector<uint64_t> bigrams_;  // bit Bigram("ab"): some phrase opens with "ab"
  // Bit Bigram("ab"): some phrase of two or three bytes opens with "ab".
  std::vector<uint64_t> short_bigrams_;
  // Bit QuadHash(first four bytes) of every phrase of four bytes or more: a
  // second, finer test before comparing phrases.
  std::vector<uint64_t> quads_;
  // Bit QuadHash(bytes 1 to 4) of every phrase, when all have five bytes
  // or more (empty otherwise): every copy of one then holds, at an even
  // offset into the text, its first four bytes or the four after them, so
  // only every other position needs reading.
  std::vector<uint64_t> second_quads_;
};

// Several PhraseSets searched in one pass: which of them has a phrase
// occurring in a text (AnyOccurs's rule for each, bit i for list i). A
// long thread's posts are each read once for every list the analysis
// tests them against, not once per list. At most 32 lists.
class PhraseLists {
 public:
  explicit PhraseLists(std::initializer_list<const PhraseSet*> lists)
      : PhraseLists(std::span<const PhraseSet* const>(lists.begin(), lists.size())) {}
  explicit PhraseLists(std::span<const PhraseSet* const> lists);
  uint32_t Occurring(std::string_view lower) const;

 private:
  PhraseSet all_;
  std::vector<uint32_t> masks_;  // per phrase of all_: the lists that hold it
  uint32_t every_ = 0;
};

std::string_view TrimView(std::string_view text);
std::string CollapseSpaces(std::string_view text);

// Cuts `text` to at most about `limit` bytes, at the last sentence end that
// keeps at least a third of the limit, else at a word boundary with "…".
// Never splits a UTF-8 sequence.
std::string TrimToSentence(std::string_view text, size_t limit);

// The sentence of `text` that contains byte offset `at`.
std::string_view SentenceAt(std::string_view text, size_t at);

// The [begin, end) byte ranges of the sentences of `text`, in order, split
// as SentenceAt splits (". ", "! ", "? " and line ends), blanks trimmed and
// empty sentences left out; found one at a time as a loop asks for them
// (a loop that stops early splits no further), nothing allocated.
class SentenceRangeView {
 public:
  class iterator {
   public:
    using value_type = std::pair<size_t, size_t>;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(std::string_view text, size_t from) : text_(text), next_(from) { Advance(); }
    value_type operator*() const { return current_; }
    iterator& operator++() {
      Advance();
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      Advance();
      return old;
    }
    bool operator==(std::default_sentinel_t) const { return done_; }

   private:
    void Advance();
    std::string_view text_;
    size_t next_ = 0;  // where the next sentence's search starts; past the end when done
    value_type current_{};
    bool done_ = true;
  };

  explicit SentenceRangeView(std::string_view text) : text_(text) {}
  iterator begin() const { return iterator(text_, 0); }
  std::default_sentinel_t end() const { return {}; }
  bool empty() const { return begin() == std::default_sentinel; }

 private:
  std::string_view text_;
};

inline SentenceRangeView SentenceRanges(std::string_view text) { return SentenceRangeView(text); }

// Whether one of `cues` occurs in `lower` (HasPhrase's rule) in a sentence
// that states it rather than asks: "Is there a workaround?" holds none.
bool StatesCue(std::string_view lower, const PhraseSet& cues);

// True when `text` holds nothing but references (#N, GH-N, OWNER/REPO#N,
// issue or pull URLs), separated by commas, "and" or the closing keywords
// (fixes, closes, resolves… when `allow_keywords`): "Fixes #1, fixes #2".
bool IsOnlyReferences(std::string_view text, bool allow_keywords);

// OWNER, MEMBER and COLLABORATOR speak for the project.
bool IsMaintainer(std::string_view author_association);

// The first version number of a text: "5.2.0" of "Fixed in 5.2.0, out
// today", "1.6" of "pin app<1.6"; digits and dots with at least one dot,
// after a non-alphanumeric byte or a "v". Empty when there is none.
std::string VersionIn(std::string_view text);

// "2026-06-01" from "2026-06-01T10:00:00Z"; the input when it is shorter.
std::string DatePart(std::string_view iso_time);

// "#N" when `other` is in `root`'s repository, "owner/repo#N" otherwise.
std::string RelativeRefText(const IssueRef& root, const IssueRef& other);

}  // namespace issuegraph::analyze
