#include "cli/output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace issuegraph::cli {

Result<void> WriteFileAtomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  auto fail = [&](const std::string& what) {
    return MakeError(ErrorKind::kIo, "cannot write " + path + " (" + what +
                                         "); choose another path with -o or check permissions");
  };
  if (path.empty()) return fail("empty path");
  std::error_code ec;
  if (fs::is_directory(path, ec)) return fail("it is a directory");
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) return fail(std::strerror(errno));
  bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  ok = (std::fflush(file) == 0) && ok;
  ok = (::fsync(::fileno(file)) == 0) && ok;
  const int saved = errno;
  ok = (std::fclose(file) == 0) && ok;
  if (!ok) {
    std::remove(temp.c_str());
    return fail(std::strerror(saved != 0 ? saved : EIO));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int rename_error = errno;
    std::remove(temp.c_str());
    return fail(std::strerror(rename_error));
  }
  return {};
}

}  // namespace issuegraph::cli
