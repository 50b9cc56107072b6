#include "store/safe_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::TempDir;

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<void> Write(const std::string& path, std::string_view text) {
  return WriteWholeFile(path, text, "the report", "choose another path with -o");
}

// Only the files a test made: no temporary file is ever left behind.
size_t Entries(const std::string& dir) {
  size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++count;
  return count;
}

mode_t Mode(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode;
}

TEST(SafeFileTest, ANewFileGetsTheUmasksMode) {
  TempDir dir;
  const mode_t mask = ::umask(022);
  ASSERT_TRUE(Write(dir.File("r.md"), "# report\n"));
  ::umask(mask);
  EXPECT_EQ(Read(dir.File("r.md")), "# report\n");
  EXPECT_EQ(Mode(dir.File("r.md")) & 07777, 0644u);
  EXPECT_EQ(Entries(dir.path()), 1u);
}

TEST(SafeFileTest, AReplacedFileKeepsItsMode) {
  TempDir dir;
  const std::string path = dir.File("r.md");
  { std::ofstream(path) << "old"; }
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  ASSERT_TRUE(Write(path, "new"));
  EXPECT_EQ(Read(path), "new");
  EXPECT_EQ(Mode(path) & 07777, 0600u);
  EXPECT_EQ(Entries(dir.path()), 1u);
}

TEST(SafeFileTest, ALinkHasItsTargetReplacedNotTheLink) {
  TempDir dir;
  const std::string target = dir.File("real.md");
  const std::string link = dir.File("link.md");
  { std::ofstream(target) << "old"; }
  std::filesystem::create_symlink("real.md", link);  // relative, as people make them
  ASSERT_TRUE(Write(link, "new"));
  EXPECT_TRUE(S_ISLNK(Mode(link)));
  EXPECT_EQ(Read(target), "new");
  // A dangling link gets its target created.
  std::filesystem::create_symlink(dir.File("later.md"), dir.File("dangling.md"));
  ASSERT_TRUE(Write(dir.File("dangling.md"), "made"));
  EXPECT_TRUE(S_ISLNK(Mode(dir.File("dangling.md"))));
  EXPECT_EQ(Read(dir.File("later.md")), "made");
  EXPECT_EQ(Entries(dir.path()), 4u);
}

// A node of its own like /dev/null (1, 3), so that a broken writer could
// never replace the machine's.
TEST(SafeFileTest, ADeviceIsWrittenThroughAndStaysADevice) {
  TempDir dir;
  const std::string device = dir.File("null");
  if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    GTEST_SKIP() << "cannot make a device node here (not root?)";
  }
  auto written = Write(device, "# report\n");
  if (!written && written.error().message.find("Permission denied") != std::string::npos) {
    GTEST_SKIP() << "devices are not usable on this file system (nodev)";
  }
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_TRUE(S_ISCHR(Mode(device)));
  EXPECT_EQ(Entries(dir.path()), 1u);
}

TEST(SafeFileTest, AFullDiskIsAnIoErrorThatSaysSo) {
  if (::access("/dev/full", W_OK) != 0) GTEST_SKIP() << "no /dev/full here";
  auto written = Write("/dev/full", "# report\n");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().kind, ErrorKind::kIo);
  EXPECT_EQ(written.error().message,
            "cannot write the report /dev/full (the disk is full); choose another path with -o");
  EXPECT_TRUE(S_ISCHR(Mode("/dev/full")));
}

TEST(SafeFileTest, AFifoIsWrittenThroughAndStaysAFifo) {
  TempDir dir;
  const std::string fifo = dir.File("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string got;
  std::thread reader([&] { got = Read(fifo); });
  ASSERT_TRUE(Write(fifo, "through the pipe"));
  reader.join();
  EXPECT_EQ(got, "through the pipe");
  EXPECT_TRUE(S_ISFIFO(Mode(fifo)));
}

TEST(SafeFileTest, WhatCannotBeWrittenLeavesNothingBehind) {
  TempDir dir;
  auto into_directory = Write(dir.path(), "x");
  ASSERT_FALSE(into_directory);
  EXPECT_EQ(into_directory.error().kind, ErrorKind::kIo);
  EXPECT_NE(into_directory.error().message.find("Is a directory"), std::string::npos);
  auto missing = Write(dir.File("no/such/dir/r.md"), "x");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("No such file or directory"), std::string::npos);
  EXPECT_EQ(Entries(dir.path()), 0u);
}

}  // namespace
}  // namespace issuegraph::store
