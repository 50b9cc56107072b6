// Single lines of logs and console output: whether one says "this is an
// error" on its own, and what a log line opens with before its message.
// Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace issuegraph::analyze {

// A line that on its own says "this is an error": a traceback header, a
// "SomethingError: …" or "error: …" line, panic:, FATAL, an HTTP 4xx/5xx
// status line, "file:line:col: error:", a log line at level ERROR, a
// memcheck report.
bool IsErrorLine(std::string_view line);

// Lines that cannot be program source, so they count even inside a fence
// tagged with a programming language (a Python traceback tagged `python`).
bool IsUnmistakableErrorLine(std::string_view raw);

// IsErrorLine(line) || IsUnmistakableErrorLine(line), in one pass.
bool IsAnyErrorLine(std::string_view raw);

// A line that mentions failure in words (error, exception, failed, fatal…);
// enough only where the text is not source code.
bool MentionsFailure(std::string_view line);

// `line` without what log lines open with before the message: timestamps,
// "[main]" style tags, "<" of curl's verbose output, valgrind's "==pid==".
std::string_view StripLogPrefix(std::string_view line);

// line.starts_with(opener) (a non-empty opener), with the first bytes
// compared inline: most lines differ there, and a library call per opener
// costs more than the whole test.
inline bool OpensWith(std::string_view line, std::string_view opener) {
  return !line.empty() && line.front() == opener.front() && line.starts_with(opener);
}

}  // namespace issuegraph::analyze
