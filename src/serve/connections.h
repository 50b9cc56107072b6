// How the web service takes connections. cpp-httplib gives each connection
// a thread for as long as it lives (keep-alive included), so:
//   - ConnectionPool, the thread pool handed to httplib, grows past its
//     base size when every thread is busy (an open event stream holds one
//     for minutes) up to a ceiling, and lets the extra threads go after a
//     quiet spell: streams never leave page requests without a thread.
//   - StreamSlots bounds open event streams, in all and per client address,
//     so the ceiling is never the streams' to take.
//   - TuneConnections sets what the library's defaults get wrong for a page
//     server: Nagle's algorithm off (with it, each answer waited ~40 ms for
//     the client's delayed ACK), keep-alive for more than 5 requests, and a
//     listen backlog wider than the library's 5.
// Everything here is thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <httplib.h>

namespace issuegraph::serve {

class ConnectionPool : public httplib::TaskQueue {
 public:
  // `base` threads always; up to `ceiling` when busy; extra threads end
  // after `linger` without work.
  ConnectionPool(size_t base, size_t ceiling, std::chrono::milliseconds linger = std::chrono::seconds(30));
  ~ConnectionPool() override;

  void enqueue(std::function<void()> fn) override;
  // Runs what is queued, then waits for every thread to end.
  void shutdown() override;

  size_t threads() const;
  size_t busy() const;

 private:
  void Spawn();  // with the lock held
  void Work();

  const size_t base_;
  const size_t ceiling_;
  const std::chrono::milliseconds linger_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable ended_;
  std::deque<std::function<void()>> jobs_;
  size_t threads_ = 0;
  size_t idle_ = 0;
  bool shutdown_ = false;
};

class StreamSlots {
 public:
  StreamSlots(size_t total, size_t per_client) : total_(total), per_client_(per_client) {}

  // A held slot; the stream's end (its destruction) gives it back.
  class Slot {
   public:
    Slot(StreamSlots* slots, std::string client) : slots_(slots), client_(std::move(client)) {}
    ~Slot() { slots_->Release(client_); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    StreamSlots* slots_;
    std::string client_;
  };

  // A slot for `client`, or null when the server or the client has all it
  // may have open.
  std::shared_ptr<Slot> Take(std::string_view client);
  size_t open() const;

 private:
  void Release(const std::string& client);

  const size_t total_;
  const size_t per_client_;
  mutable std::mutex mutex_;
  size_t open_ = 0;
  std::map<std::string, size_t, std::less<>> by_client_;
};

// The listening socket, as the library makes it, so its backlog can be
// widened once it listens (a second listen() on Linux only changes it).
struct ListeningSocket {
  std::atomic<int> fd{-1};
  // To SOMAXCONN; call after binding.
  void WidenBacklog() const;
};

// TCP no-delay, keep-alive and the pool on `server`, the socket recorded in
// `socket` (which must outlive the server); call before binding.
void TuneConnections(httplib::Server& server, size_t base_threads, size_t ceiling, ListeningSocket& socket);

}  // namespace issuegraph::serve
