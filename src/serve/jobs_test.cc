#include "serve/jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace issuegraph::serve {
namespace {

JobRequest Request(const std::string& ref, int depth = 1) {
  return {*ParseIssueRef(ref), false, depth, false};
}

// Work that blocks until released, counting how often it ran.
struct GatedWork {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> runs{0};
  JobWork Fn() {
    return [this](Job& job) -> Result<std::string> {
      ++runs;
      job.Emit("level", {{"depth", 0}, {"nodes", 1}});
      gate.wait();
      if (job.request().ref.number == 404) return MakeError(ErrorKind::kNotFound, "no such issue");
      return "/" + job.request().ref.owner + "/" + job.request().ref.repo + "/issues/" +
             std::to_string(job.request().ref.number);
    };
  }
};

TEST(JobQueueTest, ASecondRequestJoinsTheRunningJob) {
  GatedWork work;
  JobQueue queue(work.Fn(), 2, 4);
  auto first = queue.Submit(Request("a/b#1"));
  auto second = queue.Submit(Request("A/B#1"));
  auto other_depth = queue.Submit(Request("a/b#1", 2));
  ASSERT_TRUE(first && second && other_depth);
  EXPECT_FALSE(first->joined);
  EXPECT_TRUE(second->joined);
  EXPECT_EQ(first->job, second->job);
  EXPECT_NE(first->job, other_depth->job);
  work.release.set_value();
  auto events = first->job->EventsAfter(0, std::chrono::seconds(5));
  while (!first->job->finished()) events = first->job->EventsAfter(0, std::chrono::seconds(5));
  queue.Stop();
  EXPECT_EQ(work.runs, 2);
  events = first->job->EventsAfter(0, std::chrono::milliseconds(0));
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().type, "done");
  EXPECT_EQ(events.back().data["permalink"], "/a/b/issues/1");
  EXPECT_EQ(events.front().seq, 1);
  EXPECT_EQ(queue.Find(first->job->id()), first->job);
}

TEST(JobQueueTest, AFullQueueRefusesWithARetryTime) {
  GatedWork work;
  JobQueue queue(work.Fn(), 1, 1);
  ASSERT_TRUE(queue.Submit(Request("a/b#1")));
  // The worker takes #1; #2 waits in the queue; #3 finds it full.
  while (work.runs == 0) std::this_thread::yield();
  ASSERT_TRUE(queue.Submit(Request("a/b#2")));
  auto refused = queue.Submit(Request("a/b#3"));
  ASSERT_FALSE(refused);
  EXPECT_GT(refused.error().retry_after_seconds, 0);
  EXPECT_NE(refused.error().message.find("busy"), std::string::npos);
  work.release.set_value();
  queue.Stop();
}

TEST(JobQueueTest, AFailureIsToldAndRememberedBriefly) {
  GatedWork work;
  work.release.set_value();
  JobQueue queue(work.Fn(), 1, 4);
  auto job = queue.Submit(Request("a/b#404"));
  ASSERT_TRUE(job);
  while (!job->job->finished()) job->job->EventsAfter(0, std::chrono::seconds(1));
  ASSERT_TRUE(job->job->error());
  EXPECT_EQ(job->job->error()->kind, ErrorKind::kNotFound);
  EXPECT_EQ(queue.RecentFailure(Request("a/b#404")), job->job);
  EXPECT_EQ(job->job->Describe()["error"]["code"], "not_found");
  queue.Stop();
}

TEST(JobQueueTest, StopFailsQueuedJobsAndRefusesNewOnes) {
  GatedWork work;
  JobQueue queue(work.Fn(), 1, 4);
  ASSERT_TRUE(queue.Submit(Request("a/b#1")));
  while (work.runs == 0) std::this_thread::yield();
  auto waiting = queue.Submit(Request("a/b#2"));
  ASSERT_TRUE(waiting);
  std::thread stopper([&] { queue.Stop(); });
  while (!waiting->job->finished()) waiting->job->EventsAfter(0, std::chrono::milliseconds(50));
  EXPECT_TRUE(waiting->job->error());
  work.release.set_value();  // the running job finishes
  stopper.join();
  auto refused = queue.Submit(Request("a/b#3"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().retry_after_seconds, 0);
}

}  // namespace
}  // namespace issuegraph::serve
