// Quick feedback on a published report: seven signals a reader can raise,
// at most one vote per visitor (an anonymous id) and signal, each one can
// be taken back. Works on a connection it does not own; not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

struct Signal {
  std::string_view name;   // the stable name in URLs and JSON
  std::string_view label;  // what a button says
};

inline constexpr std::array<Signal, 7> kSignals = {{
    {"works", "Works"},
    {"easy_fix", "Easy fix"},
    {"time_saver", "Time saver"},
    {"blocking", "Blocking"},
    {"common_issue", "Common issue"},
    {"flaky", "Flaky / intermittent"},
    {"verified", "Verified / reproducible"},
}};

bool IsSignal(std::string_view name);

class Feedback {
 public:
  explicit Feedback(sql::Database& db) : db_(db) {}

  // Casts (`on`) or takes back a vote; doing either twice changes nothing.
  // `signal` must be one of kSignals (kInvalidInput otherwise).
  Result<void> Vote(std::string_view key, std::string_view signal, std::string_view visitor, bool on,
                    int64_t now);
  // Votes per signal, every signal present (zero when none).
  Result<std::map<std::string, int64_t>> Counts(std::string_view key);
  // The signals `visitor` has voted for.
  Result<std::set<std::string>> Mine(std::string_view key, std::string_view visitor);

 private:
  sql::Database& db_;
};

}  // namespace issuegraph::store
