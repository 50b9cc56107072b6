#include "model/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace issuegraph {
namespace {

std::vector<std::string> All(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view line : Lines(text)) out.emplace_back(line);
  return out;
}

TEST(LinesTest, EveryLineOnceTheLastOneToo) {
  EXPECT_EQ(All("a\nbb\nccc"), (std::vector<std::string>{"a", "bb", "ccc"}));
  EXPECT_EQ(All("a\n"), (std::vector<std::string>{"a", ""}));
  EXPECT_EQ(All("\n\n"), (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(All(""), (std::vector<std::string>{""}));
}

TEST(LinesTest, CarriageReturnsAreTheCallersToDrop) {
  EXPECT_EQ(All("a\r\nb\r"), (std::vector<std::string>{"a\r", "b\r"}));
  EXPECT_EQ(WithoutCr("a\r"), "a");
  EXPECT_EQ(WithoutCr("a"), "a");
  EXPECT_EQ(WithoutCr(""), "");
}

TEST(LinesTest, ViewsPointIntoTheText) {
  const std::string text = "one\ntwo";
  auto it = Lines(text).begin();
  ++it;
  EXPECT_EQ((*it).data(), text.data() + 4);
}

}  // namespace
}  // namespace issuegraph
