// The web service's crawl jobs in a PostgreSQL store, shared by every
// replica: a queued job is claimed with SELECT ... FOR UPDATE SKIP LOCKED,
// runs under a lease its replica renews, and is claimed again by another
// replica when the lease runs out (its crawl then reads what the first one
// stored). One queued or running job per key, by a unique index. Events go
// to job_events and wake the other replicas by NOTIFY. PostgreSQL only.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

// The channel every job notification goes to; the payload is the job id.
inline constexpr std::string_view kJobChannel = "issuegraph_jobs";

struct JobRow {
  std::string id;
  std::string key;
  std::string request;  // JSON
  std::string state;    // queued | running | done | failed
  std::string owner;
  int64_t lease_until = 0;  // unix ms
  int64_t attempts = 0;
  int64_t created_at = 0;   // unix ms
  int64_t finished_at = 0;  // unix ms; 0 while not finished
  std::string error_code;
  std::string error_message;
  std::string permalink;
};

struct JobEventRow {
  int64_t seq = 0;
  std::string type;
  std::string data;  // JSON
};

class JobTable {
 public:
  explicit JobTable(sql::Database& db) : db_(db) {}

  // A new queued job for `key`, or the one already queued or running
  // (joined = true). Refuses (kRateLimited naming the wait) when
  // `capacity` jobs are queued already.
  struct Submitted {
    JobRow row;
    bool joined = false;
  };
  Result<Submitted> InsertOrJoin(const JobRow& job, size_t capacity);
  // The oldest queued job, or a running one whose lease ran out, now
  // running for `owner` until now + lease.
  Result<std::optional<JobRow>> Claim(std::string_view owner, int64_t now_ms, int64_t lease_ms);
  // Extends the lease of every running job of `owner`; how many.
  Result<int64_t> Renew(std::string_view owner, int64_t now_ms, int64_t lease_ms);
  // Ends a job `owner` still holds; false when another replica took it.
  Result<bool> Finish(const JobRow& ended, std::string_view owner);
  // Writes event `seq` of a job and notifies every replica.
  Result<void> AppendEvent(std::string_view id, const JobEventRow& event);
  Result<std::vector<JobEventRow>> EventsAfter(std::string_view id, int64_t after);
  Result<std::optional<JobRow>> Find(std::string_view id);
  Result<std::optional<JobRow>> Active(std::string_view key);
  // The last failure of `key` that ended at or after `since_ms`.
  Result<std::optional<JobRow>> FailedSince(std::string_view key, int64_t since_ms);
  // Forgets jobs that ended before `before_ms`, with their events.
  Result<int64_t> ForgetEndedBefore(int64_t before_ms);

 private:
  Result<std::optional<JobRow>> One(const std::string& sql, const std::vector<std::string>& texts);

  sql::Database& db_;
};

// A connection that LISTENs on a channel (its own, not a store's).
class Notifications {
 public:
  static Result<std::unique_ptr<Notifications>> Listen(const std::string& url,
                                                       std::string_view channel);
  ~Notifications();
  Notifications(const Notifications&) = delete;
  Notifications& operator=(const Notifications&) = delete;

  // The payloads that arrived, waiting up to `timeout` for the first. A
  // lost connection is made again (and listens again) on the next call.
  std::vector<std::string> Wait(std::chrono::milliseconds timeout);

 private:
  struct Impl;
  explicit Notifications(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace issuegraph::store
