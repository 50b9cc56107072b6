#include "render/item_groups.h"

#include <algorithm>

namespace issuegraph::render {
namespace {

bool SameSource(const ReportItem& a, const ReportItem& b) {
  return a.source.node == b.source.node && a.source.where == b.source.where &&
         a.source.id == b.source.id && a.confirmations == b.confirmations &&
         a.obsolete == b.obsolete;
}

}  // namespace

std::vector<ItemGroup> GroupSectionItems(const Report& report, SectionKind kind) {
  std::vector<ItemGroup> groups;
  auto section = std::find_if(report.sections.begin(), report.sections.end(),
                              [&](const Section& s) { return s.kind == kind; });
  if (section == report.sections.end()) return groups;
  // Errors and examples each keep their own source line; other sections
  // name a source once for the run of items taken from it.
  bool one_by_one = kind == SectionKind::kErrorMessages || kind == SectionKind::kCodeExamples;
  for (const ReportItem& item : section->items) {
    if (groups.empty() || one_by_one || !SameSource(*groups.back().front(), item)) {
      groups.emplace_back();
    }
    groups.back().push_back(&item);
  }
  return groups;
}

bool StaysUnderStep(const ItemGroup& group, size_t i, const ReportItem* step) {
  if (step == nullptr || !group[i]->is_code) return false;
  // "Build it:": a step's text that introduces what follows.
  const size_t end = step->text.find_last_not_of(" \t\r\n");
  const bool introduces = end != std::string::npos && step->text[end] == ':';
  const bool step_follows =
      i + 1 < group.size() && group[i + 1]->list_level > 0 && !group[i + 1]->is_code;
  return introduces || step_follows;
}

}  // namespace issuegraph::render
