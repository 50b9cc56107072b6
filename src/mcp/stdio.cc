#include "mcp/stdio.h"

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace issuegraph::mcp {
namespace {

using nlohmann::json;

// Messages are written whole, one per line, from any thread.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void Write(const json& message) {
    const std::string line = message.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    std::lock_guard lock(mutex_);
    out_ << line;
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::mutex mutex_;
};

struct Call {
  std::atomic<bool> done{false};
  std::thread thread;
};

}  // namespace

void ServeStdio(ReportService& service, std::istream& in, std::ostream& out, const Logger& log) {
  Writer writer(out);
  Session session(service, "", log);
  const Notifier notify = [&writer](const json& message) { writer.Write(message); };
  std::list<std::unique_ptr<Call>> calls;
  std::string line;
  while (std::getline(in, line)) {
    for (auto it = calls.begin(); it != calls.end();) {
      if ((*it)->done) {
        (*it)->thread.join();
        it = calls.erase(it);
      } else {
        ++it;
      }
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json message = json::parse(line, nullptr, false);
    if (message.is_discarded()) {
      writer.Write(ErrorResponse(nullptr, kParseError, "the line is not JSON; send one JSON-RPC message per line"));
      continue;
    }
    if (Session::IsSlow(message)) {
      auto call = std::make_unique<Call>();
      Call* raw = call.get();
      call->thread = std::thread([&session, &writer, &notify, raw, message = std::move(message)] {
        if (auto response = session.Handle(message, notify)) writer.Write(*response);
        raw->done = true;
      });
      calls.push_back(std::move(call));
      continue;
    }
    if (auto response = session.Handle(message, notify)) writer.Write(*response);
  }
  session.CancelAll();
  for (auto& call : calls) call->thread.join();
}

}  // namespace issuegraph::mcp
