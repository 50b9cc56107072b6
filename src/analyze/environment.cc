#include "analyze/environment.h"

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <string>

#include "analyze/cue_lists.h"
#include "analyze/error_lines.h"
#include "analyze/prose.h"
#include "analyze/unfenced.h"
#include "model/lines.h"

namespace issuegraph::analyze {
namespace {

// Sentences longer than this tell a story; environment lines are short.
constexpr size_t kMaxSentence = 240;
constexpr size_t kMaxSentences = 10;

// Names that are an operating system, a runtime or a compiler wherever
// they appear.
constexpr std::array kSystems = {"macos",     "osx",      "ubuntu",  "kubuntu", "debian",
                                 "fedora",    "alpine",   "centos",  "rhel",    "rocky",
                                 "almalinux", "opensuse", "manjaro", "nixos",   "gentoo",
                                 "freebsd",   "openbsd",  "netbsd",  "android", "ipados",
                                 "chromeos",  "raspbian", "wsl",     "wsl2",    "linux",
                                 "winxp",     "win7",     "win10",   "win11"};
constexpr std::array kRuntimes = {
    "python", "python3", "node.js",    "nodejs", "temurin",  "openjdk", "corretto", "graalvm",
    "jdk",    "jre",     "rustc",      "cargo",  "gcc",      "g++",     "clang",    "msvc",
    ".net",   "dotnet",  "ruby",       "php",    "deno",     "perl",    "erlang",   "elixir",
    "kotlin", "xcode",   "kubernetes", "docker", "electron", "firefox", "chromium", "golang",
    "npm",    "yarn",    "pnpm",       "cmake"};
// Ordinary words as well: a fact only with a version after them.
constexpr std::array kVersionedNames = {"node", "go",     "rust",    "bun",  "swift",
                                        "java", "chrome", "safari",  "edge", "mint",
                                        "pip",  "k8s",    "windows", "ios"};
constexpr std::array kArchitectures = {"x86_64", "x86-64", "amd64", "arm64", "aarch64",
                                       "armv7",  "armv7l", "i386",  "i686",  "x64"};
// Words after which a version is not that word's version.
constexpr std::array kStopWords = {
    "from",     "to",      "with",     "and",     "or",    "in",      "on",        "of",
    "at",       "the",     "a",        "an",      "than",  "then",    "since",     "after",
    "before",   "until",   "between",  "version", "v",     "is",      "was",       "are",
    "were",     "be",      "been",     "using",   "use",   "used",    "by",        "for",
    "about",    "around",  "over",     "under",   "vs",    "also",    "as",        "like",
    "tag",      "release", "released", "try",     "tried", "upgrade", "upgrading", "updated",
    "updating", "into",    "onto",     "below",   "above", "only",    "just",      "still",
    "even",     "but",     "not",      "every",   "each",  "per",     "it",        "that",
    "this",     "my",      "our",      "same",    "all",   "both",    "latest",    "past",
    "beyond",   "till",    "up",       "down",    "via",   "through", "least",     "most",
    "near",     "last",    "next",     "first",   "new",   "old",     "older",     "newer",
    "got",      "get",     "gets",     "hit",     "hits",  "reached", "returns",   "returned"};

template <size_t N>
bool OneOf(const std::array<const char*, N>& words, std::string_view word) {
  return std::any_of(words.begin(), words.end(),
                     [&](const char* candidate) { return word == candidate; });
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool HasLetter(std::string_view word) {
  return std::any_of(word.begin(), word.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// "1.2", "v21.0.3", "1.0.7-beta": digits with at least one dot.
bool IsDottedVersion(std::string_view word) {
  if (!word.empty() && (word[0] == 'v' || word[0] == 'V')) word.remove_prefix(1);
  if (word.empty() || !IsDigit(word[0])) return false;
  size_t i = 0;
  bool dot = false;
  while (i < word.size() && (IsDigit(word[i]) || word[i] == '.')) {
    if (word[i] == '.') {
      if (i + 1 >= word.size() || !IsDigit(word[i + 1])) return false;
      dot = true;
    }
    ++i;
  }
  // A suffix such as "-beta", "+", "x" may follow.
  return dot && (i == word.size() || word[i] == '-' || word[i] == '+' || word[i] == 'x');
}

bool IsNumber(std::string_view word) {
  return !word.empty() && word.size() <= 5 && std::all_of(word.begin(), word.end(), IsDigit);
}

bool IsVersionish(std::string_view word) { return IsDottedVersion(word) || IsNumber(word); }

bool IsSizeUnit(std::string_view lower) {
  return lower == "gb" || lower == "mb" || lower == "tb" || lower == "gib" || lower == "mib";
}

struct Word {
  std::string_view text;  // as written
  std::string lower;
};

std::vector<Word> SplitWords(std::string_view sentence) {
  std::vector<Word> words;
  size_t pos = 0;
  while (pos < sentence.size()) {
    size_t end = sentence.find_first_of(" \t\n,;()[]\"`'", pos);
    if (end == std::string_view::npos) end = sentence.size();
    std::string_view word = sentence.substr(pos, end - pos);
    pos = end + 1;
    while (!word.empty() && (word.back() == '.' || word.back() == ':' || word.back() == '!')) {
      word.remove_suffix(1);
    }
    if (!word.empty()) words.push_back({word, LowerAscii(word)});
  }
  return words;
}

}  // namespace

int EnvironmentFacts(std::string_view sentence) {
  std::vector<Word> words = SplitWords(sentence);
  std::set<std::string> facts;
  std::vector<bool> used(words.size(), false);  // a version already given to a name
  auto next_is_version = [&](size_t i) {
    return i + 1 < words.size() && IsVersionish(words[i + 1].lower);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i].lower;
    std::string_view next = i + 1 < words.size() ? std::string_view(words[i + 1].lower) : "";
    std::string fact;
    if (OneOf(kSystems, word) || OneOf(kRuntimes, word)) {
      fact = word;
    } else if (word == "arch" && next == "linux") {
      fact = "linux";
    } else if (word == "mac" && (next == "os" || next == "osx")) {
      fact = "macos";
    } else if (word == "windows" &&
               (next_is_version(i) || next == "server" || (i > 0 && words[i].text[0] == 'W'))) {
      fact = word;  // "windows 11", "Windows Server", "on Windows"; not "Windows of …"
    } else if (word == "ios" && (words[i].text == "iOS" || next_is_version(i))) {
      fact = word;
    } else if (OneOf(kVersionedNames, word) && next_is_version(i)) {
      fact = word;
    } else if (OneOf(kArchitectures, word) || (word == "apple" && next == "silicon")) {
      fact = "architecture";
    } else if ((word == "ram" || word == "memory") && i > 0 &&
               (IsSizeUnit(words[i - 1].lower) ||
                (words[i - 1].lower.size() > 2 &&
                 IsSizeUnit(words[i - 1].lower.substr(words[i - 1].lower.size() - 2))))) {
      fact = "memory";  // "8 GB RAM", "16GB memory"
    } else if ((word == "cores" || word == "cpus" || word == "vcpus") && i > 0 &&
               IsNumber(words[i - 1].lower)) {
      fact = "cpu";
    }
    if (!fact.empty()) {
      facts.insert(fact);
      if (next_is_version(i)) used[i + 1] = true;
      continue;
    }
    // "PipeWire 1.0.7", "client 3.5.0": a name and its dotted version.
    if (i > 0 && !used[i] && IsDottedVersion(word)) {
      const std::string& name = words[i - 1].lower;
      if (HasLetter(name) && !OneOf(kStopWords, name)) facts.insert(name);
    }
  }
  return static_cast<int>(facts.size());
}

namespace {

// The sentences of a text, a long one cut at its semicolons: a report
// written as one paragraph hides "this is Node 20 on macOS 14" in a clause.
std::vector<std::string_view> Clauses(std::string_view text) {
  std::vector<std::string_view> clauses;
  for (auto [begin, end] : SentenceRanges(text)) {
    std::string_view sentence = text.substr(begin, end - begin);
    if (sentence.size() <= kMaxSentence) {
      clauses.push_back(sentence);
      continue;
    }
    for (size_t at = 0; at < sentence.size();) {
      size_t semicolon = sentence.find(';', at);
      if (semicolon == std::string_view::npos) semicolon = sentence.size();
      std::string_view clause = TrimView(sentence.substr(at, semicolon - at));
      if (!clause.empty()) clauses.push_back(clause);
      at = semicolon + 1;
    }
  }
  return clauses;
}

// "We run relaymq 2.3.0…", "This is with go 1.22…": a sentence that
// introduces the setup, where one named version is enough.
bool SaysSetup(std::string_view sentence) {
  return !OpeningOf(CueRole::kSetupOpening, LowerAscii(TrimView(sentence))).empty();
}

// Whether an item names no setup: a lead-in ("…as root:"), a question, a
// command or log without a version, a story without a name or version.
bool NamesNoSetup(const ReportItem& item) {
  const bool version = !VersionIn(item.text).empty();
  if (version) return false;
  const bool facts = EnvironmentFacts(item.text) > 0;
  if (item.is_code) return !facts;
  std::string_view text = TrimView(item.text);
  if (text.ends_with(':') || text.find('?') != std::string_view::npos) return true;
  if (!item.label.empty()) return MentionsFailure(text);
  constexpr size_t kStoryWords = 12;
  return !facts && static_cast<size_t>(std::count(text.begin(), text.end(), ' ')) >= kStoryWords;
}

// "Already on v1.4.10 but the app keeps nagging", "LoadError in 2.1.1": a
// title that names the version the reporter runs (a bug report's title
// names where it breaks, not where it was fixed).
bool TitleNamesVersion(std::string_view title) {
  std::vector<Word> words = SplitWords(title);
  for (size_t i = 0; i < words.size(); ++i) {
    if (!IsDottedVersion(words[i].lower)) continue;
    if (words[i].lower[0] == 'v') return true;
    static constexpr std::string_view kBefore[] = {"on", "version", "running", "using",
                                                   "in", "since",   "after"};
    if (i > 0 && std::ranges::find(kBefore, words[i - 1].lower) != std::end(kBefore)) return true;
  }
  return false;
}

std::vector<ReportItem> BodyEnvironment(const Thread& root);

// "$ tool --version", "go version", "node -v": a command that prints the
// version of what runs; the command, without its prompt, or empty.
std::string_view VersionCommand(std::string_view line) {
  line = TrimView(line);
  for (std::string_view prompt : {"$ ", "% ", "> ", "# "}) {
    if (line.starts_with(prompt)) line = TrimView(line.substr(prompt.size()));
  }
  // "C:\dir>tool -v", "PS C:\dir> tool -v".
  if (size_t gt = line.find(">"); gt != std::string_view::npos && line.find(":\\") < gt) {
    line = TrimView(line.substr(gt + 1));
  }
  constexpr size_t kMaxWords = 3;  // "npx tsc --version"
  const size_t words = static_cast<size_t>(std::count(line.begin(), line.end(), ' ')) + 1;
  if (line.empty() || words < 2 || words > kMaxWords) return {};
  const std::string_view last = line.substr(line.rfind(' ') + 1);
  static constexpr std::string_view kFlags[] = {"--version", "-version", "-v", "-V", "version"};
  return std::ranges::find(kFlags, last) != std::end(kFlags) ? line : std::string_view();
}

// "1.9.11" in "tool 1.9.11", "go1.22.1": digits, a dot, digits, anywhere.
bool HasDottedNumber(std::string_view text) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '.' && IsDigit(text[i - 1]) && IsDigit(text[i + 1])) return true;
  }
  return false;
}

// One line a code block printed, as an environment item: plain text that
// keeps the block's source.
ReportItem PrintedLine(const Post& body, const text::Block& block, std::string_view line) {
  ReportItem item = ItemFromBlock(body, block);
  item.is_code = false;
  item.language.clear();
  item.text = std::string(line);
  return item;
}

// The versions a pasted session printed: each version command of the
// body's code blocks, with the first line after it that names a version.
std::vector<ReportItem> VersionOutputs(const Post& body) {
  constexpr size_t kMaxOutputLine = 120;
  constexpr size_t kLinesAfter = 3;  // a banner line may come first
  std::vector<ReportItem> items;
  for (const text::Block& block : body.blocks) {
    if (block.kind != text::BlockKind::kCode) continue;
    const Lines split(block.text);
    const std::vector<std::string_view> lines(split.begin(), split.end());
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string_view command = VersionCommand(lines[i]);
      if (command.empty()) continue;
      for (size_t j = i + 1; j < lines.size() && j <= i + kLinesAfter; ++j) {
        const std::string_view output = TrimView(lines[j]);
        if (!VersionCommand(output).empty() || IsPromptLine(output)) break;
        if (output.empty() || output.size() > kMaxOutputLine || !HasDottedNumber(output)) continue;
        items.push_back(PrintedLine(body, block, output));
        items.back().label = std::string(command);
        i = j;
        break;
      }
    }
  }
  return items;
}

// A code block the reporter introduces as the setup ("Here is the
// environment:" over a package manager's listing): each of its lines that
// names a version, up to kMaxListed.
std::vector<ReportItem> IntroducedListings(const Post& body) {
  constexpr size_t kMaxListed = 8;
  constexpr size_t kMaxLine = 120;
  std::vector<ReportItem> items;
  for (size_t i = 1; i < body.blocks.size(); ++i) {
    const text::Block& block = body.blocks[i];
    const text::Block& before = body.blocks[i - 1];
    if (block.kind != text::BlockKind::kCode || before.kind != text::BlockKind::kParagraph)
      continue;
    const std::string_view lead_in = TrimView(before.text);
    if (!lead_in.ends_with(':')) continue;
    // The lead-in's last sentence names the setup.
    const std::string lower = LowerAscii(lead_in);
    const std::string_view last = SentenceAt(lower, lower.size() - 1);
    // Or it names the setup, over a line or two ("I'm on Ubuntu 14.04, got
    // leiningen from the package manager, and it says:").
    constexpr size_t kShortListing = 2;
    const bool names_setup =
        EnvironmentFacts(last) > 0 &&
        static_cast<size_t>(std::count(block.text.begin(), block.text.end(), '\n')) < kShortListing;
    if (last.find("environment") == std::string_view::npos &&
        last.find("versions") == std::string_view::npos && !names_setup) {
      continue;
    }
    for (std::string_view line : Lines(block.text)) {
      line = TrimView(line);
      if (line.empty() || line.size() > kMaxLine || !HasDottedNumber(line)) continue;
      items.push_back(PrintedLine(body, block, line));
      if (items.size() >= kMaxListed) return items;
    }
  }
  return items;
}

}  // namespace

std::vector<ReportItem> ExtractEnvironment(const Thread& root) {
  std::vector<ReportItem> items = BodyEnvironment(root);
  std::erase_if(items, NamesNoSetup);
  // What a pasted session printed, unless an item says it already.
  if (const Post* body = BodyOf(root); body != nullptr && HasKind(*body, text::BlockKind::kCode)) {
    std::vector<ReportItem> printed_items = VersionOutputs(*body);
    for (ReportItem& listed : IntroducedListings(*body)) printed_items.push_back(std::move(listed));
    for (ReportItem& printed : printed_items) {
      const bool known = std::any_of(items.begin(), items.end(), [&](const ReportItem& item) {
        return item.text.find(printed.text) != std::string::npos;
      });
      if (!known) items.push_back(std::move(printed));
    }
  }
  if (root.node != nullptr && TitleNamesVersion(root.node->title)) {
    ReportItem item;
    item.label = "Title";
    item.text = root.node->title;
    item.source = BodySource(*root.node);
    item.author = root.node->author;
    item.author_association = root.node->author_association;
    items.insert(items.begin(), std::move(item));
  }
  return items;
}

namespace {

std::vector<ReportItem> BodyEnvironment(const Thread& root) {
  const Post* body = BodyOf(root);
  if (body == nullptr) return {};
  BlockSet taken;
  std::vector<ReportItem> items = TopicItems(*body, Topic::kEnvironment, &taken);
  if (!items.empty()) return items;
  // No section: the sentences that name the setup, wherever the reporter
  // put them, except in other people's sections; in the steps and what
  // happened, only a list of versions ("lib 1.6.0, numpy 2.0.1, Python
  // 3.12.3 on Ubuntu 24.04"), which no step is.
  constexpr int kFactsInSteps = 3;
  // A run of bullets that name two facts between them ("- tallybook 4.0.0",
  // "- PostgreSQL 15.6") is a list of the setup: each bullet with a fact.
  // (A body with an environment section returned above.)
  std::vector<int> bullet_facts(body->blocks.size(), 0);
  std::vector<bool> setup_bullet(body->blocks.size(), false);
  for (size_t i = 0; i < body->blocks.size();) {
    size_t end = i;
    int facts = 0;
    while (end < body->blocks.size() && body->blocks[end].kind == text::BlockKind::kListItem &&
           (body->topics[end] == Topic::kNone || body->topics[end] == Topic::kOther)) {
      bullet_facts[end] = EnvironmentFacts(body->blocks[end].text);
      facts += bullet_facts[end];
      ++end;
    }
    for (size_t k = i; facts >= 2 && k < end; ++k) setup_bullet[k] = bullet_facts[k] >= 1;
    i = end == i ? i + 1 : end;
  }
  bool weak_used = false;
  for (size_t i = 0; i < body->blocks.size() && items.size() < kMaxSentences; ++i) {
    if (setup_bullet[i]) {
      items.push_back(ItemFromBlock(*body, body->blocks[i]));
      continue;
    }
    const text::Block& block = body->blocks[i];
    Topic topic = body->topics[i];
    if (!IsProseBlock(block) || topic == Topic::kWorkaround || topic == Topic::kFix ||
        topic == Topic::kRootCause) {
      continue;
    }
    const bool steps =
        topic == Topic::kReproduction || topic == Topic::kExpected || topic == Topic::kActual;
    // Once a sentence of the paragraph names the setup, the next ones that
    // name a version go with it ("Firefox 126 on Windows 11. Other
    // extensions: PrivacyFence 8.4.").
    bool setup_paragraph = false;
    for (std::string_view sentence : Clauses(block.text)) {
      if (sentence.size() > kMaxSentence || sentence.ends_with('?')) continue;
      const int facts = EnvironmentFacts(sentence);
      const bool version = !VersionIn(sentence).empty();
      // "clippy 0.1.59 (efec545 2021-12-04)", "macOS 10.13.6.": a line of
      // nothing but a name and its version.
      constexpr size_t kFactLineWords = 4;
      const std::string first_word = LowerAscii(sentence.substr(0, sentence.find(' ')));
      const bool fact_line = !steps && facts >= 1 && version && first_word != "i" &&
                             first_word != "we" &&
                             static_cast<size_t>(std::count(sentence.begin(), sentence.end(), ' ')) <
                                 kFactLineWords;
      // "This is 1.6.2", "since 6.8.2, … on winxp": the version run now,
      // once per body.
      const bool weak = !steps && !weak_used && version && (SaysSetup(sentence) || facts >= 1);
      // "AnkiDroid Version = 2.16alpha88", "Android Version: 12": a debug
      // block's field that names a version.
      constexpr size_t kFieldWords = 6;
      const std::string lower = LowerAscii(sentence);
      const bool version_field =
          !steps &&
          (lower.find(" version = ") != std::string::npos ||
           lower.find(" version: ") != std::string::npos) &&
          static_cast<size_t>(std::count(sentence.begin(), sentence.end(), ' ')) < kFieldWords;
      const bool names_setup = fact_line || weak || version_field ||
                               facts >= (steps ? kFactsInSteps : 2) ||
                               (facts == 1 && !steps && SaysSetup(sentence));
      if (weak && !fact_line && facts < 2) weak_used = true;
      if (!names_setup && !(setup_paragraph && facts >= 1)) continue;
      setup_paragraph = true;
      ReportItem item = ItemFromBlock(*body, block);
      item.text = CollapseSpaces(sentence);
      items.push_back(std::move(item));
      if (items.size() == kMaxSentences) break;
    }
  }
  return items;
}

}  // namespace
}  // namespace issuegraph::analyze
