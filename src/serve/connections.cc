#include "serve/connections.h"

#include <sys/socket.h>

#include <thread>

namespace issuegraph::serve {

ConnectionPool::ConnectionPool(size_t base, size_t ceiling, std::chrono::milliseconds linger)
    : base_(std::max<size_t>(1, base)), ceiling_(std::max(ceiling, std::max<size_t>(1, base))), linger_(linger) {
  std::lock_guard<std::mutex> lock(mutex_);
  while (threads_ < base_) Spawn();
}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::Spawn() {
  ++threads_;
  ++idle_;
  // Detached: shutdown() waits for the count to reach zero instead.
  std::thread([this] { Work(); }).detach();
}

void ConnectionPool::enqueue(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  jobs_.push_back(std::move(fn));
  // Every thread busy (or already promised to an earlier job): one more,
  // while under the ceiling; past it the job waits its turn.
  if (idle_ < jobs_.size() && threads_ < ceiling_) Spawn();
  wake_.notify_one();
}

void ConnectionPool::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    const bool woke = wake_.wait_for(lock, linger_, [this] { return !jobs_.empty() || shutdown_; });
    if (jobs_.empty()) {
      if (shutdown_ || (!woke && threads_ > base_)) break;
      continue;
    }
    std::function<void()> fn = std::move(jobs_.front());
    jobs_.pop_front();
    --idle_;
    lock.unlock();
    fn();
    fn = nullptr;  // what the job holds goes before the thread counts as idle
    lock.lock();
    ++idle_;
  }
  --idle_;
  --threads_;
  ended_.notify_all();
}

void ConnectionPool::shutdown() {
  std::unique_lock<std::mutex> lock(mutex_);
  shutdown_ = true;
  wake_.notify_all();
  ended_.wait(lock, [this] { return threads_ == 0; });
}

size_t ConnectionPool::threads() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return threads_;
}

size_t ConnectionPool::busy() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return threads_ - idle_;
}

std::shared_ptr<StreamSlots::Slot> StreamSlots::Take(std::string_view client) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_client_.find(client);
  const size_t mine = it == by_client_.end() ? 0 : it->second;
  if (open_ >= total_ || mine >= per_client_) return nullptr;
  ++open_;
  if (it == by_client_.end()) {
    by_client_.emplace(std::string(client), 1);
  } else {
    ++it->second;
  }
  return std::make_shared<Slot>(this, std::string(client));
}

void StreamSlots::Release(const std::string& client) {
  std::lock_guard<std::mutex> lock(mutex_);
  --open_;
  auto it = by_client_.find(client);
  if (it != by_client_.end() && --it->second == 0) by_client_.erase(it);
}

size_t StreamSlots::open() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

void ListeningSocket::WidenBacklog() const {
  const int socket = fd.load();
  if (socket >= 0) ::listen(socket, SOMAXCONN);
}

void TuneConnections(httplib::Server& server, size_t base_threads, size_t ceiling, ListeningSocket& socket) {
  // httplib takes ownership of the queue it is given.
  server.new_task_queue = [base_threads, ceiling] { return new ConnectionPool(base_threads, ceiling); };
  server.set_tcp_nodelay(true);
  // A browser or a proxy keeps its connection for many requests; the
  // library's default closes it after 5.
  server.set_keep_alive_max_count(10000);
  server.set_socket_options([&socket](socket_t fd) {
    httplib::default_socket_options(fd);
    socket.fd = fd;
  });
}

}  // namespace issuegraph::serve
