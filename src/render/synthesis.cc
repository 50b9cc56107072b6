#include "render/synthesis.h"

#include "render/html_escape.h"
#include "render/markdown_escape.h"

namespace issuegraph::render {
namespace {

std::string Lead(const Synthesis& synthesis) {
  std::string lead = "Written by " + synthesis.model + (synthesis.cached ? " (a stored answer)" : "") +
                     "; every sentence cites the items it rests on, and its references, quotes, versions "
                     "and dates were checked against them.";
  if (std::string dropped = DroppedWords(synthesis); !dropped.empty()) lead += " " + dropped + ".";
  return lead;
}

}  // namespace

std::string DroppedWords(const Synthesis& synthesis) {
  const int dropped = synthesis.DroppedCount();
  if (dropped == 0) return "";
  std::string reasons;
  for (const auto& [reason, count] : synthesis.dropped) {
    reasons += (reasons.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
  }
  return std::to_string(dropped) + (dropped == 1 ? " sentence" : " sentences") +
         " that failed the check " + (dropped == 1 ? "was" : "were") + " left out (" + reasons + ")";
}

std::string SynthesisMarkdown(const Synthesis& synthesis) {
  std::string out = "## Synthesis\n\n";
  if (!synthesis.fallback.empty()) {
    out += "> **No machine-written synthesis** (" + std::string(kSynthesisLabel) + "): " +
           EscapeCell(synthesis.fallback) + "; the report below is extractive only.\n\n";
    return out;
  }
  out += "> **Machine-written, checked against the sources.** " + EscapeCell(Lead(synthesis)) + "\n\n";
  if (!synthesis.summary.empty()) out += EscapeText(synthesis.summary) + "\n\n";
  for (const SynthesisSection& section : synthesis.sections) {
    out += "### " + std::string(SynthesisKindTitle(section.kind)) + "\n\n";
    for (const SynthesisSentence& sentence : section.sentences) {
      std::string cites;
      for (const Citation& cite : sentence.cites) {
        cites += (cites.empty() ? "" : ", ") + MarkdownLink(cite.id, cite.url);
      }
      out += "- " + EscapeCell(sentence.text) + " (" + cites + ")\n";
    }
    out += "\n";
  }
  return out;
}

std::string SynthesisHtml(const Synthesis& synthesis) {
  std::string out = "<section class=\"synthesis\">\n<h2>Synthesis</h2>\n";
  if (!synthesis.fallback.empty()) {
    out += "<p class=\"machine\"><strong>No machine-written synthesis</strong> (" +
           EscapeHtml(kSynthesisLabel) + "): " + EscapeHtml(synthesis.fallback) +
           "; the report below is extractive only.</p>\n</section>\n";
    return out;
  }
  out += "<p class=\"machine\"><strong>Machine-written, checked against the sources.</strong> " +
         EscapeHtml(Lead(synthesis)) + "</p>\n";
  if (!synthesis.summary.empty()) out += "<p>" + EscapeHtml(synthesis.summary) + "</p>\n";
  for (const SynthesisSection& section : synthesis.sections) {
    out += "<h3>" + EscapeHtml(SynthesisKindTitle(section.kind)) + "</h3>\n<ul class=\"synthesis\">\n";
    for (const SynthesisSentence& sentence : section.sentences) {
      std::string cites;
      for (const Citation& cite : sentence.cites) {
        cites += (cites.empty() ? "" : ", ") + HtmlLink(cite.id, cite.url);
      }
      out += "<li>" + EscapeHtml(sentence.text) + " <span class=\"cites\">(" + cites + ")</span></li>\n";
    }
    out += "</ul>\n";
  }
  out += "</section>\n";
  return out;
}

nlohmann::ordered_json SynthesisJson(const Synthesis& synthesis) {
  nlohmann::ordered_json out;
  out["label"] = kSynthesisLabel;
  out["status"] = synthesis.fallback.empty() ? "ok" : "fallback";
  if (!synthesis.fallback.empty()) out["fallback_reason"] = synthesis.fallback;
  out["model"] = synthesis.model;
  out["prompt_version"] = synthesis.prompt_version;
  out["cached"] = synthesis.cached;
  out["summary"] = synthesis.summary;
  nlohmann::ordered_json sections = nlohmann::ordered_json::array();
  for (const SynthesisSection& section : synthesis.sections) {
    nlohmann::ordered_json entry;
    entry["kind"] = SynthesisKindName(section.kind);
    entry["sentences"] = nlohmann::ordered_json::array();
    for (const SynthesisSentence& sentence : section.sentences) {
      nlohmann::ordered_json item;
      item["text"] = sentence.text;
      item["cites"] = nlohmann::ordered_json::array();
      item["urls"] = nlohmann::ordered_json::array();
      for (const Citation& cite : sentence.cites) {
        item["cites"].push_back(cite.id);
        item["urls"].push_back(cite.url);
      }
      entry["sentences"].push_back(std::move(item));
    }
    sections.push_back(std::move(entry));
  }
  out["sections"] = std::move(sections);
  nlohmann::ordered_json checked;
  checked["sentences"] = synthesis.checked;
  checked["kept"] = synthesis.kept;
  checked["dropped"] = synthesis.DroppedCount();
  checked["dropped_by_reason"] = nlohmann::ordered_json::object();
  for (const auto& [reason, count] : synthesis.dropped) checked["dropped_by_reason"][reason] = count;
  out["checked"] = std::move(checked);
  out["prompt_tokens"] = synthesis.prompt_tokens;
  out["context_tokens"] = synthesis.context_tokens;
  out["wall_ms"] = synthesis.wall_ms;
  return out;
}

}  // namespace issuegraph::render
