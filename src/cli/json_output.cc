#include "cli/json_output.h"

// jq 1.6's headers declare C functions without extern "C".
extern "C" {
#include <jq.h>
#include <jv.h>
}

#include <algorithm>
#include <memory>

#include <nlohmann/json.hpp>

namespace issuegraph::cli {
namespace {

using nlohmann::ordered_json;

// Stats that tell how this run went rather than what the graph is: two
// runs over the same graph differ in them (the second may be served from
// the store, in less time, with no request).
constexpr const char* kRunStats[] = {"requests",  "graphql_points", "retries",      "waited_ms",
                                     "cache_hits", "cache_misses",   "requests_by_kind", "bytes",
                                     "wall_ms",   "served_from_store"};

// One jq program and the messages it reported.
class Jq {
 public:
  Jq() : state_(jq_init()) {
    if (state_ != nullptr) jq_set_error_cb(state_, &Jq::OnError, this);
  }
  ~Jq() {
    if (state_ != nullptr) jq_teardown(&state_);
  }
  Jq(const Jq&) = delete;
  Jq& operator=(const Jq&) = delete;

  Result<void> Compile(const std::string& expression) {
    if (state_ == nullptr) return MakeError(ErrorKind::kInternal, "libjq could not start");
    if (jq_compile(state_, expression.c_str()) == 0) {
      return MakeError(ErrorKind::kInvalidInput,
                       "--jq '" + expression.substr(0, 80) + "' is not a jq program (" +
                           (errors_.empty() ? std::string("it does not compile") : errors_) +
                           "); see https://jqlang.github.io/jq/manual/");
    }
    return {};
  }

  // Each result of the program on `input`, one a line.
  Result<std::string> Run(const std::string& input) {
    jv parsed = jv_parse_sized(input.data(), static_cast<int>(input.size()));
    if (!jv_is_valid(parsed)) {
      jv_free(parsed);
      return MakeError(ErrorKind::kInternal, "the report is not JSON jq can read (please report this)");
    }
    jq_start(state_, parsed, 0);
    std::string out;
    jv result;
    while (jv_is_valid(result = jq_next(state_))) {
      if (jv_get_kind(result) == JV_KIND_STRING) {
        out += jv_string_value(result);
        jv_free(result);
      } else {
        jv dumped = jv_dump_string(result, 0);
        out += jv_string_value(dumped);
        jv_free(dumped);
      }
      out += '\n';
    }
    if (jv_invalid_has_msg(jv_copy(result))) {
      jv message = jv_invalid_get_msg(result);
      std::string text = jv_get_kind(message) == JV_KIND_STRING ? jv_string_value(message) : "an error";
      jv_free(message);
      return MakeError(ErrorKind::kInvalidInput, "--jq failed on the report: " + text);
    }
    jv_free(result);
    return out;
  }

 private:
  static void OnError(void* self, jv message) {
    auto* jq = static_cast<Jq*>(self);
    if (jv_get_kind(message) == JV_KIND_STRING && jq->errors_.size() < 400) {
      if (!jq->errors_.empty()) jq->errors_ += "; ";
      std::string text = jv_string_value(message);
      text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
      jq->errors_ += text;
    }
    jv_free(message);
  }

  jq_state* state_ = nullptr;
  std::string errors_;
};

}  // namespace

const std::vector<std::string>& JsonFields() {
  static const std::vector<std::string> fields = {"root", "nodes", "edges", "report", "stats"};
  return fields;
}

Result<std::vector<std::string>> ParseJsonFields(const std::string& list) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    const size_t comma = list.find(',', start);
    std::string field = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto& known = JsonFields();
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      std::string names;
      for (const auto& name : known) names += (names.empty() ? "" : ", ") + name;
      return MakeError(ErrorKind::kInvalidInput, "--json: '" + field.substr(0, 40) +
                                                     "' is not a field of the report; the fields are " + names);
    }
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return fields;
}

Result<void> CheckJq(const std::string& expression) { return Jq().Compile(expression); }

Result<std::string> ShapeJson(const std::string& text, const JsonShaping& shaping) {
  std::string shaped = text;
  if (!shaping.fields.empty() || shaping.stable) {
    ordered_json report = ordered_json::parse(text, nullptr, false);
    if (report.is_discarded() || !report.is_object()) {
      return MakeError(ErrorKind::kInternal, "the report is not a JSON object (please report this)");
    }
    if (shaping.stable && report.contains("stats")) {
      for (const char* name : kRunStats) report["stats"].erase(name);
    }
    if (!shaping.fields.empty()) {
      // In the report's own order, whatever order they were asked in.
      ordered_json kept = ordered_json::object();
      for (auto& [key, value] : report.items()) {
        if (std::find(shaping.fields.begin(), shaping.fields.end(), key) != shaping.fields.end()) {
          kept[key] = std::move(value);
        }
      }
      report = std::move(kept);
    }
    shaped = report.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
  }
  if (shaping.jq.empty()) return shaped;
  Jq jq;
  if (auto compiled = jq.Compile(shaping.jq); !compiled) return std::unexpected(compiled.error());
  return jq.Run(shaped);
}

}  // namespace issuegraph::cli
