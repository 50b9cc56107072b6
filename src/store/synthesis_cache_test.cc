#include "store/synthesis_cache.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::FakeClock;
using testing::TempDir;

TEST(SynthesisCacheTest, AnAnswerIsFoundOnlyUnderEveryPartOfItsKey) {
  TempDir dir;
  const std::string path = testing::TestStore(dir.File("store.db"));
  const SynthesisKey key{"http://127.0.0.1:8080/v1/chat/completions", "m", 1, "abc"};
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(SynthesisCache((*store)->database()).Put(key, "{\"summary\": \"s\"}", 100));
  }
  auto store = Store::Open(path);
  ASSERT_TRUE(store);
  SynthesisCache cache((*store)->database());
  auto found = cache.Get(key);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ(**found, "{\"summary\": \"s\"}");
  for (SynthesisKey other : {SynthesisKey{key.endpoint, "other", 1, "abc"}, SynthesisKey{key.endpoint, "m", 2, "abc"},
                             SynthesisKey{key.endpoint, "m", 1, "abd"}, SynthesisKey{"http://x/v1", "m", 1, "abc"}}) {
    auto missing = cache.Get(other);
    ASSERT_TRUE(missing);
    EXPECT_FALSE(*missing) << other.model << other.prompt_version << other.content_hash << other.endpoint;
  }
}

TEST(SynthesisCacheTest, PruneDropsOldAnswers) {
  TempDir dir;
  FakeClock clock;
  auto store = Store::Open(testing::TestStore(dir.File("store.db")), &clock);
  ASSERT_TRUE(store);
  SynthesisCache cache((*store)->database());
  const SynthesisKey old_key{"e", "m", 1, "old"};
  const SynthesisKey new_key{"e", "m", 1, "new"};
  ASSERT_TRUE(cache.Put(old_key, "a", (*store)->Now() - 1000));
  ASSERT_TRUE(cache.Put(new_key, "b", (*store)->Now()));
  auto pruned = (*store)->Prune(std::chrono::seconds(500));
  ASSERT_TRUE(pruned);
  EXPECT_EQ(pruned->syntheses, 1);
  EXPECT_FALSE(*cache.Get(old_key));
  EXPECT_TRUE(*cache.Get(new_key));
}

}  // namespace
}  // namespace issuegraph::store
