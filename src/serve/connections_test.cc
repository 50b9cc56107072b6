#include "serve/connections.h"

#include <gtest/gtest.h>

#include <future>
#include <vector>

namespace issuegraph::serve {
namespace {

TEST(ConnectionPoolTest, GrowsPastItsBaseWhenEveryThreadIsHeld) {
  ConnectionPool pool(2, 6, std::chrono::milliseconds(50));
  EXPECT_EQ(pool.threads(), 2u);
  std::promise<void> release;
  std::shared_future<void> held = release.get_future().share();
  std::vector<std::promise<void>> started(5);
  // Five jobs that hold their thread (as open event streams do): all run
  // at once, though the base is two.
  for (auto& promise : started) {
    pool.enqueue([&promise, held] {
      promise.set_value();
      held.wait();
    });
  }
  for (auto& promise : started) {
    EXPECT_EQ(promise.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
  }
  EXPECT_EQ(pool.threads(), 5u);
  EXPECT_EQ(pool.busy(), 5u);
  // One more still runs: the ceiling is six.
  std::promise<void> sixth;
  pool.enqueue([&sixth] { sixth.set_value(); });
  EXPECT_EQ(sixth.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
  release.set_value();
  // The extra threads end after their quiet spell; the base stays.
  for (int i = 0; i < 200 && pool.threads() > 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(pool.threads(), 2u);
  pool.shutdown();
  EXPECT_EQ(pool.threads(), 0u);
}

TEST(ConnectionPoolTest, PastTheCeilingJobsWaitTheirTurn) {
  ConnectionPool pool(1, 1);
  std::promise<void> release;
  std::shared_future<void> held = release.get_future().share();
  pool.enqueue([held] { held.wait(); });
  std::promise<void> second;
  pool.enqueue([&second] { second.set_value(); });
  auto done = second.get_future();
  EXPECT_EQ(done.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  EXPECT_EQ(pool.threads(), 1u);
  release.set_value();
  EXPECT_EQ(done.wait_for(std::chrono::seconds(10)), std::future_status::ready);
}

TEST(StreamSlotsTest, BoundsStreamsInAllAndPerClient) {
  StreamSlots slots(3, 2);
  auto a1 = slots.Take("a");
  auto a2 = slots.Take("a");
  EXPECT_TRUE(a1 && a2);
  EXPECT_FALSE(slots.Take("a"));  // two per client
  auto b1 = slots.Take("b");
  EXPECT_TRUE(b1);
  EXPECT_FALSE(slots.Take("c"));  // three in all
  EXPECT_EQ(slots.open(), 3u);
  a1.reset();  // a stream ends: its slot is back
  EXPECT_EQ(slots.open(), 2u);
  EXPECT_TRUE(slots.Take("c"));
  EXPECT_EQ(slots.open(), 2u);  // the slot above was dropped at once
}

}  // namespace
}  // namespace issuegraph::serve
