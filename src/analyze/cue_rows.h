// The rows of the cue lists' table, one span per part of the report, in
// the table's order (workaround, then cause and fix, then the answer and
// the description). Only cue_lists.cc gathers them; rules read the lists
// through cue_lists.h. Constant data; thread-safe.
#pragma once

#include <span>

#include "analyze/cue_lists.h"

namespace issuegraph::analyze {

std::span<const CueListRow> WorkaroundCueRows();
std::span<const CueListRow> CauseAndFixCueRows();
std::span<const CueListRow> AnswerAndDescriptionCueRows();

}  // namespace issuegraph::analyze
