// The seam for an optional machine-written synthesis: app/ asks a
// Synthesizer (llm/ has the real one, above this layer) to explain an
// analysed report and puts what comes back on the report before rendering.
// Implementations must be thread-safe: a server's workers share one.
#pragma once

#include <string>

#include "model/graph.h"
#include "model/report.h"
#include "model/synthesis.h"

namespace issuegraph::store {
class Store;
}

namespace issuegraph::app {

class Synthesizer {
 public:
  virtual ~Synthesizer() = default;
  // Names everything besides the graph that shapes a synthesis (endpoint,
  // model, prompt version, budget), for report caches. Never a key.
  virtual std::string Identity() const = 0;
  // Never fails: a model that cannot be used gives a Synthesis whose
  // `fallback` says why. `store` (may be null) caches the model's answers.
  virtual Synthesis Synthesize(const Report& report, const Graph& graph, store::Store* store) = 0;
};

}  // namespace issuegraph::app
