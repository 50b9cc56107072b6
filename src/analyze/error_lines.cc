#include "analyze/error_lines.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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

// "src/a.cc:12:5: error: …" and "a.go:3: error …" style diagnostics; called
// only when the marker pass saw one of kMarkers below.
bool IsCompilerDiagnostic(std::string_view line) {
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
  // The first colon that is not half of a "::" scope, before any space: a
  // prose line is ruled out at its first word.
  size_t colon = 0;
  while (colon < line.size() && line[colon] != ' ' &&
         (line[colon] != ':' || (colon + 1 < line.size() && line[colon + 1] == ':'))) {
    colon += line[colon] == ':' ? 2 : 1;
  }
  if (colon >= line.size() || line[colon] != ':' || colon == 0) return false;
  std::string_view token = line.substr(0, colon);
  if (!IsAlpha(token.front())) return false;
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
// The "_test.go:" form is checked only when the marker pass saw it.
bool IsGoTestFailure(std::string_view line, bool test_go_marker) {
  if (line.starts_with("--- FAIL")) return true;
  if (!test_go_marker) return false;
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
  // Every opener, and "definitely lost", starts with one of these bytes.
  if (line.empty() || std::string_view("IMCUd").find(line.front()) == std::string_view::npos) {
    return false;
  }
  static constexpr std::string_view kOpeners[] = {
      "Invalid read of size", "Invalid write of size", "Invalid free()", "Mismatched free()",
      "Conditional jump or move depends on uninitialised", "Use of uninitialised value"};
  for (std::string_view opener : kOpeners) {
    if (line.starts_with(opener)) return true;
  }
  if (line.starts_with("definitely lost: ")) return !line.starts_with("definitely lost: 0 bytes");
  return false;
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

namespace {

// Phrases that mark an error wherever they stand in a line, found in one
// pass over it: most lines are prose and hold none, and one search per
// phrase cost more than all the rest of the test.
enum Marker : uint32_t {
  kTraceback = 1u << 0,
  kPanickedAt = 1u << 1,
  kCoreDumped = 1u << 2,
  kNotLoaded = 1u << 3,     // macOS's loader: "dyld[4471]: Library not loaded: @rpath/…"
  kUndefinedRef = 1u << 4,  // the linker: "main.o: undefined reference to `pow'"
  kLostInRecord = 1u << 5,  // memcheck: "… bytes … are definitely lost in loss record 1 of 2"
  kLevelError = 1u << 6,    // logfmt: "… level=error msg=…"
  kExceptionInThread = 1u << 7,
  kSegfault = 1u << 8,
  kTestGo = 1u << 9,      // worth IsGoTestFailure's closer look
  kDiagnostic = 1u << 10  // worth IsCompilerDiagnostic's closer look
};

// Markers are found four bytes at a time: every marker is seven bytes or
// longer, so each copy in a line holds four bytes that start at a
// multiple of four from the line's start, at one of its first four
// offsets. A hash of those bytes, one bit test, rules out all but a few
// positions, and only every fourth position is read.
struct MarkerText {
  std::string_view text;
  uint32_t bit;
};

constexpr MarkerText kMarkerTexts[] = {
    {"Traceback (most recent call last)", kTraceback},
    {"panicked at", kPanickedAt},
    {"core dumped", kCoreDumped},
    {"Library not loaded:", kNotLoaded},
    {"undefined reference to", kUndefinedRef},
    {" are definitely lost in loss record ", kLostInRecord},
    {" level=error", kLevelError},
    {"Exception in thread", kExceptionInThread},
    {"Segmentation fault", kSegfault},
    {"_test.go:", kTestGo},
    {": error", kDiagnostic},
    {": fatal error:", kDiagnostic},
    {": Error:", kDiagnostic},
};

constexpr size_t kStride = 4;  // also the window's size

constexpr uint32_t WindowOf(std::string_view text, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(text[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(text[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(text[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(text[at + 3])) << 24;
}

constexpr size_t WindowHash(uint32_t window) { return (window * 0x9E3779B1u) >> 16; }

// Each marker's windows at its first kStride offsets.
struct MarkerWindow {
  uint32_t window;
  uint8_t marker;  // into kMarkerTexts
  uint8_t offset;
};

constexpr size_t kMarkerWindowCount = std::size(kMarkerTexts) * kStride;

constexpr std::array<MarkerWindow, kMarkerWindowCount> kWindows = [] {
  std::array<MarkerWindow, kMarkerWindowCount> windows{};
  size_t n = 0;
  for (size_t marker = 0; marker < std::size(kMarkerTexts); ++marker) {
    if (kMarkerTexts[marker].text.size() < 2 * kStride - 1)
      throw "a marker too short for the stride";
    for (size_t offset = 0; offset < kStride; ++offset) {
      windows[n++] = {WindowOf(kMarkerTexts[marker].text, offset), static_cast<uint8_t>(marker),
                      static_cast<uint8_t>(offset)};
    }
  }
  return windows;
}();

// Bit WindowHash of every window.
constexpr std::array<uint64_t, 65536 / 64> kWindowBits = [] {
  std::array<uint64_t, 65536 / 64> bits{};
  for (const MarkerWindow& window : kWindows) {
    const size_t hash = WindowHash(window.window);
    bits[hash / 64] |= uint64_t{1} << (hash % 64);
  }
  return bits;
}();

static_assert(std::endian::native == std::endian::little,
              "windows are read as WindowOf builds them");

uint32_t MarkersIn(std::string_view line) {
  uint32_t found = 0;
  const char* data = line.data();
  for (size_t at = 0; at + kStride <= line.size(); at += kStride) {
    uint32_t window = 0;
    std::memcpy(&window, data + at, sizeof window);  // little-endian, as WindowOf
    const size_t hash = WindowHash(window);
    if ((kWindowBits[hash / 64] >> (hash % 64) & 1) == 0) continue;
    // Common words share some windows ("ore " of "core dumped"): the
    // precomputed list settles them with one comparison each.
    for (const MarkerWindow& candidate : kWindows) {
      if (candidate.window != window || candidate.offset > at) continue;
      const MarkerText& marker = kMarkerTexts[candidate.marker];
      const size_t begin = at - candidate.offset;
      if (line.size() - begin >= marker.text.size() &&
          line.substr(begin, marker.text.size()) == marker.text) {
        found |= marker.bit;
      }
    }
  }
  return found;
}

constexpr uint32_t kUnmistakableMarkers =
    kTraceback | kPanickedAt | kCoreDumped | kExceptionInThread | kSegfault;
constexpr uint32_t kErrorMarkers = kTraceback | kPanickedAt | kCoreDumped | kNotLoaded |
                                   kUndefinedRef | kLostInRecord | kLevelError;

bool IsUnmistakable(std::string_view line, uint32_t markers) {
  if ((markers & kUnmistakableMarkers) != 0) return true;
  return line.starts_with("Caused by: ") || IsHttpErrorStatus(line) ||
         ((markers & kDiagnostic) != 0 && IsCompilerDiagnostic(line)) ||
         StartsWithExceptionName(line);
}

bool IsError(std::string_view line, uint32_t markers) {
  if (line.empty()) return false;
  if ((markers & kErrorMarkers) != 0) return true;
  if (line.starts_with("WARNING: DATA RACE") || IsGoTestFailure(line, (markers & kTestGo) != 0)) {
    return true;
  }
  if (IsMemcheckError(line)) return true;
  // Every opener below starts with one of these bytes.
  static constexpr std::string_view kOpenerFirst = "pfFEUCnSe[l";
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
                                                    "CMake Error",
                                                    "E   ",
                                                    "level=error",
                                                    "level=fatal"};
    for (std::string_view opener : kOpeners) {
      if (OpensWith(line, opener)) return true;
    }
  }
  return IsHttpErrorStatus(line) || ((markers & kDiagnostic) != 0 && IsCompilerDiagnostic(line)) ||
         StartsWithExceptionName(line);
}

}  // namespace

// Lines that cannot be program source, so they count even inside a fence
// tagged with a programming language (a Python traceback tagged `python`).
bool IsUnmistakableErrorLine(std::string_view raw) {
  std::string_view line = StripLogPrefix(raw);
  return IsUnmistakable(line, MarkersIn(line));
}

bool IsErrorLine(std::string_view raw) {
  std::string_view line = StripLogPrefix(raw);
  return IsError(line, MarkersIn(line));
}

bool IsAnyErrorLine(std::string_view raw) {
  std::string_view line = StripLogPrefix(raw);
  const uint32_t markers = MarkersIn(line);
  // IsError tests every opening IsUnmistakable does ("Caused by: ", an
  // HTTP status, a diagnostic, an exception's name) and the markers they
  // share: only two markers are IsUnmistakable's alone.
  static_assert((kUnmistakableMarkers & ~kErrorMarkers) == (kExceptionInThread | kSegfault));
  return IsError(line, markers) || (markers & (kExceptionInThread | kSegfault)) != 0;
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
