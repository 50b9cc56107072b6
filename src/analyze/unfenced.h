// Machine output pasted into an issue without a code fence: a traceback, a
// panic, a Java stack trace, a timestamped log, a shell session. Markdown
// would read it as prose: `__main__` turns bold-ish into `_main_`, `<module>`
// vanishes as HTML, lines run together. FenceUnfencedOutput finds such runs
// in the source text, outside fences and quotes, and puts each inside a
// fence of its own, so the parser keeps their bytes as code. Pure; the
// cues are the tables in unfenced.cc.
#pragma once

#include <string>
#include <span>
#include <string_view>

#include "text/markdown.h"

namespace issuegraph::analyze {

// `markdown` itself when it has no unfenced run; otherwise a view of
// `scratch`, which then holds the text with every run fenced. Every byte of
// the input is kept; only fence lines are added.
std::string_view FenceUnfencedOutput(std::string_view markdown, std::string& scratch);

// Whether one line (without its newline) starts machine output: a traceback
// or panic header, a shell prompt with a command, "Exception in thread".
bool StartsMachineOutput(std::string_view line);

// "docker: Cannot connect to the Docker daemon…", "Error starting daemon:
// error initializing graphdriver: …": a program's name or message, a colon,
// and words of failure after it. Labels people write ("Update: …",
// "Expected: …") are not programs.
bool IsToolError(std::string_view line);

// Whether a line is a shell prompt with a command: "$ pip3 install x",
// "# pip3 install x" (root), "C:\\dir>tsc a.ts", "PS C:\\dir> npm ci".
bool IsPromptLine(std::string_view line);

// The prompt lines of the code blocks of `post` (pasted sessions), in
// order, as one code item: the commands the reporter ran. Null text when
// there is none.
struct PromptCommands {
  std::string text;
  size_t block = 0;  // the first block with one
};
PromptCommands CommandsOf(std::span<const text::Block> blocks);

}  // namespace issuegraph::analyze
