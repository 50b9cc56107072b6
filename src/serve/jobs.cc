#include "serve/jobs.h"

#include <algorithm>
#include <cmath>

#include "app/random_id.h"
#include "store/published.h"

namespace issuegraph::serve {
namespace {

// How long a finished job can still be looked up by id.
constexpr auto kKeepFinished = std::chrono::minutes(10);
// How long a failure answers for its issue before a new crawl may try.
constexpr auto kRememberFailure = std::chrono::seconds(30);

}  // namespace

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kQueued: return "queued";
    case JobState::kRunning: return "running";
    case JobState::kDone: return "done";
    case JobState::kFailed: return "failed";
  }
  return "failed";
}

Job::Job(std::string id, std::string key, JobRequest request)
    : id_(std::move(id)), key_(std::move(key)), request_(std::move(request)) {}

void Job::Emit(std::string type, nlohmann::json data) {
  JobEvent event;
  {
    std::lock_guard lock(mutex_);
    Append(std::move(type), std::move(data));
    event = events_.back();
  }
  changed_.notify_all();
  Tell(event);
}

void Job::Tell(const JobEvent& event) {
  std::function<void(const JobEvent&)> observer;
  {
    std::lock_guard lock(mutex_);
    observer = observer_;
  }
  if (observer) observer(event);
}

void Job::SetObserver(std::function<void(const JobEvent&)> observer) {
  std::lock_guard lock(mutex_);
  observer_ = std::move(observer);
}

int64_t Job::last_seq() const {
  std::lock_guard lock(mutex_);
  return static_cast<int64_t>(events_.size());
}

void Job::Replay(const std::vector<JobEvent>& events) {
  {
    std::lock_guard lock(mutex_);
    for (const JobEvent& event : events) {
      if (event.seq != static_cast<int64_t>(events_.size()) + 1) continue;  // seen, or a gap
      if (event.type == "state") {
        const std::string state = event.data.value("state", "");
        state_ = state == "running" ? JobState::kRunning : JobState::kQueued;
      } else if (event.type == "done" || event.type == "failed") {
        state_ = event.type == "done" ? JobState::kDone : JobState::kFailed;
        finished_at_ = std::chrono::steady_clock::now();
        if (event.type == "failed") {
          error_ = Error{ParseErrorKind(event.data.value("code", "")).value_or(ErrorKind::kInternal),
                         event.data.value("message", "")};
        }
      }
      Append(event.type, event.data);
    }
  }
  changed_.notify_all();
}

void Job::Append(std::string type, nlohmann::json data) {
  if (type == "level") last_level_ = data;
  if (type == "wait") last_wait_ = data;
  events_.push_back({static_cast<int64_t>(events_.size()) + 1, std::move(type), std::move(data)});
}

void Job::SetState(JobState state) {
  {
    std::lock_guard lock(mutex_);
    state_ = state;
  }
  Emit("state", {{"state", JobStateName(state)}});
}

void Job::Finish(const std::optional<Error>& error, const std::string& permalink) {
  nlohmann::json data = {{"permalink", permalink}};
  JobEvent event;
  {
    // The state and the last event change together: a watcher that sees
    // the job ended has every event.
    std::lock_guard lock(mutex_);
    state_ = error ? JobState::kFailed : JobState::kDone;
    error_ = error;
    finished_at_ = std::chrono::steady_clock::now();
    if (error) {
      data["code"] = ErrorKindName(error->kind);
      data["message"] = error->message;
    }
    Append(error ? "failed" : "done", std::move(data));
    event = events_.back();
  }
  changed_.notify_all();
  Tell(event);
}

std::vector<JobEvent> Job::EventsAfter(int64_t after, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  auto ready = [&] {
    return static_cast<int64_t>(events_.size()) > after || state_ == JobState::kDone ||
           state_ == JobState::kFailed;
  };
  changed_.wait_for(lock, timeout, ready);
  std::vector<JobEvent> out;
  for (size_t i = static_cast<size_t>(std::max<int64_t>(0, after)); i < events_.size(); ++i) {
    out.push_back(events_[i]);
  }
  return out;
}

JobState Job::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

bool Job::finished() const {
  JobState now = state();
  return now == JobState::kDone || now == JobState::kFailed;
}

std::optional<Error> Job::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

std::chrono::steady_clock::time_point Job::finished_at() const {
  std::lock_guard lock(mutex_);
  return finished_at_;
}

nlohmann::json Job::Describe() const {
  std::lock_guard lock(mutex_);
  nlohmann::json out = {{"id", id_},
                        {"state", JobStateName(state_)},
                        {"ref", request_.ref.Text()},
                        {"host", request_.ref.host},
                        {"depth", request_.depth},
                        {"events", events_.size()}};
  if (!last_level_.is_null()) out["level"] = last_level_;
  if (!last_wait_.is_null()) out["wait"] = last_wait_;
  if (error_) {
    out["error"] = {{"code", ErrorKindName(error_->kind)}, {"message", error_->message}};
  }
  return out;
}

JobQueue::JobQueue(JobWork work, size_t workers, size_t capacity)
    : work_(std::move(work)), capacity_(capacity) {
  for (size_t i = 0; i < std::max<size_t>(1, workers); ++i) workers_.emplace_back([this] { Work(); });
}

JobQueue::~JobQueue() { Stop(); }

std::string JobBoard::KeyOf(const JobRequest& request) {
  return store::PublishedKey(request.ref) + "@" + std::to_string(request.depth);
}

int JobQueue::RetryAfterSeconds() const {
  const double rounds = std::ceil(static_cast<double>(queue_.size() + 1) /
                                  static_cast<double>(std::max<size_t>(1, workers_.size())));
  return std::clamp(static_cast<int>(std::ceil(rounds * average_seconds_)), 1, 600);
}

std::expected<JobQueue::Submitted, JobQueue::Refused> JobQueue::Submit(const JobRequest& request) {
  const std::string key = KeyOf(request);
  std::lock_guard lock(mutex_);
  if (stopping_) return std::unexpected(Refused{"the server is shutting down; try again soon", 0});
  if (auto it = active_.find(key); it != active_.end()) return Submitted{it->second, true};
  if (queue_.size() >= capacity_) {
    int wait = RetryAfterSeconds();
    return std::unexpected(Refused{"the server is busy with other reports; retry in " +
                                       std::to_string(wait) + " s",
                                   wait});
  }
  // Forget jobs that ended long ago.
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(by_id_, [&](const auto& entry) {
    return entry.second->finished() && now - entry.second->finished_at() > kKeepFinished;
  });
  auto job = std::make_shared<Job>(app::RandomId(), key, request);
  job->SetState(JobState::kQueued);
  active_[key] = job;
  by_id_[job->id()] = job;
  queue_.push_back(job);
  wake_.notify_one();
  return Submitted{job, false};
}

std::shared_ptr<Job> JobQueue::Find(std::string_view id) {
  std::lock_guard lock(mutex_);
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::shared_ptr<Job> JobQueue::Active(const JobRequest& request) {
  std::lock_guard lock(mutex_);
  auto it = active_.find(KeyOf(request));
  return it == active_.end() ? nullptr : it->second;
}

std::shared_ptr<Job> JobQueue::RecentFailure(const JobRequest& request) {
  std::lock_guard lock(mutex_);
  auto it = failed_.find(KeyOf(request));
  if (it == failed_.end()) return nullptr;
  if (std::chrono::steady_clock::now() - it->second->finished_at() > kRememberFailure) return nullptr;
  return it->second;
}

void JobQueue::Work() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      job = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    job->SetState(JobState::kRunning);
    const auto started = std::chrono::steady_clock::now();
    Result<std::string> done = MakeError(ErrorKind::kInternal, "the crawl did not finish");
    try {
      done = work_(*job);
    } catch (const std::exception& e) {
      done = MakeError(ErrorKind::kInternal, std::string("internal error: ") + e.what());
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // Out of the active map as the end is told, so that whoever reacts to
    // it finds the stored report (or the failure), not this job.
    {
      std::lock_guard lock(mutex_);
      active_.erase(job->key());
      if (done) {
        failed_.erase(job->key());
      } else {
        failed_[job->key()] = job;
      }
      --running_;
      average_seconds_ = 0.8 * average_seconds_ + 0.2 * seconds;
      if (done) {
        job->Finish(std::nullopt, *done);
      } else {
        job->Finish(done.error(), "");
      }
    }

  }
}

void JobQueue::Stop() {
  std::lock_guard stop_lock(stop_mutex_);
  std::deque<std::shared_ptr<Job>> dropped;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
    dropped.swap(queue_);
    for (const auto& job : dropped) active_.erase(job->key());
  }
  wake_.notify_all();
  for (const auto& job : dropped) {
    job->Finish(Error{ErrorKind::kNetwork, "the server stopped before this crawl began; try again"}, "");
  }
  for (auto& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  workers_.clear();
}

}  // namespace issuegraph::serve
