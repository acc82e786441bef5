// The Scheduler with a FakeClock: a test moves time and calls RunDue(), so when a job runs is
// decided by the clock alone. Two tests use the scheduler's own thread on real time: that Stop
// waits for a running job, and that jobs never overlap.
#include "services/common/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "services/common/clock.h"

namespace schakel {
namespace {

class SchedulerTest : public ::testing::Test {
 protected:
  // Every job records its runs here, by name.
  Scheduler::Job Recorder(std::string name) {
    return [this, name = std::move(name)] { runs_.push_back(name); };
  }

  FakeClock clock_;
  Scheduler scheduler_{clock_};
  std::vector<std::string> runs_;
};

TEST_F(SchedulerTest, AJobRunsWhenDueAndNotBefore) {
  ScheduledJob job = scheduler_.Schedule("tick", absl::Seconds(10), Recorder("tick"));
  EXPECT_EQ(scheduler_.RunDue(), 0) << "not due at once";
  clock_.Advance(absl::Seconds(9));
  EXPECT_EQ(scheduler_.RunDue(), 0);
  EXPECT_TRUE(runs_.empty());
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  EXPECT_EQ(runs_, std::vector<std::string>{"tick"});
  EXPECT_EQ(scheduler_.RunDue(), 0) << "once per time it falls due";
}

TEST_F(SchedulerTest, AJobRunsEveryIntervalFromTheEndOfItsLastRun) {
  ScheduledJob job = scheduler_.Schedule("tick", absl::Seconds(10), Recorder("tick"));
  const absl::Time start = clock_.Now();
  clock_.Advance(absl::Seconds(10));
  scheduler_.RunDue();
  EXPECT_EQ(scheduler_.NextDue(), start + absl::Seconds(20));
  // Late by 5 s (the host was busy): the next run is an interval after this one, not sooner.
  clock_.Advance(absl::Seconds(15));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  EXPECT_EQ(scheduler_.NextDue(), start + absl::Seconds(35));
  clock_.Advance(absl::Seconds(9));
  EXPECT_EQ(scheduler_.RunDue(), 0);
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  EXPECT_EQ(runs_.size(), 3u);
}

TEST_F(SchedulerTest, AJobLongOverdueRunsOnceNotOncePerMissedInterval) {
  ScheduledJob job = scheduler_.Schedule("tick", absl::Seconds(1), Recorder("tick"));
  clock_.Advance(absl::Hours(1));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  EXPECT_EQ(scheduler_.RunDue(), 0);
}

TEST_F(SchedulerTest, JobsRunInTheOrderTheyFallDue) {
  ScheduledJob slow = scheduler_.Schedule("slow", absl::Seconds(30), Recorder("slow"));
  ScheduledJob fast = scheduler_.Schedule("fast", absl::Seconds(10), Recorder("fast"));
  clock_.Advance(absl::Seconds(30));
  EXPECT_EQ(scheduler_.RunDue(), 2);
  EXPECT_EQ(runs_, (std::vector<std::string>{"fast", "slow"}));
}

TEST_F(SchedulerTest, AJobSetsItsOwnNextDelay) {
  // Like an outbox relay backing off: 1 s, 2 s, 4 s, then back to 1 s after a success.
  std::vector<absl::Duration> delays = {absl::Seconds(1), absl::Seconds(2), absl::Seconds(4),
                                        absl::Seconds(1)};
  std::vector<absl::Time> ran_at;
  ScheduledJob job =
      scheduler_.ScheduleAdaptive("relay", absl::ZeroDuration(), [&]() -> absl::Duration {
        ran_at.push_back(clock_.Now());
        const absl::Duration next = delays[(ran_at.size() - 1) % delays.size()];
        return next;
      });
  const absl::Time start = clock_.Now();
  EXPECT_EQ(scheduler_.RunDue(), 1) << "a first delay of zero: due at once";
  for (int second = 1; second <= 8; ++second) {
    clock_.Advance(absl::Seconds(1));
    scheduler_.RunDue();
  }
  EXPECT_EQ(ran_at,
            (std::vector<absl::Time>{start, start + absl::Seconds(1), start + absl::Seconds(3),
                                     start + absl::Seconds(7), start + absl::Seconds(8)}));
}

TEST_F(SchedulerTest, ACancelledJobNeverRunsAgain) {
  ScheduledJob kept = scheduler_.Schedule("kept", absl::Seconds(1), Recorder("kept"));
  ScheduledJob gone = scheduler_.Schedule("gone", absl::Seconds(1), Recorder("gone"));
  gone.Cancel();
  EXPECT_FALSE(gone.active());
  {
    ScheduledJob scoped = scheduler_.Schedule("scoped", absl::Seconds(1), Recorder("scoped"));
  }  // destroying the handle cancels the job
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  EXPECT_EQ(runs_, std::vector<std::string>{"kept"});
}

TEST_F(SchedulerTest, AJobMayCancelItselfAndScheduleOthers) {
  ScheduledJob self;
  ScheduledJob spawned;
  self = scheduler_.Schedule("once", absl::Seconds(1), [&] {
    runs_.push_back("once");
    self.Cancel();
    spawned = scheduler_.Schedule("spawned", absl::Seconds(1), Recorder("spawned"));
  });
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  EXPECT_EQ(runs_, (std::vector<std::string>{"once", "spawned"}));
}

TEST_F(SchedulerTest, AJobThatThrowsRunsAgainAfterItsInterval) {
  int runs = 0;
  ScheduledJob job = scheduler_.Schedule("throws", absl::Seconds(5), [&] {
    ++runs;
    throw std::runtime_error("boom");
  });
  clock_.Advance(absl::Seconds(5));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  clock_.Advance(absl::Seconds(5));
  EXPECT_EQ(scheduler_.RunDue(), 1);
  EXPECT_EQ(runs, 2);
}

TEST_F(SchedulerTest, NothingRunsAfterStop) {
  ScheduledJob job = scheduler_.Schedule("tick", absl::Seconds(1), Recorder("tick"));
  scheduler_.Stop();
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(scheduler_.RunDue(), 0);
  EXPECT_TRUE(runs_.empty());
}

TEST_F(SchedulerTest, StopWaitsForAJobRunningElsewhere) {
  absl::Notification started;
  absl::Notification release;
  std::atomic<bool> finished{false};
  ScheduledJob job = scheduler_.Schedule("long", absl::Seconds(1), [&] {
    started.Notify();
    release.WaitForNotification();
    finished = true;
  });
  clock_.Advance(absl::Seconds(1));
  std::thread runner([&] { scheduler_.RunDue(); });
  started.WaitForNotification();
  std::atomic<bool> stopped{false};
  std::thread stopper([&] {
    scheduler_.Stop();
    stopped = true;
  });
  absl::SleepFor(absl::Milliseconds(100));
  EXPECT_FALSE(stopped) << "Stop returned while the job was still running";
  release.Notify();
  stopper.join();
  EXPECT_TRUE(finished);
  runner.join();
}

TEST_F(SchedulerTest, CancelWaitsForTheRunOfThatJob) {
  absl::Notification started;
  absl::Notification release;
  std::atomic<bool> finished{false};
  ScheduledJob job = scheduler_.Schedule("long", absl::Seconds(1), [&] {
    started.Notify();
    release.WaitForNotification();
    finished = true;
  });
  clock_.Advance(absl::Seconds(1));
  std::thread runner([&] { scheduler_.RunDue(); });
  started.WaitForNotification();
  std::thread releaser([&] {
    absl::SleepFor(absl::Milliseconds(100));
    release.Notify();
  });
  job.Cancel();
  EXPECT_TRUE(finished) << "Cancel returned while the job was still running";
  releaser.join();
  runner.join();
}

// On the scheduler's own thread with a monotonic clock, as in production.
TEST(SchedulerThreadTest, RunsJobsAsTheyFallDueAndStopWaitsForARunningOne) {
  Scheduler scheduler;
  std::atomic<int> quick_runs{0};
  absl::Notification long_started;
  std::atomic<bool> long_finished{false};
  ScheduledJob quick =
      scheduler.Schedule("quick", absl::Milliseconds(5), [&] { quick_runs.fetch_add(1); });
  ScheduledJob slow = scheduler.ScheduleAdaptive("slow", absl::Milliseconds(50), [&] {
    if (!long_started.HasBeenNotified()) long_started.Notify();
    absl::SleepFor(absl::Milliseconds(200));
    long_finished = true;
    return absl::Hours(1);
  });
  scheduler.Start();
  ASSERT_TRUE(long_started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_GE(quick_runs.load(), 1) << "the quick job ran before the slow one fell due";
  scheduler.Stop();
  EXPECT_TRUE(long_finished) << "Stop returned while a job was running";
  const int after_stop = quick_runs.load();
  absl::SleepFor(absl::Milliseconds(30));
  EXPECT_EQ(quick_runs.load(), after_stop) << "a job ran after Stop";
}

TEST(SchedulerThreadTest, RunsOneJobAtATime) {
  Scheduler scheduler;
  std::atomic<int> inside{0};
  std::atomic<int> most_inside{0};
  std::atomic<int> runs{0};
  auto job = [&] {
    const int now_inside = inside.fetch_add(1) + 1;
    int most = most_inside.load();
    while (now_inside > most && !most_inside.compare_exchange_weak(most, now_inside)) {
    }
    absl::SleepFor(absl::Milliseconds(1));
    inside.fetch_sub(1);
    runs.fetch_add(1);
  };
  std::vector<ScheduledJob> jobs;
  for (int i = 0; i < 4; ++i) {
    jobs.push_back(scheduler.Schedule("job" + std::to_string(i), absl::Milliseconds(1), job));
  }
  scheduler.Start();
  // RunDue from another thread at the same time must not overlap the scheduler's thread either.
  const absl::Time end = absl::Now() + absl::Milliseconds(300);
  while (absl::Now() < end) scheduler.RunDue();
  scheduler.Stop();
  EXPECT_GT(runs.load(), 20);
  EXPECT_EQ(most_inside.load(), 1);
}

}  // namespace
}  // namespace schakel
