// libFuzzer target: the analysis and every renderer on an arbitrary thread.
// The input is split at NUL bytes into a title, a body and comments of one
// issue with a merged pull; analysis and rendering must never crash, the
// JSON must parse, and no renderer may let the thread's text open a tag,
// a script or a javascript: link in HTML, or end a Mermaid or DOT label.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/analyzer.h"
#include "render/dot.h"
#include "render/html.h"
#include "render/json.h"
#include "render/markdown.h"
#include "render/mermaid.h"

namespace {

std::vector<std::string_view> Parts(std::string_view input) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= input.size() && parts.size() < 16) {
    size_t end = input.find('\0', start);
    if (end == std::string_view::npos) end = input.size();
    parts.push_back(input.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace issuegraph;
  const std::vector<std::string_view> parts = Parts(std::string_view(reinterpret_cast<const char*>(data), size));
  Node root;
  root.ref = {"github.com", "acme", "app", 1};
  root.url = root.ref.HtmlUrl();
  root.title = std::string(parts[0]);
  root.body = parts.size() > 1 ? std::string(parts[1]) : "";
  root.state = NodeState::kClosed;
  root.state_reason = "completed";
  root.complete = true;
  for (size_t i = 2; i < parts.size(); ++i) {
    Comment& comment = root.comments.emplace_back();
    comment.id = std::to_string(100 + i);
    comment.author = i % 2 == 0 ? "maintainer" : "reporter";
    comment.author_association = i % 2 == 0 ? "MEMBER" : "NONE";
    comment.body = std::string(parts[i]);
    comment.url = root.url + "#issuecomment-" + comment.id;
  }
  Node pull;
  pull.ref = {"github.com", "acme", "app", 2};
  pull.type = NodeType::kPull;
  pull.title = std::string(parts[0]);
  pull.state = NodeState::kMerged;
  pull.merged = true;
  pull.merged_at = "2026-06-01T00:00:00Z";
  pull.url = "https://github.com/acme/app/pull/2";
  Graph graph;
  graph.SetRoot(root.ref);
  graph.Add(std::move(root));
  graph.Add(std::move(pull));
  graph.AddEdge(Link{{"github.com", "acme", "app", 2}, {"github.com", "acme", "app", 1}, EdgeKind::kCloses, {}});
  const Report report = analyze::Analyze(graph);
  (void)render::RenderMarkdown(report, graph);
  const std::string json = render::RenderJson(report, graph);
  if (nlohmann::json::parse(json, nullptr, false).is_discarded()) __builtin_trap();
  std::string html = render::RenderHtml(report, graph);
  for (char& c : html) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  // The page's own markup holds none of these; any would come from the
  // thread. (The words themselves may show as text: "javascript:" in a
  // sentence is harmless, in an href it is not.)
  for (std::string_view bad : {"<script", "<iframe", "<svg", "<img", "onerror=", "onload=",
                               "href=\"javascript:", "href=\"data:", "src=\"javascript:"}) {
    if (html.find(bad) != std::string::npos) __builtin_trap();
  }
  const std::string mermaid = render::RenderMermaid(graph);
  const std::string dot = render::RenderDot(graph);
  for (const std::string* diagram : {&mermaid, &dot}) {
    // A label never carries a raw newline of the thread's: one statement a line.
    bool in_label = false;
    for (size_t i = 0; i < diagram->size(); ++i) {
      const char c = (*diagram)[i];
      if (c == '\\') {
        ++i;  // DOT's escapes: \" and \\ stay inside the label
      } else if (c == '"') {
        in_label = !in_label;
      } else if (c == '\n' && in_label) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
