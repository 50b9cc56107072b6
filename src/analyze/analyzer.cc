#include "analyze/analyzer.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/answer.h"
#include "analyze/cues.h"
#include "analyze/describe.h"
#include "analyze/environment.h"
#include "analyze/errors.h"
#include "analyze/linked.h"
#include "analyze/prose.h"
#include "analyze/remedy.h"
#include "analyze/root_cause.h"
#include "analyze/status.h"
#include "analyze/thread.h"
#include "analyze/unfenced.h"
#include "analyze/workaround.h"
#include "model/ascii.h"

namespace issuegraph::analyze {
namespace {

void FillHeader(const Node& root, Report* report) {
  report->ref = root.ref;
  report->type = root.type;
  report->title = root.title;
  report->state = root.state;
  report->state_reason = root.state_reason;
  report->labels = root.labels;
  report->author = root.author;
  report->author_association = root.author_association;
  report->created_at = root.created_at;
  report->closed_at = root.closed_at;
  report->url = root.url.empty() ? root.ref.HtmlUrl() : root.url;
  report->comment_count =
      std::max<int64_t>(root.comment_count, static_cast<int64_t>(root.comments.size()));
  report->original_text = root.body;
  auto add = [&](const std::string& login) {
    if (login.empty()) return;
    auto& people = report->participants;
    if (std::find(people.begin(), people.end(), login) == people.end()) people.push_back(login);
  };
  add(root.author);
  for (const Comment& comment : root.comments) add(comment.author);
}

// Merged pulls that close the root, in reference order.
std::vector<const Node*> MergedClosingPulls(const Graph& graph) {
  std::vector<const Node*> pulls;
  for (const Edge& edge : graph.In(graph.root())) {
    if (edge.kind != EdgeKind::kCloses) continue;
    const Node* pull = graph.Get(edge.from);
    if (pull == nullptr || pull->type != NodeType::kPull) continue;
    if (!pull->merged && pull->state != NodeState::kMerged) continue;
    if (std::find(pulls.begin(), pulls.end(), pull) == pulls.end()) pulls.push_back(pull);
  }
  std::sort(pulls.begin(), pulls.end(), [](const Node* a, const Node* b) {
    return std::pair(a->ref.RepoKey(), a->ref.number) < std::pair(b->ref.RepoKey(), b->ref.number);
  });
  return pulls;
}

// Items the root is a duplicate of: where the discussion went on.
// The items the root duplicates: marked, or said in words by a maintainer
// (their causes and workarounds are the root's too).
std::vector<const Node*> Canonicals(const Graph& graph, const Thread& root) {
  std::vector<const Node*> nodes;
  for (const Edge& edge : graph.Out(graph.root())) {
    if (edge.kind != EdgeKind::kDuplicateOf) continue;
    const Node* node = graph.Get(edge.to);
    if (node != nullptr && std::find(nodes.begin(), nodes.end(), node) == nodes.end()) {
      nodes.push_back(node);
    }
  }
  if (nodes.empty()) {
    if (const SaidDuplicate said = DuplicateInWords(graph, root); said.canonical != nullptr) {
      nodes.push_back(said.canonical);
    }
  }
  return nodes;
}

// Text with runs of white space as one space, ends trimmed: how two copies
// of one block are compared.
std::string Squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A commit message quoted as it was written ("commit 1a2b3c4…", or a short
// subject, a blank line, a body and a trailer such as "Fixes #999" or
// "Signed-off-by:"): a record of a change, not an example.
bool IsCommitMessage(std::string_view text) {
  text = TrimView(text);
  const std::string_view first = TrimView(text.substr(0, text.find('\n')));
  if (first.starts_with("commit ") && first.size() >= 14 &&
      std::all_of(first.begin() + 7, first.begin() + 14,
                  [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
    return true;
  }
  if (text.find("Signed-off-by: ") != std::string_view::npos ||
      text.find("Co-authored-by: ") != std::string_view::npos) {
    return true;
  }
  // Subject, blank line, body, and a closing trailer as the last line.
  constexpr size_t kMaxSubject = 72;
  const size_t subject_end = text.find('\n');
  if (subject_end == std::string_view::npos || first.size() > kMaxSubject ||
      text.substr(subject_end + 1, 1) != "\n") {
    return false;
  }
  const size_t last_start = text.rfind('\n');
  const std::string last = LowerAscii(TrimView(text.substr(last_start + 1)));
  for (std::string_view trailer : {"fixes #", "closes #", "resolves #", "fixed #", "closed #", "refs #",
                                   "fixes: #", "closes: #"}) {
    if (last.starts_with(trailer) && last.size() > trailer.size() &&
        std::isdigit(static_cast<unsigned char>(last[trailer.size()])) != 0) {
      return true;
    }
  }
  return false;
}

// Whether `block` occurs in `text` as a whole: not as part of a longer word
// ("ls" is not in "tools"). Both squeezed.
bool HoldsBlock(std::string_view text, std::string_view block) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  for (size_t at = text.find(block); at != std::string_view::npos; at = text.find(block, at + 1)) {
    const size_t end = at + block.size();
    const bool starts = at == 0 || !word(text[at - 1]) || !word(block.front());
    const bool ends = end == text.size() || !word(text[end]) || !word(block.back());
    if (starts && ends) return true;
  }
  return false;
}

// Code examples that another section already shows (an error, a step, a
// workaround's command, a cause or fix quoted with its code) or that are
// commit messages are left out: each block is shown once, where it says
// most. The summary and the discussion quote prose, not blocks.
void DropRepeatedExamples(Report* report) {
  std::vector<std::string> shown;
  Section* examples = nullptr;
  for (Section& section : report->sections) {
    if (section.kind == SectionKind::kCodeExamples) examples = &section;
    if (section.kind == SectionKind::kCodeExamples || section.kind == SectionKind::kSummary ||
        section.kind == SectionKind::kDiscussion) {
      continue;
    }
    for (const ReportItem& item : section.items) {
      if (std::string text = Squeezed(item.text); !text.empty()) shown.push_back(std::move(text));
    }
  }
  if (examples == nullptr) return;
  std::erase_if(examples->items, [&](const ReportItem& item) {
    if (IsCommitMessage(item.text)) return true;
    const std::string text = Squeezed(item.text);
    return text.empty() || std::any_of(shown.begin(), shown.end(), [&](const std::string& other) {
             return HoldsBlock(other, text);
           });
  });
}

void AddSection(SectionKind kind, std::vector<ReportItem> items, Report* report) {
  report->sections.push_back(Section{kind, std::move(items)});
}

}  // namespace

Report Analyze(const Graph& graph) {
  Report report;
  const Node* root = graph.RootNode();
  if (root == nullptr) {
    if (graph.root() != kNoNode) {
      report.ref = graph.Ref(graph.root());
      report.url = report.ref.HtmlUrl();
    }
    report.title = graph.RootKey();
    report.status = "Unknown: the root item could not be read";
    return report;
  }
  FillHeader(*root, &report);

  LinkedLists linked = FindLinked(graph);
  report.linked_pulls = std::move(linked.pulls);
  report.linked_issues = std::move(linked.issues);

  Thread thread = ReadThread(*root);
  std::vector<Thread> fixes;
  for (const Node* pull : MergedClosingPulls(graph)) fixes.push_back(ReadThread(*pull));
  // No pull closes it, but a maintainer names the merged one that fixed it.
  if (fixes.empty()) {
    for (const Node* pull : NamedFixes(graph, MaintainerSaysFixed(thread))) {
      fixes.push_back(ReadThread(*pull));
    }
  }
  std::vector<Thread> canonical_threads;
  for (const Node* node : Canonicals(graph, thread)) canonical_threads.push_back(ReadThread(*node));
  std::vector<const Thread*> related;
  for (const Thread& canonical : canonical_threads) related.push_back(&canonical);

  BlockSet error_blocks;
  std::vector<ReportItem> errors = ExtractErrors({&thread}, &error_blocks);
  std::vector<ReportItem> workarounds = ExtractWorkarounds(thread, related);
  // The cue table's reading: vetoed items out ("+1"), success reports and
  // hedged advice in.
  AddNewItems(CueSentences(thread, CueSection::kWorkaround, 4), &workarounds);
  DropVetoed(CueSection::kWorkaround, &workarounds);
  EndBeforeWaiting(&workarounds);
  std::vector<ReportItem> causes = ExtractRootCause(thread, related, fixes);
  DropVetoed(CueSection::kRootCause, &causes);
  AddNewItems(CueSentences(thread, CueSection::kRootCause, 3), &causes);
  std::vector<ReportItem> fix_items = ExtractFix(graph, thread, fixes);
  if (fix_items.empty()) fix_items = CueSentences(thread, CueSection::kFix, 3);

  MarkObsoleteWorkarounds(thread, fixes, &workarounds);
  StatusLine status = InferStatus(graph, thread, !workarounds.empty());
  report.answer = Answer({.graph = &graph,
                          .root = &thread,
                          .fixes = fixes,
                          .canonical = related,
                          .status = &status,
                          .workarounds = &workarounds});
  report.status = std::move(status.text);
  report.status_source = std::move(status.source);

  AddSection(SectionKind::kSummary, ExtractSummary(thread), &report);
  AddSection(SectionKind::kErrorMessages, std::move(errors), &report);
  std::vector<ReportItem> steps = ExtractReproduction(thread, error_blocks);
  // No steps written out, but a pasted session: its commands are the steps.
  if (const Post* body = BodyOf(thread); steps.empty() && body != nullptr) {
    if (PromptCommands commands = CommandsOf(body->blocks); !commands.text.empty()) {
      ReportItem item = ItemFromBlock(*body, body->blocks[commands.block]);
      item.text = std::move(commands.text);
      steps.push_back(std::move(item));
    } else {
      steps = RanCommandSentences(*body);
    }
  }
  // A lead-in whose output went to the errors ("Actual: I get this error:")
  // introduces nothing here; a numbered or bulleted step stays a step.
  for (size_t i = 0; i < steps.size();) {
    // Short: a longer one carries steps of its own ("Built and run with
    // `gcc …` and `valgrind …`:").
    constexpr long kLeadInWords = 6;
    const std::string_view text = TrimView(steps[i].text);
    const bool lead_in = !steps[i].is_code && steps[i].list_level == 0 && text.ends_with(':') &&
                         std::count(text.begin(), text.end(), ' ') < kLeadInWords;
    if (lead_in && (i + 1 == steps.size() || !steps[i + 1].is_code)) {
      steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  AddSection(SectionKind::kReproduction, std::move(steps), &report);
  AddSection(SectionKind::kEnvironment, ExtractEnvironment(thread), &report);
  AddSection(SectionKind::kRootCause, std::move(causes), &report);
  AddSection(SectionKind::kFix, std::move(fix_items), &report);
  AddSection(SectionKind::kWorkaround, std::move(workarounds), &report);
  AddSection(SectionKind::kCodeExamples, ExtractCodeExamples(thread, error_blocks), &report);
  AddSection(SectionKind::kDiscussion, ExtractDiscussion(thread), &report);
  std::vector<const Thread*> threads{&thread};
  for (const Thread& fix : fixes) threads.push_back(&fix);
  threads.insert(threads.end(), related.begin(), related.end());
  AttachCodeSpans(threads, &report);
  DropRepeatedExamples(&report);
  return report;
}

}  // namespace issuegraph::analyze
