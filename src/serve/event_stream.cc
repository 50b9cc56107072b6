#include "serve/event_stream.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace issuegraph::serve {

int64_t LastEventId(const httplib::Request& req) {
  const std::string resume = req.get_header_value("Last-Event-ID");
  if (resume.empty() || resume.size() >= 10 ||
      !std::all_of(resume.begin(), resume.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return 0;
  }
  return std::stoll(resume);
}

void StreamJobEvents(std::shared_ptr<Job> job, int64_t after, std::shared_ptr<StreamSlots::Slot> slot,
                     const std::atomic<bool>& stopping, httplib::Response& res) {
  auto last = std::make_shared<int64_t>(after);
  auto quiet = std::make_shared<int>(0);
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Accel-Buffering", "no");
  res.set_chunked_content_provider(
      "text/event-stream",
      [job = std::move(job), slot = std::move(slot), last, quiet, &stopping](size_t, httplib::DataSink& sink) {
        if (stopping || !sink.is_writable()) {
          sink.done();
          return true;
        }
        auto events = job->EventsAfter(*last, std::chrono::seconds(1));
        std::string chunk;
        for (const JobEvent& event : events) {
          chunk += "id: " + std::to_string(event.seq) + "\nevent: " + event.type + "\ndata: " +
                   event.data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n\n";
          *last = event.seq;
        }
        // A comment now and then keeps proxies from closing a quiet stream.
        if (events.empty() && ++*quiet % 15 == 0) chunk = ": still working\n\n";
        if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
        if (job->finished() && job->EventsAfter(*last, std::chrono::milliseconds(0)).empty()) sink.done();
        return true;
      });
}

}  // namespace issuegraph::serve
