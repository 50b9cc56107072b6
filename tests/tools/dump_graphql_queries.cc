// Prints every GraphQL document shape issuegraph can send, one JSON request
// body per line, for tests/integration/graphql_schema.test.mjs to validate
// against GitHub's published schema.
#include <iostream>

#include "github/graphql_query.h"

int main() {
  for (const auto& request : issuegraph::github::AllQueryShapes()) std::cout << request.Body() << "\n";
  return 0;
}
