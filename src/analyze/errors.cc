#include "analyze/errors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <span>
#include <unordered_map>

#include "analyze/cue_lists.h"
#include "analyze/error_lines.h"
#include "analyze/prose.h"
#include "analyze/unfenced.h"
#include "model/lines.h"

namespace issuegraph::analyze {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  lines.reserve(8);  // most blocks are short; longer ones grow the vector
  for (std::string_view line : Lines(text)) lines.push_back(WithoutCr(line));
  return lines;
}

constexpr std::string_view kSourceLanguages[] = {
    "python", "py",     "python3", "javascript", "js",     "jsx",     "typescript", "ts",
    "tsx",    "go",     "golang",  "rust",       "rs",     "c",       "cpp",        "c++",
    "cc",     "h",      "hpp",     "java",       "kotlin", "kt",      "swift",      "ruby",
    "rb",     "php",    "cs",      "csharp",     "scala",  "lua",     "sql",        "yaml",
    "yml",    "json",   "toml",    "ini",        "xml",    "html",    "css",        "dockerfile",
    "diff",   "patch",  "hcl",     "terraform",  "elixir", "ex",      "exs",        "erlang",
    "erl",    "haskell", "hs",     "ocaml",      "clojure", "clj",    "dart",       "zig",
    "perl",   "r",      "julia",   "groovy",     "gradle", "vue",     "svelte",     "proto",
    "graphql", "nix",   "cmake",   "makefile",   "objc",   "objective-c", "fsharp", "vb"};

bool IsSourceLanguage(std::string_view language) {
  std::string lower = LowerAscii(language);
  return std::ranges::find(kSourceLanguages, lower) != std::end(kSourceLanguages);
}

bool IsScriptLanguage(std::string_view language) {
  std::string lower = LowerAscii(language);
  static constexpr std::string_view kScripts[] = {
      "sh", "bash", "zsh", "fish", "shell", "powershell", "ps1", "pwsh", "cmd", "bat", "batch"};
  for (std::string_view script : kScripts) {
    if (lower == script) return true;
  }
  return false;
}

bool LooksLikeSourceLine(std::string_view line) {
  line = TrimView(line);
  if (line.empty()) return false;
  // Every opener below starts with one of these bytes.
  static constexpr std::string_view kOpenerFirst = "dcifrwlv#psaetu}@";
  if (kOpenerFirst.find(line.front()) != std::string_view::npos) {
    static constexpr std::string_view kOpeners[] = {
        "def ",    "class ",   "import ", "from ",  "func ", "fn ",  "return ",
        "if ",     "for ",     "while ",  "const ", "let ",  "var ", "#include",
        "public ", "private ", "static ", "async ", "elif ", "else", "try:",
        "except",  "package ", "use ",    "}",      "@"};
    for (std::string_view opener : kOpeners) {
      if (OpensWith(line, opener)) return true;
    }
  }
  char last = line.back();
  return last == ';' || last == '{' || last == '}' || line.ends_with("):") ||
         line.ends_with(") {") || line.ends_with("=>");
}

std::string_view LeadInBefore(const Post& post, size_t index) {
  if (index == 0) return {};
  const text::Block& before = post.blocks[index - 1];
  if (before.kind != text::BlockKind::kParagraph && before.kind != text::BlockKind::kListItem) {
    return {};
  }
  return before.text;
}

// LooksLikeSource over the lines of the code.
bool LooksLikeSourceLines(std::span<const std::string_view> code_lines, std::string_view language) {
  if (!language.empty()) return IsSourceLanguage(language);
  size_t lines = 0;
  size_t source = 0;
  for (std::string_view line : code_lines) {
    if (TrimView(line).empty()) continue;
    ++lines;
    source += LooksLikeSourceLine(line) ? 1 : 0;
  }
  return lines > 0 && source * 10 >= lines * 3;
}

// The lines of a block, split once, and which of them are error lines
// (IsErrorLine), worked out once when first asked: the checks that decide
// whether a block is an error and the signature it is filed under read
// the same lines.
class BlockLines {
 public:
  explicit BlockLines(std::string_view text) : lines_(SplitLines(text)) {}

  std::span<const std::string_view> all() const { return lines_; }
  bool any_error() { return first_error() < lines_.size(); }
  // Indexes of the first and the last error line; size() when there is none.
  size_t first_error() {
    Find();
    return first_;
  }
  size_t last_error() {
    Find();
    return last_;
  }

 private:
  void Find() {
    if (found_) return;
    found_ = true;
    first_ = last_ = lines_.size();
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (!IsErrorLine(lines_[i])) continue;
      if (first_ == lines_.size()) first_ = i;
      last_ = i;
    }
  }

  std::vector<std::string_view> lines_;
  bool found_ = false;
  size_t first_ = 0;
  size_t last_ = 0;
};

// IsErrorBlock over lines already split.
bool IsErrorBlockIn(const text::Block& block, BlockLines& lines, std::string_view lead_in,
                    bool under_logs_heading) {
  if (block.kind != text::BlockKind::kCode && block.kind != text::BlockKind::kQuote) return false;
  if (TrimView(block.text).empty()) return false;
  std::string_view language =
      block.kind == text::BlockKind::kCode ? std::string_view(block.info) : std::string_view();
  if (block.kind == text::BlockKind::kCode && LooksLikeSourceLines(lines.all(), language)) {
    return std::any_of(lines.all().begin(), lines.all().end(), IsUnmistakableErrorLine);
  }
  // Scripts are commands to run; only their own error lines make them
  // output, or a tool's ("configure: error: …" under ```sh).
  if (IsScriptLanguage(language)) {
    return lines.any_error() || std::any_of(lines.all().begin(), lines.all().end(), IsToolError);
  }
  if (lines.any_error()) return true;
  // Only the sentence that introduces the block: "…the agent fails with:".
  std::string lead = LowerAscii(TrimView(lead_in));
  std::string_view last = lead.empty() ? std::string_view() : SentenceAt(lead, lead.size() - 1);
  static const PhraseSet& kLeadInCues = Phrases(CueRole::kErrorLeadIn);
  bool cue = last.ends_with(':') && kLeadInCues.AnyIn(last);
  if (cue || under_logs_heading) return true;
  // Shell sessions and logs without a telling lead-in need failure words.
  bool weak = std::any_of(lines.all().begin(), lines.all().end(), MentionsFailure);
  return weak && block.kind == text::BlockKind::kCode;
}

// ErrorSignature of `text`, split into `lines`.
std::string SignatureOf(std::string_view text, BlockLines& lines) {
  if (!lines.any_error()) return NormalizeError(text);
  std::string_view first = lines.all()[lines.first_error()];
  std::string_view last = lines.all()[lines.last_error()];
  // A traceback's header is the same for every failure; its last line names it.
  bool header = first.find("Traceback (most recent call last)") != std::string_view::npos;
  return NormalizeError(StripLogPrefix(header ? last : first));
}

// Logs longer than this are cut by ExcerptError.
constexpr size_t kMaxExcerptLines = 30;

}  // namespace

bool LooksLikeSource(std::string_view code, std::string_view language) {
  if (!language.empty()) return IsSourceLanguage(language);
  return LooksLikeSourceLines(SplitLines(code), language);
}

bool IsErrorBlock(const text::Block& block, std::string_view lead_in, bool under_logs_heading) {
  BlockLines lines(block.text);
  return IsErrorBlockIn(block, lines, lead_in, under_logs_heading);
}

std::string ExcerptError(std::string_view text) {
  auto lines = SplitLines(TrimView(text));
  if (lines.size() <= kMaxExcerptLines) return std::string(TrimView(text));
  std::vector<bool> keep(lines.size(), false);
  auto mark = [&](size_t from, size_t to) {
    for (size_t i = from; i < std::min(to, lines.size()); ++i) keep[i] = true;
  };
  size_t first = lines.size();
  size_t last = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!IsErrorLine(lines[i])) continue;
    if (first == lines.size()) first = i;
    last = i;
  }
  if (first == lines.size()) {
    mark(0, 15);
    mark(lines.size() - 10, lines.size());
  } else {
    mark(first >= 2 ? first - 2 : 0, first + 12);
    mark(last >= 5 ? last - 5 : 0, last + 4);
  }
  std::string out;
  size_t skipped = 0;
  auto flush_skipped = [&] {
    if (skipped == 0) return;
    out += "[… " + std::to_string(skipped) + (skipped == 1 ? " line" : " lines") + " omitted …]\n";
    skipped = 0;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!keep[i]) {
      ++skipped;
      continue;
    }
    flush_skipped();
    out += lines[i];
    out += '\n';
  }
  flush_skipped();
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string NormalizeError(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  bool pending_space = false;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    // Numbers, addresses and hashes differ between runs of the same failure.
    if (c == '0' && i + 2 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X') &&
        IsHex(text[i + 2])) {
      i += 2;
      while (i < text.size() && IsHex(text[i])) ++i;
      out += "0x0";
      continue;
    }
    bool word_start = i == 0 || !(IsAlpha(text[i - 1]) || IsDigit(text[i - 1]));
    if (word_start && IsHex(c)) {
      size_t end = i;
      bool digit = false;
      while (end < text.size() && IsHex(text[end])) digit |= IsDigit(text[end++]);
      bool word_end = end == text.size() || !(IsAlpha(text[end]) || IsDigit(text[end]));
      if (digit && word_end && end - i >= 6) {
        out.push_back('0');
        i = end;
        continue;
      }
    }
    if (IsDigit(c)) {
      while (i < text.size() && IsDigit(text[i])) ++i;
      out.push_back('0');
      continue;
    }
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    ++i;
  }
  return out;
}

std::string ErrorSignature(std::string_view text) {
  BlockLines lines(text);
  return SignatureOf(text, lines);
}

namespace {

// The spans of `sentence` in double quotation marks (straight or curly)
// that read as a tool's message: at least `min_size` bytes, with a mark
// prose rarely has (a colon, a bracket, a slash, an apostrophe-quoted
// name, a digit).
std::vector<std::string_view> QuotedMessages(std::string_view sentence, size_t min_size) {
  std::vector<std::string_view> found;
  size_t at = 0;
  while (at < sentence.size()) {
    size_t open = sentence.find_first_of("\"\xe2", at);
    if (open == std::string_view::npos) break;
    std::string_view close_mark = "\"";
    size_t after_open = open + 1;
    if (sentence[open] != '"') {
      if (sentence.substr(open, 3) != "\u201c") {
        at = open + 1;
        continue;
      }
      close_mark = "\u201d";
      after_open = open + 3;
    }
    size_t close = sentence.find(close_mark, after_open);
    if (close == std::string_view::npos) break;
    std::string_view quoted = sentence.substr(after_open, close - after_open);
    bool technical = quoted.find_first_of(":()[]/'=<>0123456789") != std::string_view::npos;
    if (quoted.size() >= min_size && technical) found.push_back(quoted);
    at = close + close_mark.size();
  }
  return found;
}

}  // namespace

std::vector<ReportItem> ExtractErrors(const std::vector<const Thread*>& threads, BlockSet* used) {
  std::vector<ReportItem> items;
  std::vector<std::string> keys;
  // The match found for each key already seen. Keys are only ever added
  // at the end, so a key's first match (or the lack of one, once no more
  // keys are taken) never changes: a long thread repeats a few failures
  // many times over.
  std::unordered_map<std::string, size_t> matches;
  // A shorter error inside a longer one is the same failure, when it says
  // enough on its own to be recognised.
  constexpr size_t kMinContained = 24;
  // Distinct failures beyond this are still not examples, but not listed.
  constexpr size_t kMaxErrors = 25;
  // Adds one error unless the same failure is listed already (then counts
  // it once more for this post).
  std::vector<size_t> counted_in_post;
  auto add = [&](const Post& post, const text::Block& block, std::string_view excerpt,
                 std::string key, std::string_view language) {
    auto [memo, added] = matches.try_emplace(key, keys.size());
    if (added) {
      for (size_t k = 0; k < keys.size(); ++k) {
        const std::string& shorter = keys[k].size() < key.size() ? keys[k] : key;
        const std::string& longer = keys[k].size() < key.size() ? key : keys[k];
        if (keys[k] == key ||
            (shorter.size() >= kMinContained && longer.find(shorter) != std::string::npos)) {
          memo->second = k;
          break;
        }
      }
    }
    size_t match = memo->second;
    if (match < keys.size()) {
      if (std::find(counted_in_post.begin(), counted_in_post.end(), match) ==
          counted_in_post.end()) {
        ++items[match].occurrences;
        counted_in_post.push_back(match);
      }
      return;
    }
    if (items.size() >= kMaxErrors) return;
    ReportItem item = ItemFromBlock(post, block);
    item.is_code = true;
    item.language = std::string(language);
    item.text = excerpt;
    items.push_back(std::move(item));
    keys.push_back(std::move(key));
    counted_in_post.push_back(items.size() - 1);
  };
  // An error quoted inline: "after updating I get `Module build failed:
  // Error: Cannot find module 'typescript'`".
  constexpr size_t kMinInlineError = 20;
  // Or in quotation marks, after words that say a tool printed it.
  static const PhraseSet& kQuoteCues = Phrases(CueRole::kQuotedError);
  for (const Thread* thread : threads) {
    for (const Post& post : thread->posts) {
      counted_in_post.clear();
      for (size_t i = 0; i < post.blocks.size(); ++i) {
        const text::Block& block = post.blocks[i];
        if (IsProseBlock(block)) {
          for (auto [begin, end] : block.code_spans) {
            std::string_view span = block.text.substr(begin, end - begin);
            if (span.size() < kMinInlineError || !(IsErrorLine(span) || IsToolError(span))) continue;
            add(post, block, span, ErrorSignature(span), "");
          }
          if (block.text.find('"') != std::string_view::npos ||
              block.text.find("\u201c") != std::string_view::npos) {
            const std::string_view lower = LowerProse(post, i);
            for (auto [begin, end] : SentenceRanges(lower)) {
              if (!kQuoteCues.AnyIn(lower.substr(begin, end - begin))) continue;
              for (std::string_view quoted :
                   QuotedMessages(block.text.substr(begin, end - begin), kMinInlineError)) {
                add(post, block, quoted, ErrorSignature(quoted), "");
              }
            }
          }
          continue;
        }
        if (block.kind != text::BlockKind::kCode && block.kind != text::BlockKind::kQuote) {
          continue;
        }
        BlockLines lines(block.text);
        if (!IsErrorBlockIn(block, lines, LeadInBefore(post, i), post.topics[i] == Topic::kLogs)) {
          continue;
        }
        used->insert({&post, i});
        // A short block is its own excerpt (ExcerptError), and its lines
        // are those split already: trimming the text changes none of its
        // error lines.
        std::string_view excerpt = TrimView(block.text);
        std::string cut;  // the excerpt of a long block
        std::string key;
        if (lines.all().size() <= kMaxExcerptLines) {
          key = SignatureOf(excerpt, lines);
        } else {
          cut = ExcerptError(block.text);
          excerpt = cut;
          key = ErrorSignature(excerpt);
        }
        add(post, block, excerpt, std::move(key),
            block.kind == text::BlockKind::kCode ? block.info : std::string_view());
      }
    }
  }
  return items;
}

}  // namespace issuegraph::analyze
