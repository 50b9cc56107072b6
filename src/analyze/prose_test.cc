#include "analyze/prose.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace issuegraph::analyze {
namespace {

TEST(Prose, NormalizeWordsAndWholeWordMatches) {
  EXPECT_EQ(NormalizeWords("  Steps to Reproduce:  "), "steps to reproduce");
  EXPECT_EQ(NormalizeWords("🐛 Bug / Fix-it"), "bug fix it");
  EXPECT_TRUE(HasWords("root cause analysis", "cause analysis"));
  EXPECT_FALSE(HasWords("because", "cause"));
  EXPECT_TRUE(HasPhrase("this worked, thanks", "this worked"));
  EXPECT_FALSE(HasPhrase("reworked it", "worked"));
  EXPECT_TRUE(HasPhrase("workaround: run x", "workaround:"));
}

TEST(Prose, TrimToSentence) {
  EXPECT_EQ(TrimToSentence("Short.", 600), "Short.");
  EXPECT_EQ(TrimToSentence("One two three. Four five six seven eight.", 30), "One two three.");
  // No sentence end in reach: cut at a word, marked.
  EXPECT_EQ(TrimToSentence("alpha beta gamma delta epsilon", 18), "alpha beta gamma…");
  // e.g. and version numbers are not sentence ends.
  EXPECT_EQ(TrimToSentence("Use v1.2 e.g. now. Then more words follow here.", 25),
            "Use v1.2 e.g. now.");
}

TEST(Prose, SentenceAt) {
  std::string_view text = "First one. Is this a question? Last";
  EXPECT_EQ(SentenceAt(text, 15), "Is this a question?");
  EXPECT_EQ(SentenceAt(text, 0), "First one.");
  EXPECT_EQ(SentenceAt(text, text.size() - 1), "Last");
}

TEST(Prose, SentenceRangesSplitLikeSentenceAt) {
  std::string_view text = "First one. Is v1.2 out?\nLast line  ";
  std::vector<std::string_view> sentences;
  for (auto [begin, end] : SentenceRanges(text))
    sentences.push_back(text.substr(begin, end - begin));
  EXPECT_EQ(sentences, (std::vector<std::string_view>{"First one.", "Is v1.2 out?", "Last line"}));
  EXPECT_TRUE(SentenceRanges("  \n ").empty());
  EXPECT_TRUE(SentenceRanges("").empty());
  // Every sentence is the one SentenceAt finds at its first byte.
  for (std::string_view many : {std::string_view("e.g. this one!  Then v2.0 ships.\n\nDone?\n"),
                                std::string_view("no end"), std::string_view(". . .\nx")}) {
    size_t count = 0;
    for (auto [begin, end] : SentenceRanges(many)) {
      EXPECT_EQ(SentenceAt(many, begin), many.substr(begin, end - begin)) << many;
      ++count;
    }
    EXPECT_GT(count, 0u) << many;
  }
}

TEST(Prose, StatesCueIgnoresQuestions) {
  static const PhraseSet kCues = {"workaround"};
  EXPECT_FALSE(StatesCue("is there a workaround? we need one.", kCues));
  EXPECT_TRUE(StatesCue("is it bad? the workaround is to restart.", kCues));
}

TEST(PhraseSet, UnionOfTwoListsMatchesPhrasesOfBoth) {
  // Two arrays in braces once read as one span from an iterator pair.
  static constexpr std::string_view kFirst[] = {"root cause"};
  static constexpr std::string_view kSecond[] = {"because", "due to"};
  static const PhraseSet kBoth = PhraseSet::Union({kFirst, kSecond});
  EXPECT_EQ(kBoth.phrases().size(), 3u);
  EXPECT_TRUE(kBoth.AnyIn("it fails due to the lock"));
  EXPECT_TRUE(kBoth.AnyIn("the root cause"));
  EXPECT_FALSE(kBoth.AnyIn("nothing here"));
}

// A set with a one-byte phrase takes the byte-by-byte scan; it keeps
// HasPhrase's rule all the same.
TEST(PhraseSet, AOneBytePhraseMatchesAsAWord) {
  static const PhraseSet kCues = {"x", "no crash"};
  EXPECT_TRUE(kCues.AnyIn("size x 2"));
  EXPECT_TRUE(kCues.AnyIn("and no crash."));
  EXPECT_FALSE(kCues.AnyIn("box and next"));
  EXPECT_EQ(kCues.CountDistinctIn("x, then no crash, x"), 2u);
}

TEST(PhraseSet, CountDistinctInCountsEachPhraseOnce) {
  static const PhraseSet kCues = {"reads", "never", "does not"};
  EXPECT_EQ(kCues.CountDistinctIn("it reads twice and reads again but never checks"), 2u);
  EXPECT_EQ(kCues.CountDistinctIn("rereads nothing"), 0u);
}

// Short and long phrases, near the end of the text and not: the four-byte
// lookup and the first-byte lists agree with a plain search.
// (A set with only phrases of four bytes or more takes a scan of its own.)
// Every substring of `text`: AnyOccurs is a plain search for each phrase,
// and AnyIn agrees with CountDistinctIn.
void ExpectAgreesWithAPlainSearch(const PhraseSet& cues, const std::string& text) {
  for (size_t begin = 0; begin < text.size(); ++begin) {
    for (size_t end = begin; end <= text.size(); ++end) {
      std::string_view part = std::string_view(text).substr(begin, end - begin);
      bool plain = false;
      for (const std::string& phrase : cues.phrases()) {
        plain = plain || part.find(phrase) != std::string_view::npos;
      }
      EXPECT_EQ(cues.AnyOccurs(part), plain) << part;
      EXPECT_EQ(cues.CountDistinctIn(part) > 0, cues.AnyIn(part)) << part;
    }
  }
}

TEST(PhraseSet, AnyOccursAgreesWithAPlainSearchEverywhere) {
  static const PhraseSet kMixed = {"ab", "abc", "abcd", "abcde", "xyz", "because", "fix"};
  static const PhraseSet kLong = {"abcd", "abcde", "because", "-fix", "xyz abc"};
  // Five bytes or more: read at every other position.
  static const PhraseSet kFiveOrMore = {"abcde", "because", "e-fix", "xyz abc", "z abcd"};
  for (const PhraseSet* cues : {&kMixed, &kLong, &kFiveOrMore}) {
    ExpectAgreesWithAPlainSearch(*cues, "zz abcd because-fix xyz abc");
  }
}

TEST(PhraseSet, PhrasesThatShareTheirFirstFourBytes) {
  // Long phrases under one head are told apart by their next four bytes;
  // a head with a phrase shorter than eight bytes is compared in full.
  static const PhraseSet kLong = {"the bug is", "the problem was", "then it works"};
  static const PhraseSet kWithShort = {"the bug is", "the fix", "then it works"};
  EXPECT_TRUE(kLong.AnyIn("so the problem was the cache"));
  EXPECT_FALSE(kLong.AnyIn("so the problem is the cache"));
  EXPECT_FALSE(kLong.AnyIn("the bug"));  // fewer than eight bytes left
  EXPECT_TRUE(kWithShort.AnyIn("with the fix"));
  const std::string text =
      "the bug was, the bug is, the fix, the fox, then it worked, then it works";
  ExpectAgreesWithAPlainSearch(kLong, text);
  ExpectAgreesWithAPlainSearch(kWithShort, text);
}

TEST(PhraseLists, EachBitSaysWhetherItsListOccurs) {
  static const PhraseSet kFirst = {"workaround", "for now"};
  static const PhraseSet kSecond = {"because", "for now"};  // shares a phrase with the first
  static const PhraseSet kThird = {"fix"};
  static const PhraseLists kLists({&kFirst, &kSecond, &kThird});
  EXPECT_EQ(kLists.Occurring("nothing to see"), 0u);
  EXPECT_EQ(kLists.Occurring("use this for now"), 0b011u);
  EXPECT_EQ(kLists.Occurring("a workaround, because"), 0b011u);
  EXPECT_EQ(kLists.Occurring("the fix, because"), 0b110u);
  EXPECT_EQ(kLists.Occurring("prefix: a workaround"), 0b101u);  // no word rule, as AnyOccurs
  const std::string texts[] = {"workaround", "because it broke", "fixed", "for no reason"};
  for (const std::string& text : texts) {
    const uint32_t bits = kLists.Occurring(text);
    EXPECT_EQ((bits & 1) != 0, kFirst.AnyOccurs(text)) << text;
    EXPECT_EQ((bits & 2) != 0, kSecond.AnyOccurs(text)) << text;
    EXPECT_EQ((bits & 4) != 0, kThird.AnyOccurs(text)) << text;
  }
}

TEST(Prose, OnlyReferences) {
  EXPECT_TRUE(IsOnlyReferences("#6", false));
  // A mark before the keyword; a template's unfilled "Fixes #".
  EXPECT_TRUE(IsOnlyReferences("\xe2\x9c\x85 Closes: #6", true));
  EXPECT_TRUE(IsOnlyReferences("Fixes #", true));
  EXPECT_TRUE(IsOnlyReferences("Resolves #1, resolves #10, fixes trapdoor/other#3", true));
  EXPECT_TRUE(IsOnlyReferences("Fixes GH-4 and https://github.com/a/b/issues/5.", true));
  EXPECT_FALSE(IsOnlyReferences("Fixes #1", false));
  EXPECT_FALSE(IsOnlyReferences("Fixes #1 by reading both paths", true));
  EXPECT_FALSE(IsOnlyReferences("fixes", true));
}

TEST(Prose, RolesDatesAndReferences) {
  EXPECT_TRUE(IsMaintainer("OWNER"));
  EXPECT_TRUE(IsMaintainer("COLLABORATOR"));
  EXPECT_FALSE(IsMaintainer("CONTRIBUTOR"));
  EXPECT_EQ(DatePart("2026-06-01T09:30:00Z"), "2026-06-01");
  IssueRef root = *ParseIssueRef("Acme/App#1");
  EXPECT_EQ(RelativeRefText(root, *ParseIssueRef("acme/app#7")), "#7");
  EXPECT_EQ(RelativeRefText(root, *ParseIssueRef("Other/Lib#7")), "Other/Lib#7");
}

TEST(VersionIn, TheFirstDottedVersionOfAText) {
  EXPECT_EQ(VersionIn("Fixed in 5.2.0, which went out today."), "5.2.0");
  EXPECT_EQ(VersionIn("Pinning app<1.6 is the safe option."), "1.6");
  EXPECT_EQ(VersionIn("it will go out in v1.6.1."), "1.6.1");
  EXPECT_EQ(VersionIn("(2.9.3 was a security release)"), "2.9.3");
  // A pre-release label stays with it; a range does not join.
  EXPECT_EQ(VersionIn("fixed now on 0.11.0-dev.681+f02073434"), "0.11.0-dev.681");
  EXPECT_EQ(VersionIn("try 2.0.0-rc1."), "2.0.0-rc1");
  EXPECT_EQ(VersionIn("from 1.2-1.4"), "1.2");
  // Not versions: plain numbers, dates in words, names with digits.
  EXPECT_EQ(VersionIn("Closing after 3 weeks, see #412."), "");
  EXPECT_EQ(VersionIn("The utf8 path and x86_64 builds"), "");
}

}  // namespace
}  // namespace issuegraph::analyze
