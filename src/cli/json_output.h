// What --json FIELDS, --jq EXPR and --stable do to a `--format json`
// report before it is printed, as gh's flags of the same names do: keep
// some top-level fields, filter through libjq, drop the stats that tell of
// this run (times, requests, cache use) so that two runs diff clean. Pure
// functions of the report's text; thread-safe (one jq state per call).
#pragma once

#include <string>
#include <vector>

#include "model/error.h"

namespace issuegraph::cli {

// The top-level fields of a report ("root", "nodes", "edges", "report", "stats").
const std::vector<std::string>& JsonFields();

// "a,b" -> {"a", "b"}; kInvalidInput naming a field that is not one.
Result<std::vector<std::string>> ParseJsonFields(const std::string& list);

// kInvalidInput with jq's own words when `expression` does not compile.
Result<void> CheckJq(const std::string& expression);

struct JsonShaping {
  std::vector<std::string> fields;  // empty: all
  bool stable = false;
  std::string jq;  // empty: none
};

// The report's JSON text shaped as asked: the same pretty JSON without
// jq; with jq, each result on a line, strings raw and other values as
// compact JSON (as gh prints them). kInvalidInput when jq fails on it.
Result<std::string> ShapeJson(const std::string& text, const JsonShaping& shaping);

}  // namespace issuegraph::cli
