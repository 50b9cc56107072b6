#include "llm/grounding.h"

#include <algorithm>
#include <array>
#include <regex>
#include <vector>

#include "model/ascii.h"
#include "model/issue_ref.h"

namespace issuegraph::llm {
namespace {

// Blanks [at, at + size) so that a later pattern does not read it again.
void Blank(std::string& text, size_t at, size_t size) {
  for (size_t i = at; i < at + size && i < text.size(); ++i) text[i] = ' ';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `needle` in `haystack` not glued to more digits: "2.6" is in "2.6.2" and
// "v2.6", not in "12.6" or "2.61".
bool HasNumber(std::string_view haystack, std::string_view needle) {
  for (size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
    const bool clear_before = at == 0 || (!IsDigit(haystack[at - 1]) && haystack[at - 1] != '.');
    const size_t end = at + needle.size();
    const bool clear_after = end >= haystack.size() || !IsDigit(haystack[end]);
    if (clear_before && clear_after) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

std::string MonthNumber(std::string_view name) {
  const std::string lower = LowerAscii(name.substr(0, 3));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) return (i < 9 ? "0" : "") + std::to_string(i + 1);
  }
  return "";
}

std::string TwoDigits(const std::string& day) { return day.size() == 1 ? "0" + day : day; }

// Every date in `text` as YYYY-MM-DD: ISO dates and times, "March 9, 2026"
// and "9 March 2026".
std::vector<std::string> DatesIn(const std::string& text) {
  std::vector<std::string> dates;
  static const std::regex kIso(R"((\d{4}-\d{2}-\d{2}))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kIso); it != std::sregex_iterator(); ++it) {
    dates.push_back((*it)[1].str());
  }
  static const std::regex kMonthFirst(
      R"(\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)",
      std::regex::icase);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kMonthFirst); it != std::sregex_iterator(); ++it) {
    dates.push_back((*it)[3].str() + "-" + MonthNumber((*it)[1].str()) + "-" + TwoDigits((*it)[2].str()));
  }
  static const std::regex kDayFirst(
      R"(\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})\b)",
      std::regex::icase);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kDayFirst); it != std::sregex_iterator(); ++it) {
    dates.push_back((*it)[3].str() + "-" + MonthNumber((*it)[2].str()) + "-" + TwoDigits((*it)[1].str()));
  }
  return dates;
}

}  // namespace

std::string_view DropReasonName(DropReason reason) {
  switch (reason) {
    case DropReason::kEmpty: return "empty";
    case DropReason::kNoCite: return "no_cite";
    case DropReason::kUnknownCite: return "unknown_cite";
    case DropReason::kCitesInstructions: return "cites_instructions";
    case DropReason::kUnknownReference: return "unknown_reference";
    case DropReason::kUnsupportedLink: return "unsupported_link";
    case DropReason::kUnsupportedQuote: return "unsupported_quote";
    case DropReason::kUnsupportedVersion: return "unsupported_version";
    case DropReason::kUnsupportedDate: return "unsupported_date";
    case DropReason::kUnknownSection: return "unknown_section";
  }
  return "unknown";
}

std::string Normalized(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

GroundingChecker::GroundingChecker(const Graph& graph, const SourceIndex& sources)
    : graph_(graph), sources_(sources) {
  if (graph.root() != kNoNode) {
    const IssueRef& root = graph.Ref(graph.root());
    root_owner_repo_ = root.RepoKey();
    root_host_ = LowerAscii(root.host);
  }
}

// A fetched node: an item only named somewhere (a reference that was
// never read, or failed) proves nothing, and hostile text can name anything.
bool GroundingChecker::IsNode(const std::string& key) const { return graph_.Find(LowerAscii(key)) != nullptr; }

std::optional<DropReason> GroundingChecker::Check(std::string_view text,
                                                  const std::vector<std::string>& cites) const {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return DropReason::kEmpty;
  if (cites.empty()) return DropReason::kNoCite;
  std::string support;
  bool any_usable = false;
  for (const std::string& cite : cites) {
    const Source* source = sources_.Find(cite);
    if (source == nullptr) return DropReason::kUnknownCite;
    if (source->addresses_model) continue;
    any_usable = true;
    support += source->facts + "\n" + source->text + "\n";
  }
  if (!any_usable) return DropReason::kCitesInstructions;
  return CheckText(text, support);
}

std::optional<DropReason> GroundingChecker::CheckSummary(std::string_view text,
                                                         const std::vector<std::string>& support_ids) const {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return DropReason::kEmpty;
  std::string support;
  for (const std::string& id : support_ids) {
    const Source* source = sources_.Find(id);
    if (source == nullptr || source->addresses_model) continue;
    support += source->facts + "\n" + source->text + "\n";
  }
  return CheckText(text, support);
}

std::optional<DropReason> GroundingChecker::CheckText(std::string_view original,
                                                      const std::string& support_raw) const {
  const std::string support = Normalized(support_raw);
  std::string text(original);

  // Links first: an issue or pull URL must be a node; any other link must
  // be one a cited source gives.
  static const std::regex kUrl(R"(https?://[^\s<>()\[\]"'`]+)", std::regex::icase);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kUrl); it != std::sregex_iterator(); ++it) {
    std::string url = it->str();
    while (!url.empty() && std::string_view(".,;:!?").find(url.back()) != std::string_view::npos) url.pop_back();
    if (auto ref = ParseIssueRef(url)) {
      if (LowerAscii(ref->host) != root_host_ || !IsNode(ref->Key())) return DropReason::kUnknownReference;
    } else if (support.find(Normalized(url)) == std::string::npos) {
      return DropReason::kUnsupportedLink;
    }
  }
  const std::string with_links = text;
  for (auto it = std::sregex_iterator(with_links.begin(), with_links.end(), kUrl); it != std::sregex_iterator();
       ++it) {
    Blank(text, static_cast<size_t>(it->position()), static_cast<size_t>(it->length()));
  }

  // Quoted errors and code: each must occur in a cited source.
  static const std::regex kQuoted(std::string(R"re(`([^`]+)`|"([^"]{2,})"|)re") +
                                  "\xE2\x80\x9C(.{2,}?)\xE2\x80\x9D");
  const std::string unquoted_from = text;
  for (auto it = std::sregex_iterator(unquoted_from.begin(), unquoted_from.end(), kQuoted);
       it != std::sregex_iterator(); ++it) {
    const std::string quoted = (*it)[1].matched ? (*it)[1].str() : (*it)[2].matched ? (*it)[2].str() : (*it)[3].str();
    const std::string wanted = Normalized(quoted);
    if (!wanted.empty() && support.find(wanted) == std::string::npos) return DropReason::kUnsupportedQuote;
  }

  // Issue references: OWNER/REPO#N, then #N and "PR N" in the root's repository.
  static const std::regex kFull(R"(([A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+)#(\d+))");
  for (auto it = std::sregex_iterator(unquoted_from.begin(), unquoted_from.end(), kFull);
       it != std::sregex_iterator(); ++it) {
    if (!IsNode((*it)[1].str() + "#" + (*it)[2].str())) return DropReason::kUnknownReference;
    Blank(text, static_cast<size_t>(it->position()), static_cast<size_t>(it->length()));
  }
  static const std::regex kShort(R"((^|[^A-Za-z0-9_/&])#(\d+))");
  static const std::regex kWords(R"((^|[^A-Za-z0-9_])(?:PR|pull request|pull|issue)\s+#?(\d+))", std::regex::icase);
  for (const std::regex* pattern : {&kShort, &kWords}) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), *pattern); it != std::sregex_iterator(); ++it) {
      if (!IsNode(root_owner_repo_ + "#" + (*it)[2].str())) return DropReason::kUnknownReference;
    }
  }

  // Versions and dates, outside quotes (checked above) and links.
  static const std::regex kVersion(R"((^|[^0-9A-Za-z.])v?(\d+\.\d+(?:\.\d+)*(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kVersion); it != std::sregex_iterator(); ++it) {
    if (!HasNumber(support, LowerAscii((*it)[2].str()))) return DropReason::kUnsupportedVersion;
  }
  const std::vector<std::string> dates = DatesIn(text);
  if (dates.empty()) return std::nullopt;
  // Only now: reading every date of the sources is the check's dearest step.
  const std::vector<std::string> supported = DatesIn(support);
  for (const std::string& date : dates) {
    if (std::find(supported.begin(), supported.end(), date) == supported.end()) return DropReason::kUnsupportedDate;
  }
  return std::nullopt;
}

}  // namespace issuegraph::llm
