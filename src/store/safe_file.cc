#include "store/safe_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace issuegraph::store {
namespace {

namespace fs = std::filesystem;

// Longest chain of links followed, as the kernel's own limit.
constexpr int kMaxLinks = 40;

Error WriteError(const std::string& path, std::string_view what, std::string_view advice, int error_number) {
  const std::string why = error_number == ENOSPC ? "the disk is full" : std::strerror(error_number);
  return Error{ErrorKind::kIo, "cannot write " + std::string(what) + " " + path + " (" + why + "); " +
                                   std::string(advice)};
}

bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (written == 0) {
      errno = ENOSPC;
      return false;
    }
    text.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

// Where a write to `path` lands: the end of its chain of symbolic links.
Result<fs::path> FollowLinks(fs::path path) {
  for (int hops = 0; hops < kMaxLinks; ++hops) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return path;
    std::error_code error;
    fs::path target = fs::read_symlink(path, error);
    if (error) return MakeError(ErrorKind::kIo, error.message());
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  errno = ELOOP;
  return MakeError(ErrorKind::kIo, std::strerror(ELOOP));
}

mode_t NewFileMode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

Result<void> WriteWholeFile(const std::string& path, std::string_view text, std::string_view what,
                            std::string_view advice) {
  auto fail = [&](int error_number) {
    return std::unexpected(WriteError(path, what, advice, error_number));
  };
  if (path.empty()) return fail(ENOENT);
  auto followed = FollowLinks(path);
  if (!followed) return fail(ELOOP);
  const fs::path target = *followed;

  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) return fail(EISDIR);
  if (exists && !S_ISREG(existing.st_mode)) {
    // A device, FIFO or socket: the user asked for the bytes to go there.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return fail(errno);
    const bool ok = WriteAll(fd, text);
    const int error_number = errno;
    ::close(fd);
    if (!ok) return fail(error_number);
    return {};
  }

  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);  // random name, O_EXCL
  if (fd < 0) return fail(errno);
  const std::string temp(name.data());
  auto discard = [&](int error_number) {
    ::close(fd);
    ::unlink(temp.c_str());
    return fail(error_number);
  };
  const mode_t mode = exists ? (existing.st_mode & 07777) : NewFileMode();
  if (::fchmod(fd, mode) != 0) return discard(errno);
  if (!WriteAll(fd, text)) return discard(errno);
  if (::fsync(fd) != 0) return discard(errno);
  if (::close(fd) != 0) {
    const int error_number = errno;
    ::unlink(temp.c_str());
    return fail(error_number);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temp.c_str());
    return fail(error_number);
  }
  // Make the rename itself durable.
  if (const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    (void)::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes, std::string_view what,
                                  std::string_view advice) {
  auto fail = [&](const std::string& why) {
    return MakeError(ErrorKind::kIo, "cannot read " + std::string(what) + " " + path + " (" + why + "); " +
                                         std::string(advice));
  };
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) return fail(std::strerror(EISDIR));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(std::strerror(errno));
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error_number = errno;
      ::close(fd);
      return fail(std::strerror(error_number));
    }
    if (got == 0) break;
    if (static_cast<size_t>(got) > max_bytes - text.size()) {
      ::close(fd);
      return fail("larger than " + std::to_string(max_bytes >> 20) + " MiB");
    }
    text.append(buffer, static_cast<size_t>(got));
  }
  ::close(fd);
  return text;
}

}  // namespace issuegraph::store
