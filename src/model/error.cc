#include "model/error.h"

namespace issuegraph {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return "invalid_input";
    case ErrorKind::kNotFound: return "not_found";
    case ErrorKind::kGone: return "gone";
    case ErrorKind::kUnauthorized: return "unauthorized";
    case ErrorKind::kForbidden: return "forbidden";
    case ErrorKind::kRateLimited: return "rate_limited";
    case ErrorKind::kNetwork: return "network";
    case ErrorKind::kServer: return "server";
    case ErrorKind::kProtocol: return "protocol";
    case ErrorKind::kIo: return "io";
    case ErrorKind::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace issuegraph
