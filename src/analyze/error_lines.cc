#include "analyze/error_lines.h"

#include <algorithm>
#include <string>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
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

}  // namespace

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

namespace {

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

}  // namespace

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

bool IsErrorLine(std::string_view raw) {
  std::string_view line = StripLogPrefix(raw);
  if (line.empty()) return false;
  if (line.find("Traceback (most recent call last)") != std::string_view::npos) return true;
  if (line.find("panicked at") != std::string_view::npos) return true;
  if (line.find("core dumped") != std::string_view::npos) return true;
  // macOS's loader: "dyld[4471]: Library not loaded: @rpath/…".
  if (line.find("Library not loaded:") != std::string_view::npos) return true;
  // The linker: "main.o: undefined reference to `pow'".
  if (line.find("undefined reference to") != std::string_view::npos) return true;
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

}  // namespace issuegraph::analyze
