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

std::optional<ErrorKind> ParseErrorKind(std::string_view text) {
  for (ErrorKind kind :
       {ErrorKind::kInvalidInput, ErrorKind::kNotFound, ErrorKind::kGone, ErrorKind::kUnauthorized,
        ErrorKind::kForbidden, ErrorKind::kRateLimited, ErrorKind::kNetwork, ErrorKind::kServer,
        ErrorKind::kProtocol, ErrorKind::kIo, ErrorKind::kInternal}) {
    if (ErrorKindName(kind) == text) return kind;
  }
  return std::nullopt;
}

}  // namespace issuegraph
