#include "serve/shared_jobs.h"

#include <unistd.h>

#include "app/random_id.h"

namespace issuegraph::serve {
namespace {

using store::JobEventRow;
using store::JobRow;
using store::JobTable;

// How long a finished job stays followed here (and in the table).
constexpr auto kKeepFinished = std::chrono::minutes(10);
// How long a failure answers for its issue before a new crawl may try.
constexpr auto kRememberFailure = std::chrono::seconds(30);
// How often idle workers and followers look at the table without a
// notification.
constexpr auto kPoll = std::chrono::milliseconds(1000);

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<JobEvent> ToEvents(const std::vector<JobEventRow>& rows) {
  std::vector<JobEvent> out;
  for (const JobEventRow& row : rows) {
    out.push_back({row.seq, row.type, nlohmann::json::parse(row.data, nullptr, false)});
  }
  return out;
}

}  // namespace

std::string RequestToJson(const JobRequest& request) {
  return nlohmann::json{{"host", request.ref.host},     {"owner", request.ref.owner},
                        {"repo", request.ref.repo},     {"number", request.ref.number},
                        {"pull", request.pull},         {"depth", request.depth},
                        {"refresh", request.refresh}}
      .dump();
}

std::optional<JobRequest> RequestFromJson(const std::string& text) {
  auto value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_object()) return std::nullopt;
  JobRequest request;
  request.ref.host = value.value("host", std::string(kPublicHost));
  request.ref.owner = value.value("owner", "");
  request.ref.repo = value.value("repo", "");
  request.ref.number = value.value("number", int64_t{0});
  request.pull = value.value("pull", false);
  request.depth = value.value("depth", 1);
  request.refresh = value.value("refresh", false);
  if (request.ref.owner.empty() || request.ref.repo.empty() || request.ref.number <= 0) return std::nullopt;
  return request;
}

class SharedJobQueue::Connection {
 public:
  Connection(SharedJobQueue* queue, std::unique_ptr<store::sql::Database> db)
      : queue_(queue), db_(std::move(db)) {}
  Connection(Connection&&) = default;
  ~Connection() {
    if (!db_) return;
    std::lock_guard lock(queue_->mutex_);
    queue_->idle_.push_back(std::move(db_));
  }
  store::sql::Database& operator*() const { return *db_; }

 private:
  SharedJobQueue* queue_;
  std::unique_ptr<store::sql::Database> db_;
};

SharedJobQueue::SharedJobQueue(SharedJobOptions options, JobWork work)
    : options_(std::move(options)), work_(std::move(work)) {
  if (options_.replica.empty()) {
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    options_.replica = std::string(host) + ":" + std::to_string(getpid()) + ":" + app::RandomId().substr(0, 6);
  }
}

Result<std::unique_ptr<SharedJobQueue>> SharedJobQueue::Start(SharedJobOptions options, JobWork work) {
  auto notes = store::Notifications::Listen(options.store_url, store::kJobChannel);
  if (!notes) return std::unexpected(notes.error());
  std::unique_ptr<SharedJobQueue> queue(new SharedJobQueue(std::move(options), std::move(work)));
  // Fail now, not in a worker, when the store cannot be reached.
  if (auto first = queue->Borrow(); !first) return std::unexpected(first.error());
  const size_t workers = std::max<size_t>(1, queue->options_.workers);
  for (size_t i = 0; i < workers; ++i) queue->threads_.emplace_back([q = queue.get()] { q->Work(); });
  queue->threads_.emplace_back([q = queue.get(), n = std::move(*notes)]() mutable { q->Listen(std::move(n)); });
  queue->threads_.emplace_back([q = queue.get()] { q->Renew(); });
  return queue;
}

SharedJobQueue::~SharedJobQueue() { Stop(); }

Result<SharedJobQueue::Connection> SharedJobQueue::Borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Connection(this, std::move(db));
    }
  }
  auto db = store::sql::Database::Open(options_.store_url);
  if (!db) return std::unexpected(db.error());
  return Connection(this, std::move(*db));
}

void SharedJobQueue::CatchUp(store::sql::Database& db, Job& job) {
  auto rows = JobTable(db).EventsAfter(job.id(), job.last_seq());
  if (rows && !rows->empty()) job.Replay(ToEvents(*rows));
}

std::shared_ptr<Job> SharedJobQueue::Follow(store::sql::Database& db, const JobRow& row) {
  std::shared_ptr<Job> job;
  {
    std::lock_guard lock(mutex_);
    if (auto it = jobs_.find(row.id); it != jobs_.end()) {
      job = it->second;
    } else {
      auto request = RequestFromJson(row.request);
      if (!request) return nullptr;
      job = std::make_shared<Job>(row.id, row.key, *request);
      jobs_[row.id] = job;
    }
    if (running_here_.contains(row.id)) return job;
  }
  CatchUp(db, *job);
  return job;
}

std::expected<JobBoard::Submitted, JobBoard::Refused> SharedJobQueue::Submit(const JobRequest& request) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return std::unexpected(Refused{"the server is shutting down; try again soon", 0});
  }
  auto db = Borrow();
  if (!db) return std::unexpected(Refused{"the store cannot be reached; try again soon", 10});
  JobRow row;
  row.id = app::RandomId();
  row.key = KeyOf(request);
  row.request = RequestToJson(request);
  row.created_at = NowMs();
  auto submitted = JobTable(**db).InsertOrJoin(row, options_.capacity);
  if (!submitted) {
    if (submitted.error().kind == ErrorKind::kRateLimited) {
      return std::unexpected(Refused{"the service is busy with other reports; retry in 30 s", 30});
    }
    return std::unexpected(Refused{"the store cannot take the job (" + submitted.error().message + "); try again soon", 10});
  }
  auto job = Follow(**db, submitted->row);
  if (!job) return std::unexpected(Refused{"the stored job cannot be read; try again soon", 10});
  if (!submitted->joined) Nudge();
  return Submitted{job, submitted->joined};
}

std::shared_ptr<Job> SharedJobQueue::Find(std::string_view id) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = jobs_.find(id); it != jobs_.end()) return it->second;
  }
  auto db = Borrow();
  if (!db) return nullptr;
  auto row = JobTable(**db).Find(id);
  if (!row || !*row) return nullptr;
  return Follow(**db, **row);
}

std::shared_ptr<Job> SharedJobQueue::Active(const JobRequest& request) {
  auto db = Borrow();
  if (!db) return nullptr;
  auto row = JobTable(**db).Active(KeyOf(request));
  if (!row || !*row) return nullptr;
  return Follow(**db, **row);
}

std::shared_ptr<Job> SharedJobQueue::RecentFailure(const JobRequest& request) {
  auto db = Borrow();
  if (!db) return nullptr;
  const int64_t since = NowMs() - std::chrono::duration_cast<std::chrono::milliseconds>(kRememberFailure).count();
  auto row = JobTable(**db).FailedSince(KeyOf(request), since);
  if (!row || !*row) return nullptr;
  return Follow(**db, **row);
}

void SharedJobQueue::Work() {
  std::unique_ptr<store::sql::Database> db;
  std::mutex db_mutex;  // the observer writes from the crawl's callbacks
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    std::optional<JobRow> row;
    if (Reconnect(db)) {
      std::lock_guard lock(db_mutex);
      auto claimed = JobTable(*db).Claim(options_.replica, NowMs(), options_.lease.count());
      if (claimed) row = std::move(*claimed);
    }
    if (!row) {
      std::unique_lock lock(mutex_);
      const uint64_t seen = wakes_;
      wake_.wait_for(lock, kPoll, [&] { return stopping_ || wakes_ != seen; });
      continue;
    }
    std::shared_ptr<Job> job;
    {
      std::lock_guard lock(db_mutex);
      job = Follow(*db, *row);
    }
    if (!job) {
      JobRow ended = *row;
      ended.state = "failed";
      ended.finished_at = NowMs();
      ended.error_code = "internal";
      ended.error_message = "the stored job request cannot be read";
      std::lock_guard lock(db_mutex);
      (void)JobTable(*db).Finish(ended, options_.replica);
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      running_here_.insert(row->id);
    }
    job->SetObserver([&, id = row->id](const JobEvent& event) {
      std::lock_guard lock(db_mutex);
      (void)JobTable(*db).AppendEvent(id, {event.seq, event.type, event.data.dump()});
    });
    // A job another replica left (its lease ran out) says so.
    job->Emit("state", {{"state", "running"}, {"attempt", row->attempts}, {"replica", options_.replica}});
    Result<std::string> done = MakeError(ErrorKind::kInternal, "the crawl did not finish");
    try {
      done = work_(*job);
    } catch (const std::exception& e) {
      done = MakeError(ErrorKind::kInternal, std::string("internal error: ") + e.what());
    }
    if (done) {
      job->Finish(std::nullopt, *done);
    } else {
      job->Finish(done.error(), "");
    }
    job->SetObserver(nullptr);
    JobRow ended = *row;
    ended.state = done ? "done" : "failed";
    ended.finished_at = NowMs();
    ended.permalink = done ? *done : "";
    if (!done) {
      ended.error_code = std::string(ErrorKindName(done.error().kind));
      ended.error_message = done.error().message;
    }
    {
      std::lock_guard lock(db_mutex);
      (void)JobTable(*db).Finish(ended, options_.replica);
    }
    std::lock_guard lock(mutex_);
    running_here_.erase(row->id);
  }
}

void SharedJobQueue::Listen(std::unique_ptr<store::Notifications> notes) {
  std::unique_ptr<store::sql::Database> db;
  auto last_sweep = std::chrono::steady_clock::now();
  for (;;) {
    std::vector<std::string> ids = notes->Wait(kPoll / 2);
    std::vector<std::shared_ptr<Job>> followed;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      const bool sweep = std::chrono::steady_clock::now() - last_sweep >= kPoll;
      if (sweep) last_sweep = std::chrono::steady_clock::now();
      const auto now = std::chrono::steady_clock::now();
      std::erase_if(jobs_, [&](const auto& entry) {
        return entry.second->finished() && now - entry.second->finished_at() > kKeepFinished;
      });
      for (const auto& [id, job] : jobs_) {
        if (running_here_.contains(id) || job->finished()) continue;
        if (sweep || std::find(ids.begin(), ids.end(), id) != ids.end()) followed.push_back(job);
      }
    }
    // A new job anywhere, or one that ended: an idle worker looks.
    if (!ids.empty()) Nudge();
    if (!Reconnect(db)) continue;
    for (const auto& job : followed) CatchUp(*db, *job);
  }
}

void SharedJobQueue::Renew() {
  std::unique_ptr<store::sql::Database> db;
  auto last_forget = std::chrono::steady_clock::now();
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, options_.lease / 3, [&] { return stopping_; });
      if (stopping_) return;
    }
    if (!Reconnect(db)) continue;
    (void)JobTable(*db).Renew(options_.replica, NowMs(), options_.lease.count());
    if (std::chrono::steady_clock::now() - last_forget > kKeepFinished / 10) {
      last_forget = std::chrono::steady_clock::now();
      (void)JobTable(*db).ForgetEndedBefore(
          NowMs() - std::chrono::duration_cast<std::chrono::milliseconds>(kKeepFinished).count());
    }
  }
}

bool SharedJobQueue::Reconnect(std::unique_ptr<store::sql::Database>& db) const {
  if (!db) {
    if (auto opened = store::sql::Database::Open(options_.store_url)) db = std::move(*opened);
  }
  return db != nullptr;
}

void SharedJobQueue::Nudge() {
  {
    std::lock_guard lock(mutex_);
    ++wakes_;
  }
  wake_.notify_all();
}

void SharedJobQueue::Stop() {
  std::lock_guard stop_lock(stop_mutex_);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace issuegraph::serve
