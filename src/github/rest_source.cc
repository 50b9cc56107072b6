#include "github/rest_source.h"

#include <charconv>

#include "github/links.h"
#include "github/request_stats.h"
#include "github/rest_json.h"
#include "http/link_header.h"

namespace issuegraph::github {

using nlohmann::json;

namespace {

constexpr int kMaxRedirects = 3;
constexpr int kMaxPages = 200;  // 20,000 entries: far beyond any real thread

// What a REST URL asks for, for --stats.
std::string KindOfUrl(const std::string& url) {
  std::string path = url.substr(0, url.find('?'));
  if (path.ends_with("/timeline")) return "timeline";
  if (path.ends_with("/sub_issues")) return "sub_issues";
  if (path.ends_with("/pulls") && path.find("/commits/") != std::string::npos) return "commit_pulls";
  if (path.find("/pulls/") != std::string::npos) return "pull";
  if (path.find("/issues/") != std::string::npos) return "issue";
  return "other";
}

// The error kind an HTTP status stands for, wherever it is met.
ErrorKind KindOfStatus(long status) {
  switch (status) {
    case 404: return ErrorKind::kNotFound;
    case 410: return ErrorKind::kGone;
    case 401: return ErrorKind::kUnauthorized;
    case 403: return ErrorKind::kForbidden;
    default: return status >= 500 ? ErrorKind::kServer : ErrorKind::kProtocol;
  }
}

bool IsRedirect(long status) { return status == 301 || status == 302 || status == 307 || status == 308; }

Result<json> ParseJson(const http::Response& response, const std::string& what) {
  try {
    return json::parse(response.body);
  } catch (const json::exception&) {
    return MakeError(ErrorKind::kProtocol, "GitHub's answer for " + what + " is not JSON (HTTP " +
                                               std::to_string(response.status) + ")");
  }
}

std::string MessageOf(const http::Response& response) {
  try {
    auto body = json::parse(response.body);
    return JsonString(body, "message");
  } catch (const json::exception&) {
    return "";
  }
}

}  // namespace

RestSource::RestSource(http::Client& client, RestOptions options)
    : client_(client), options_(std::move(options)) {}

std::string RestSource::RepoUrl(const IssueRef& ref) const {
  return options_.api.rest + "/repos/" + ref.owner + "/" + ref.repo;
}

std::vector<Result<http::Response>> RestSource::GetFollowing(const std::vector<std::string>& urls) {
  for (const auto& url : urls) ++requests_by_kind_[KindOfUrl(url)];
  auto answers = client_.GetAll(urls);
  const std::string origin = http::Client::OriginOf(options_.api.rest);
  for (int hop = 0; hop < kMaxRedirects; ++hop) {
    std::vector<size_t> moved;
    std::vector<std::string> targets;
    for (size_t i = 0; i < answers.size(); ++i) {
      if (!answers[i] || !IsRedirect(answers[i]->status)) continue;
      std::string location = answers[i]->Header("location");
      if (location.starts_with("//")) {
        // Scheme-relative: another host, unless it names this one.
        location = origin.substr(0, origin.find("//")) + location;
      } else if (!location.empty() && location.front() == '/') {
        location = origin + location;
      }
      // A redirect may not steer us to another host.
      if (http::Client::OriginOf(location) != origin) {
        answers[i] = MakeError(ErrorKind::kProtocol,
                               "GitHub redirected " + urls[i] + " to another host (" +
                                   http::Client::OriginOf(location) + "); not followed");
        continue;
      }
      moved.push_back(i);
      targets.push_back(location);
    }
    if (moved.empty()) break;
    requests_by_kind_["redirected"] += static_cast<int64_t>(targets.size());
    auto again = client_.GetAll(targets);
    for (size_t j = 0; j < moved.size(); ++j) answers[moved[j]] = std::move(again[j]);
  }
  return answers;
}

Error RestSource::StatusError(const http::Response& response, const IssueRef& ref) const {
  const std::string message = MessageOf(response);
  switch (response.status) {
    case 404:
      return {ErrorKind::kNotFound,
              "issue " + ref.Text() + " not found" +
                  (options_.have_token ? " (does the token have access to this repository?)"
                                       : " (is the repository private? set GITHUB_TOKEN)")};
    case 410:
      return {ErrorKind::kGone, "issue " + ref.Text() + " was deleted"};
    case 401:
      return {ErrorKind::kUnauthorized,
              "GitHub rejected the token (401 " + message +
                  "); check --token, GITHUB_TOKEN or GH_TOKEN, or unset them for public repositories"};
    case 403:
      return {ErrorKind::kForbidden, "no access to " + ref.owner + "/" + ref.repo + " (403" +
                                         (message.empty() ? "" : ": " + message) +
                                         "); a token with access to it may help"};
    default:
      return {response.status >= 500 ? ErrorKind::kServer : ErrorKind::kProtocol,
              "GitHub answered HTTP " + std::to_string(response.status) + " for " + ref.Text() +
                  (message.empty() ? "" : ": " + message)};
  }
}

std::vector<Result<std::vector<json>>> RestSource::GetLists(const std::vector<std::string>& first_urls,
                                                             std::vector<bool>* cut) {
  std::vector<Result<std::vector<json>>> lists(first_urls.size(), std::vector<json>{});
  std::vector<size_t> open;
  std::vector<std::string> urls;
  for (size_t i = 0; i < first_urls.size(); ++i) {
    open.push_back(i);
    urls.push_back(first_urls[i]);
  }
  const std::string origin = http::Client::OriginOf(options_.api.rest);
  for (int page = 0; page < kMaxPages && !open.empty(); ++page) {
    auto answers = GetFollowing(urls);
    std::vector<size_t> still_open;
    std::vector<std::string> next_urls;
    for (size_t j = 0; j < open.size(); ++j) {
      size_t i = open[j];
      if (!answers[j]) {
        lists[i] = std::unexpected(answers[j].error());
        continue;
      }
      if (answers[j]->status != 200) {
        lists[i] = MakeError(KindOfStatus(answers[j]->status),
                             "HTTP " + std::to_string(answers[j]->status) + " " + MessageOf(*answers[j]));
        continue;
      }
      auto parsed = ParseJson(*answers[j], urls[j]);
      if (!parsed || !parsed->is_array()) {
        lists[i] = MakeError(ErrorKind::kProtocol, "GitHub's answer for " + urls[j] + " is not a list");
        continue;
      }
      for (auto& entry : *parsed) lists[i]->push_back(std::move(entry));
      std::string next = http::LinkWithRel(answers[j]->Header("link"), "next");
      if (!next.empty() && http::Client::OriginOf(next) == origin) {
        still_open.push_back(i);
        next_urls.push_back(next);
      }
    }
    open = std::move(still_open);
    urls = std::move(next_urls);
  }
  // What is still open had more pages than kMaxPages allows.
  if (cut != nullptr) {
    cut->assign(first_urls.size(), false);
    for (size_t i : open) (*cut)[i] = true;
  }
  return lists;
}

void RestSource::ResolveCommits(std::vector<Node*>& nodes, std::map<std::string, IssueRef>& commit_pulls) {
  // One request per distinct commit that closed or referenced a node.
  std::vector<std::string> shas;
  std::vector<std::string> urls;
  std::vector<std::string> hosts;
  for (Node* node : nodes) {
    for (const auto& event : node->events) {
      if (event.commit_id.empty() || event.other) continue;
      if (event.type != "closed" && event.type != "referenced") continue;
      if (std::find(shas.begin(), shas.end(), event.commit_id) != shas.end()) continue;
      shas.push_back(event.commit_id);
      urls.push_back(RepoUrl(node->ref) + "/commits/" + event.commit_id + "/pulls");
      hosts.push_back(node->ref.host);
    }
  }
  if (urls.empty()) return;
  auto lists = GetLists(urls);
  for (size_t i = 0; i < lists.size(); ++i) {
    if (!lists[i] || lists[i]->empty()) continue;
    // The first pull is the one GitHub associates with the commit.
    if (auto ref = RefFromIssueJson(lists[i]->front(), hosts[i])) {
      commit_pulls.emplace(shas[i], *ref);
    } else if (auto repo = RepoFromApiUrl(JsonString(lists[i]->front(), "url"))) {
      IssueRef pull{hosts[i], repo->first, repo->second, lists[i]->front().value("number", int64_t{0})};
      if (pull.number > 0) commit_pulls.emplace(shas[i], pull);
    }
  }
}

std::vector<Result<Node>> RestSource::Fetch(const std::vector<crawl::FetchRequest>& batch) {
  std::vector<Result<Node>> out(batch.size(), MakeError(ErrorKind::kInternal, "not fetched"));

  // 1. The issue objects, except leaves whose payload a cross-reference carried.
  std::vector<size_t> asked;
  std::vector<std::string> urls;
  std::vector<int64_t> sub_issue_totals(batch.size(), 0);
  for (size_t i = 0; i < batch.size(); ++i) {
    const IssueRef& ref = batch[i].ref;
    if (forbidden_repos_.contains(ref.RepoKey())) {
      out[i] = MakeError(ErrorKind::kForbidden, "no access to " + ref.owner + "/" + ref.repo +
                                                    " (403 earlier in this crawl); skipped");
      continue;
    }
    if (batch[i].detail == crawl::Detail::kSummary) {
      if (auto it = carried_.find(ref.Key()); it != carried_.end()) {
        out[i] = NodeFromIssueJson(it->second, options_.web_host, ref);
        continue;
      }
    }
    asked.push_back(i);
    urls.push_back(RepoUrl(ref) + "/issues/" + std::to_string(ref.number));
  }
  auto answers = GetFollowing(urls);
  for (size_t j = 0; j < asked.size(); ++j) {
    size_t i = asked[j];
    const IssueRef& ref = batch[i].ref;
    if (!answers[j]) {
      out[i] = std::unexpected(answers[j].error());
      continue;
    }
    if (answers[j]->status == 410) {
      Node node;
      node.ref = ref;
      node.deleted = true;
      node.state = NodeState::kClosed;
      node.title = "(deleted)";
      node.url = ref.HtmlUrl();
      out[i] = std::move(node);
      continue;
    }
    if (answers[j]->status != 200) {
      if (answers[j]->status == 403) forbidden_repos_.insert(ref.RepoKey());
      out[i] = std::unexpected(StatusError(*answers[j], ref));
      continue;
    }
    auto parsed = ParseJson(*answers[j], ref.Text());
    if (!parsed) {
      out[i] = std::unexpected(parsed.error());
      continue;
    }
    out[i] = NodeFromIssueJson(*parsed, options_.web_host, ref);
    if (out[i] && parsed->contains("parent_issue_url") && (*parsed)["parent_issue_url"].is_string()) {
      // parent_issue_url is an API URL: .../repos/O/R/issues/N
      std::string parent_url = (*parsed)["parent_issue_url"].get<std::string>();
      auto repo = RepoFromApiUrl(parent_url);
      size_t slash = parent_url.rfind('/');
      if (repo && slash != std::string::npos) {
        const std::string_view digits = std::string_view(parent_url).substr(slash + 1);
        int64_t number = 0;
        const bool numeric = std::from_chars(digits.data(), digits.data() + digits.size(), number).ptr ==
                             digits.data() + digits.size();
        auto parent = MakeIssueRef(options_.web_host, repo->first + "/" + repo->second, numeric ? number : 0);
        if (parent) {
          Link edge;
          edge.from = out[i]->ref;
          edge.to = *parent;
          edge.kind = EdgeKind::kSubIssueOf;
          edge.provenance = {out[i]->ref.Text(), Provenance::Where::kBody, "", out[i]->url};
          out[i]->links.push_back(std::move(edge));
        }
      }
    }
    // The summary says whether listing sub-issues is worth a request.
    if (auto it = parsed->find("sub_issues_summary"); it != parsed->end() && it->is_object()) {
      sub_issue_totals[i] = it->value("total", int64_t{0});
    }
  }

  // 2. Full nodes: every timeline page (comments included), pull details,
  // sub-issues. All lists of the level are paged in parallel.
  std::vector<Node*> full;
  std::vector<std::string> list_urls;
  enum class ListKind { kTimeline, kSubIssues };
  std::vector<std::pair<Node*, ListKind>> list_owner;
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!out[i] || batch[i].detail != crawl::Detail::kFull || out[i]->deleted) continue;
    Node* node = &*out[i];
    full.push_back(node);
    const std::string base = RepoUrl(node->ref) + "/issues/" + std::to_string(node->ref.number);
    list_urls.push_back(base + "/timeline?per_page=" + std::to_string(options_.per_page));
    list_owner.emplace_back(node, ListKind::kTimeline);
    if (sub_issue_totals[i] > 0) {
      list_urls.push_back(base + "/sub_issues?per_page=" + std::to_string(options_.per_page));
      list_owner.emplace_back(node, ListKind::kSubIssues);
    }
  }
  // Pull details are one object, not a list; fetch them beside the lists.
  std::vector<Node*> pulls;
  std::vector<std::string> pull_urls;
  for (Node* node : full) {
    if (node->type != NodeType::kPull) continue;
    pulls.push_back(node);
    pull_urls.push_back(RepoUrl(node->ref) + "/pulls/" + std::to_string(node->ref.number));
  }
  std::vector<bool> cut;
  auto lists = GetLists(list_urls, &cut);
  auto pull_answers = GetFollowing(pull_urls);
  std::map<Node*, Error> broken;
  for (size_t k = 0; k < lists.size(); ++k) {
    auto [node, kind] = list_owner[k];
    if (!lists[k]) {
      broken.emplace(node, Error{lists[k].error().kind, "reading the timeline of " + node->ref.Text() +
                                                             " failed: " + lists[k].error().message});
      continue;
    }
    if (cut[k]) {
      truncated_.push_back(node->ref.Key() + (kind == ListKind::kTimeline ? ": timeline" : ": sub-issues") +
                           " (" + std::to_string(lists[k]->size()) + " entries read; the page limit of " +
                           std::to_string(kMaxPages) + " was reached)");
    }
    for (const auto& entry : *lists[k]) {
      if (kind == ListKind::kTimeline) {
        AddTimelineEntry(entry, options_.web_host, *node);
        if (JsonString(entry, "event") == "cross-referenced") {
          // Keep the carried payload: the source may become a leaf later.
          const json& source = entry["source"];
          if (source.is_object() && source.contains("issue")) {
            if (auto ref = RefFromIssueJson(source["issue"], options_.web_host)) {
              carried_.emplace(ref->Key(), source["issue"]);
            }
          }
        }
      } else if (auto child = RefFromIssueJson(entry, options_.web_host)) {
        Link edge;
        edge.from = *child;
        edge.to = node->ref;
        edge.kind = EdgeKind::kSubIssueOf;
        edge.provenance = {node->ref.Text(), Provenance::Where::kBody, "", node->url};
        node->links.push_back(std::move(edge));
      }
    }
  }
  for (size_t k = 0; k < pulls.size(); ++k) {
    if (!pull_answers[k] || pull_answers[k]->status != 200) continue;  // keep issue-level state
    if (auto parsed = ParseJson(*pull_answers[k], pulls[k]->ref.Text())) AddPullJson(*parsed, *pulls[k]);
  }

  // 3. The pulls behind closing and referencing commits.
  std::map<std::string, IssueRef> commit_pulls;
  ResolveCommits(full, commit_pulls);

  for (size_t i = 0; i < batch.size(); ++i) {
    if (!out[i] || out[i]->deleted) continue;
    Node& node = *out[i];
    if (auto it = broken.find(&node); it != broken.end()) {
      out[i] = std::unexpected(it->second);
      continue;
    }
    node.complete = batch[i].detail == crawl::Detail::kFull;
    AddTextLinks(node);
    AddEventLinks(node, commit_pulls);
  }
  return out;
}

void RestSource::AddStats(CrawlStats& stats) const {
  AddRequestStats("rest", client_.stats(), requests_by_kind_, truncated_, stats);
}

}  // namespace issuegraph::github
