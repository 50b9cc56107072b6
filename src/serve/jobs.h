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

  // Called with each new event, outside the job's lock (a shared queue
  // writes them to the store). Set before the first event of this replica.
  void SetObserver(std::function<void(const JobEvent&)> observer);
  // Appends events another replica recorded (those after the last one
  // here, in order) and takes the state they tell.
  void Replay(const std::vector<JobEvent>& events);
  int64_t last_seq() const;

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
  void Tell(const JobEvent& event);  // the observer, without the lock

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
  std::function<void(const JobEvent&)> observer_;
};

// Runs one job: crawls, stores what it made, emits its events; the queue
// emits the state changes and the end.
using JobWork = std::function<Result<std::string>(Job&)>;  // returns the permalink

struct JobSubmitted {
  std::shared_ptr<Job> job;
  bool joined = false;  // the job was already queued or running
};
struct JobRefused {
  std::string message;
  int retry_after_seconds = 0;  // 0: do not retry (the server is stopping)
};

// What the server needs of its crawl jobs: JobQueue in one process (an
// SQLite store), SharedJobQueue across replicas (a PostgreSQL store).
class JobBoard {
 public:
  virtual ~JobBoard() = default;
  using Submitted = JobSubmitted;
  using Refused = JobRefused;
  // The job for `request`'s issue and depth: the one queued or running, or
  // a new one when there is room.
  virtual std::expected<Submitted, Refused> Submit(const JobRequest& request) = 0;
  // A queued, running or recently finished job.
  virtual std::shared_ptr<Job> Find(std::string_view id) = 0;
  // The queued or running job of `request`'s issue and depth, if any.
  virtual std::shared_ptr<Job> Active(const JobRequest& request) = 0;
  // The job of `request` that failed in the last half minute, if any: its
  // error answers for the issue until then.
  virtual std::shared_ptr<Job> RecentFailure(const JobRequest& request) = 0;
  // Stops taking jobs and waits for the running ones to end (a crawl
  // stores whole batches only, so none is cut).
  virtual void Stop() = 0;

  // The issue and depth a job is one per.
  static std::string KeyOf(const JobRequest& request);
};

class JobQueue : public JobBoard {
 public:
  JobQueue(JobWork work, size_t workers, size_t capacity);
  ~JobQueue() override;
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  std::expected<Submitted, Refused> Submit(const JobRequest& request) override;
  std::shared_ptr<Job> Find(std::string_view id) override;
  std::shared_ptr<Job> Active(const JobRequest& request) override;
  std::shared_ptr<Job> RecentFailure(const JobRequest& request) override;
  // Also fails the queued jobs: nothing outside this process would run them.
  void Stop() override;

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
