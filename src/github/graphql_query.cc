#include "github/graphql_query.h"

#include <cctype>
#include <string_view>

namespace issuegraph::github {
namespace {

using nlohmann::json;

// Fragments shared by every document. Issue and PullRequest meet only in
// interfaces, so the fields both have are asked through those.
constexpr std::string_view kRefFragments = R"(
fragment IssueRef on Issue { number repository { nameWithOwner } }
fragment PullRef on PullRequest { number repository { nameWithOwner } }
fragment Common on IssueOrPullRequest {
  __typename
  ... on Node { id }
  ... on RepositoryNode { repository { nameWithOwner } }
  ... on UniformResourceLocatable { url }
  ... on Comment { author { login } authorAssociation body createdAt updatedAt }
  ... on Closable { closedAt }
  ... on Labelable { labels(first: 20) { nodes { name } } }
  ... on Issue { comments { totalCount } }
  ... on PullRequest { comments { totalCount } }
}
)";

// Comments and the events that link items, in one connection: a thread is
// one paginated list, as on REST's timeline.
constexpr std::string_view kTimelineFragments = R"(
fragment TimelineEntry on Node {
  __typename
  ... on IssueComment { databaseId url author { login } authorAssociation createdAt body }
  ... on CrossReferencedEvent { createdAt willCloseTarget source { __typename ...IssueRef ...PullRef } }
  ... on ConnectedEvent { id createdAt actor { login } source { __typename ...IssueRef ...PullRef } subject { __typename ...IssueRef ...PullRef } }
  ... on DisconnectedEvent { id createdAt actor { login } source { __typename ...IssueRef ...PullRef } subject { __typename ...IssueRef ...PullRef } }
  ... on ClosedEvent { id createdAt actor { login } closer { __typename ...PullRef ... on Commit { oid } } }
  ... on ReferencedEvent { id createdAt actor { login } commit { oid } commitRepository { nameWithOwner } }
  ... on MarkedAsDuplicateEvent { id createdAt actor { login } canonical { __typename ...IssueRef ...PullRef } duplicate { __typename ...IssueRef ...PullRef } }
  ... on UnmarkedAsDuplicateEvent { id createdAt actor { login } canonical { __typename ...IssueRef ...PullRef } duplicate { __typename ...IssueRef ...PullRef } }
  ... on SubIssueAddedEvent { id createdAt subIssue { ...IssueRef } }
  ... on SubIssueRemovedEvent { id createdAt subIssue { ...IssueRef } }
  ... on ParentIssueAddedEvent { id createdAt parent { ...IssueRef } }
  ... on ParentIssueRemovedEvent { id createdAt parent { ...IssueRef } }
}
)";

constexpr std::string_view kItemTypes =
    "[ISSUE_COMMENT, CROSS_REFERENCED_EVENT, CONNECTED_EVENT, DISCONNECTED_EVENT, CLOSED_EVENT, "
    "REFERENCED_EVENT, MARKED_AS_DUPLICATE_EVENT, UNMARKED_AS_DUPLICATE_EVENT, SUB_ISSUE_ADDED_EVENT, "
    "SUB_ISSUE_REMOVED_EVENT, PARENT_ISSUE_ADDED_EVENT, PARENT_ISSUE_REMOVED_EVENT]";

std::string TimelineField(std::string_view after_variable) {
  std::string args = "first: " + std::to_string(kTimelinePageSize);
  if (!after_variable.empty()) args += ", after: $" + std::string(after_variable);
  return "timelineItems(" + args + ", itemTypes: " + std::string(kItemTypes) +
         ") { totalCount pageInfo { hasNextPage endCursor } nodes { ...TimelineEntry } }";
}

std::string FullFragments() {
  // The thread from both ends: the first and the last 100 entries in one
  // query, so a thread of up to 200 entries needs no second round trip.
  const std::string timeline =
      TimelineField("") + " timelineTail: timelineItems(last: " + std::to_string(kTimelinePageSize) +
      ", itemTypes: " + std::string(kItemTypes) + ") { nodes { ...TimelineEntry } }";
  const std::string closing = std::to_string(kClosingRefsPageSize);
  return std::string(kRefFragments) + std::string(kTimelineFragments) +
         "fragment Full on IssueOrPullRequest {\n  ...Common\n"
         "  ... on Issue { number title issueState: state stateReason(enableDuplicate: true) " + timeline +
         " closedByPullRequestsReferences(first: " + closing +
         ", includeClosedPrs: true) { totalCount nodes { ...PullRef } }"
         " parent { ...IssueRef } subIssues(first: " + std::to_string(kSubIssuesPageSize) +
         ") { totalCount nodes { ...IssueRef } } }\n"
         "  ... on PullRequest { number title pullState: state merged mergedAt isDraft baseRefName headRefName " +
         timeline + " closingIssuesReferences(first: " + closing +
         ") { totalCount nodes { ...IssueRef } } }\n}\n"
         "fragment Summary on IssueOrPullRequest {\n  ...Common\n"
         "  ... on Issue { number title issueState: state stateReason(enableDuplicate: true) parent { ...IssueRef } }\n"
         "  ... on PullRequest { number title pullState: state merged mergedAt isDraft }\n}\n";
}

// Appends the fragment definitions the document uses, and only those:
// GitHub rejects a document with an unused fragment.
std::string WithFragments(std::string document) {
  struct Definition {
    std::string name;
    std::string text;
  };
  std::vector<Definition> pool;
  std::string all = FullFragments();
  for (size_t at = all.find("fragment "); at != std::string::npos;) {
    size_t next = all.find("\nfragment ", at + 1);
    std::string text = all.substr(at, next == std::string::npos ? std::string::npos : next + 1 - at);
    size_t name_end = text.find(' ', 9);
    pool.push_back({text.substr(9, name_end - 9), text});
    at = next == std::string::npos ? next : next + 1;
  }
  auto uses = [](const std::string& text, const std::string& name) {
    for (size_t at = text.find("..." + name); at != std::string::npos; at = text.find("..." + name, at + 1)) {
      char after = at + 3 + name.size() < text.size() ? text[at + 3 + name.size()] : ' ';
      if (!std::isalnum(static_cast<unsigned char>(after)) && after != '_') return true;
    }
    return false;
  };
  std::vector<bool> added(pool.size(), false);
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < pool.size(); ++i) {
      if (!added[i] && uses(document, pool[i].name)) {
        document += pool[i].text;
        added[i] = grew = true;
      }
    }
  }
  return document;
}

constexpr std::string_view kRateLimit = "  rateLimit { cost remaining resetAt limit }\n";

}  // namespace

std::string GraphqlRequest::Body() const {
  json body = {{"query", query}, {"variables", variables}};
  return body.dump();
}

GraphqlRequest LevelQuery(const std::vector<crawl::FetchRequest>& batch) {
  GraphqlRequest request;
  std::string params;
  std::string fields;
  for (size_t i = 0; i < batch.size(); ++i) {
    const std::string n = std::to_string(i);
    params += (i == 0 ? "" : ", ") + ("$o" + n + ": String!, $r" + n + ": String!, $n" + n + ": Int!");
    const char* fragment = batch[i].detail == crawl::Detail::kFull ? "Full" : "Summary";
    fields += "  n" + n + ": repository(owner: $o" + n + ", name: $r" + n +
              ") { nameWithOwner issueOrPullRequest(number: $n" + n + ") { ..." + fragment + " } }\n";
    request.variables["o" + n] = batch[i].ref.owner;
    request.variables["r" + n] = batch[i].ref.repo;
    request.variables["n" + n] = batch[i].ref.number;
  }
  request.query = WithFragments("query IssuegraphLevel(" + params + ") {\n" + std::string(kRateLimit) +
                                fields + "}\n");
  return request;
}

GraphqlRequest TimelinePagesQuery(const std::vector<PageRequest>& pages) {
  GraphqlRequest request;
  std::string params;
  std::string fields;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string n = std::to_string(i);
    params += (i == 0 ? "" : ", ") +
              ("$o" + n + ": String!, $r" + n + ": String!, $n" + n + ": Int!, $a" + n + ": String");
    const std::string timeline = TimelineField("a" + n);
    fields += "  p" + n + ": repository(owner: $o" + n + ", name: $r" + n +
              ") { issueOrPullRequest(number: $n" + n + ") { __typename ... on Issue { " + timeline +
              " } ... on PullRequest { " + timeline + " } } }\n";
    request.variables["o" + n] = pages[i].ref.owner;
    request.variables["r" + n] = pages[i].ref.repo;
    request.variables["n" + n] = pages[i].ref.number;
    request.variables["a" + n] = pages[i].after;
  }
  request.query = WithFragments("query IssuegraphPages(" + params + ") {\n" + std::string(kRateLimit) +
                                fields + "}\n");
  return request;
}

GraphqlRequest CommitPullsQuery(const std::vector<CommitRequest>& commits) {
  GraphqlRequest request;
  std::string params;
  std::string fields;
  for (size_t i = 0; i < commits.size(); ++i) {
    const std::string n = std::to_string(i);
    params += (i == 0 ? "" : ", ") + ("$o" + n + ": String!, $r" + n + ": String!, $s" + n + ": GitObjectID!");
    fields += "  c" + n + ": repository(owner: $o" + n + ", name: $r" + n + ") { object(oid: $s" + n +
              ") { ... on Commit { oid associatedPullRequests(first: 1) { nodes { ...PullRef } } } } }\n";
    request.variables["o" + n] = commits[i].owner;
    request.variables["r" + n] = commits[i].repo;
    request.variables["s" + n] = commits[i].oid;
  }
  request.query = WithFragments("query IssuegraphCommits(" + params + ") {\n" + std::string(kRateLimit) +
                                fields + "}\n");
  return request;
}

GraphqlRequest ProbeQuery(const std::vector<IssueRef>& refs) {
  GraphqlRequest request;
  std::string params;
  std::string fields;
  const std::string timeline = "timelineItems(itemTypes: " + std::string(kItemTypes) + ") { totalCount }";
  for (size_t i = 0; i < refs.size(); ++i) {
    const std::string n = std::to_string(i);
    params += (i == 0 ? "" : ", ") + ("$o" + n + ": String!, $r" + n + ": String!, $n" + n + ": Int!");
    fields += "  n" + n + ": repository(owner: $o" + n + ", name: $r" + n + ") { issueOrPullRequest(number: $n" + n +
              ") { __typename ... on Issue { updatedAt " + timeline +
              " closedByPullRequestsReferences(includeClosedPrs: true) { totalCount } subIssues { totalCount } }"
              " ... on PullRequest { updatedAt " + timeline + " closingIssuesReferences { totalCount } } } }\n";
    request.variables["o" + n] = refs[i].owner;
    request.variables["r" + n] = refs[i].repo;
    request.variables["n" + n] = refs[i].number;
  }
  request.query = "query IssuegraphProbe(" + params + ") {\n" + std::string(kRateLimit) + fields + "}\n";
  return request;
}

std::vector<GraphqlRequest> AllQueryShapes() {
  IssueRef a{"github.com", "octo", "app", 1};
  IssueRef b{"github.com", "octo", "lib", 2};
  return {
      LevelQuery({{a, crawl::Detail::kFull}, {b, crawl::Detail::kSummary}}),
      LevelQuery({{a, crawl::Detail::kSummary}}),
      TimelinePagesQuery({{a, "Y3Vyc29yOjE="}, {b, "Y3Vyc29yOjI="}}),
      CommitPullsQuery({{"octo", "app", "0123456789abcdef0123456789abcdef01234567"}}),
      ProbeQuery({a, b}),
  };
}

}  // namespace issuegraph::github
