// libFuzzer target: archives and stored JSON. Any text read as an archive
// must give a graph or one error; a graph that was read writes out and
// reads back to the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/archive.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto archive = issuegraph::store::ParseArchive(input, "fuzz.json");
  if (!archive) {
    if (archive.error().message.empty() || archive.error().message.find('\n') != std::string::npos) __builtin_trap();
    return 0;
  }
  const std::string text = issuegraph::store::ArchiveText(archive->graph, archive->report_markdown, archive->options);
  auto again = issuegraph::store::ParseArchive(text, "again.json");
  if (!again) __builtin_trap();
  if (issuegraph::store::ArchiveText(again->graph, again->report_markdown, again->options) != text) __builtin_trap();
  return 0;
}
