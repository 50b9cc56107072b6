#include "analyze/workaround.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/cue_lists.h"
#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;
using testing::Texts;

TEST(Workarounds, FromACommentConfirmedLater) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes on start.");
  b.Say("acme/app#12", "ann", "NONE", "Is there a workaround?");
  b.Say("acme/app#12", "ben", "NONE",
        "In the meantime you can disable the cache:\n\n```sh\napp --no-cache\n```");
  b.Say("acme/app#12", "cat", "NONE", "That worked for me, thanks!");
  b.Say("acme/app#12", "dan", "NONE", "Can confirm, works now.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"In the meantime you can disable the cache:",
                                                    "app --no-cache"}));
  EXPECT_EQ(items[0].source.Text(), "acme/app#12 (comment 1001)");
  EXPECT_EQ(items[0].source.url, "https://github.com/acme/app/issues/12#issuecomment-1001");
  EXPECT_EQ(items[0].author, "ben");
  EXPECT_EQ(items[0].confirmations, 2);
  EXPECT_TRUE(items[1].is_code);
  EXPECT_EQ(items[1].language, "sh");
}

TEST(Workarounds, ConfirmationsAndReferencesAreNotWorkarounds) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crashes.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Until the fix ships, turn the cache off:\n\n```sh\napp config set cache false\n```");
  b.Say("acme/app#12", "ann", "NONE", "Confirming the workaround: cache off, stable since.");
  b.Say("acme/app#12", "bo", "NONE", "I added a note about the workaround to the docs.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "This shipped in 2.1. You can drop the setting you added as a workaround.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].source.Text(), "acme/app#12 (comment 1000)");
  EXPECT_EQ(items[0].confirmations, 1);
}

TEST(Workarounds, PinningAndTheTimeBeforeThePatchRelease) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Data loss", "Rows vanish after two appends.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "The offset is computed too early.\n\nPinning app<1.6 is the safe option.");
  b.Say("acme/app#12", "mo", "MEMBER",
        "If you need it back before the patch release, applying the migration by hand works:"
        "\n\n```sh\napp db migrate --only 42\n```");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{
                "Pinning app<1.6 is the safe option.",
                "If you need it back before the patch release, applying the migration by hand "
                "works:",
                "app db migrate --only 42"}));
}

TEST(Workarounds, ABodyThatGivesStepsUntilTheFixOrFindsWhatWorks) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Renames delete files",
          "A rename looks like a delete.\n\nUntil folder IDs land, rename like this:\n\n"
          "1. Pause the pair\n2. Rename the folder\n\nFiles stay in the trash for 30 days.");
  b.Issue("acme/app#13", "Appends overwrite",
          "Two appends corrupt the store.\n\nWith a close() between the two appends it works.\n\n"
          "With the default settings it does not work.");
  auto steps = ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {});
  EXPECT_EQ(Texts(steps), (std::vector<std::string>{"Until folder IDs land, rename like this:",
                                                    "Pause the pair", "Rename the folder"}));
  auto condition = ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#13")), {});
  EXPECT_EQ(Texts(condition),
            (std::vector<std::string>{"With a close() between the two appends it works."}));
}

TEST(Workarounds, AWorkaroundBulletInATerseBody) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Does not launch",
          "- 4.1 beta, arm64\n- workaround: tick \"Open using Rosetta\" in Get Info\n"
          "- 4.0 was fine\n");
  auto items = ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{"workaround: tick \"Open using Rosetta\" in Get Info"}));
}

TEST(Workarounds, UntilAVersionARecommendedRouteAndWhatNeverCrashes) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Panic in tables",
          "It panics.\n\nWith `--format json` it never crashes, so it is the table code.");
  b.Say("acme/app#12", "lee", "MEMBER", "Switch to the x86 build until 4.2: it loads the library.");
  b.Say("acme/app#12", "kim", "MEMBER", "A pre-build step stays the recommended route for AVIF.");
  auto items = ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "Switch to the x86 build until 4.2: it loads the library.",
                              "A pre-build step stays the recommended route for AVIF.",
                              "With --format json it never crashes, so it is the table code."}));
}

TEST(Workarounds, BeforeAPastEventIsHistoryNotAWorkaround) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Slow builds", "Builds are slow.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "This is out in 2.9.4. (2.9.3 was a security release cut before the fix landed.)");
  EXPECT_TRUE(ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {}).empty());
}

TEST(Workarounds, PinTheGemARecommendationInsteadAndWhatAlsoWorksInTheReport) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Fails on 2.5.0",
          "Since 2.5.0 every check fails. On 2.5.0 passing `--plugin fm` explicitly also works.");
  b.Say("acme/app#12", "bo", "NONE", "For anyone stuck: pin the gem back until this is sorted.");
  b.Say("acme/app#12", "lee", "OWNER", "What we recommend instead is a limit in the proxy.");
  auto items = ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "What we recommend instead is a limit in the proxy.",
                              "Since 2.5.0 every check fails. On 2.5.0 passing --plugin fm "
                              "explicitly also works.",
                              "For anyone stuck: pin the gem back until this is sorted."}));
}

TEST(Workarounds, MaintainersFirstThenSections) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "Crashes.\n\n### Workaround\nRestart the daemon after login.\n\n### Notes\nnone");
  b.Say("acme/app#12", "ann", "NONE", "A workaround that helped me: delete ~/.cache/app.");
  b.Say("acme/app#12", "lee", "OWNER", "For now you can set `APP_SAFE=1`.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{"For now you can set APP_SAFE=1.",
                                      "Restart the daemon after login.", "delete ~/.cache/app."}));
  EXPECT_EQ(items[0].author_association, "OWNER");
  // A "Label: text" line keeps its label.
  EXPECT_EQ(items[2].label, "A workaround that helped me");
}

TEST(Workarounds, FromTheCanonicalThreadToo) {
  GraphBuilder b("acme/app#41");
  b.Issue("acme/app#41", "Same crash", "Crashes.", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#40", "Crash", "Crashes.");
  b.Say("acme/app#40", "ben", "NONE", "Workaround: downgrade to 1.3.");
  Thread root = ReadThread(*b.graph().FindMutable("acme/app#41"));
  Thread canonical = ReadThread(*b.graph().FindMutable("acme/app#40"));
  auto items = ExtractWorkarounds(root, {&canonical});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].source.node, "acme/app#40");
}

std::vector<std::string> WorkaroundTexts(GraphBuilder& b, const std::string& key) {
  Thread thread = ReadThread(*b.graph().FindMutable(key));
  return Texts(ExtractWorkarounds(thread, {}));
}

TEST(Workarounds, LooserCuesFromUsersAndMaintainers) {
  // "as a stopgap", "works around it", "until that is fixed" and "if you need
  // to … yourself" offered workarounds that the literal cue list missed.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Build fails", "It does not build.");
  b.Say("acme/app#12", "ann", "NONE",
        "As a stopgap, passing the define gets it building:\n\n```sh\nmake CFLAGS=-DX\n```");
  b.Say("acme/app#12", "bo", "NONE", "Deleting the empty `props {}` line works around it.");
  b.Say("acme/app#12", "lee", "MEMBER", "Until that is fixed, `--filter b` gives the same result.");
  b.Say("acme/app#12", "kim", "OWNER",
        "If you need to build it yourself, cross-compile instead:\n\n```sh\ncargo build\n```");
  EXPECT_EQ(WorkaroundTexts(b, "acme/app#12"),
            (std::vector<std::string>{
                "Until that is fixed, --filter b gives the same result.",
                "If you need to build it yourself, cross-compile instead:", "cargo build",
                "As a stopgap, passing the define gets it building:", "make CFLAGS=-DX",
                "Deleting the empty props {} line works around it."}));
}

TEST(Workarounds, MeanwhileCueNeedsSomethingToActOnOrASuccess) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Export aborts", "Export aborts.");
  b.Say("acme/app#12", "ann", "NONE", "In the meantime we are waiting for news.");
  b.Say("acme/app#12", "bo", "NONE",
        "In the meantime we gave those customers a placeholder address and the export runs "
        "again.");
  EXPECT_EQ(WorkaroundTexts(b, "acme/app#12"),
            (std::vector<std::string>{"In the meantime we gave those customers a placeholder "
                                      "address and the export runs again."}));
}

TEST(Workarounds, ConfirmedAnswerWithCodeToAQuestion) {
  // A maintainer's answer to "how do I…?" carries no workaround cue; the
  // asker's "that did it" makes it one.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "How do I keep logs longer?", "Is there a way to set it per bucket?");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Thanks for asking.\n\nYes: set it with `bucket update`:\n\n```sh\napp bucket update "
        "logs --keep 400d\n```");
  b.Say("acme/app#12", "author12", "NONE", "Perfect, that did it. Thanks!");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"Yes: set it with bucket update:",
                                                    "app bucket update logs --keep 400d"}));
  EXPECT_EQ(items[0].confirmations, 1);
}

TEST(Workarounds, UnconfirmedAnswerIsNotAWorkaround) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Question", "How do I set it?");
  b.Say("acme/app#12", "lee", "MEMBER", "Try `app set x`.");
  b.Say("acme/app#12", "author12", "NONE", "I will look at it next week.");
  EXPECT_TRUE(WorkaroundTexts(b, "acme/app#12").empty());
}

TEST(Workarounds, AskingForOneIsNotOne) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Build fails", "It fails.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "A workaround inside the app is still welcome, I would accept a PR for one.");
  EXPECT_TRUE(WorkaroundTexts(b, "acme/app#12").empty());
}

TEST(Workarounds, AnotherWayOverCodeIsOne) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Insecure directories", "zsh warns about insecure directories.");
  b.Say("acme/app#12", "ana", "NONE",
        "This looks simpler to me:\n\n```sh\ncompaudit | xargs chmod g-w\n```");
  EXPECT_EQ(WorkaroundTexts(b, "acme/app#12"),
            (std::vector<std::string>{"This looks simpler to me:", "compaudit | xargs chmod g-w"}));
  // Without code after it, or without the colon, it only compares.
  GraphBuilder prose("acme/app#12");
  prose.Issue("acme/app#12", "Insecure directories", "zsh warns about insecure directories.");
  prose.Say("acme/app#12", "ana", "NONE", "The old way was simpler:\n\nit did not warn.");
  prose.Say("acme/app#12", "bo", "NONE", "This looks simpler to me.\n\n```sh\nls -l\n```");
  EXPECT_TRUE(WorkaroundTexts(prose, "acme/app#12").empty());
}

TEST(Workarounds, AnEmailReplysClosingHeaderAndSignatureAreNotPartOfIt) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Install fails", "The install fails.");
  b.Say("acme/app#12", "lili", "OWNER",
        "Sorry it fails for you. As another route you could load it with the code below.\n\n"
        "```r\nsource_url(\"https://x/app.R\")\n```\n\nBest,\nLili\n\n"
        "On Sat, Apr 4, 2020 at 10:56 AM someone <notifications@github.com> wrote:\n\n"
        "-- \nPh.D. Candidate\n");
  EXPECT_EQ(WorkaroundTexts(b, "acme/app#12"),
            (std::vector<std::string>{
                "Sorry it fails for you. As another route you could load it with the code below.",
                "source_url(\"https://x/app.R\")"}));
}

TEST(Workarounds, TheWritersSetupAfterTheOfferAndAFailureThatStaysAreNotPartOfIt) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Stale import error", "The error stays.");
  b.Say("acme/app#12", "mash", "NONE",
        "Not a big deal for now, since restarting the language server clears it.\n\n"
        "If it helps: Zed 0.124.8, macOS 14.2.1");
  EXPECT_EQ(WorkaroundTexts(b, "acme/app#12"),
            (std::vector<std::string>{
                "Not a big deal for now, since restarting the language server clears it."}));
  GraphBuilder still("acme/app#12");
  still.Issue("acme/app#12", "Segfault", "It segfaults.");
  still.Say("acme/app#12", "kc", "NONE",
            "With such a number you can fetch the build from `https://x/builds/app-1.2.tar.xz`.\n\n"
            "The oldest build I keep here crashes on that one too.");
  EXPECT_TRUE(WorkaroundTexts(still, "acme/app#12").empty());
}

TEST(Workarounds, PointingAtAnotherIssueIsNotOne) {
  // "the details and a workaround are there" and "Duplicate of #40" were
  // listed as workarounds.
  GraphBuilder b("acme/app#41");
  b.Issue("acme/app#41", "Crash", "Crashes.");
  b.Say("acme/app#41", "lee", "MEMBER",
        "Thanks, this is the same problem as #40; the details and a workaround are there.\n\n"
        "Duplicate of #40");
  EXPECT_TRUE(WorkaroundTexts(b, "acme/app#41").empty());
}

TEST(Workarounds, TheCauseBeforeTheOfferIsLeftOut) {
  // The whole comment was taken, its explanation of the cause included.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Sync stops", "Sync stops.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Thank you for the log. The client reads a whole chunk into memory and the chunk grows "
        "with the file.\n\nUntil we change this, you can set a fixed chunk size:\n\n"
        "```ini\nchunk_mb = 32\n```\n\nA proper fix needs the streaming rework.");
  EXPECT_EQ(WorkaroundTexts(b, "acme/app#12"),
            (std::vector<std::string>{"Until we change this, you can set a fixed chunk size:",
                                      "chunk_mb = 32"}));
}

TEST(Workarounds, TheProjectsPlanBeforeTheOfferIsLeftOut) {
  GraphBuilder b("acme/site#40");
  b.Issue("acme/site#40", "Resize images at build time", "Please resize images while building.");
  b.Say("acme/site#40", "lee", "MEMBER",
        "Decision:\n\nWe'll do resizing in the core, configured by a new `images:` block:\n\n"
        "```yaml\nimages:\n  widths: [480, 960]\n```\n\n"
        "AVIF is out of scope. A pre-build step like yours stays the recommended route for AVIF.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/site#40"));
  // The plan and its sketch are what will be built, not what to do now.
  EXPECT_EQ(Texts(ExtractWorkarounds(thread, {})),
            (std::vector<std::string>{"AVIF is out of scope. A pre-build step like yours stays the "
                                      "recommended route for AVIF."}));
}

TEST(Workarounds, KeepingTheKnownWorkaroundIsNotANewOne) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Corrupt segments", "Segments get corrupted.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Quick status: the fix is approved. Please keep the workaround in place until then.");
  b.Say("acme/app#12", "kim", "MEMBER",
        "Until the fix ships, repeat the workaround from cron or use an API key:\n\n"
        "```sh\napp configure --api-key \"$KEY\"\n```");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].author, "kim");
}

TEST(Workarounds, TerseConfirmationCounts) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Won't start", "won't start");
  b.Say("acme/app#12", "lee", "MEMBER", "for now: `sudo install -d /run/app` then restart");
  b.Say("acme/app#12", "author12", "NONE", "ty, works");
  b.Say("acme/app#12", "ann", "NONE", "still not working here");
  b.Say("acme/app#12", "bo", "NONE", "It works on 1.2 but not 1.3");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].confirmations, 1);
}

TEST(Workarounds, WhatMakesItWorkAgainAndASuggestionToTryIt) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Popup blank",
          "The popup is blank.\n\nAdding the extension to the blocker's exceptions list makes "
          "the popup work again without turning the blocker off.");
  b.Say("acme/app#12", "sam", "NONE",
        "Had this. Disabling the blocker made it work again for me, maybe try that.");
  b.Say("acme/app#12", "ann", "NONE", "Using the nightly build it works again? Not here.");
  auto items = ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{
                "Adding the extension to the blocker's exceptions list makes the popup work again "
                "without turning the blocker off.",
                "Had this. Disabling the blocker made it work again for me, maybe try that."}));
}

// The cue of each item of an offer names the role of the phrase list that
// decided and the phrase: an offer outright, a meanwhile phrase someone can
// act on, a success that lets a meanwhile one count, the event or version
// it lasts until. A confirmed answer was decided by its confirmation.
std::vector<std::string> Cues(const std::vector<ReportItem>& items) {
  std::vector<std::string> cues;
  for (const ReportItem& item : items) cues.push_back(item.cue);
  return cues;
}

std::vector<std::string> CommentCues(const std::string& author, const std::string& association,
                                     const std::string& comment) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes on start.");
  b.Say("acme/app#12", author, association, comment);
  return Cues(ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {}));
}

TEST(Workarounds, AnOffersCueNamesTheRoleAndPhraseThatDecided) {
  EXPECT_EQ(CommentCues("ben", "NONE", "As a workaround, start it without the cache."),
            (std::vector<std::string>{"rule:offered-in-comment (offer: as a workaround)"}));
  EXPECT_EQ(CommentCues("lee", "MEMBER", "For now you can turn the cache off."),
            (std::vector<std::string>{"rule:offered-in-comment (meanwhile: for now)"}));
  // Nobody could act on "in the meantime" alone: "runs again" decided.
  EXPECT_EQ(CommentCues("bo", "NONE",
                        "In the meantime we gave those customers a placeholder address and the "
                        "export runs again."),
            (std::vector<std::string>{"rule:offered-in-comment (success: runs again)"}));
  EXPECT_EQ(
      CommentCues("lee", "MEMBER", "Switch to the x86 build until 4.2: it loads the library."),
      (std::vector<std::string>{"rule:offered-in-comment (until-version: 4.2)"}));
  // Every item of the offer, the code too, carries it.
  EXPECT_EQ(CommentCues("ben", "NONE",
                        "Until the patch ships, turn the cache off:\n\n```sh\napp --no-cache\n```"),
            (std::vector<std::string>(2, "rule:offered-in-comment (until-event: ships)")));

  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Renames delete files",
          "A rename looks like a delete.\n\nUntil folder IDs land, rename like this:\n\n"
          "1. Pause the pair\n2. Rename the folder");
  EXPECT_EQ(Cues(ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {})),
            (std::vector<std::string>(3, "rule:workaround-in-body (until-event: land)")));
}

TEST(Workarounds, AConfirmedAnswersCueNamesNoPhrase) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "How do I keep logs longer?", "Is there a way to set it per bucket?");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Yes: set it with `bucket update`:\n\n```sh\napp bucket update logs --keep 400d\n```");
  b.Say("acme/app#12", "author12", "NONE", "Perfect, that did it. Thanks!");
  EXPECT_EQ(Cues(ExtractWorkarounds(ReadThread(*b.graph().FindMutable("acme/app#12")), {})),
            (std::vector<std::string>(2, "rule:confirmed-answer")));
}

// A sentence in which no phrase of AnyOfferCue occurs is passed over
// before the offer tests run (and a post, by its PostList bit): each test
// must need one of its phrases.
TEST(Workarounds, EveryOfferTestNeedsAPhraseOfTheOfferCue) {
  for (CueRole role : {CueRole::kOffer, CueRole::kMeanwhile, CueRole::kSpared, CueRole::kWorksUnder,
                       CueRole::kAlternative}) {
    for (std::string_view phrase : PhraseList(role)) {
      EXPECT_TRUE(AnyOfferCue().AnyOccurs(phrase)) << phrase;
    }
  }
  // SaysUntilFixed starts from either word.
  EXPECT_TRUE(AnyOfferCue().AnyOccurs("until"));
  EXPECT_TRUE(AnyOfferCue().AnyOccurs("before"));
}

TEST(Workarounds, AnOfferEndsWhereItTurnsToWaiting) {
  std::vector<ReportItem> items(2);
  items[0].text =
      "Until then, pin it to 1.10.2. That is drastic; one could also wait and see "
      "whether 1.10.4 comes out soon.";
  items[1].text = "Or wait for 1.10.4.";  // the first sentence stays
  EndBeforeWaiting(&items);
  EXPECT_EQ(items[0].text, "Until then, pin it to 1.10.2.");
  EXPECT_EQ(items[1].text, "Or wait for 1.10.4.");
}

}  // namespace
}  // namespace issuegraph::analyze
