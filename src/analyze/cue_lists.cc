#include "analyze/cue_lists.h"

#include <array>
#include <cassert>
#include <vector>

#include "analyze/cue_rows.h"

namespace issuegraph::analyze {
namespace {

// The reviewed table of the rules' cue lists, by section. Each role's rows
// are contiguous and in the order its rule matches them (the first phrase
// found names the cue of an item); the comment before a role says where
// its rule reads it. Phrases are lower case and matched with HasPhrase's
// word rule unless the comment says starts_with (then a trailing space is
// part of the phrase: the role's position is an opening). Only the scored
// roles' rows carry weights.
//
// The rows live in three files by part of the report (cue_rows_*.cc);
// gathered here once, in that order.
const std::vector<CueListRow>& Rows() {
  static const std::vector<CueListRow> kRows = [] {
    std::vector<CueListRow> rows;
    for (auto part : {WorkaroundCueRows(), CauseAndFixCueRows(), AnswerAndDescriptionCueRows()}) {
      rows.insert(rows.end(), part.begin(), part.end());
    }
    return rows;
  }();
  return kRows;
}

// The phrases of each role, in table order, gathered once.
const std::array<std::vector<std::string_view>, kCueRoleCount>& Lists() {
  static const std::array<std::vector<std::string_view>, kCueRoleCount> kLists = [] {
    std::array<std::vector<std::string_view>, kCueRoleCount> lists;
    for (const CueListRow& row : Rows())
      lists[static_cast<unsigned>(row.role)].push_back(row.phrase);
    return lists;
  }();
  return kLists;
}

}  // namespace

std::span<const CueListRow> CueListTable() { return Rows(); }

std::string_view FirstPhrase(CueRole role, std::string_view lower) {
  for (std::string_view phrase : PhraseList(role)) {
    if (HasPhrase(lower, phrase)) return phrase;
  }
  return {};
}

std::string RuleWithPhrase(std::string_view rule, CueRole role, std::string_view lower) {
  std::string cue(rule);
  if (std::string_view phrase = FirstPhrase(role, lower); !phrase.empty()) {
    cue += " (" + std::string(phrase) + ")";
  }
  return cue;
}

std::string_view OpeningOf(CueRole role, std::string_view text) {
  assert(PositionOf(role) == CuePosition::kOpening);
  for (std::string_view phrase : PhraseList(role)) {
    if (text.starts_with(phrase)) return phrase;
  }
  return {};
}

std::span<const std::string_view> PhraseList(CueRole role) {
  return Lists()[static_cast<unsigned>(role)];
}

const PhraseSet& Phrases(CueRole role) {
  static const std::vector<PhraseSet> kSets = [] {
    std::vector<PhraseSet> sets;
    sets.reserve(kCueRoleCount);
    for (unsigned each = 0; each < kCueRoleCount; ++each) {
      sets.push_back(PhraseSet::Union({PhraseList(static_cast<CueRole>(each))}));
    }
    return sets;
  }();
  return kSets[static_cast<unsigned>(role)];
}

}  // namespace issuegraph::analyze
