#include "mcp/reports.h"

#include <algorithm>

#include "app/report.h"
#include "model/ascii.h"
#include "store/published.h"
#include "store/related.h"
#include "store/store.h"

namespace issuegraph::mcp {

// One crawl and the calls waiting for it.
struct ReportService::Flight {
  std::string key;
  std::mutex mutex;
  std::condition_variable done_changed;
  bool done = false;
  std::optional<Result<std::shared_ptr<const Crawled>>> result;

  // Listeners are called with their own lock held, so that one removed is
  // never called again once RemoveListener returns.
  std::mutex listeners_mutex;
  std::map<int, crawl::Progress> listeners;
  int next_listener = 0;

  int AddListener(const crawl::Progress& progress) {
    std::lock_guard lock(listeners_mutex);
    if (progress) listeners.emplace(next_listener, progress);
    return next_listener++;
  }
  void RemoveListener(int id) {
    std::lock_guard lock(listeners_mutex);
    listeners.erase(id);
  }
  void Broadcast(const crawl::LevelProgress& level) {
    std::lock_guard lock(listeners_mutex);
    for (const auto& [id, listener] : listeners) listener(level);
  }
};

ReportService::ReportService(ServiceOptions options) : options_(std::move(options)) {}

ReportService::~ReportService() {
  std::vector<std::pair<std::shared_ptr<Flight>, std::thread>> running;
  {
    std::lock_guard lock(mutex_);
    running.swap(threads_);
  }
  for (auto& [flight, thread] : running) thread.join();
}

Result<IssueRef> ReportService::ParseRef(std::string_view text) const {
  if (options_.parse_ref) return options_.parse_ref(text);
  return ParseIssueRef(text);
}

void ReportService::Reap() {
  // A flight is marked done only after it left flights_, which needs
  // mutex_ (held here): a done flight's thread is only returning.
  for (auto it = threads_.begin(); it != threads_.end();) {
    bool done = false;
    {
      std::lock_guard lock(it->first->mutex);
      done = it->first->done;
    }
    if (done) {
      it->second.join();
      it = threads_.erase(it);
    } else {
      ++it;
    }
  }
}

Result<CrawlOutcome> ReportService::Crawl(const CrawlRequest& request, const crawl::Progress& progress,
                                          const std::atomic<bool>* cancelled) {
  const std::string key = LowerAscii(request.ref.host) + "/" + request.ref.Key() + "@" +
                          std::to_string(request.depth) + "/" + std::to_string(request.max_nodes);
  std::shared_ptr<Flight> flight;
  bool joined = false;
  {
    std::lock_guard lock(mutex_);
    Reap();
    if (auto found = flights_.find(key); found != flights_.end()) {
      flight = found->second;
      joined = true;
    } else {
      if (flights_.size() >= options_.max_crawls) {
        return MakeError(ErrorKind::kInvalidInput,
                         "the server is busy with " + std::to_string(flights_.size()) +
                             " crawls; try again in a few seconds");
      }
      if (options_.admit) {
        if (auto refused = options_.admit(request.client)) return MakeError(ErrorKind::kInvalidInput, *refused);
      }
      flight = std::make_shared<Flight>();
      flight->key = key;
      flights_.emplace(key, flight);
      ++started_;
      threads_.emplace_back(flight, std::thread([this, request, flight] {
        if (options_.max_running > 0) {
          std::unique_lock slot(mutex_);
          slot_free_.wait(slot, [this] { return running_ < options_.max_running; });
          ++running_;
        }
        auto crawled = RunCrawl(request, *flight);
        if (crawled && crawled->stats.requests > 0 && options_.charge) options_.charge(request.client);
        {
          std::lock_guard service_lock(mutex_);
          if (options_.max_running > 0) {
            --running_;
            slot_free_.notify_one();
          }
          if (auto it = flights_.find(flight->key); it != flights_.end() && it->second == flight) {
            flights_.erase(it);
          }
        }
        {
          std::lock_guard flight_lock(flight->mutex);
          if (crawled) {
            flight->result = std::make_shared<const Crawled>(std::move(*crawled));
          } else {
            flight->result = std::unexpected(crawled.error());
          }
          flight->done = true;
        }
        flight->done_changed.notify_all();
      }));
    }
  }

  const int listener = flight->AddListener(progress);
  std::unique_lock lock(flight->mutex);
  while (!flight->done && !(cancelled != nullptr && cancelled->load())) {
    flight->done_changed.wait_for(lock, std::chrono::milliseconds(50));
  }
  const bool done = flight->done;
  std::optional<Result<std::shared_ptr<const Crawled>>> result = flight->result;
  lock.unlock();
  flight->RemoveListener(listener);
  if (!done) return MakeError(ErrorKind::kInternal, "cancelled");
  if (!result->has_value()) return std::unexpected(result->error());
  return CrawlOutcome{**result, joined};
}

Result<Crawled> ReportService::RunCrawl(const CrawlRequest& request, Flight& flight) {
  auto made = app::ServiceReportOptions(request.ref, request.depth,
                                        {options_.store_path, options_.api_url, options_.max_age,
                                         options_.max_wait, request.max_nodes, &budget_});
  if (!made) return std::unexpected(made.error());
  app::ReportOptions options = std::move(*made);

  // The JSON report crawls (or is served from the store) and tells of its
  // levels; the Markdown one reads the rows it stored, without a request.
  app::ReportOptions first = options;
  first.format = app::Format::kJson;
  first.progress = [&flight](const crawl::LevelProgress& level) { flight.Broadcast(level); };
  auto json = app::RunReport(first);
  if (!json) return std::unexpected(json.error());
  options.format = app::Format::kMarkdown;
  auto markdown = app::RunReport(options);
  if (!markdown) return std::unexpected(markdown.error());
  Crawled out;
  out.json = std::move(json->text);
  out.markdown = std::move(markdown->text);
  out.stats = std::move(json->stats);
  out.served_from_store = json->served_from_store;
  out.notices = std::move(json->notices);
  return out;
}

Result<std::vector<ReportService::Related>> ReportService::RelatedTo(const IssueRef& ref, const std::string& facts,
                                                                     int limit) {
  std::string path = options_.store_path;
  if (path.empty()) {
    auto fallback = store::Store::DefaultPath();
    if (!fallback) return std::unexpected(fallback.error());
    path = *fallback;
  }
  auto opened = store::Store::Open(path);
  if (!opened) return std::unexpected(opened.error());
  store::sql::Database& db = (*opened)->database();
  auto rows = store::WithSummaries(db, store::Related(db).ForText(facts, store::PublishedKey(ref), limit));
  if (!rows) return std::unexpected(rows.error());
  std::vector<Related> out;
  for (const auto& row : *rows) {
    out.push_back({row.summary.ref.host == kPublicHost ? row.summary.ref.Text()
                                                       : row.summary.ref.host + "/" + row.summary.ref.Text(),
                   row.summary.title, row.summary.state,
                   row.summary.type == "pull" ? "https://" + row.summary.ref.host + "/" + row.summary.ref.owner +
                                                    "/" + row.summary.ref.repo + "/pull/" +
                                                    std::to_string(row.summary.ref.number)
                                              : row.summary.ref.HtmlUrl(),
                   row.entry.score, row.entry.shared});
  }
  return out;
}

}  // namespace issuegraph::mcp
