// Fitting a report into an agent's context: a budget of characters (bytes
// of UTF-8) spent on the most important parts first. A Markdown report
// keeps its header and status, then whole sections by importance (the
// fix before the graph, the original text last); a JSON report or graph
// drops report sections the same way, then the deepest nodes and their
// edges. Whatever is left out is named in a label the output ends with.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace issuegraph::mcp {

struct Cut {
  bool cut = false;
  size_t full_chars = 0;                 // before the cut
  std::vector<std::string> left_out;     // section titles (Markdown) or kinds (JSON)
  std::vector<std::string> shortened;    // sections kept only in part
  size_t nodes_left_out = 0;             // JSON only
  size_t edges_left_out = 0;
  std::map<std::string, size_t> items_left_out;  // linked_issues / linked_pulls items
  nlohmann::json ToJson(size_t max_chars) const;
};

// The smallest budget that still holds a useful answer; below it the
// header alone is returned, cut.
constexpr size_t kMinChars = 1000;

// `markdown` cut to at most `max_chars`, ending with a label that names
// what was left out when anything was.
std::string FitMarkdown(const std::string& markdown, size_t max_chars, Cut* cut);

// `doc` (render/json's report, or a graph with `nodes` and `edges`) cut
// in place to serialize in at most `max_chars`; a `cut` key says what was
// left out when anything was.
void FitJson(nlohmann::json& doc, size_t max_chars, Cut* cut);

}  // namespace issuegraph::mcp
