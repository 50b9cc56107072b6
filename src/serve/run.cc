// RunUntilSignalled (serve/server.h): the server for the command line,
// until SIGTERM or SIGINT.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>

#include "serve/server.h"

namespace issuegraph::serve {

Result<void> RunUntilSignalled(const ServeOptions& options,
                               const std::function<void(const std::string&)>& listening) {
  // Every thread started from here on inherits the mask, so the signals
  // reach only the waiting thread below, never a handler mid-request.
  // Page answers are tens of kB, built and freed on many threads: glibc's
  // default gives each freed run back to the kernel at once and faults it
  // in again on the next request; measured in bench/serve, keeping it
  // (up to these sizes) nearly doubles the pages served.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Server server(options);
  auto port = server.Bind();
  if (!port) return std::unexpected(port.error());
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    if (!done) server.Stop();
  });
  listening("http://" + options.host + ":" + std::to_string(*port));
  server.Listen();
  done = true;
  server.Stop();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if no signal came
  waiter.join();
  return {};
}

}  // namespace issuegraph::serve
