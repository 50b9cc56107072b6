// Analysis + rendering (analyze::Analyze, then render::RenderMarkdown) on
// (a) a synthetic ~5 MB thread and (b) a synthetic 1,000-node graph, side by
// side with bare cmark-gfm parsing (cmark_parse_document, no extensions) of
// the same text: all of the graph's text, and, for the graph, also only the
// posts the analysis parses (the root's thread and the merged fix). The
// target is analysis + rendering <= 2x the bare parse; the ratios (CPU time)
// are printed after the table. Inputs are built once, outside timing.
#include <benchmark/benchmark.h>
#include <cmark-gfm.h>

#include <cstdio>
#include <map>
#include <ranges>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyzer.h"
#include "model/graph.h"
#include "render/markdown.h"
#include "text/markdown.h"

namespace {

using issuegraph::Comment;
using issuegraph::Edge;
using issuegraph::EdgeKind;
using issuegraph::Graph;
using issuegraph::IssueRef;
using issuegraph::Node;
using issuegraph::NodeState;
using issuegraph::NodeType;

// A small deterministic generator (LCG), so every run sees the same bytes.
class Random {
 public:
  explicit Random(uint32_t seed) : state_(seed) {}
  uint32_t Next() {
    state_ = state_ * 1664525u + 1013904223u;
    return state_ >> 8;
  }
  size_t Below(size_t n) { return Next() % n; }

 private:
  uint32_t state_;
};

const char* const kPeople[] = {"ana", "bo", "chen", "dara", "eli", "femi", "gus", "hana"};
const char* const kErrors[] = {
    "Error: sync failed: invalid state",        "TypeError: cannot read properties of undefined",
    "panic: runtime error: index out of range", "FATAL: could not open lock file",
    "HTTP/1.1 503 Service Unavailable",         "src/store/cache.cc:120:7: error: no member named",
    "java.lang.IllegalStateException: closed",  "npm ERR! code ELIFECYCLE",
    "ValueError: unsupported pickle protocol",  "Segmentation fault (core dumped)",
    "error[E0502]: cannot borrow as mutable",   "ERROR connection reset by peer",
};

Node MakeNode(const std::string& owner_repo, int64_t number, NodeType type,
              const std::string& title) {
  Node node;
  node.ref.owner = owner_repo.substr(0, owner_repo.find('/'));
  node.ref.repo = owner_repo.substr(owner_repo.find('/') + 1);
  node.ref.number = number;
  node.type = type;
  node.title = title;
  node.url = "https://github.com/" + owner_repo +
             (type == NodeType::kPull ? "/pull/" : "/issues/") + std::to_string(number);
  node.author = kPeople[number % 8];
  node.author_association = "NONE";
  node.created_at = "2026-05-26T10:00:00Z";
  node.complete = true;
  return node;
}

void AddComment(Node* node, int id, const char* author, const char* association, std::string body) {
  Comment& comment = node->comments.emplace_back();
  comment.id = std::to_string(id);
  comment.author = author;
  comment.author_association = association;
  comment.created_at = "2026-05-27T10:00:00Z";
  comment.body = std::move(body);
  comment.url = node->url + "#issuecomment-" + comment.id;
}

const char kRootBody[] =
    "**Describe the bug**\n"
    "The nightly sync crashes after upgrading to 4.2; the job exits and leaves the lock file "
    "behind, so the next run refuses to start.\n\n"
    "### Steps to reproduce\n\n"
    "1. Install 4.2 on a fresh host\n"
    "2. Run `app sync --all` with the default config\n"
    "3. Wait for the second batch\n\n"
    "### Expected behavior\n\nThe sync finishes and releases the lock.\n\n"
    "### Environment\n\n- OS: Debian 12\n- Version: 4.2.0\n- Runtime: node 20.11\n\n"
    "### Logs\n\n```\n2026-05-26T10:00:00Z [main] starting sync\n"
    "Error: sync failed: invalid state\n    at Sync.run (sync.js:88:11)\n```\n";

// One comment of the synthetic thread, about 1 KB, of one of eight kinds.
std::string ThreadComment(int i, Random& random) {
  std::string n = std::to_string(i);
  std::string error = kErrors[random.Below(std::size(kErrors))];
  switch (i % 8) {
    case 0:
      return "Same here on build " + n +
             ". It started right after the upgrade and happens on every second run; "
             "the previous release never showed it. Our nightly jobs are now failing and "
             "we have to clear the state by hand each morning, which is getting old.\n\n"
             "### Logs\n\n```\n2026-05-2" +
             std::to_string(i % 10) + "T10:0" + std::to_string(i % 10) + ":00Z [worker-" + n +
             "] batch " + n + " begins\n2026-05-26T10:00:01Z [worker] reading manifest\n" + error +
             "\n    at Worker.step (worker.js:" + n +
             ":5)\n    at async Sync.run (sync.js:88:11)\n"
             "2026-05-26T10:00:02Z [main] exiting with status 1\n```\n\n"
             "Let me know if more logs would help; I can run with `--verbose` on request.\n";
    case 1:
      return "As a workaround, you can remove the stale lock before each run and pin the worker "
             "count to one, which avoids the race entirely:\n\n```sh\nrm -f "
             "/var/lib/app/sync.lock\n"
             "app sync --all --workers 1 --batch " +
             n +
             "\n```\n\n"
             "It is slower, but it has held up for a week on three hosts here. If you run the "
             "job from cron, put the removal in the same line so it cannot be skipped.\n";
    case 2:
      // A recognised heading now and then; most updates are plain prose.
      return std::string(i % 64 == 2 ? "## Analysis\n\n" : "### Update\n\n") +
             "I looked into this a bit more. The worker reads the manifest while "
             "another worker is still writing it, so the second batch sees a half-written file. "
             "See #" +
             std::to_string(100 + i) + " and acme/lib#" + n +
             " for a similar report, and https://example.com/docs/sync#locks for how the lock is "
             "meant to work. The lock is taken per batch rather than per run, which "
             "explains why a single worker never hits it.\n\n"
             "- the manifest is written without a temp file\n"
             "- the lock is released in a `finally` that never runs on panic\n"
             "  - so the next run finds it and exits\n\n" +
             (i % 16 == 2 ? "| step | worker | state |\n| --- | --- | --- |\n| 1 | a | writing |\n"
                            "| 2 | b | reading |\n"
                          : "");
    case 3:
      return "Thanks, this worked for me!\n";
    case 4:
      return "We will fix this in the next release because the lock handling is wrong for "
             "concurrent workers; the change is planned for the 4.3 milestone. Until then the "
             "workaround above is the safest option. Closing duplicates into this one as they "
             "come in, please add a thumbs up instead of a new comment. cc @ana\n\n"
             "```python\ndef release(lock):\n    try:\n        lock.unlock()\n"
             "    finally:\n        lock.close()\n```\n";
    case 5:
      return "Traceback from our staging box, run " + n +
             ":\n\n```\nTraceback (most recent call last):\n  File \"sync.py\", line " + n +
             ", in run\n    worker.step()\n  File \"worker.py\", line 42, in step\n"
             "    manifest = read(path)\n" +
             error +
             "\n```\n\n"
             "> " +
             error + "\n\nIs there a release with a fix yet?\n";
    case 6:
      return "Some more context: we run the sync on " + std::to_string(2 + i % 30) +
             " hosts behind a shared volume. The volume is NFS, mounted with default options. "
             "Only the hosts that run more than one worker hit the crash; the single-worker "
             "hosts have been fine for months. I wonder whether the lock is advisory only on "
             "NFS, which would explain the race as well. **Version:** 4.2." +
             n +
             "\n\n"
             "Expected: the lock is honoured across hosts.\n\n"
             "Actual: two workers hold it at once and the manifest is corrupted.\n";
    default:
      return "+1, also seeing this on " + n +
             " machines. Any update? We are blocked on the upgrade because of it and would "
             "rather not roll back to 4.1 if a patch is close. Happy to test a build.\n";
  }
}

struct Input {
  Graph graph;
  std::vector<std::string> texts;       // all text in the graph, one post each
  std::vector<std::string> read_texts;  // the posts the analysis parses
  size_t bytes = 0;                     // of `texts`
};

void CollectTexts(const Node& node, std::vector<std::string>* texts) {
  texts->push_back(node.body);
  for (const Comment& comment : node.comments) texts->push_back(comment.body);
}

void CountBytes(Input* input) {
  for (const Node* node : input->graph.Nodes()) CollectTexts(*node, &input->texts);
  for (const std::string& text : input->texts) input->bytes += text.size();
}

void AddLink(Graph* graph, const Node& from, const Node& to, EdgeKind kind) {
  issuegraph::Link edge;
  edge.from = from.ref;
  edge.to = to.ref;
  edge.kind = kind;
  edge.provenance.node = from.ref.Key();
  edge.provenance.url = from.url;
  graph->AddEdge(std::move(edge));
}

// (a) One issue with ~5 MB of comments and a merged pull that fixes it.
Input ThreadInput(size_t target_bytes) {
  Input input;
  Random random(7);
  Node root = MakeNode("acme/app", 1, NodeType::kIssue, "Nightly sync crashes after upgrade");
  root.body = kRootBody;
  size_t bytes = root.body.size();
  for (int i = 0; bytes < target_bytes; ++i) {
    const char* association = i % 8 == 4 ? "MEMBER" : "NONE";
    AddComment(&root, 1000 + i, kPeople[i % 8], association, ThreadComment(i, random));
    bytes += root.comments.back().body.size();
  }
  root.comment_count = static_cast<int64_t>(root.comments.size());
  root.state = NodeState::kClosed;
  root.state_reason = "completed";
  Node fix = MakeNode("acme/app", 2, NodeType::kPull, "Take the sync lock per run");
  fix.state = NodeState::kMerged;
  fix.merged = true;
  fix.merged_at = "2026-06-01T09:00:00Z";
  fix.body =
      "Fixes #1.\n\n## Root cause\n\nThe lock was taken per batch, so two workers could "
      "read a half-written manifest.\n";
  CollectTexts(root, &input.read_texts);
  CollectTexts(fix, &input.read_texts);
  input.graph.SetRoot(root.ref);
  AddLink(&input.graph, fix, root, EdgeKind::kCloses);
  input.graph.Add(std::move(fix));
  input.graph.Add(std::move(root));
  CountBytes(&input);
  return input;
}

// The body of a linked item: a few hundred bytes to a kilobyte, as issues
// and pulls that link to a bug usually are.
std::string LinkedBody(int number, Random& random) {
  std::string n = std::to_string(number);
  std::string body = "Seen with the sync job on host " + n +
                     " after the upgrade; it looks related to the crash in acme/app#1. The job "
                     "stops in the second batch and the lock file stays behind.\n\n";
  if (random.Below(2) == 0) {
    body += "```\n2026-05-26T10:00:00Z [worker-" + n + "] batch 2 begins\n" +
            kErrors[random.Below(std::size(kErrors))] + "\n```\n\n";
  }
  if (random.Below(2) == 0) {
    body += "### Steps\n\n1. Upgrade to 4.2\n2. Run `app sync --all`\n3. Wait\n\n";
  }
  body += "Expected: the run finishes. Happy to provide more details if needed.\n";
  return body;
}

// (b) 1,000 nodes around one root: ~50 at depth 1 (issues mentioning it,
// pulls closing or connected), the rest at depth 2, with duplicates,
// sub-issues and cross-links; each with a body and two comments, and a root
// thread of 120 comments.
Input GraphInput(int total) {
  Input input;
  Random random(11);
  Node root = MakeNode("acme/app", 1, NodeType::kIssue, "Nightly sync crashes after upgrade");
  root.body = kRootBody;
  for (int i = 0; i < 120; ++i) {
    const char* association = i % 8 == 4 ? "MEMBER" : "NONE";
    AddComment(&root, 1000 + i, kPeople[i % 8], association, ThreadComment(i, random));
  }
  root.comment_count = static_cast<int64_t>(root.comments.size());
  input.graph.SetRoot(root.ref);
  std::vector<Node> nodes;
  const char* const kTopics[] = {"crash on start", "slow sync", "wrong totals", "login loop",
                                 "memory growth"};
  for (int number = 2; number <= total; ++number) {
    bool pull = random.Below(10) < 3;
    std::string repo = random.Below(10) == 0 ? "acme/plugins" : "acme/app";
    Node node = MakeNode(repo, number, pull ? NodeType::kPull : NodeType::kIssue,
                         std::string(pull ? "Fix " : "Report ") + std::to_string(number) + ": " +
                             kTopics[random.Below(5)]);
    node.depth = number <= 50 ? 1 : 2;
    node.body = LinkedBody(number, random);
    AddComment(&node, 100000 + 2 * number, kPeople[number % 8], "NONE",
               "Same here on " + std::to_string(number % 7 + 2) +
                   " machines since Tuesday. Any idea when a fix lands?\n");
    AddComment(&node, 100001 + 2 * number, kPeople[(number + 3) % 8], "MEMBER",
               "Thanks for the report. This looks like the lock bug tracked in #1; we will "
               "follow up there.\n");
    if (pull) {
      bool merged = random.Below(3) == 0;
      node.state = merged ? NodeState::kMerged : NodeState::kOpen;
      node.merged = merged;
      if (merged) node.merged_at = "2026-06-01T09:00:00Z";
    } else if (random.Below(2) == 0) {
      node.state = NodeState::kClosed;
      node.state_reason = random.Below(4) == 0 ? "duplicate" : "completed";
    }
    nodes.push_back(std::move(node));
  }
  // Only one merged pull closes the root, so the analysis reads one fix.
  bool fix_taken = false;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    if (node.depth == 1) {
      EdgeKind kind = EdgeKind::kMentions;
      if (node.type == NodeType::kPull && node.merged && !fix_taken) {
        kind = EdgeKind::kCloses;
        fix_taken = true;
      } else if (node.type == NodeType::kPull) {
        kind = EdgeKind::kConnected;
      } else if (node.state_reason == "duplicate") {
        kind = EdgeKind::kDuplicateOf;
      }
      AddLink(&input.graph, node, root, kind);
      AddLink(&input.graph, node, root, EdgeKind::kCrossReferenced);
      if (kind == EdgeKind::kCloses) CollectTexts(node, &input.read_texts);
    } else {
      // Hang depth-2 nodes under depth-1 ones, with a few extra cross-links.
      const Node& parent = nodes[random.Below(49)];
      AddLink(&input.graph, node, parent,
           node.state_reason == "duplicate" ? EdgeKind::kDuplicateOf : EdgeKind::kMentions);
      if (random.Below(4) == 0) {
        AddLink(&input.graph, nodes[random.Below(nodes.size())], node, EdgeKind::kCrossReferenced);
      }
      if (random.Below(10) == 0) AddLink(&input.graph, node, parent, EdgeKind::kSubIssueOf);
    }
  }
  CollectTexts(root, &input.read_texts);
  input.graph.Add(std::move(root));
  for (Node& node : nodes) input.graph.Add(std::move(node));
  CountBytes(&input);
  return input;
}

const Input& Thread5MB() {
  static const Input input = ThreadInput(5u << 20);
  return input;
}

const Input& Graph1000() {
  static const Input input = GraphInput(1000);
  return input;
}

void SetBytes(benchmark::State& state, const Input& input) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(input.bytes));
  state.counters["posts"] = static_cast<double>(input.texts.size());
  state.counters["posts_read"] = static_cast<double>(input.read_texts.size());
  state.counters["nodes"] = static_cast<double>(input.graph.node_count());
}

void ParseAll(benchmark::State& state, const std::vector<std::string>& texts) {
  for (auto _ : state) {
    for (const std::string& text : texts) {
      cmark_node* document = cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT);
      benchmark::DoNotOptimize(document);
      cmark_node_free(document);
    }
  }
}

// Bare CommonMark over all the text in the graph.
void BareCmark(benchmark::State& state, const Input& input) {
  ParseAll(state, input.texts);
  SetBytes(state, input);
}

// Bare CommonMark over only the posts the analysis parses (for the thread,
// the same as BareCmark; for the graph, the root's thread and the fix).
void BareCmarkRead(benchmark::State& state, const Input& input) {
  ParseAll(state, input.read_texts);
  SetBytes(state, input);
}

// The analysis' own parse of what it reads: cmark-gfm with GitHub's
// extensions, flattened to blocks.
void ParseBlocks(benchmark::State& state, const Input& input) {
  for (auto _ : state) {
    for (const std::string& text : input.read_texts) {
      benchmark::DoNotOptimize(issuegraph::text::ParseBlocks(text));
    }
  }
  SetBytes(state, input);
}

void Analyze(benchmark::State& state, const Input& input) {
  for (auto _ : state) benchmark::DoNotOptimize(issuegraph::analyze::Analyze(input.graph));
  SetBytes(state, input);
}

void AnalyzeRender(benchmark::State& state, const Input& input) {
  size_t output = 0;
  for (auto _ : state) {
    issuegraph::Report report = issuegraph::analyze::Analyze(input.graph);
    std::string markdown = issuegraph::render::RenderMarkdown(report, input.graph);
    output = markdown.size();
    benchmark::DoNotOptimize(markdown);
  }
  SetBytes(state, input);
  state.SetLabel("report " + std::to_string(output / 1024) + " KiB");
}

// The console table, then one line per input: analysis + rendering over the
// bare parse, the number the target is stated in.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      // The median of repetitions when there are some, else the one run.
      bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type != Run::RT_Iteration && !median) continue;
      if (!median && medians_.contains(run.run_name.function_name)) continue;
      if (median) medians_.insert(run.run_name.function_name);
      // CPU time: the ratio should not move with what else the machine runs.
      seconds_[run.run_name.function_name] = run.GetAdjustedCPUTime();
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\nCPU time over bare cmark_parse_document (target: AnalyzeRender <= 2x)\n");
    for (const char* input : {"thread_5MB", "graph_1000"}) {
      std::string prefix = std::string(input) + "/";
      for (const char* base : {"BareCmark", "BareCmarkRead"}) {
        auto bare = seconds_.find(prefix + base);
        if (bare == seconds_.end() || bare->second <= 0) continue;
        for (const char* step : {"ParseBlocks", "Analyze", "AnalyzeRender"}) {
          auto it = seconds_.find(prefix + step);
          if (it == seconds_.end()) continue;
          std::printf("  %-26s %7.2fx  %s\n", (prefix + step).c_str(), it->second / bare->second,
                      std::string_view(base) == "BareCmark" ? "(all text in the graph)"
                                                            : "(only the posts analysed)");
        }
      }
    }
  }

 private:
  std::map<std::string, double> seconds_;  // per iteration, in the run's time unit
  std::set<std::string> medians_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const std::pair<const char*, const Input& (*)()> inputs[] = {{"thread_5MB", Thread5MB},
                                                               {"graph_1000", Graph1000}};
  for (const auto& [name, make] : inputs) {
    const Input& input = make();
    std::string prefix = std::string(name) + "/";
    const std::pair<const char*, void (*)(benchmark::State&, const Input&)> steps[] = {
        {"BareCmark", BareCmark},
        {"BareCmarkRead", BareCmarkRead},
        {"ParseBlocks", ParseBlocks},
        {"Analyze", Analyze},
        {"AnalyzeRender", AnalyzeRender}};
    for (const auto& [step, function] : steps) {
      // For the thread every post is analysed: one bare parse says it all.
      if (input.texts.size() == input.read_texts.size() &&
          step == std::string_view("BareCmarkRead")) {
        continue;
      }
      // The input is shared, not copied into each benchmark.
      benchmark::RegisterBenchmark((prefix + step).c_str(), [function = function, input = &input](
                                                                benchmark::State& state) {
        function(state, *input);
      })->Unit(benchmark::kMillisecond);
    }
  }
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
