// A crawl job's progress as server-sent events (text/event-stream): one
// event per job event with its sequence number as the id, so a browser
// that reconnects with Last-Event-ID resumes where it stopped; a comment
// now and then through quiet spells; the stream ends with the job, with
// the server's stop, or when the reader goes away. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "serve/connections.h"
#include "serve/jobs.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace issuegraph::serve {

// The Last-Event-ID a reconnecting reader sent; 0 when none or unreadable.
int64_t LastEventId(const httplib::Request& req);

// Streams the events of `job` after `after` into `res`, holding `slot`
// until the stream ends. `stopping` must outlive the response.
void StreamJobEvents(std::shared_ptr<Job> job, int64_t after, std::shared_ptr<StreamSlots::Slot> slot,
                     const std::atomic<bool>& stopping, httplib::Response& res);

}  // namespace issuegraph::serve
