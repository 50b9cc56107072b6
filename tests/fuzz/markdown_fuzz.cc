// libFuzzer entry point for the text layer's shortcuts: whatever ParseBlocks
// reads without cmark-gfm (plain text, and the simple Markdown of
// text/simple_markdown.h) must give exactly the blocks the parser gives,
// field by field. Built with the other targets by the `fuzz` preset
// (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/markdown.h"

namespace {

bool Same(const issuegraph::text::Block& a, const issuegraph::text::Block& b) {
  if (a.kind != b.kind || a.level != b.level || a.line != b.line || a.number != b.number ||
      a.fenced != b.fenced || a.text != b.text || a.info != b.info ||
      a.code_spans.size() != b.code_spans.size()) {
    return false;
  }
  for (size_t i = 0; i < a.code_spans.size(); ++i) {
    if (a.code_spans[i] != b.code_spans[i]) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  issuegraph::text::Blocks read = issuegraph::text::ParseBlocks(input);
  issuegraph::text::Blocks parsed = issuegraph::text::ParseBlocksWithParser(input);
  if (read.size() != parsed.size()) __builtin_trap();
  for (size_t i = 0; i < read.size(); ++i) {
    if (!Same(read[i], parsed[i])) __builtin_trap();
  }
  return 0;
}
