// References to issues and pull requests in Markdown, as GitHub autolinks
// them: #N, GH-N, OWNER/REPO#N and issue or pull URLs on the same host, taken
// from text nodes only (never inside code). Closing keywords and
// "Duplicate of" mark the references they govern. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/issue_ref.h"

namespace issuegraph::text {

enum class RefKind {
  kMention,    // a plain reference
  kClosing,    // after close/closes/closed/fix/fixes/fixed/resolve/resolves/resolved
  kDuplicate,  // "Duplicate of #N" (what GitHub writes when marking a duplicate)
};

struct TextRef {
  IssueRef ref;
  RefKind kind = RefKind::kMention;
  std::string keyword;  // the closing keyword as written, lower-cased; empty otherwise
};

// `context` is the item the text belongs to: #N and GH-N resolve to its
// repository, and URLs count only on its host. References to `context`
// itself are dropped. Each (ref, kind) appears once, in order of first
// appearance.
std::vector<TextRef> ExtractReferences(std::string_view markdown, const IssueRef& context);

}  // namespace issuegraph::text
