// The one error type of issuegraph: a kind a caller can branch on and a
// message that names the thing and the way out. Functions that can fail
// return Result<T>; exceptions never cross a layer boundary.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace issuegraph {

enum class ErrorKind {
  kInvalidInput,   // the user gave something we cannot use (URL, flag)
  kNotFound,       // 404: no such issue, or private without a token
  kGone,           // 410: deleted
  kUnauthorized,   // 401: bad or expired token
  kForbidden,      // 403 without a rate limit: no access
  kRateLimited,    // primary or secondary limit that we will not wait for
  kNetwork,        // DNS, connect, TLS, timeout
  kServer,         // 5xx that outlived the retries
  kProtocol,       // a response we could not understand
  kIo,             // local files
  kInternal,       // a bug of ours
};

std::string_view ErrorKindName(ErrorKind kind);
// The kind ErrorKindName gave `text`, if any.
std::optional<ErrorKind> ParseErrorKind(std::string_view text);

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> MakeError(ErrorKind kind, std::string message) {
  return std::unexpected<Error>(Error{kind, std::move(message)});
}

}  // namespace issuegraph
