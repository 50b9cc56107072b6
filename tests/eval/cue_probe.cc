// The cue table's reading of sentences, for the evaluation's explanation
// of a miss (evaluate.mjs): reads one sentence a line on stdin, optionally
// after the writer's author association and a tab ("MEMBER\tFixed in
// 2.1."), and prints for each one JSON line with every section's score and
// strongest cue:
//
//   {"sentence": "...", "maintainer": true, "accept": 2,
//    "root_cause": {"score": 0, "cue": ""}, "fix": {"score": 3, "cue": "fixed in"},
//    "workaround": {...}, "duplicate": {...}}
#include <iostream>
#include <utility>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analyze/cues.h"
#include "analyze/prose.h"

int main() {
  using issuegraph::analyze::CueSection;
  constexpr std::pair<CueSection, std::string_view> kSections[] = {
      {CueSection::kRootCause, "root_cause"},
      {CueSection::kFix, "fix"},
      {CueSection::kWorkaround, "workaround"},
      {CueSection::kDuplicate, "duplicate"}};
  std::string line;
  while (std::getline(std::cin, line)) {
    std::string_view sentence = line;
    std::string_view association;
    if (size_t tab = sentence.find('\t'); tab != std::string_view::npos) {
      association = sentence.substr(0, tab);
      sentence.remove_prefix(tab + 1);
    }
    const bool maintainer = issuegraph::analyze::IsMaintainer(association);
    const std::string lower = issuegraph::LowerAscii(sentence);
    nlohmann::ordered_json out;
    out["sentence"] = sentence;
    out["maintainer"] = maintainer;
    out["accept"] = issuegraph::analyze::kCueAccept;
    for (auto [section, name] : kSections) {
      out[std::string(name)] = {
          {"score", issuegraph::analyze::CueScore(section, lower, maintainer)},
          {"cue", issuegraph::analyze::StrongestCue(section, lower)}};
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }
  return 0;
}
