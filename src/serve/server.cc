#include "serve/server.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "serve/assets.h"
#include "serve/client_limits.h"
#include "serve/connections.h"
#include "serve/event_stream.h"
#include "serve/exchange.h"
#include "serve/host_policy.h"
#include "serve/page_cache.h"
#include "serve/pages.h"
#include "serve/permalink.h"
#include "serve/report_job.h"
#include "serve/shared_jobs.h"
#include "serve/store_pool.h"
#include "store/feedback.h"
#include "store/published.h"
#include "store/related.h"
#include "store/trending.h"
#include "model/ascii.h"

namespace issuegraph::serve {
namespace {

using nlohmann::json;

constexpr size_t kMaxBody = 16 * 1024;  // a form or a JSON request; nothing bigger is taken
constexpr int kListLength = 10;
constexpr int kStreamRetrySeconds = 10;

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  HostPolicy policy;
  StorePool stores;
  std::unique_ptr<ReportJobs> report_jobs;
  PageCache pages;
  JobWork job_work;
  std::unique_ptr<JobBoard> jobs;  // on PostgreSQL made by Bind
  ClientLimiter crawl_limits;
  std::mutex start_mutex;  // StartOrJoin
  ClientLimiter vote_limits;
  ListeningSocket listening;  // before http, which records into it
  StreamSlots streams;
  httplib::Server http;
  std::atomic<bool> stopping{false};

  Impl(ServeOptions opts, JobWork work)
      : options(std::move(opts)),
        policy(options.allowed_hosts),
        stores(options.store_path),
        report_jobs(work ? nullptr
                         : std::make_unique<ReportJobs>(ReportJobOptions{
                               options.store_path, options.api_url, options.max_age,
                               options.max_wait, options.max_nodes, options.synthesizer})),
        // A report published changes related lists: no page is kept past it.
        job_work([this, work = std::move(work)](Job& job) {
          auto made = work ? work(job) : report_jobs->Run(job);
          pages.Clear();
          return made;
        }),
        crawl_limits(options.crawls_per_minute, options.crawl_burst),
        vote_limits(options.votes_per_minute, options.vote_burst),
        streams(options.max_streams, options.streams_per_client) {
    if (!store::sql::IsPostgresUrl(options.store_path)) {
      jobs = std::make_unique<JobQueue>(job_work, static_cast<size_t>(std::max(1, options.workers)),
                                        options.queue);
    }
    Routes();
  }

  // ---- shared pieces -------------------------------------------------

  // The depth a request asks for (?depth=), or an error sentence.
  Result<int> DepthOf(const httplib::Request& req, const json& body = json()) const {
    std::string text = FormOrJsonField(req, body, "depth");
    if (text.empty()) return options.default_depth;
    int depth = -1;
    if (text.size() <= 2 && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      depth = std::stoi(text);
    }
    if (depth < 0 || depth > options.max_depth) {
      return MakeError(ErrorKind::kInvalidInput, "depth must be a number from 0 to " +
                                                     std::to_string(options.max_depth));
    }
    return depth;
  }

  // A published report that is fresh enough to serve as it is.
  Result<std::optional<store::PublishedReport>> Published(const IssueRef& ref, int depth) {
    auto lease = stores.Acquire();
    if (!lease) return std::unexpected(lease.error());
    return store::PublishedReports(lease->db()).Get(ref, depth);
  }

  bool Fresh(const store::PublishedReport& report) const {
    // Offline, what is stored is all there is: never stale.
    return options.offline || NowSeconds() - report.created_at < options.max_age.count();
  }

  struct Started {
    std::shared_ptr<Job> job;
    int status = 202;
    std::string code;     // set when refused
    std::string message;
    int retry_after = 0;
  };

  // Joins the running job of the issue, or starts one if the client may.
  Started StartOrJoin(const httplib::Request& req, const JobRequest& request) {
    // One at a time from the look-up to the submit: visitors who arrive
    // together join the first one's job instead of each spending a token
    // of their address's crawl limit on a job they would only join.
    std::lock_guard<std::mutex> starting(start_mutex);
    Started out;
    if (options.offline) {
      out.status = 404;
      out.code = "not_stored";
      out.message = "no report of " + request.ref.Text() + " at depth " + std::to_string(request.depth) +
                    " is stored, and this server runs offline (--offline): it makes no new reports";
      return out;
    }
    if (auto failed = jobs->RecentFailure(request); failed && !request.refresh) {
      auto error = failed->error().value_or(Error{});
      out.job = failed;
      out.status = StatusFor(error.kind);
      out.code = ErrorKindName(error.kind);
      out.message = error.message;
      return out;
    }
    if (auto running = jobs->Active(request)) {
      out.job = running;
      return out;
    }
    int retry = 0;
    if (!crawl_limits.Take(req.remote_addr, std::chrono::steady_clock::now(), &retry)) {
      out.status = 429;
      out.code = "too_many_requests";
      out.message = "too many new reports from your address; try again in " + std::to_string(retry) + " s";
      out.retry_after = retry;
      return out;
    }
    auto submitted = jobs->Submit(request);
    if (!submitted) {
      out.status = 503;
      out.code = "busy";
      out.message = submitted.error().message;
      out.retry_after = submitted.error().retry_after_seconds;
      return out;
    }
    out.job = submitted->job;
    return out;
  }

  ListedReport Listed(const store::PublishedSummary& summary, std::string note) const {
    return {summary.title, summary.ref.host == kPublicHost ? summary.ref.Text() : summary.ref.host + "/" + summary.ref.Text(),
            Permalink(summary.ref, summary.type == "pull"), std::move(note)};
  }

  Result<std::vector<ListedReport>> RecentList(store::sql::Database& db) const {
    auto recent = store::PublishedReports(db).Recent(kListLength);
    if (!recent) return std::unexpected(recent.error());
    std::vector<ListedReport> out;
    for (const auto& summary : *recent) out.push_back(Listed(summary, summary.state));
    return out;
  }

  using TrendingRow = store::Ranked<store::TrendingEntry>;
  using RelatedRow = store::Ranked<store::RelatedReport>;
  Result<std::vector<TrendingRow>> TrendingRows(store::sql::Database& db) const {
    return store::WithSummaries(db, store::Trending(db).Top(NowSeconds(), kListLength));
  }
  Result<std::vector<RelatedRow>> RelatedRows(store::sql::Database& db, const IssueRef& ref) const {
    return store::WithSummaries(db, store::Related(db).For(store::PublishedKey(ref), kListLength));
  }

  void StoreFailure(httplib::Response& res, const Error& error, bool html) {
    if (html) {
      SendHtml(res, 500, ErrorPage("io", error.message));
    } else {
      SendJsonError(res, 500, "io", error.message);
    }
  }

  // ---- pages ------------------------------------------------------------

  void Home(const httplib::Request&, httplib::Response& res, std::string_view input = "",
            std::string_view error = "", int status = 200) {
    auto lease = stores.Acquire();
    if (!lease) return StoreFailure(res, lease.error(), true);
    auto recent = RecentList(lease->db());
    auto trending = TrendingRows(lease->db());
    if (!recent || !trending) return StoreFailure(res, !recent ? recent.error() : trending.error(), true);
    std::vector<ListedReport> hot;
    for (const auto& row : *trending) {
      hot.push_back(Listed(row.summary, std::to_string(row.entry.views) + " views · " +
                                            std::to_string(row.entry.votes) + " votes"));
    }
    SendHtml(res, status, HomePage(*recent, hot, input, error));
  }

  // /go?url=...: the permalink of what was pasted.
  void Go(const httplib::Request& req, httplib::Response& res) {
    const std::string input = req.get_param_value("url");
    auto ref = policy.Parse(input);
    auto depth = DepthOf(req);
    if (!ref || !depth) return Home(req, res, input, !ref ? ref.error().message : depth.error().message, 400);
    const bool pull = input.find("/pull/") != std::string::npos || input.find("/pulls/") != std::string::npos;
    std::string target = Permalink(*ref, pull);
    if (*depth != options.default_depth) target += "?depth=" + std::to_string(*depth);
    res.set_redirect(target, 303);
  }

  void ReportOrProgress(const httplib::Request& req, httplib::Response& res, const PermalinkPath& path) {
    if (!policy.Allows(path.ref.host)) {
      return SendHtml(res, 400, ErrorPage("invalid_input", "reports of " + path.ref.host +
                                                               " are not served here: only github.com "
                                                               "and the hosts this server allows"));
    }
    auto depth = DepthOf(req);
    if (!depth) return SendHtml(res, 400, ErrorPage("invalid_input", depth.error().message));
    const bool refresh = !options.offline && req.get_param_value("refresh") == "1";
    if (path.download == Download::kNone && !refresh) {
      auto cached = pages.Get(store::PublishedKey(path.ref), *depth, std::chrono::steady_clock::now());
      if (cached && !cached->renew && Fresh(*cached->report)) {
        return ShowReport(req, res, *cached->report, cached->page);
      }
    }
    auto published = Published(path.ref, *depth);
    // Offline, the report at another depth beats none.
    if (published && !*published && options.offline) published = Published(path.ref, -1);
    if (!published) return StoreFailure(res, published.error(), true);

    if (path.download != Download::kNone) {
      if (!*published) {
        return SendHtml(res, 404, ErrorPage("not_stored", "this report has not been made yet; open " +
                                                              Permalink(path.ref, path.pull) + " first"));
      }
      return SendDownload(res, **published, path.download);
    }
    if (*published && Fresh(**published) && !refresh) return ShowReport(req, res, **published);

    JobRequest request{path.ref, path.pull, *depth, refresh};
    Started started = StartOrJoin(req, request);
    if (!started.code.empty()) {
      SetRetryAfter(res, started.retry_after);
      // A stale report beats a refusal: show it.
      if (*published && started.status != 404 && started.status != 410) {
        return ShowReport(req, res, **published);
      }
      return SendHtml(res, started.status, ErrorPage(started.code, started.message));
    }
    res.set_header("Cache-Control", "no-store");
    SendHtml(res, 200,
             ProgressPage({path.ref.Text(), started.job->id(),
                           std::string(JobStateName(started.job->state())), *depth}));
  }

  // The report page; `cached`, when given, is its page as rendered for a
  // visitor with no votes, sent as it is to such a visitor.
  void ShowReport(const httplib::Request& req, httplib::Response& res, const store::PublishedReport& report,
                  std::shared_ptr<const std::string> cached = nullptr) {
    const std::string visitor = VisitorOf(req, res);
    const bool newcomer = res.has_header("Set-Cookie");  // no votes yet, surely
    const bool bot = IsBot(req);
    const std::string key = store::PublishedKey(report.ref);
    res.set_header("Cache-Control", "no-cache");
    if (cached && newcomer && bot) return SendHtml(res, 200, *cached);
    auto lease = stores.Acquire();
    if (!lease) return StoreFailure(res, lease.error(), true);
    // A view not counted is no reason to fail the page.
    if (!bot) (void)store::Trending(lease->db()).RecordView(key, visitor, NowSeconds());
    store::Feedback feedback(lease->db());
    auto mine = feedback.Mine(key, visitor);
    if (!mine) return StoreFailure(res, mine.error(), true);
    if (cached && mine->empty()) return SendHtml(res, 200, *cached);
    ReportPageView view;
    view.report = &report;
    view.permalink = Permalink(report.ref, report.type == "pull");
    view.now = NowSeconds();
    for (int d = 0; d <= options.max_depth; ++d) view.depths.push_back(d);
    auto counts = feedback.Counts(key);
    auto related = RelatedRows(lease->db(), report.ref);
    if (!counts || !related) return StoreFailure(res, !counts ? counts.error() : related.error(), true);
    view.counts = std::move(*counts);
    view.mine = std::move(*mine);
    for (const auto& row : *related) {
      std::string note;
      for (const auto& word : row.entry.shared) note += (note.empty() ? "shares: " : ", ") + word;
      view.related.push_back(Listed(row.summary, note));
    }
    std::string page = ReportPage(view);
    if (view.mine.empty()) pages.Put(report, page, std::chrono::steady_clock::now());
    SendHtml(res, 200, page);
  }

  // POST /feedback: the vote form without the script; back to the report.
  void FeedbackForm(const httplib::Request& req, httplib::Response& res) {
    json none;
    auto voted = Vote(req, res, none);
    if (!voted) {
      return SendHtml(res, voted.error().kind == ErrorKind::kNotFound ? 404 : 400,
                      ErrorPage(ErrorKindName(voted.error().kind), voted.error().message));
    }
    res.set_redirect(voted->permalink + "#feedback", 303);
  }

  // ---- votes --------------------------------------------------------------

  struct Voted {
    std::string permalink;
    std::map<std::string, int64_t> counts;
    std::set<std::string> mine;
  };

  Result<Voted> Vote(const httplib::Request& req, httplib::Response& res, const json& body) {
    auto ref = policy.Parse(FormOrJsonField(req, body, "ref"));
    if (!ref) return std::unexpected(ref.error());
    const std::string signal = FormOrJsonField(req, body, "signal");
    const std::string vote = FormOrJsonField(req, body, "vote");
    if (!store::IsSignal(signal)) {
      return MakeError(ErrorKind::kInvalidInput,
                       "unknown signal; use works, easy_fix, time_saver, blocking, common_issue, "
                       "flaky or verified");
    }
    auto published = Published(*ref, -1);
    if (!published) return std::unexpected(published.error());
    if (!*published) {
      return MakeError(ErrorKind::kNotFound, "there is no report of " + ref->Text() + " to vote on yet");
    }
    const std::string visitor = VisitorOf(req, res);
    const std::string key = store::PublishedKey(*ref);
    auto lease = stores.Acquire();
    if (!lease) return std::unexpected(lease.error());
    store::Feedback feedback(lease->db());
    if (auto done = feedback.Vote(key, signal, visitor, vote != "0" && vote != "false", NowSeconds());
        !done) {
      return std::unexpected(done.error());
    }
    pages.Forget(key);
    auto counts = feedback.Counts(key);
    if (!counts) return std::unexpected(counts.error());
    auto mine = feedback.Mine(key, visitor);
    if (!mine) return std::unexpected(mine.error());
    return Voted{Permalink((*published)->ref, (*published)->type == "pull"), std::move(*counts),
                 std::move(*mine)};
  }

  // ---- API ----------------------------------------------------------------

  void ApiReport(const httplib::Request& req, httplib::Response& res) {
    auto path = ParsePermalink(req.path, "/api/v1/reports");
    if (!path || path->download != Download::kNone || !policy.Allows(path->ref.host)) {
      return SendJsonError(res, 404, "not_found", "no such report path; use /api/v1/reports/OWNER/REPO/issues/N");
    }
    auto depth = DepthOf(req);
    if (!depth) return SendJsonError(res, 400, "invalid_input", depth.error().message);
    auto published = Published(path->ref, *depth);
    if (!published) return StoreFailure(res, published.error(), false);
    if (!*published) {
      return SendJsonError(res, 404, "not_stored",
                           "no report of " + path->ref.Text() + " is stored; POST /api/v1/jobs to make one");
    }
    const store::PublishedReport& report = **published;
    auto lease = stores.Acquire();
    if (!lease) return StoreFailure(res, lease.error(), false);
    auto counts = store::Feedback(lease->db()).Counts(store::PublishedKey(report.ref));
    if (!counts) return StoreFailure(res, counts.error(), false);
    const std::string link = Permalink(report.ref, report.type == "pull");
    json out = {{"ref", report.ref.Text()},
                {"host", report.ref.host},
                {"type", report.type},
                {"title", report.title},
                {"state", report.state},
                {"labels", report.labels},
                {"errors", report.errors},
                {"depth", report.depth},
                {"created_at", report.created_at},
                {"fresh", Fresh(report)},
                {"permalink", link},
                {"downloads", {{"markdown", link + ".md"}, {"json", link + ".json"}, {"archive", link + ".archive.json"}}},
                {"feedback", *counts},
                {"report", json::parse(report.json, nullptr, false)}};
    SendJson(res, 200, out);
  }

  json JobJson(const Job& job) const {
    json out = job.Describe();
    out["permalink"] = Permalink(job.request().ref, job.request().pull);
    out["events_url"] = "/api/v1/jobs/" + job.id() + "/events";
    return out;
  }

  void ApiCreateJob(const httplib::Request& req, httplib::Response& res) {
    json body = json::parse(req.body, nullptr, false);
    if (!req.body.empty() && !body.is_object() && req.get_header_value("Content-Type").starts_with("application/json")) {
      return SendJsonError(res, 400, "invalid_input", "the body is not a JSON object; send {\"url\": \"...\"}");
    }
    auto ref = policy.Parse(FormOrJsonField(req, body, "url"));
    if (!ref) return SendJsonError(res, 400, "invalid_input", ref.error().message);
    auto depth = DepthOf(req, body);
    if (!depth) return SendJsonError(res, 400, "invalid_input", depth.error().message);
    const std::string url = FormOrJsonField(req, body, "url");
    const bool pull = url.find("/pull/") != std::string::npos;
    const std::string refresh = FormOrJsonField(req, body, "refresh");
    JobRequest request{*ref, pull, *depth, refresh == "1" || refresh == "true"};
    auto published = Published(*ref, *depth);
    if (!published) return StoreFailure(res, published.error(), false);
    if (*published && Fresh(**published) && !request.refresh) {
      return SendJson(res, 200, {{"state", "done"},
                                 {"ref", ref->Text()},
                                 {"permalink", Permalink(*ref, (*published)->type == "pull")},
                                 {"stored", true}});
    }
    Started started = StartOrJoin(req, request);
    if (!started.code.empty()) {
      SetRetryAfter(res, started.retry_after);
      return SendJsonError(res, started.status, started.code, started.message);
    }
    SendJson(res, 202, JobJson(*started.job));
  }

  void ApiJob(const httplib::Request& req, httplib::Response& res) {
    auto job = jobs->Find(req.matches[1].str());
    if (!job) return SendJsonError(res, 404, "no_such_job", "no such job (finished jobs are kept ten minutes)");
    SendJson(res, 200, JobJson(*job));
  }

  void ApiJobEvents(const httplib::Request& req, httplib::Response& res) {
    auto job = jobs->Find(req.matches[1].str());
    if (!job) return SendJsonError(res, 404, "no_such_job", "no such job (finished jobs are kept ten minutes)");
    // Each open stream holds a thread: a bounded number of them, so pages
    // always find one.
    auto slot = streams.Take(req.remote_addr);
    if (!slot) {
      SetRetryAfter(res, kStreamRetrySeconds);
      return SendJsonError(res, 503, "too_many_streams",
                           "too many open progress streams; close some, or poll GET /api/v1/jobs/ID, and try "
                           "again in " + std::to_string(kStreamRetrySeconds) + " s");
    }
    StreamJobEvents(std::move(job), LastEventId(req), std::move(slot), stopping, res);
  }

  void ApiVote(const httplib::Request& req, httplib::Response& res) {
    json body = json::parse(req.body, nullptr, false);
    int retry = 0;
    if (!vote_limits.Take(req.remote_addr, std::chrono::steady_clock::now(), &retry)) {
      SetRetryAfter(res, retry);
      return SendJsonError(res, 429, "too_many_requests", "too many votes from your address; try again in " + std::to_string(retry) + " s");
    }
    auto voted = Vote(req, res, body);
    if (!voted) {
      return SendJsonError(res, StatusFor(voted.error().kind), ErrorKindName(voted.error().kind),
                           voted.error().message);
    }
    SendJson(res, 200, {{"permalink", voted->permalink}, {"counts", voted->counts}, {"mine", voted->mine}});
  }

  static json SummaryJson(const store::PublishedSummary& summary) {
    return {{"ref", summary.ref.Text()},
            {"title", summary.title},
            {"permalink", Permalink(summary.ref, summary.type == "pull")}};
  }

  void ApiRelated(const httplib::Request& req, httplib::Response& res) {
    auto path = ParsePermalink(req.path, "/api/v1/related");
    if (!path || !policy.Allows(path->ref.host)) {
      return SendJsonError(res, 404, "not_found", "no such path; use /api/v1/related/OWNER/REPO/issues/N");
    }
    auto lease = stores.Acquire();
    if (!lease) return StoreFailure(res, lease.error(), false);
    auto rows = RelatedRows(lease->db(), path->ref);
    if (!rows) return StoreFailure(res, rows.error(), false);
    json related = json::array();
    for (const auto& row : *rows) {
      json entry = SummaryJson(row.summary);
      entry["score"] = row.entry.score;
      entry["shared"] = row.entry.shared;
      related.push_back(std::move(entry));
    }
    SendJson(res, 200, {{"ref", path->ref.Text()}, {"related", related}});
  }

  void ApiTrending(const httplib::Request&, httplib::Response& res) {
    auto lease = stores.Acquire();
    if (!lease) return StoreFailure(res, lease.error(), false);
    auto rows = TrendingRows(lease->db());
    if (!rows) return StoreFailure(res, rows.error(), false);
    json trending = json::array();
    for (const auto& row : *rows) {
      json entry = SummaryJson(row.summary);
      entry["score"] = row.entry.score;
      entry["views"] = row.entry.views;
      entry["votes"] = row.entry.votes;
      trending.push_back(std::move(entry));
    }
    SendJson(res, 200, {{"half_life_days", 3}, {"trending", trending}});
  }

  // ---- wiring -------------------------------------------------------------

  void Routes() {
    const size_t threads = std::max<size_t>(4, options.threads);
    TuneConnections(http, threads, threads + options.max_streams, listening);
    http.set_payload_max_length(kMaxBody);
    http.set_read_timeout(std::chrono::seconds(10));
    http.set_write_timeout(std::chrono::seconds(10));
    http.set_keep_alive_timeout(5);
    GuardAnswers(http, stopping);

    http.Get("/", [this](const httplib::Request& req, httplib::Response& res) { Home(req, res); });
    http.Get("/go", [this](const httplib::Request& req, httplib::Response& res) { Go(req, res); });
    http.Post("/go", [this](const httplib::Request& req, httplib::Response& res) { Go(req, res); });
    http.Get("/static/.*", [](const httplib::Request& req, httplib::Response& res) {
      auto asset = FindAsset(req.path);
      if (!asset) return SendHtml(res, 404, ErrorPage("not_found", "there is no such file"));
      res.set_header("Cache-Control", "public, max-age=3600");
      res.set_content(std::string(asset->body), std::string(asset->content_type));
    });
    http.Post("/feedback", [this](const httplib::Request& req, httplib::Response& res) { FeedbackForm(req, res); });
    http.Get("/api/v1/reports/.*", [this](const httplib::Request& req, httplib::Response& res) { ApiReport(req, res); });
    http.Post("/api/v1/jobs", [this](const httplib::Request& req, httplib::Response& res) { ApiCreateJob(req, res); });
    http.Get("/api/v1/jobs/([0-9a-f]{32})", [this](const httplib::Request& req, httplib::Response& res) { ApiJob(req, res); });
    http.Get("/api/v1/jobs/([0-9a-f]{32})/events",
             [this](const httplib::Request& req, httplib::Response& res) { ApiJobEvents(req, res); });
    http.Post("/api/v1/votes", [this](const httplib::Request& req, httplib::Response& res) { ApiVote(req, res); });
    http.Get("/api/v1/related/.*", [this](const httplib::Request& req, httplib::Response& res) { ApiRelated(req, res); });
    http.Get("/api/v1/trending", [this](const httplib::Request& req, httplib::Response& res) { ApiTrending(req, res); });
    if (options.mount) options.mount(http);
    http.Get("/.*", [this](const httplib::Request& req, httplib::Response& res) {
      auto path = ParsePermalink(req.path);
      if (!path) return SendHtml(res, 404, ErrorPage("not_found", "there is no page here"));
      ReportOrProgress(req, res, *path);
    });
  }
};

Server::Server(ServeOptions options, JobWork work)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(work))) {}

Server::~Server() { Stop(); }

Result<int> Server::Bind() {
  // The store opens (and migrates) once before any request.
  if (auto lease = impl_->stores.Acquire(); !lease) return std::unexpected(lease.error());
  const ServeOptions& options = impl_->options;
  for (const std::string& archive : options.archives) {
    if (auto imported = ImportArchive(archive, options.store_path); !imported) {
      return std::unexpected(imported.error());
    }
  }
  if (!impl_->jobs) {
    auto shared = SharedJobQueue::Start(
        {options.store_path, static_cast<size_t>(std::max(1, options.workers)), options.queue,
         options.job_lease, options.replica},
        impl_->job_work);
    if (!shared) return std::unexpected(shared.error());
    impl_->jobs = std::move(*shared);
  }
  int port = options.port == 0 ? impl_->http.bind_to_any_port(options.host)
                               : (impl_->http.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port >= 0) impl_->listening.WidenBacklog();
  if (port < 0) {
    return MakeError(ErrorKind::kIo, "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                         " (in use, or not an address of this machine); choose another "
                                         "with --host and --port");
  }
  return port;
}

void Server::Listen() { impl_->http.listen_after_bind(); }

void Server::Stop() {
  if (!impl_) return;
  impl_->stopping = true;
  impl_->http.stop();
  if (impl_->jobs) impl_->jobs->Stop();
}

}  // namespace issuegraph::serve
