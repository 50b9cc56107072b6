// libFuzzer entry point for the text layer: Markdown block extraction and
// reference extraction must never crash, and references must keep their
// invariants whatever the input. Built with the other targets by the
// `fuzz` preset (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "model/issue_ref.h"
#include "text/markdown.h"
#include "text/references.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  for (const issuegraph::text::Block& block : issuegraph::text::ParseBlocks(input)) {
    if (block.line < 0 || block.level < 0) __builtin_trap();
  }

  const issuegraph::IssueRef context{"github.com", "acme", "app", 1};
  std::set<std::string> seen;
  for (const issuegraph::text::TextRef& found :
       issuegraph::text::ExtractReferences(input, context)) {
    const issuegraph::IssueRef& ref = found.ref;
    if (ref.number <= 0 || ref.host != context.host) __builtin_trap();
    if (!issuegraph::IsValidOwner(ref.owner) || !issuegraph::IsValidRepoName(ref.repo)) {
      __builtin_trap();
    }
    if (ref == context) __builtin_trap();
    if (found.kind == issuegraph::text::RefKind::kClosing) {
      if (found.keyword.empty()) __builtin_trap();
    } else if (!found.keyword.empty()) {
      __builtin_trap();
    }
    if (!seen.insert(ref.Key() + "/" + std::to_string(static_cast<int>(found.kind))).second) {
      __builtin_trap();
    }
  }
  return 0;
}
