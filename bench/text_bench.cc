// Markdown parsing and reference extraction on a long synthetic thread
// (prose, fenced code, references), side by side with bare cmark-gfm.
#include <benchmark/benchmark.h>
#include <cmark-gfm.h>

#include <string>

#include "text/markdown.h"
#include "text/references.h"

namespace {

std::string Thread(int comments) {
  std::string text;
  for (int i = 0; i < comments; ++i) {
    text += "## Comment " + std::to_string(i) + "\n\nI hit this again after upgrading; see #" +
            std::to_string(100 + i) + " and acme/lib#" + std::to_string(i) +
            ". Fixes #7 maybe.\n\n```\nError: sync failed at step " + std::to_string(i) +
            "\n  at worker.js:42\n```\n\n- step one\n- step `#12` two\n\n";
  }
  return text;
}

const issuegraph::IssueRef kContext{"github.com", "acme", "app", 1};

void BM_BareCmark(benchmark::State& state) {
  const std::string text = Thread(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    cmark_node* document = cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT);
    benchmark::DoNotOptimize(document);
    cmark_node_free(document);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_ParseBlocks(benchmark::State& state) {
  const std::string text = Thread(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(issuegraph::text::ParseBlocks(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_ExtractReferences(benchmark::State& state) {
  const std::string text = Thread(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(issuegraph::text::ExtractReferences(text, kContext));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

BENCHMARK(BM_BareCmark)->Arg(100)->Arg(5000);
BENCHMARK(BM_ParseBlocks)->Arg(100)->Arg(5000);
BENCHMARK(BM_ExtractReferences)->Arg(100)->Arg(5000);

}  // namespace

BENCHMARK_MAIN();
