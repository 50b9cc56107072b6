#include "analyze/prose.h"

#include <string.h>  // memmem

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstring>

namespace issuegraph::analyze {
namespace {

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '_';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Steps back from `pos` to the start of a UTF-8 sequence.
size_t CharBoundary(std::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

// The two bytes at `at` as one number, for PhraseSet's bigram filters (in
// the machine's byte order: tables and scans both read it so).
size_t Bigram(const char* at) {
  uint16_t pair = 0;
  std::memcpy(&pair, at, sizeof pair);
  return pair;
}

// 16 bits of the first four bytes at `at`, for PhraseSet's quad filter.
size_t QuadHash(const char* at) {
  uint32_t quad = 0;
  std::memcpy(&quad, at, sizeof quad);
  return static_cast<size_t>((quad * 0x9E3779B1u) >> 16);
}

// Which of a HeadSlot's 64 `next` bits the four bytes at `at` stand for.
unsigned NextBit(const char* at) {
  uint32_t quad = 0;
  std::memcpy(&quad, at, sizeof quad);
  return (quad * 0x9E3779B1u) >> 26;
}

bool TestBit(const std::vector<uint64_t>& bits, size_t bit) {
  return (bits[bit / 64] >> (bit % 64) & 1) != 0;
}

void SetBit(std::vector<uint64_t>& bits, size_t bit) {
  bits[bit / 64] |= uint64_t{1} << (bit % 64);
}

// The first occurrence of `phrase` in `text` at or after `from`, or npos.
// On a long text memmem skips ahead where string_view::find stops at every
// copy of the phrase's first byte, which in prose is most of them; on a
// short one memmem's set-up costs more than it saves.
size_t FindPhrase(std::string_view text, std::string_view phrase, size_t from) {
  constexpr size_t kLongText = 256;
  if (from > text.size()) return std::string_view::npos;
  if (text.size() - from < kLongText) return text.find(phrase, from);
  const void* at = memmem(text.data() + from, text.size() - from, phrase.data(), phrase.size());
  if (at == nullptr) return std::string_view::npos;
  return static_cast<size_t>(static_cast<const char*>(at) - text.data());
}

bool IsSentenceEnd(std::string_view text, size_t i) {
  char c = text[i];
  if (c != '.' && c != '!' && c != '?') return false;
  // "e.g." and "v1.2" are not ends: the next byte must be space or the end.
  return i + 1 == text.size() || IsSpace(text[i + 1]);
}

}  // namespace


std::string NormalizeWords(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    bool alnum = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    if (!alnum) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : c);
  }
  return out;
}

bool HasWords(std::string_view normalized, std::string_view phrase) {
  if (phrase.empty()) return false;
  size_t pos = 0;
  while ((pos = normalized.find(phrase, pos)) != std::string_view::npos) {
    bool start_ok = pos == 0 || normalized[pos - 1] == ' ';
    size_t end = pos + phrase.size();
    bool end_ok = end == normalized.size() || normalized[end] == ' ';
    if (start_ok && end_ok) return true;
    ++pos;
  }
  return false;
}

bool HasPhrase(std::string_view lower, std::string_view phrase) {
  if (phrase.empty()) return false;
  size_t pos = 0;
  while ((pos = lower.find(phrase, pos)) != std::string_view::npos) {
    size_t end = pos + phrase.size();
    bool start_ok = pos == 0 || !IsWordByte(lower[pos - 1]) || !IsWordByte(phrase.front());
    bool end_ok = end == lower.size() || !IsWordByte(lower[end]) || !IsWordByte(phrase.back());
    if (start_ok && end_ok) return true;
    ++pos;
  }
  return false;
}

bool HasAnyPhrase(std::string_view lower, std::initializer_list<std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](std::string_view phrase) { return HasPhrase(lower, phrase); });
}

bool HasAnyPhrase(std::string_view lower, std::span<const std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](std::string_view phrase) { return HasPhrase(lower, phrase); });
}

PhraseSet::PhraseSet(std::initializer_list<std::string_view> phrases) : PhraseSet() {
  for (std::string_view phrase : phrases) Add(phrase);
  Seal();
}

PhraseSet::PhraseSet()
    : bigrams_(65536 / 64, 0), short_bigrams_(65536 / 64, 0), quads_(65536 / 64, 0) {}

PhraseSet PhraseSet::Union(std::initializer_list<std::span<const std::string_view>> lists) {
  PhraseSet set;
  for (std::span<const std::string_view> list : lists) {
    for (std::string_view phrase : list) set.Add(phrase);
  }
  set.Seal();
  return set;
}

// The long phrases by their first four bytes, in an open-addressed table
// of twice their number or more (a power of two): a lookup is a multiply
// and, mostly, one probe.
void PhraseSet::Seal() {
  second_quads_.clear();
  constexpr size_t kSecondQuadLength = sizeof(uint32_t) + 1;
  if (!phrases_.empty() && std::ranges::all_of(phrases_, [](const std::string& phrase) {
        return phrase.size() >= kSecondQuadLength;
      })) {
    second_quads_.assign(65536 / 64, 0);
    for (const std::string& phrase : phrases_) SetBit(second_quads_, QuadHash(phrase.data() + 1));
  }
  std::vector<std::pair<uint32_t, uint32_t>> heads;  // (first four bytes, index)
  for (size_t i = 0; i < phrases_.size(); ++i) {
    if (phrases_[i].size() < sizeof(uint32_t)) continue;
    uint32_t head = 0;
    std::memcpy(&head, phrases_[i].data(), sizeof head);
    heads.emplace_back(head, static_cast<uint32_t>(i));
  }
  std::stable_sort(heads.begin(), heads.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t size = 2;
  head_shift_ = 31;
  while (size < 2 * heads.size()) {
    size *= 2;
    --head_shift_;
  }
  head_slots_.assign(size, HeadSlot{});
  head_indices_.clear();
  for (size_t i = 0; i < heads.size();) {
    size_t j = i;
    while (j < heads.size() && heads[j].first == heads[i].first) {
      head_indices_.push_back(heads[j++].second);
    }
    uint64_t next = 0;
    for (size_t k = i; k < j; ++k) {
      const std::string& phrase = phrases_[heads[k].second];
      if (phrase.size() < 2 * sizeof(uint32_t)) {
        next = ~uint64_t{0};
        break;
      }
      next |= uint64_t{1} << NextBit(phrase.data() + sizeof(uint32_t));
    }
    size_t slot = HeadSlotOf(heads[i].first);
    while (head_slots_[slot].count != 0) slot = (slot + 1) & (size - 1);
    head_slots_[slot] = {heads[i].first, static_cast<uint32_t>(head_indices_.size() - (j - i)),
                         static_cast<uint32_t>(j - i), next};
    i = j;
  }
}

size_t PhraseSet::HeadSlotOf(uint32_t head) const { return (head * 0x9E3779B1u) >> head_shift_; }

void PhraseSet::Add(std::string_view phrase) {
  if (phrase.empty()) return;  // HasPhrase never matches an empty phrase
  auto first = static_cast<unsigned char>(phrase[0]);
  by_first_byte_[first].push_back(static_cast<uint32_t>(phrases_.size()));
  first_byte_[first] = true;
  if (phrase.size() == 1) {
    one_byte_[first] = true;
    has_one_byte_ = true;
  } else {
    size_t bigram = Bigram(phrase.data());
    SetBit(bigrams_, bigram);
    if (phrase.size() < 4) {
      SetBit(short_bigrams_, bigram);
      has_short_ = true;
    } else {
      SetBit(quads_, QuadHash(phrase.data()));
    }
  }
  const auto index = static_cast<uint32_t>(phrases_.size());
  if (phrase.size() < sizeof(uint32_t)) {
    short_by_first_byte_[first].push_back(index);
  }
  phrases_.emplace_back(phrase);
}

// Calls accept(pos, phrase) for every occurrence, in text order, until it
// returns true. Positions whose first two bytes open no phrase are skipped
// with one bit test.
template <typename Accept>
bool PhraseSet::Scan(std::string_view text, Accept accept) const {
  if (phrases_.size() == 1) {
    // One phrase: the library's search is faster than a byte loop.
    const std::string& phrase = phrases_.front();
    for (size_t at = FindPhrase(text, phrase, 0); at != std::string_view::npos;
         at = FindPhrase(text, phrase, at + 1)) {
      if (accept(at, phrase)) return true;
    }
    return false;
  }
  const size_t size = text.size();
  if (!has_one_byte_ && !has_short_) {
    // Every phrase has four bytes or more: one test of the four bytes at a
    // position (a hash, one bit) rules it out, and it fails so seldom that
    // the branch is all but always predicted. No phrase fits in the last
    // three bytes.
    const uint64_t* quads = quads_.data();
    if (!second_quads_.empty()) {
      // A copy at an odd offset is met at the even one after it, by its
      // second four bytes: both are tested there, the earlier first.
      const uint64_t* second = second_quads_.data();
      for (size_t i = 0; i + 4 <= size; i += 2) {
        const size_t quad = QuadHash(text.data() + i);
        const uint64_t bit = uint64_t{1} << (quad % 64);
        const uint64_t first_hit = quads[quad / 64] & bit;
        const uint64_t second_hit = second[quad / 64] & bit;
        if ((first_hit | second_hit) == 0) continue;
        if (second_hit != 0 && i > 0 && Match(text, i - 1, accept)) return true;
        if (first_hit != 0 && Match(text, i, accept)) return true;
      }
      return false;
    }
    for (size_t i = 0; i + 4 <= size; ++i) {
      const size_t quad = QuadHash(text.data() + i);
      if ((quads[quad / 64] >> (quad % 64) & 1) == 0) continue;
      if (Match(text, i, accept)) return true;
    }
    return false;
  }
  if (!has_one_byte_) {
    // Every phrase has two bytes or more: one bit test on the two bytes at
    // a position rules it out, with no branch on the first byte alone
    // (which, in prose, opens some phrase at every other letter).
    const uint64_t* bigrams = bigrams_.data();
    for (size_t i = 0; i + 1 < size; ++i) {
      size_t bigram = Bigram(text.data() + i);
      if ((bigrams[bigram / 64] >> (bigram % 64) & 1) == 0) continue;
      if (i + 4 <= size && !TestBit(short_bigrams_, bigram) &&
          !TestBit(quads_, QuadHash(text.data() + i))) {
        continue;
      }
      if (Match(text, i, accept)) return true;
    }
    return false;
  }
  for (size_t i = 0; i < size; ++i) {
    auto first = static_cast<unsigned char>(text[i]);
    if (!first_byte_[first]) continue;
    if (!one_byte_[first]) {
      if (i + 1 == size) continue;
      size_t bigram = Bigram(text.data() + i);
      if (!TestBit(bigrams_, bigram)) continue;
      // Only a phrase of four bytes or more can start here unless a short
      // one opens with these two bytes: then the first four must match one.
      if (i + 4 <= size && !TestBit(short_bigrams_, bigram) &&
          !TestBit(quads_, QuadHash(text.data() + i))) {
        continue;
      }
    }
    if (Match(text, i, accept)) return true;
  }
  return false;
}

// Calls accept(i, phrase) for each phrase that occurs at `i`, until it
// returns true.
template <typename Accept>
bool PhraseSet::Match(std::string_view text, size_t i, Accept& accept) const {
  const char* at = text.data() + i;
  auto matches = [&](uint32_t index, size_t from) {
    const std::string& phrase = phrases_[index];
    const size_t length = phrase.size();
    if (length > text.size() - i) return false;
    size_t k = from;
    while (k < length && at[k] == phrase[k]) ++k;
    return k == length;
  };
  // With four bytes left, only the phrases that open with them and the
  // short ones can match: a large set (PhraseLists) has dozens of
  // phrases per first byte.
  if (text.size() - i >= sizeof(uint32_t)) {
    uint32_t quad = 0;
    std::memcpy(&quad, at, sizeof quad);
    const size_t mask = head_slots_.size() - 1;
    for (size_t slot = HeadSlotOf(quad); head_slots_[slot].count != 0; slot = (slot + 1) & mask) {
      const HeadSlot& found = head_slots_[slot];
      if (found.head != quad) continue;
      if (text.size() - i >= 2 * sizeof(uint32_t) &&
          (found.next >> NextBit(at + sizeof(uint32_t)) & 1) == 0) {
        break;
      }
      for (uint32_t k = found.begin; k < found.begin + found.count; ++k) {
        const uint32_t index = head_indices_[k];
        if (matches(index, sizeof quad) && accept(i, phrases_[index])) return true;
      }
      break;
    }
    for (uint32_t index : short_by_first_byte_[static_cast<unsigned char>(at[0])]) {
      if (matches(index, 1) && accept(i, phrases_[index])) return true;
    }
    return false;
  }
  for (uint32_t index : by_first_byte_[static_cast<unsigned char>(at[0])]) {
    const std::string& phrase = phrases_[index];
    const size_t length = phrase.size();
    if (length > text.size() - i) continue;
    // The first byte matched already; most candidates differ within a
    // byte or two, so a plain loop beats a library call.
    size_t k = 1;
    while (k < length && at[k] == phrase[k]) ++k;
    if (k == length && accept(i, phrase)) return true;
  }
  return false;
}

PhraseLists::PhraseLists(std::span<const PhraseSet* const> lists) {
  std::vector<std::pair<std::string_view, uint32_t>> phrases;
  uint32_t bit = 1;
  for (const PhraseSet* list : lists) {
    for (const std::string& phrase : list->phrases()) {
      auto known = std::find_if(phrases.begin(), phrases.end(),
                                [&](const auto& entry) { return entry.first == phrase; });
      if (known == phrases.end()) {
        phrases.emplace_back(phrase, bit);
      } else {
        known->second |= bit;
      }
    }
    every_ |= bit;
    bit <<= 1;
  }
  for (const auto& [phrase, mask] : phrases) {
    all_.Add(phrase);
    masks_.push_back(mask);
  }
  all_.Seal();
}

uint32_t PhraseLists::Occurring(std::string_view lower) const {
  uint32_t found = 0;
  all_.Scan(lower, [&](size_t, const std::string& phrase) {
    found |= masks_[static_cast<size_t>(&phrase - all_.phrases_.data())];
    return found == every_;
  });
  return found;
}

bool PhraseSet::AnyIn(std::string_view lower) const {
  return Scan(lower, [&](size_t pos, const std::string& phrase) {
    size_t end = pos + phrase.size();
    bool start_ok = pos == 0 || !IsWordByte(lower[pos - 1]) || !IsWordByte(phrase.front());
    bool end_ok = end == lower.size() || !IsWordByte(lower[end]) || !IsWordByte(phrase.back());
    return start_ok && end_ok;
  });
}

size_t PhraseSet::IndexesIn(std::string_view lower, std::span<uint32_t> out) const {
  assert(out.size() >= phrases_.size());
  size_t count = 0;
  Scan(lower, [&](size_t pos, const std::string& phrase) {
    size_t end = pos + phrase.size();
    bool start_ok = pos == 0 || !IsWordByte(lower[pos - 1]) || !IsWordByte(phrase.front());
    bool end_ok = end == lower.size() || !IsWordByte(lower[end]) || !IsWordByte(phrase.back());
    const auto index = static_cast<uint32_t>(&phrase - phrases_.data());
    if (start_ok && end_ok &&
        std::find(out.begin(), out.begin() + count, index) == out.begin() + count) {
      out[count++] = index;
    }
    return false;  // keep scanning
  });
  return count;
}

size_t PhraseSet::CountDistinctIn(std::string_view lower) const {
  std::vector<uint32_t> found(phrases_.size());
  return IndexesIn(lower, found);
}

bool PhraseSet::AnyOccurs(std::string_view lower) const {
  return Scan(lower, [](size_t, const std::string&) { return true; });
}

std::string_view TrimView(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (char c : TrimView(text)) {
    if (IsSpace(c)) {
      pending = true;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

std::string TrimToSentence(std::string_view text, size_t limit) {
  text = TrimView(text);
  if (text.size() <= limit) return std::string(text);
  size_t cut = std::string_view::npos;
  for (size_t i = std::min(limit, text.size()) - 1; i > limit / 3; --i) {
    if (IsSentenceEnd(text, i)) {
      cut = i + 1;
      break;
    }
  }
  if (cut != std::string_view::npos) return std::string(TrimView(text.substr(0, cut)));
  size_t space = text.rfind(' ', limit);
  if (space == std::string_view::npos || space < limit / 3) space = CharBoundary(text, limit);
  std::string out(TrimView(text.substr(0, space)));
  out += "…";
  return out;
}

std::string_view SentenceAt(std::string_view text, size_t at) {
  if (at >= text.size()) return {};
  size_t begin = 0;
  for (size_t i = at; i > 0; --i) {
    if (IsSentenceEnd(text, i - 1) || text[i - 1] == '\n') {
      begin = i;
      break;
    }
  }
  size_t end = text.size();
  for (size_t i = at; i < text.size(); ++i) {
    if (IsSentenceEnd(text, i) || text[i] == '\n') {
      end = text[i] == '\n' ? i : i + 1;
      break;
    }
  }
  return TrimView(text.substr(begin, end - begin));
}

void SentenceRangeView::iterator::Advance() {
  // Each piece ends at a line end (left out) or a sentence end (kept), the
  // last at the text's end; pieces that trim to nothing are skipped.
  while (next_ <= text_.size()) {
    size_t begin = next_;
    size_t end = text_.size();
    size_t i = begin;
    while (i < text_.size() && text_[i] != '\n' && !IsSentenceEnd(text_, i)) ++i;
    if (i < text_.size()) end = text_[i] == '\n' ? i : i + 1;
    next_ = i + 1;
    while (begin < end && IsSpace(text_[begin])) ++begin;
    while (end > begin && IsSpace(text_[end - 1])) --end;
    if (begin < end) {
      current_ = {begin, end};
      done_ = false;
      return;
    }
  }
  done_ = true;
}

bool StatesCue(std::string_view lower, const PhraseSet& cues) {
  // Most texts hold none of the cues: one pass says so.
  if (!cues.AnyOccurs(lower)) return false;
  for (auto [begin, end] : SentenceRanges(lower)) {
    std::string_view sentence = lower.substr(begin, end - begin);
    if (!sentence.ends_with('?') && cues.AnyIn(sentence)) return true;
  }
  return false;
}

bool IsOnlyReferences(std::string_view text, bool allow_keywords) {
  static constexpr std::string_view kKeywords[] = {
      "close",    "closes", "closed", "fix",  "fixes", "fixed",   "resolve", "resolves",
      "resolved", "and",    "see",    "part", "of",    "related", "to",      "also"};
  bool any_ref = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of(" \t\n,;", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view token = text.substr(pos, end - pos);
    pos = end + 1;
    while (!token.empty() && (token.back() == '.' || token.back() == ':' || token.back() == ')')) {
      token.remove_suffix(1);
    }
    while (!token.empty() && token.front() == '(') token.remove_prefix(1);
    if (token.empty()) continue;
    // A mark such as "✅" before the keyword; a template's unfilled "Fixes #".
    if (std::all_of(token.begin(), token.end(), [](char c) { return (c & 0x80) != 0; })) continue;
    if (token == "#") {
      any_ref = true;
      continue;
    }
    size_t hash = token.find('#');
    bool digits_after = hash != std::string_view::npos && hash + 1 < token.size() &&
                        std::all_of(token.begin() + static_cast<long>(hash) + 1, token.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    bool gh = token.size() > 3 && (token.starts_with("GH-") || token.starts_with("gh-"));
    bool url = token.starts_with("https://") || token.starts_with("http://");
    if (digits_after || gh || url) {
      any_ref = true;
      continue;
    }
    std::string lower = LowerAscii(token);
    bool keyword =
        std::find(std::begin(kKeywords), std::end(kKeywords), lower) != std::end(kKeywords);
    if (!allow_keywords || !keyword) return false;
  }
  return any_ref;
}

bool IsMaintainer(std::string_view author_association) {
  return author_association == "OWNER" || author_association == "MEMBER" ||
         author_association == "COLLABORATOR";
}

std::string VersionIn(std::string_view text) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i < text.size(); ++i) {
    const char before = i == 0 ? ' ' : text[i - 1];
    if (!digit(text[i]) || (IsWordByte(before) && before != 'v') || before == '.') continue;
    size_t end = i;
    while (end < text.size() && (digit(text[end]) || text[end] == '.')) ++end;
    while (end > i && text[end - 1] == '.') --end;  // a full stop, not part of it
    std::string_view version = text.substr(i, end - i);
    if (version.find('.') == std::string_view::npos) {
      i = end;
      continue;
    }
    // A pre-release label: "0.11.0-dev.681", "2.0.0-rc1" (a letter first, so
    // that "1.2-1.4" stays a range).
    if (end + 1 < text.size() && text[end] == '-' &&
        std::isalpha(static_cast<unsigned char>(text[end + 1]))) {
      size_t label = end + 1;
      while (label < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[label])) || text[label] == '.'))
        ++label;
      while (label > end + 1 && text[label - 1] == '.') --label;
      version = text.substr(i, label - i);
    }
    return std::string(version);
    i = end;
  }
  return "";
}

std::string DatePart(std::string_view iso_time) {
  return std::string(iso_time.substr(0, std::min<size_t>(10, iso_time.size())));
}

std::string RelativeRefText(const IssueRef& root, const IssueRef& other) {
  if (root.SameRepo(other)) return "#" + std::to_string(other.number);
  return other.Text();
}

}  // namespace issuegraph::analyze
