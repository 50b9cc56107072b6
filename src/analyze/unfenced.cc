#include "analyze/unfenced.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "analyze/error_lines.h"
#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}
size_t Indent(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

// Headers that open machine output wherever they stand in a line's start.
constexpr std::string_view kGradleFailure = "FAILURE: Build failed";

constexpr std::string_view kCMakeError = "CMake Error";

constexpr std::array<std::string_view, 11> kHeaders = {
    "Traceback (most recent call last):",  // Python
    "Exception in thread \"",              // Java
    "panic: ",                             // Go
    "panic:runtime error",                 // Go, squeezed
    "fatal error: all goroutines",         // Go deadlock
    "stack backtrace:",                    // Rust
    "Caused by: ",                         // Java chained exception
    "Error: Cannot find module",           // Node
    "goroutine ",                          // Go, checked for a number below
    kGradleFailure,                        // Gradle: "FAILURE: Build failed with an exception."
    kCMakeError,                           // "CMake Error at CMakeLists.txt:8 (…):"
};

// After a blank line, CMake's report goes on with its indented message,
// "-- Configuring incomplete, errors occurred!" and "See also …".
bool ContinuesCMake(std::string_view line) {
  return line.starts_with("-- ") || line.starts_with("CMake ") || line.starts_with("See also ") ||
         line.starts_with("  ");
}

// The sections of Gradle's failure report after its header, each a line of
// its own ("* What went wrong:") with its text below; the causes below are
// quoted ("> Compilation failed; …") and belong to the output too.
constexpr std::array<std::string_view, 6> kGradleSections = {
    "* What went wrong", "* Try:",          "* Where:",
    "* Exception is:",   "* Get more help", "BUILD FAILED"};

bool OpensGradleSection(std::string_view line) {
  return std::ranges::any_of(kGradleSections,
                             [&](std::string_view section) { return line.starts_with(section); });
}

// Commands a root prompt ("# cmd ...") starts with; a line "# word" is
// otherwise a Markdown heading.
constexpr std::array<std::string_view, 34> kCommands = {
    "sudo", "pip", "pip3", "python", "python3", "git", "cd", "apt", "apt-get", "yum", "dnf",
    "npm", "npx", "yarn", "pnpm", "docker", "make", "cmake", "cargo", "go", "ls", "cat",
    "curl", "wget", "systemctl", "journalctl", "kubectl", "helm", "brew", "node", "java",
    "mvn", "gradle", "./"};

bool IsRootPrompt(std::string_view line) {
  if (!OpensWith(line, "# ") || line.size() < 3) return false;
  std::string_view rest = line.substr(2);
  for (std::string_view cmd : kCommands) {
    if (!OpensWith(rest, cmd)) continue;
    if (cmd == "./" || rest.size() == cmd.size() || rest[cmd.size()] == ' ') return true;
  }
  return false;
}

// "$ cmd", "PS C:\x> cmd", "C:\Users\x>cmd".
bool IsShellPrompt(std::string_view line) {
  if (OpensWith(line, "$ ") && line.size() > 2 && line[2] != ' ') return true;
  std::string_view rest = line;
  if (OpensWith(rest, "PS ")) rest.remove_prefix(3);
  if (rest.size() > 3 && std::isalpha(static_cast<unsigned char>(rest[0])) && rest[1] == ':' &&
      rest[2] == '\\') {
    size_t gt = rest.find('>');
    return gt != std::string_view::npos && gt + 1 < rest.size();
  }
  return false;
}

bool IsTimestamped(std::string_view line) {
  size_t i = line.size() > 0 && line[0] == '[' ? 1 : 0;
  auto two = [&](size_t at) { return at + 1 < line.size() && IsDigit(line[at]) && IsDigit(line[at + 1]); };
  // 12:40:16 or 2019-07-24 10:00 or 2019/07/24
  if (two(i) && i + 8 <= line.size() && line[i + 2] == ':' && two(i + 3) && line[i + 5] == ':') return true;
  return two(i) && two(i + 2) && i + 10 <= line.size() && (line[i + 4] == '-' || line[i + 4] == '/') &&
         two(i + 5) && (line[i + 7] == '-' || line[i + 7] == '/') && two(i + 8);
}

// "java.lang.NullPointerException" or "com.x.FooError: message".
bool IsQualifiedException(std::string_view line) {
  size_t end = 0;
  bool dot = false;
  auto is_alnum = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  while (end < line.size() &&
         (is_alnum(line[end]) || line[end] == '.' || line[end] == '_' || line[end] == '$')) {
    dot = dot || line[end] == '.';
    ++end;
  }
  std::string_view name = line.substr(0, end);
  if (!dot || !(name.ends_with("Exception") || name.ends_with("Error"))) return false;
  return end == line.size() || line[end] == ':' || line[end] == ' ';
}

bool IsFrame(std::string_view line) {
  size_t ind = Indent(line);
  std::string_view rest = line.substr(ind);
  return ind > 0 &&
         (OpensWith(rest, "at ") || OpensWith(rest, "File \"") ||
          (IsDigit(rest.empty() ? ' ' : rest[0]) && rest.find(": ") != std::string_view::npos));
}

bool IsQuote(std::string_view line) { return !line.empty() && line[0] == '>'; }

bool IsFence(std::string_view line) {
  // Up to three blanks, then three backticks or tildes; a fourth blank
  // makes it indented code instead.
  size_t at = 0;
  while (at < 3 && at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  if (line.size() < at + 3) return false;
  const char mark = line[at];
  return (mark == '`' || mark == '~') && line[at + 1] == mark && line[at + 2] == mark;
}

}  // namespace

bool IsToolError(std::string_view line) {
  constexpr size_t kMaxPrefix = 40;
  // Only a colon within the prefix counts: no need to look further.
  size_t colon = line.substr(0, kMaxPrefix + 2).find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxPrefix || line.size() < 25) {
    return false;
  }
  // Words as written: "standard_init_linux.go:185" is one. Inline code
  // ("plus `auth.require_totp_for: [admin]`") is a writer quoting a key.
  const std::string_view written = line.substr(0, colon);
  if (written.find('`') != std::string_view::npos) return false;
  const auto spaces = std::count(written.begin(), written.end(), ' ');
  std::string prefix = NormalizeWords(written);
  if (prefix.empty() || spaces > 3) return false;
  // "Some more information: the same failure…" is a writer's prose; a
  // program's name or message ("Error starting daemon") has no such words.
  static const PhraseSet kProseWords = {"a",    "an",   "the",  "some", "more", "my",   "our",
                                        "your", "this", "that", "i",    "we",   "here", "there"};
  if (spaces > 0 && kProseWords.AnyIn(prefix)) return false;
  static const PhraseSet kLabels = {
      "update", "edit", "note", "environment", "expected", "actual", "steps", "workaround",
      "result", "problem", "issue", "question", "summary", "description", "context", "reason",
      "cause", "fix", "solution", "bug", "tl dr", "ps", "also", "example", "edit 2", "version",
      "os", "expected behavior", "actual behavior", "current behavior", "what happened"};
  if (kLabels.AnyIn(prefix)) return false;
  return MentionsFailure(line.substr(colon + 2));
}


bool IsPromptLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return IsShellPrompt(line) || IsRootPrompt(line);
}

PromptCommands CommandsOf(std::span<const text::Block> blocks) {
  PromptCommands out;
  for (size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].kind != text::BlockKind::kCode) continue;
    std::string_view code = blocks[b].text;
    for (size_t at = 0; at < code.size();) {
      size_t nl = code.find('\n', at);
      if (nl == std::string_view::npos) nl = code.size();
      std::string_view line = code.substr(at, nl - at);
      at = nl + 1;
      if (!IsPromptLine(line)) continue;
      if (out.text.empty()) out.block = b;
      else out.text += '\n';
      out.text.append(line);
    }
  }
  return out;
}

bool StartsMachineOutput(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // Every header, "thread '", a prompt ("$ ", "# ", "PS ") or a drive
  // ("C:\\") opens with one of these bytes, or a letter and a colon.
  static constexpr std::string_view kFirst = "TEpfsCgtF$#P";
  if (line.size() < 2 || (kFirst.find(line[0]) == std::string_view::npos && line[1] != ':')) {
    return false;
  }
  for (std::string_view header : kHeaders) {
    if (!OpensWith(line, header)) continue;
    if (header != "goroutine ") return true;
    return line.size() > header.size() && IsDigit(line[header.size()]);
  }
  if (OpensWith(line, "thread '") && line.find("' panicked") != std::string_view::npos) return true;
  return IsShellPrompt(line) || IsRootPrompt(line);
}

std::string_view FenceUnfencedOutput(std::string_view markdown, std::string& scratch) {
  // One per thread, reused: most posts have nothing to fence.
  thread_local std::vector<std::string_view> lines;
  lines.clear();
  for (size_t at = 0; at <= markdown.size();) {
    size_t nl = markdown.find('\n', at);
    if (nl == std::string_view::npos) nl = markdown.size();
    lines.push_back(markdown.substr(at, nl - at));
    at = nl + 1;
  }
  // Runs as [first, last] line indexes.
  std::vector<std::pair<size_t, size_t>> runs;
  bool in_fence = false;
  size_t n = lines.size();
  auto starts = [&](size_t i) {
    std::string_view line = lines[i];
    // A stray backtick opening a pasted trace: "`java.lang.NullPointer…".
    if (line.size() > 1 && line[0] == '`' && line[1] != '`') line.remove_prefix(1);
    if (StartsMachineOutput(line)) return true;
    // An error line opening a paragraph of its own.
    if ((i == 0 || IsBlank(lines[i - 1])) && (IsAnyErrorLine(line) || IsToolError(line))) {
      return true;
    }
    // Two timestamped lines, or a qualified exception over a stack frame.
    if (i + 1 < n && IsTimestamped(line) && IsTimestamped(lines[i + 1])) return true;
    return i + 1 < n && IsQualifiedException(line) && IsFrame(lines[i + 1]);
  };
  for (size_t i = 0; i < n; ++i) {
    if (IsFence(lines[i])) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence || IsQuote(lines[i]) || !starts(i)) continue;
    size_t first = i;
    // A "# word" line right above a header is the root prompt that
    // produced it ("# trusttrees" over a traceback), not a heading.
    if (first > 0 && OpensWith(lines[first - 1], "# ") && lines[first - 1].size() > 2 &&
        std::islower(static_cast<unsigned char>(lines[first - 1][2]))) {
      --first;
    }
    size_t last = i;
    const bool gradle = OpensWith(lines[i], kGradleFailure);
    const bool cmake = OpensWith(lines[i], kCMakeError);
    for (size_t j = i + 1; j < n; ++j) {
      if (IsFence(lines[j]) || (IsQuote(lines[j]) && !gradle)) break;
      if (!IsBlank(lines[j])) {
        last = j;
        continue;
      }
      // A blank line ends the run unless machine output goes on after it.
      size_t k = j;
      while (k < n && IsBlank(lines[k])) ++k;
      if (k < n && !IsFence(lines[k]) &&
          (starts(k) || IsFrame(lines[k]) || (!lines[k].empty() && lines[k][0] == '[') ||
           OpensWith(lines[k], "created by ") || OpensWith(lines[k], "main.") ||
           (gradle && OpensGradleSection(lines[k])) || (cmake && ContinuesCMake(lines[k])))) {
        j = k - 1;
        continue;
      }
      break;
    }
    if (!runs.empty() && runs.back().second + 1 >= first) runs.back().second = last;
    else runs.emplace_back(first, last);
    i = last;
  }
  if (runs.empty()) return markdown;
  scratch.clear();
  scratch.reserve(markdown.size() + runs.size() * 16);
  size_t r = 0;
  for (size_t i = 0; i < n; ++i) {
    if (r < runs.size() && i == runs[r].first) {
      if (!scratch.empty() && scratch.back() != '\n') scratch += '\n';
      scratch += "````\n";
    }
    scratch.append(lines[i]);
    if (r < runs.size() && i == runs[r].second) {
      scratch += "\n````";
      ++r;
    }
    if (i + 1 < n) scratch += '\n';
  }
  return scratch;
}

}  // namespace issuegraph::analyze
