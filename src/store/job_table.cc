#include "store/job_table.h"

#include <libpq-fe.h>
#include <poll.h>

#include <thread>

#include "store/postgres.h"

namespace issuegraph::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, key, request, state, owner, lease_until, attempts, created_at, finished_at, "
    "error_code, error_message, permalink FROM jobs ";

JobRow RowOf(const sql::Statement& row) {
  JobRow job;
  job.id = row.Text(0);
  job.key = row.Text(1);
  job.request = row.Text(2);
  job.state = row.Text(3);
  job.owner = row.Text(4);
  job.lease_until = row.Int(5);
  job.attempts = row.Int(6);
  job.created_at = row.Int(7);
  job.finished_at = row.Int(8);
  job.error_code = row.Text(9);
  job.error_message = row.Text(10);
  job.permalink = row.Text(11);
  return job;
}

Result<std::optional<JobRow>> FirstRow(sql::Statement& statement) {
  auto row = statement.Step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::nullopt;
  JobRow job = RowOf(statement);
  if (auto rest = statement.Run(); !rest) return std::unexpected(rest.error());
  return job;
}

Result<void> Notify(sql::Database& db, std::string_view payload) {
  auto notify = db.Cached("SELECT pg_notify(?, ?)");
  if (!notify) return std::unexpected(notify.error());
  return (*notify)->BindText(1, kJobChannel).BindText(2, payload).Run();
}

}  // namespace

Result<std::optional<JobRow>> JobTable::One(const std::string& sql,
                                            const std::vector<std::string>& texts) {
  auto statement = db_.Cached(sql);
  if (!statement) return std::unexpected(statement.error());
  for (size_t i = 0; i < texts.size(); ++i) (*statement)->BindText(static_cast<int>(i) + 1, texts[i]);
  return FirstRow(**statement);
}

Result<JobTable::Submitted> JobTable::InsertOrJoin(const JobRow& job, size_t capacity) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto active = Active(job.key);
    if (!active) return std::unexpected(active.error());
    if (*active) return Submitted{std::move(**active), true};
    auto queued = db_.Cached("SELECT count(*) FROM jobs WHERE state = 'queued'");
    if (!queued) return std::unexpected(queued.error());
    if (auto row = (*queued)->Step(); !row) return std::unexpected(row.error());
    const int64_t waiting = (*queued)->Int(0);
    (*queued)->Reset();
    if (static_cast<size_t>(waiting) >= capacity) {
      return MakeError(ErrorKind::kRateLimited, std::to_string(waiting) + " jobs are queued");
    }
    // The unique index decides between replicas inserting at once: the
    // loser inserts nothing and joins the winner's job on the next round.
    auto insert = db_.Cached(
        "INSERT INTO jobs (id, key, request, state, created_at) VALUES (?, ?, ?, 'queued', ?) "
        "ON CONFLICT (key) WHERE state IN ('queued', 'running') DO NOTHING RETURNING id");
    if (!insert) return std::unexpected(insert.error());
    (*insert)->BindText(1, job.id).BindText(2, job.key).BindText(3, job.request).BindInt(4, job.created_at);
    auto inserted = (*insert)->Step();
    if (!inserted) return std::unexpected(inserted.error());
    const bool won = *inserted;
    (*insert)->Reset();
    if (won) {
      if (auto told = Notify(db_, job.id); !told) return std::unexpected(told.error());
      JobRow row = job;
      row.state = "queued";
      return Submitted{std::move(row), false};
    }
  }
  return MakeError(ErrorKind::kInternal, "a job for " + job.key + " could neither be joined nor made");
}

Result<std::optional<JobRow>> JobTable::Claim(std::string_view owner, int64_t now_ms, int64_t lease_ms) {
  auto statement = db_.Cached(
      "UPDATE jobs SET state = 'running', owner = ?1, lease_until = ?2 + ?3, attempts = attempts + 1 "
      "WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND "
      "lease_until < ?2) ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
      "RETURNING id, key, request, state, owner, lease_until, attempts, created_at, finished_at, "
      "error_code, error_message, permalink");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, owner).BindInt(2, now_ms).BindInt(3, lease_ms);
  return FirstRow(**statement);
}

Result<int64_t> JobTable::Renew(std::string_view owner, int64_t now_ms, int64_t lease_ms) {
  auto statement = db_.Cached(
      "UPDATE jobs SET lease_until = ? WHERE owner = ? AND state = 'running'");
  if (!statement) return std::unexpected(statement.error());
  if (auto done = (*statement)->BindInt(1, now_ms + lease_ms).BindText(2, owner).Run(); !done)
    return std::unexpected(done.error());
  return db_.Changes();
}

Result<bool> JobTable::Finish(const JobRow& ended, std::string_view owner) {
  auto statement = db_.Cached(
      "UPDATE jobs SET state = ?, finished_at = ?, error_code = ?, error_message = ?, permalink = ? "
      "WHERE id = ? AND owner = ? AND state = 'running'");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, ended.state).BindInt(2, ended.finished_at).BindText(3, ended.error_code);
  (*statement)->BindText(4, ended.error_message).BindText(5, ended.permalink).BindText(6, ended.id);
  (*statement)->BindText(7, owner);
  if (auto done = (*statement)->Run(); !done) return std::unexpected(done.error());
  const bool held = db_.Changes() == 1;
  if (auto told = Notify(db_, ended.id); !told) return std::unexpected(told.error());
  return held;
}

Result<void> JobTable::AppendEvent(std::string_view id, const JobEventRow& event) {
  auto statement = db_.Cached(
      "INSERT INTO job_events (job_id, seq, type, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, id).BindInt(2, event.seq).BindText(3, event.type).BindText(4, event.data);
  if (auto done = (*statement)->Run(); !done) return done;
  return Notify(db_, id);
}

Result<std::vector<JobEventRow>> JobTable::EventsAfter(std::string_view id, int64_t after) {
  auto statement = db_.Cached("SELECT seq, type, data FROM job_events WHERE job_id = ? AND seq > ? ORDER BY seq");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, id).BindInt(2, after);
  std::vector<JobEventRow> out;
  for (;;) {
    auto row = (*statement)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back({(*statement)->Int(0), (*statement)->Text(1), (*statement)->Text(2)});
  }
  return out;
}

Result<std::optional<JobRow>> JobTable::Find(std::string_view id) {
  return One(std::string(kColumns) + "WHERE id = ?", {std::string(id)});
}

Result<std::optional<JobRow>> JobTable::Active(std::string_view key) {
  return One(std::string(kColumns) + "WHERE key = ? AND state IN ('queued', 'running')", {std::string(key)});
}

Result<std::optional<JobRow>> JobTable::FailedSince(std::string_view key, int64_t since_ms) {
  auto statement = db_.Cached(std::string(kColumns) +
                              "WHERE key = ? AND state = 'failed' AND finished_at >= ? "
                              "ORDER BY finished_at DESC LIMIT 1");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, key).BindInt(2, since_ms);
  return FirstRow(**statement);
}

Result<int64_t> JobTable::ForgetEndedBefore(int64_t before_ms) {
  auto statement = db_.Cached(
      "DELETE FROM jobs WHERE state IN ('done', 'failed') AND finished_at < ?");
  if (!statement) return std::unexpected(statement.error());
  if (auto done = (*statement)->BindInt(1, before_ms).Run(); !done) return std::unexpected(done.error());
  return db_.Changes();
}

// --- Notifications ---

struct Notifications::Impl {
  PGconn* conn = nullptr;
  std::string channel;
  bool listening = false;

  ~Impl() { PQfinish(conn); }

  bool Start() {
    if (PQstatus(conn) != CONNECTION_OK) {
      PQreset(conn);
      listening = false;
      if (PQstatus(conn) != CONNECTION_OK) return false;
    }
    if (listening) return true;
    // A channel name is an identifier, not a value: ours, a constant.
    PGresult* result = PQexec(conn, ("LISTEN " + channel).c_str());
    listening = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    return listening;
  }
};

Notifications::Notifications(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Notifications::~Notifications() = default;

Result<std::unique_ptr<Notifications>> Notifications::Listen(const std::string& url,
                                                             std::string_view channel) {
  auto conn = sql::ConnectPostgres(url);
  if (!conn) return std::unexpected(conn.error());
  auto impl = std::make_unique<Impl>();
  impl->conn = *conn;
  impl->channel = std::string(channel);
  if (!impl->Start()) {
    return MakeError(ErrorKind::kIo, "cannot listen for jobs on the store " + sql::RedactUrl(url) + " (" +
                                         sql::OneLine(PQerrorMessage(impl->conn)) +
                                         "); check that the server is running");
  }
  return std::unique_ptr<Notifications>(new Notifications(std::move(impl)));
}

std::vector<std::string> Notifications::Wait(std::chrono::milliseconds timeout) {
  std::vector<std::string> out;
  if (!impl_->Start()) {
    std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(1000)));
    return out;
  }
  auto drain = [&] {
    PQconsumeInput(impl_->conn);
    while (PGnotify* note = PQnotifies(impl_->conn)) {
      out.emplace_back(note->extra);
      PQfreemem(note);
    }
  };
  drain();
  if (!out.empty()) return out;
  pollfd socket{PQsocket(impl_->conn), POLLIN, 0};
  if (socket.fd >= 0 && poll(&socket, 1, static_cast<int>(timeout.count())) > 0) drain();
  return out;
}

}  // namespace issuegraph::store
