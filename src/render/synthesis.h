// The machine-written synthesis in each format, always under the label
// "machine-written, checked against the sources", with every sentence's
// citations as links to the items it rests on; a fallback is one line
// saying why the report is extractive only. The model's text is treated
// as hostile as issue text. Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/synthesis.h"

namespace issuegraph::render {

// One "## Synthesis" section, ending in a blank line.
std::string SynthesisMarkdown(const Synthesis& synthesis);
// One <section class="synthesis">.
std::string SynthesisHtml(const Synthesis& synthesis);
// The "synthesis" object of the JSON output (docs/json-output.md).
nlohmann::ordered_json SynthesisJson(const Synthesis& synthesis);

// Words shared by the formats: "2 sentences that failed the check were
// left out (1 unknown_reference, 1 unsupported_version)"; empty when none.
std::string DroppedWords(const Synthesis& synthesis);

}  // namespace issuegraph::render
