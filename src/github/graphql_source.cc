#include "github/graphql_source.h"

#include <algorithm>
#include <functional>
#include <map>

#include "github/graphql_json.h"
#include "github/links.h"
#include "github/rejected_token.h"
#include "github/request_stats.h"
#include "github/rest_json.h"

namespace issuegraph::github {

using nlohmann::json;

namespace {

constexpr int kMaxPages = 200;
constexpr size_t kCommitBatch = 50;

const json& Field(const json& object, std::string_view key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

// The error GitHub attached to one alias (path[0] == alias), if any.
const json* ErrorFor(const json& response, const std::string& alias) {
  for (const auto& error : Field(response, "errors")) {
    const json& path = Field(error, "path");
    if (path.is_array() && !path.empty() && path[0] == alias) return &error;
  }
  return nullptr;
}

Error AliasError(const json* error, const IssueRef& ref, bool have_token) {
  const std::string type = error != nullptr ? JsonString(*error, "type") : "NOT_FOUND";
  if (type == "FORBIDDEN") {
    return {ErrorKind::kForbidden, "no access to " + ref.owner + "/" + ref.repo + " (" +
                                       JsonString(*error, "message") + "); a token with access to it may help"};
  }
  return {ErrorKind::kNotFound, "issue " + ref.Text() + " not found" +
                                    (have_token ? " (does the token have access to this repository?)"
                                                : " (is the repository private? set GITHUB_TOKEN)")};
}

template <class T>
std::vector<std::vector<size_t>> Chunks(const std::vector<T>& items, size_t size,
                                        const std::function<bool(const T&)>& keep) {
  std::vector<std::vector<size_t>> chunks;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!keep(items[i])) continue;
    if (chunks.empty() || chunks.back().size() >= size) chunks.emplace_back();
    chunks.back().push_back(i);
  }
  return chunks;
}

}  // namespace

GraphqlSource::GraphqlSource(http::Client& client, GraphqlOptions options, crawl::Source* fallback)
    : client_(client), options_(std::move(options)), fallback_(fallback) {}

namespace {

// One GraphQL answer: the response object, or the error that sank the whole
// document (HTTP failure, invalid query, exhausted limit).
Result<json> Interpret(const Result<http::Response>& answer, std::string_view token_source,
                       const std::string& graphql_url) {
  if (!answer) return std::unexpected(answer.error());
  const long status = answer->status;
  if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
    // A query is never sent again somewhere else: the token would go too.
    std::string location = answer->Header("location").substr(0, 200);
    for (char& c : location) {
      if (c < 0x21 || c > 0x7E) c = '?';  // shown in messages and JSON: printable ASCII only
    }
    const std::string origin = http::Client::OriginOf(location);
    const bool elsewhere = !origin.empty() && origin != http::Client::OriginOf(graphql_url);
    return MakeError(ErrorKind::kProtocol,
                     "GitHub's GraphQL API redirected the query (HTTP " + std::to_string(status) + ") to " +
                         (elsewhere ? "another host (" + origin + ")" : "'" + location + "'") +
                         "; redirects of queries are not followed, so neither the query nor the token went there");
  }
  if (status == 401) return MakeError(ErrorKind::kUnauthorized, RejectedToken(token_source, ""));
  if (status == 403) {
    return MakeError(ErrorKind::kForbidden,
                     "GitHub refused the GraphQL query (403); the token may lack access, try --api rest");
  }
  if (status != 200) {
    return MakeError(status >= 500 ? ErrorKind::kServer : ErrorKind::kProtocol,
                     "GitHub's GraphQL API answered HTTP " + std::to_string(status));
  }
  json response;
  try {
    response = json::parse(answer->body);
  } catch (const json::exception&) {
    return MakeError(ErrorKind::kProtocol, "GitHub's GraphQL answer is not JSON");
  }
  const json& data = Field(response, "data");
  for (const auto& error : Field(response, "errors")) {
    // Errors with a path belong to one alias and are read there.
    if (Field(error, "path").is_array() && !data.is_null()) continue;
    const std::string type = JsonString(error, "type");
    const std::string message = JsonString(error, "message");
    if (type == "RATE_LIMITED" || type == "RATE_LIMIT") {  // GitHub has sent both
      return MakeError(ErrorKind::kRateLimited, "GitHub's GraphQL rate limit is exhausted (" + message +
                                                    "); wait for the reset or raise --max-wait");
    }
    return MakeError(ErrorKind::kProtocol, "GitHub rejected a query issuegraph sent (" + message +
                                               "); please report this, and use --api rest meanwhile");
  }
  if (!data.is_object()) {
    // A 200 that is not GitHub's shape: not an answer about any issue.
    return MakeError(ErrorKind::kProtocol,
                     "the GraphQL answer holds no data; check that --api-url is GitHub's API, or use --api rest");
  }
  return response;
}

}  // namespace

std::vector<Result<json>> GraphqlSource::Execute(const std::vector<GraphqlRequest>& requests,
                                                 const std::string& kind) {
  requests_by_kind_[kind] += static_cast<int64_t>(requests.size());
  std::vector<std::string> bodies;
  bodies.reserve(requests.size());
  for (const auto& request : requests) bodies.push_back(request.Body());
  std::vector<Result<json>> out;
  for (const auto& answer : client_.PostAll(options_.api.graphql, bodies)) {
    out.push_back(Interpret(answer, options_.token_source, options_.api.graphql));
    if (!out.back()) continue;
    const json& cost = Field(Field(Field(*out.back(), "data"), "rateLimit"), "cost");
    if (cost.is_number_integer()) points_ += cost.get<int64_t>();
  }
  return out;
}

void GraphqlSource::PageTimelines(std::vector<OpenThread>& threads) {
  // Entries between a thread's first page and its tail are read forward,
  // all threads of the level together; the tail (already at hand) closes
  // each thread once the middle is in.
  auto close = [&](OpenThread& thread) {
    const json& tail = *thread.tail;
    const int64_t take = std::min<int64_t>(static_cast<int64_t>(tail.size()),
                                           static_cast<int64_t>(tail.size()) + thread.middle);
    for (size_t k = tail.size() - static_cast<size_t>(std::max<int64_t>(0, take)); k < tail.size(); ++k) {
      AddGraphqlTimelineEntry(tail[k], options_.web_host, *thread.node);
    }
    thread.after.clear();
  };
  for (auto& thread : threads) {
    if (thread.middle <= 0) close(thread);
  }
  for (int round = 0; round < kMaxPages; ++round) {
    std::vector<OpenThread*> open;
    for (auto& thread : threads) {
      if (!thread.after.empty()) open.push_back(&thread);
    }
    if (open.empty()) return;
    std::vector<GraphqlRequest> requests;
    std::vector<std::vector<OpenThread*>> members;
    for (size_t start = 0; start < open.size(); start += static_cast<size_t>(options_.full_batch)) {
      std::vector<PageRequest> pages;
      members.emplace_back();
      for (size_t k = start; k < std::min(open.size(), start + static_cast<size_t>(options_.full_batch)); ++k) {
        pages.push_back({open[k]->node->ref, open[k]->after});
        members.back().push_back(open[k]);
      }
      requests.push_back(TimelinePagesQuery(pages));
    }
    auto answers = Execute(requests, "graphql_pages");
    for (size_t q = 0; q < answers.size(); ++q) {
      static const json kNoData;
      const json& data = answers[q] ? Field(*answers[q], "data") : kNoData;
      for (size_t k = 0; k < members[q].size(); ++k) {
        OpenThread& thread = *members[q][k];
        const json& timeline =
            Field(Field(Field(data, "p" + std::to_string(k)), "issueOrPullRequest"), "timelineItems");
        if (!timeline.is_object()) {
          truncated_.push_back(thread.node->ref.Key() + ": timeline (a later page could not be read)");
          close(thread);
          continue;
        }
        for (const auto& entry : Field(timeline, "nodes")) {
          if (thread.middle <= 0) break;
          AddGraphqlTimelineEntry(entry, options_.web_host, *thread.node);
          --thread.middle;
        }
        const json& page = Field(timeline, "pageInfo");
        const bool more = Field(page, "hasNextPage").is_boolean() && Field(page, "hasNextPage").get<bool>();
        thread.after = more ? JsonString(page, "endCursor") : "";
        if (thread.middle <= 0 || !more) close(thread);
      }
    }
  }
  for (auto& thread : threads) {
    if (!thread.after.empty()) {
      truncated_.push_back(thread.node->ref.Key() + ": timeline (page limit reached)");
      close(thread);
    }
  }
}

std::map<std::string, IssueRef> GraphqlSource::ResolveCommits(const std::vector<Node*>& nodes) {
  std::vector<CommitRequest> commits;
  for (const Node* node : nodes) {
    for (const auto& event : node->events) {
      if (event.commit_id.empty() || event.other) continue;
      if (std::any_of(commits.begin(), commits.end(), [&](const auto& c) { return c.oid == event.commit_id; })) {
        continue;
      }
      CommitRequest commit{node->ref.owner, node->ref.repo, event.commit_id};
      if (size_t slash = event.commit_repo.find('/'); slash != std::string::npos) {
        commit.owner = event.commit_repo.substr(0, slash);
        commit.repo = event.commit_repo.substr(slash + 1);
      }
      commits.push_back(std::move(commit));
    }
  }
  std::map<std::string, IssueRef> pulls;
  if (commits.empty()) return pulls;
  std::vector<GraphqlRequest> requests;
  for (size_t start = 0; start < commits.size(); start += kCommitBatch) {
    requests.push_back(CommitPullsQuery(std::vector<CommitRequest>(
        commits.begin() + static_cast<std::ptrdiff_t>(start),
        commits.begin() + static_cast<std::ptrdiff_t>(std::min(commits.size(), start + kCommitBatch)))));
  }
  auto answers = Execute(requests, "graphql_commits");
  for (size_t q = 0; q < answers.size(); ++q) {
    if (!answers[q]) continue;
    for (size_t k = 0; q * kCommitBatch + k < commits.size() && k < kCommitBatch; ++k) {
      const json& object = Field(Field(Field(*answers[q], "data"), "c" + std::to_string(k)), "object");
      const json& nodes_json = Field(Field(object, "associatedPullRequests"), "nodes");
      if (!nodes_json.is_array() || nodes_json.empty()) continue;
      if (auto ref = RefFromGraphql(nodes_json[0], options_.web_host)) {
        pulls.emplace(commits[q * kCommitBatch + k].oid, *ref);
      }
    }
  }
  return pulls;
}

std::vector<Result<Node>> GraphqlSource::Fetch(const std::vector<crawl::FetchRequest>& batch) {
  std::vector<Result<Node>> out(batch.size(), MakeError(ErrorKind::kInternal, "not fetched"));
  using Request = crawl::FetchRequest;
  auto full_chunks = Chunks<Request>(batch, static_cast<size_t>(options_.full_batch),
                                     [](const Request& r) { return r.detail == crawl::Detail::kFull; });
  auto summary_chunks = Chunks<Request>(batch, static_cast<size_t>(options_.summary_batch),
                                        [](const Request& r) { return r.detail == crawl::Detail::kSummary; });
  std::vector<std::vector<size_t>> chunks = std::move(full_chunks);
  chunks.insert(chunks.end(), summary_chunks.begin(), summary_chunks.end());

  std::vector<GraphqlRequest> requests;
  for (const auto& chunk : chunks) {
    std::vector<Request> part;
    for (size_t i : chunk) part.push_back(batch[i]);
    requests.push_back(LevelQuery(part));
  }
  auto answers = Execute(requests, "graphql_level");

  std::vector<json> items(batch.size());
  std::vector<Node*> expanded;
  std::vector<OpenThread> threads;
  for (size_t q = 0; q < chunks.size(); ++q) {
    for (size_t k = 0; k < chunks[q].size(); ++k) {
      const size_t i = chunks[q][k];
      if (!answers[q]) {
        out[i] = std::unexpected(answers[q].error());
        continue;
      }
      const std::string alias = "n" + std::to_string(k);
      const json& data = Field(*answers[q], "data");
      if (!data.contains(alias)) {
        // GitHub answers every alias it was asked, null when not found.
        out[i] = MakeError(ErrorKind::kProtocol, "the GraphQL answer has no part for " + batch[i].ref.Text() +
                                                     "; check that --api-url is GitHub's API, or use --api rest");
        continue;
      }
      const json& item = Field(Field(data, alias), "issueOrPullRequest");
      if (!item.is_object()) {
        out[i] = std::unexpected(AliasError(ErrorFor(*answers[q], alias), batch[i].ref, true));
        continue;
      }
      items[i] = item;
      Node node = NodeFromGraphql(item, options_.web_host, batch[i].ref);
      const json& timeline = Field(item, "timelineItems");
      for (const auto& entry : Field(timeline, "nodes")) AddGraphqlTimelineEntry(entry, options_.web_host, node);
      out[i] = std::move(node);
      if (batch[i].detail == crawl::Detail::kFull) {
        expanded.push_back(&*out[i]);
        const json& page = Field(timeline, "pageInfo");
        const bool more = Field(page, "hasNextPage").is_boolean() && Field(page, "hasNextPage").get<bool>();
        if (more) {
          // Entries after the first page: the tail's, and any in between.
          const json& total = Field(timeline, "totalCount");
          const json& tail = Field(Field(item, "timelineTail"), "nodes");
          const int64_t rest = (total.is_number_integer() ? total.get<int64_t>() : 0) -
                               static_cast<int64_t>(Field(timeline, "nodes").size());
          if (tail.is_array() && rest > 0) {
            threads.push_back({&*out[i], JsonString(page, "endCursor"),
                               rest - static_cast<int64_t>(tail.size()), &tail});
          }
        }
      }
      // Connections read in one page only: say when they were longer.
      for (const char* name : {"closedByPullRequestsReferences", "closingIssuesReferences", "subIssues"}) {
        const json& connection = Field(item, name);
        const json& total = Field(connection, "totalCount");
        const size_t shown = Field(connection, "nodes").is_array() ? Field(connection, "nodes").size() : 0;
        if (total.is_number_integer() && static_cast<size_t>(total.get<int64_t>()) > shown) {
          truncated_.push_back(out[i]->ref.Key() + ": " + name + " (" + std::to_string(shown) + " of " +
                               std::to_string(total.get<int64_t>()) + ")");
        }
      }
    }
  }
  if (fallback_ != nullptr) {
    std::vector<size_t> missing;
    std::vector<crawl::FetchRequest> asks;
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!out[i] && out[i].error().kind == ErrorKind::kNotFound) {
        missing.push_back(i);
        asks.push_back({batch[i].ref, crawl::Detail::kSummary});
      }
    }
    if (!asks.empty()) {
      auto answers_again = fallback_->Fetch(asks);
      for (size_t k = 0; k < missing.size(); ++k) {
        if (answers_again[k] && answers_again[k]->deleted) out[missing[k]] = std::move(answers_again[k]);
      }
    }
  }
  PageTimelines(threads);
  auto commit_pulls = ResolveCommits(expanded);

  for (size_t i = 0; i < batch.size(); ++i) {
    if (!out[i] || out[i]->deleted) continue;
    Node& node = *out[i];
    node.complete = batch[i].detail == crawl::Detail::kFull;
    AddTextLinks(node);
    AddEventLinks(node, commit_pulls);
    AddGraphqlFieldLinks(items[i], options_.web_host, node);
  }
  return out;
}

std::vector<Result<crawl::Stamp>> GraphqlSource::Probe(const std::vector<IssueRef>& refs) {
  constexpr size_t kProbeBatch = 100;
  std::vector<GraphqlRequest> requests;
  for (size_t start = 0; start < refs.size(); start += kProbeBatch) {
    requests.push_back(ProbeQuery(std::vector<IssueRef>(
        refs.begin() + static_cast<std::ptrdiff_t>(start),
        refs.begin() + static_cast<std::ptrdiff_t>(std::min(refs.size(), start + kProbeBatch)))));
  }
  auto answers = Execute(requests, "graphql_probe");
  std::vector<Result<crawl::Stamp>> out;
  for (size_t i = 0; i < refs.size(); ++i) {
    const auto& answer = answers[i / kProbeBatch];
    if (!answer) {
      out.push_back(std::unexpected(answer.error()));
      continue;
    }
    const json& item =
        Field(Field(Field(*answer, "data"), "n" + std::to_string(i % kProbeBatch)), "issueOrPullRequest");
    if (!item.is_object()) {
      out.push_back(MakeError(ErrorKind::kNotFound, "issue " + refs[i].Text() + " not found"));
      continue;
    }
    crawl::Stamp stamp;
    stamp.updated_at = JsonString(item, "updatedAt");
    stamp.link_count = 0;
    for (const char* name : {"timelineItems", "closedByPullRequestsReferences", "closingIssuesReferences", "subIssues"}) {
      const json& total = Field(Field(item, name), "totalCount");
      if (total.is_number_integer()) stamp.link_count += total.get<int64_t>();
    }
    out.push_back(std::move(stamp));
  }
  return out;
}

int64_t GraphqlSource::LinkCount(const Node& node) {
  if (!node.complete) return -1;
  // Timeline entries (comments and linking events, one each) plus the
  // references the closing and sub-issue fields listed.
  int64_t count = static_cast<int64_t>(node.comments.size() + node.events.size());
  for (const auto& link : node.links) {
    const std::string& field = link.provenance.id;
    if (link.provenance.where == Provenance::Where::kEvent &&
        (field == "closedByPullRequestsReferences" || field == "closingIssuesReferences" || field == "subIssues")) {
      ++count;
    }
  }
  return count;
}

crawl::Stamp GraphqlSource::StampOf(const Node& node) const { return {node.updated_at, LinkCount(node)}; }

void GraphqlSource::AddStats(CrawlStats& stats) const {
  AddRequestStats("graphql", client_.stats(), requests_by_kind_, truncated_, stats);
  stats.graphql_points += points_;
}

}  // namespace issuegraph::github
