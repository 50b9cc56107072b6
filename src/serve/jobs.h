// Crawl jobs of the web service. One job per (issue, depth) at a time
// (single-flight: a second request for it joins the running one); a fixed
// number of workers; a bounded queue that refuses more with a wait to
// suggest. A job keeps a log of events (state, crawl levels, rate-limit
// waits, the end) that any number of watchers read, each from where it
// left off. Everything here is thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/error.h"
#include "model/issue_ref.h"

namespace issuegraph::serve {

struct JobRequest {
  IssueRef ref;
  bool pull = false;   // as the permalink names it, until the crawl knows
  int depth = 1;
  bool refresh = false;
};

enum class JobState { kQueued, kRunning, kDone, kFailed };
std::string_view JobStateName(JobState state);  // queued | running | done | failed

struct JobEvent {
  int64_t seq = 0;   // 1, 2, ... within a job
  std::string type;  // state | level | wait | done | failed
  nlohmann::json data;
};

class Job {
 public:
  Job(std::string id, std::string key, JobRequest request);

  const std::string& id() const { return id_; }
  const std::string& key() const { return key_; }
  const JobRequest& request() const { return request_; }

  // Appends an event and wakes the watchers.
  void Emit(std::string type, nlohmann::json data);
  void SetState(JobState state);
  // The last event; `error` set means failed.
  void Finish(const std::optional<Error>& error, const std::string& permalink);

  // Events after `after`, waiting up to `timeout` for one when there are
  // none yet and the job has not ended.
  std::vector<JobEvent> EventsAfter(int64_t after, std::chrono::milliseconds timeout) const;
  JobState state() const;
  bool finished() const;
  std::optional<Error> error() const;
  std::chrono::steady_clock::time_point finished_at() const;
  // id, state, ref, depth, the newest level and wait, the error.
  nlohmann::json Describe() const;

 private:
  void Append(std::string type, nlohmann::json data);  // with the lock held

  const std::string id_;
  const std::string key_;
  const JobRequest request_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<JobEvent> events_;
  JobState state_ = JobState::kQueued;
  std::optional<Error> error_;
  nlohmann::json last_level_;
  nlohmann::json last_wait_;
  std::chrono::steady_clock::time_point finished_at_{};
};

// Runs one job: crawls, stores what it made, emits its events; the queue
// emits the state changes and the end.
using JobWork = std::function<Result<std::string>(Job&)>;  // returns the permalink

class JobQueue {
 public:
  JobQueue(JobWork work, size_t workers, size_t capacity);
  ~JobQueue();
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  struct Submitted {
    std::shared_ptr<Job> job;
    bool joined = false;  // the job was already queued or running
  };
  struct Refused {
    std::string message;
    int retry_after_seconds = 0;  // 0: do not retry (the server is stopping)
  };
  // The job for `request`'s issue and depth: the one queued or running, or
  // a new one when there is room.
  std::expected<Submitted, Refused> Submit(const JobRequest& request);
  // A queued, running or recently finished job.
  std::shared_ptr<Job> Find(std::string_view id) const;
  // The queued or running job of `request`'s issue and depth, if any.
  std::shared_ptr<Job> Active(const JobRequest& request) const;
  // The job of `request` that failed in the last half minute, if any: its
  // error answers for the issue until then.
  std::shared_ptr<Job> RecentFailure(const JobRequest& request) const;

  // Stops taking jobs, fails the queued ones and waits for the running
  // ones to end (a crawl stores whole batches only, so none is cut).
  void Stop();

  static std::string KeyOf(const JobRequest& request);

 private:
  void Work();
  int RetryAfterSeconds() const;  // with the lock held

  JobWork work_;
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::map<std::string, std::shared_ptr<Job>, std::less<>> active_;  // key -> queued or running
  std::map<std::string, std::shared_ptr<Job>, std::less<>> by_id_;   // recent jobs
  std::map<std::string, std::shared_ptr<Job>, std::less<>> failed_;  // key -> last failure
  size_t running_ = 0;
  double average_seconds_ = 5.0;  // of the jobs done so far, for Retry-After
  bool stopping_ = false;
  std::mutex stop_mutex_;  // one Stop at a time: it joins the workers
  std::vector<std::thread> workers_;
};

}  // namespace issuegraph::serve
