#include "analyze/errors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <span>
#include <unordered_map>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  lines.reserve(8);  // most blocks are short; longer ones grow the vector
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool IsAsciiAlnum(char c) { return IsDigit(c) || IsAlpha(c); }

// Whether NormalizeWords(tag) is "error", "fatal" or "critical": the word,
// in any case, with nothing but separators around it.
bool IsLevelTag(std::string_view tag) {
  while (!tag.empty() && !IsAsciiAlnum(tag.front())) tag.remove_prefix(1);
  while (!tag.empty() && !IsAsciiAlnum(tag.back())) tag.remove_suffix(1);
  static constexpr std::string_view kLevels[] = {"error", "fatal", "critical"};
  for (std::string_view level : kLevels) {
    if (tag.size() == level.size() && std::equal(tag.begin(), tag.end(), level.begin(),
                                                 [](char c, char l) { return (c | 0x20) == l; })) {
      return true;
    }
  }
  return false;
}

// Drops what log lines open with before the message: timestamps, "[main]"
// style tags, "<" of curl's verbose output, a few at most.
std::string_view StripLogPrefix(std::string_view line) {
  for (int round = 0; round < 4; ++round) {
    line = TrimView(line);
    if (line.starts_with("< ") || line.starts_with("> ")) {
      line.remove_prefix(2);
      continue;
    }
    // Valgrind's and the sanitizers' "==48213== " (the process id).
    if (line.starts_with("==")) {
      size_t digits = 2;
      while (digits < line.size() && IsDigit(line[digits])) ++digits;
      if (digits > 2 && line.substr(digits).starts_with("==")) {
        line.remove_prefix(digits + 2);
        continue;
      }
    }
    if (line.starts_with('[')) {
      size_t close = line.find(']');
      // "[ERROR]" is itself the level; keep it.
      if (close != std::string_view::npos && close < 40) {
        std::string_view tag = line.substr(1, close - 1);
        if (IsLevelTag(tag)) return line;
        line.remove_prefix(close + 1);
        continue;
      }
    }
    size_t space = line.find(' ');
    std::string_view token = line.substr(0, space);
    bool stamp = token.size() >= 4 && IsDigit(token.front()) &&
                 std::all_of(token.begin(), token.end(), [](char c) {
                   return IsDigit(c) || c == '-' || c == ':' || c == '.' || c == ',' || c == 'T' ||
                          c == 'Z' || c == '/' || c == '+';
                 });
    if (!stamp || space == std::string_view::npos) break;
    line.remove_prefix(space + 1);
  }
  return TrimView(line);
}

bool IsHttpErrorStatus(std::string_view line) {
  if (!line.starts_with("HTTP/")) return false;
  size_t space = line.find(' ');
  if (space == std::string_view::npos || space + 4 > line.size()) return false;
  std::string_view code = line.substr(space + 1, 3);
  return code.size() == 3 && (code[0] == '4' || code[0] == '5') && IsDigit(code[1]) &&
         IsDigit(code[2]);
}

// "src/a.cc:12:5: error: …" and "a.go:3: error …" style diagnostics.
bool IsCompilerDiagnostic(std::string_view line) {
  // Every marker opens with ": "; most lines have none.
  if (line.find(": ") == std::string_view::npos) return false;
  static constexpr std::string_view kMarkers[] = {": error:", ": fatal error:", ": error ",
                                                  ": Error:"};
  for (std::string_view marker : kMarkers) {
    size_t at = line.find(marker);
    if (at == std::string_view::npos || at == 0) continue;
    // Walk back over ":digits" groups; at least one must be there.
    size_t pos = at;
    int groups = 0;
    while (pos > 0 && IsDigit(line[pos - 1])) {
      size_t digits_end = pos;
      while (pos > 0 && IsDigit(line[pos - 1])) --pos;
      if (pos == digits_end || pos == 0 || line[pos - 1] != ':') break;
      --pos;
      ++groups;
    }
    if (groups > 0 && pos > 0) return true;
  }
  return false;
}

// "ValueError: …", "java.lang.IllegalStateException: …", "Uncaught TypeError: …".
bool StartsWithExceptionName(std::string_view line) {
  // The first colon that is not half of a "::" scope.
  size_t colon = line.find(':');
  while (colon != std::string_view::npos && colon + 1 < line.size() && line[colon + 1] == ':') {
    colon = line.find(':', colon + 2);
  }
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view token = line.substr(0, colon);
  if (token.find(' ') != std::string_view::npos || !IsAlpha(token.front())) return false;
  if (token.ends_with("Error") || token.ends_with("Exception") || token.ends_with("Failure") ||
      token.ends_with("Fault") || token.ends_with("Panic")) {
    return true;
  }
  // Ruby's and PHP's scoped class names: "ActiveRecord::StatementInvalid: …".
  if (token.find("::") == std::string_view::npos || colon + 1 >= line.size() ||
      line[colon + 1] != ' ') {
    return false;
  }
  for (size_t at = 0; at < token.size();) {
    size_t end = token.find("::", at);
    std::string_view part = token.substr(at, end == std::string_view::npos ? token.size() - at : end - at);
    if (part.empty() || part.front() < 'A' || part.front() > 'Z') return false;
    at = end == std::string_view::npos ? token.size() : end + 2;
  }
  return true;
}

// Go's test output: "--- FAIL: TestX (0.12s)" and "    x_test.go:57: message".
bool IsGoTestFailure(std::string_view line) {
  if (line.starts_with("--- FAIL")) return true;
  size_t at = line.find("_test.go:");
  if (at == std::string_view::npos) return false;
  size_t digits = at + 9;
  size_t end = digits;
  while (end < line.size() && line[end] >= '0' && line[end] <= '9') ++end;
  return end > digits && end + 1 < line.size() && line[end] == ':' && line[end + 1] == ' ';
}

// Valgrind memcheck's reports (the "==pid==" prefix stripped): a leak that
// is certain, an invalid access or free, a use of uninitialised memory.
bool IsMemcheckError(std::string_view line) {
  static constexpr std::string_view kOpeners[] = {
      "Invalid read of size", "Invalid write of size", "Invalid free()", "Mismatched free()",
      "Conditional jump or move depends on uninitialised", "Use of uninitialised value"};
  for (std::string_view opener : kOpeners) {
    if (line.starts_with(opener)) return true;
  }
  if (line.starts_with("definitely lost: ")) return !line.starts_with("definitely lost: 0 bytes");
  return line.find(" are definitely lost in loss record ") != std::string_view::npos;
}

// line.starts_with(opener) for a non-empty line, with the first bytes
// compared inline: most lines differ there, and a library call per opener
// costs more than the whole test.
bool OpensWith(std::string_view line, std::string_view opener) {
  return line.front() == opener.front() && line.starts_with(opener);
}

bool HasUpperWord(std::string_view line, std::string_view word) {
  size_t pos = 0;
  while ((pos = line.find(word, pos)) != std::string_view::npos) {
    size_t end = pos + word.size();
    bool start_ok = pos == 0 || !IsAlpha(line[pos - 1]);
    bool end_ok = end == line.size() || !IsAlpha(line[end]);
    if (start_ok && end_ok) return true;
    ++pos;
  }
  return false;
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

// Lines that cannot be program source, so they count even inside a fence
// tagged with a programming language (a Python traceback tagged `python`).
bool IsUnmistakableErrorLine(std::string_view raw) {
  std::string_view line = StripLogPrefix(raw);
  static constexpr std::string_view kMarkers[] = {"Traceback (most recent call last)",
                                                  "panicked at", "core dumped",
                                                  "Exception in thread", "Segmentation fault"};
  for (std::string_view marker : kMarkers) {
    if (line.find(marker) != std::string_view::npos) return true;
  }
  return line.starts_with("Caused by: ") || IsHttpErrorStatus(line) || IsCompilerDiagnostic(line) ||
         StartsWithExceptionName(line);
}

std::string_view LeadInBefore(const Post& post, size_t index) {
  if (index == 0) return {};
  const text::Block& before = post.blocks[index - 1];
  if (before.kind != text::BlockKind::kParagraph && before.kind != text::BlockKind::kListItem) {
    return {};
  }
  return before.text;
}

}  // namespace

bool IsErrorLine(std::string_view raw) {
  std::string_view line = StripLogPrefix(raw);
  if (line.empty()) return false;
  if (line.find("Traceback (most recent call last)") != std::string_view::npos) return true;
  if (line.find("panicked at") != std::string_view::npos) return true;
  if (line.find("core dumped") != std::string_view::npos) return true;
  // macOS's loader: "dyld[4471]: Library not loaded: @rpath/…".
  if (line.find("Library not loaded:") != std::string_view::npos) return true;
  if (line.starts_with("WARNING: DATA RACE") || IsGoTestFailure(line)) return true;
  if (IsMemcheckError(line)) return true;
  // Every opener below starts with one of these bytes.
  static constexpr std::string_view kOpenerFirst = "pfFEUCnSe[lt";
  if (kOpenerFirst.find(line.front()) != std::string_view::npos) {
    static constexpr std::string_view kOpeners[] = {"panic: ",
                                                    "fatal error:",
                                                    "fatal:",
                                                    "FATAL",
                                                    "Fatal error",
                                                    "Exception in thread",
                                                    "Caused by: ",
                                                    "Uncaught ",
                                                    "Unhandled exception",
                                                    "Unhandled rejection",
                                                    "npm ERR!",
                                                    "Segmentation fault",
                                                    "error:",
                                                    "Error:",
                                                    "ERROR",
                                                    "[ERROR]",
                                                    "[error]",
                                                    "error[E",
                                                    "CRITICAL",
                                                    "E   ",
                                                    "level=error",
                                                    "level=fatal",
                                                    "thread '"};
    for (std::string_view opener : kOpeners) {
      if (OpensWith(line, opener)) {
        // "thread 'main'" is a Rust panic only with "panicked" (checked above).
        if (opener == "thread '") continue;
        return true;
      }
    }
  }
  if (line.find(" level=error") != std::string_view::npos) return true;
  return IsHttpErrorStatus(line) || IsCompilerDiagnostic(line) || StartsWithExceptionName(line);
}

bool MentionsFailure(std::string_view line) {
  if (HasUpperWord(line, "ERROR") || HasUpperWord(line, "FATAL") || HasUpperWord(line, "FAILED")) {
    return true;
  }
  static const PhraseSet kFailureWords = {
      "error",     "errors",    "exception", "failed",       "failure",  "fatal",   "panic",
      "traceback", "denied",    "refused",   "segfault",     "aborted",  "crashed", "cannot",
      "can't",     "unable to", "not found", "no such file", "timed out"};
  // One buffer per thread: this runs for every line of every code block.
  thread_local std::string lower;
  lower.assign(line);
  LowerAsciiInPlace(lower);
  return kFailureWords.AnyIn(lower);
}

namespace {

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
  // Scripts are commands to run; only their own error lines make them output.
  if (IsScriptLanguage(language)) return lines.any_error();
  if (lines.any_error()) return true;
  // Only the sentence that introduces the block: "…the agent fails with:".
  std::string lead = LowerAscii(TrimView(lead_in));
  std::string_view last = lead.empty() ? std::string_view() : SentenceAt(lead, lead.size() - 1);
  static const PhraseSet kLeadInCues = {
      "error",     "errors",      "fails",      "failed",    "fail",
      "failing",   "exception",   "crash",      "crashes",   "crashed",
      "traceback", "stack trace", "stacktrace", "panic",     "panics",
      "throws",    "raises",      "complains",  "aborts",    "error message",
      "log says",  "logs say",    "log shows",  "logs show", "log output"};
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
  for (const Thread* thread : threads) {
    for (const Post& post : thread->posts) {
      if (!HasKind(post, text::BlockKind::kCode) && !HasKind(post, text::BlockKind::kQuote)) {
        continue;
      }
      std::vector<size_t> counted_in_post;
      for (size_t i = 0; i < post.blocks.size(); ++i) {
        const text::Block& block = post.blocks[i];
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
          continue;
        }
        if (items.size() >= kMaxErrors) continue;
        ReportItem item = ItemFromBlock(post, block);
        item.is_code = true;
        item.language = block.kind == text::BlockKind::kCode ? block.info : "";
        item.text = excerpt;
        items.push_back(std::move(item));
        keys.push_back(std::move(key));
        counted_in_post.push_back(items.size() - 1);
      }
    }
  }
  return items;
}

}  // namespace issuegraph::analyze
