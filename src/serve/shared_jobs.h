// Crawl jobs shared by every replica of the web service over one
// PostgreSQL store (store/job_table.h). Any replica takes a new job; its
// workers claim queued jobs with SKIP LOCKED and renew their lease while
// they run; when a replica dies, another claims the job once the lease has
// run out and crawls again from what the first one stored. Events go to
// the store; a replica whose visitor watches a job that runs elsewhere
// follows it by LISTEN/NOTIFY (and a poll each second, should a
// notification be missed), so progress streams work on any replica and
// resume from Last-Event-ID. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "serve/jobs.h"
#include "store/job_table.h"

namespace issuegraph::serve {

struct SharedJobOptions {
  std::string store_url;  // postgres://...
  size_t workers = 2;
  size_t capacity = 64;   // queued jobs in the whole store before new ones wait
  std::chrono::milliseconds lease{15'000};  // renewed every third of it
  std::string replica;    // names this process in the jobs table; empty: made up
};

class SharedJobQueue : public JobBoard {
 public:
  // Connects (one connection per worker, one to listen, a few for
  // requests); fails when the store cannot be reached.
  static Result<std::unique_ptr<SharedJobQueue>> Start(SharedJobOptions options, JobWork work);
  ~SharedJobQueue() override;

  std::expected<Submitted, Refused> Submit(const JobRequest& request) override;
  std::shared_ptr<Job> Find(std::string_view id) override;
  std::shared_ptr<Job> Active(const JobRequest& request) override;
  std::shared_ptr<Job> RecentFailure(const JobRequest& request) override;
  // Lets running jobs finish; queued ones stay queued for other replicas.
  void Stop() override;

  const std::string& replica() const { return options_.replica; }

 private:
  SharedJobQueue(SharedJobOptions options, JobWork work);

  // A connection for a request thread, given back when the lease ends.
  class Connection;
  Result<Connection> Borrow();
  // The Job object of `row` here: the one already known, or a new one
  // with the events stored so far.
  std::shared_ptr<Job> Follow(store::sql::Database& db, const store::JobRow& row);
  void CatchUp(store::sql::Database& db, Job& job);
  void Work();
  void Listen(std::unique_ptr<store::Notifications> notes);
  void Renew();
  void Nudge();  // tells idle workers to look at the table now
  // A thread's own connection, opened (again) when it has none; false
  // while the store cannot be reached.
  bool Reconnect(std::unique_ptr<store::sql::Database>& db) const;

  SharedJobOptions options_;
  JobWork work_;
  std::mutex mutex_;
  std::condition_variable wake_;  // new work may be there, or stopping
  uint64_t wakes_ = 0;            // counts the nudges idle workers wait for
  bool stopping_ = false;
  std::map<std::string, std::shared_ptr<Job>, std::less<>> jobs_;  // id -> followed or running here
  std::set<std::string, std::less<>> running_here_;
  std::vector<std::unique_ptr<store::sql::Database>> idle_;  // request connections
  std::mutex stop_mutex_;
  std::vector<std::thread> threads_;
};

// JobRequest as the jobs table keeps it, and back.
std::string RequestToJson(const JobRequest& request);
std::optional<JobRequest> RequestFromJson(const std::string& text);

}  // namespace issuegraph::serve
