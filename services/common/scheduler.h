// Scheduler: the one thread that runs every periodic job of a host — the outbox relays, the audit
// log's checkpoint timer, the handover deadline timer — instead of a thread per timer.
//
// A job is due when the injected Clock says its time has come. Production calls Start(), and a
// Boost.Asio steady timer on the scheduler's own thread wakes it when the next job falls due. A
// test gives it a FakeClock, never calls Start(), moves the clock and calls RunDue(), which runs
// what is due on the test's thread: deterministic, no sleeping.
//
// Jobs run one at a time (on the thread and in RunDue alike), so a job never races itself or
// another job. A long job delays the others; jobs should be short or bounded by a deadline.
#ifndef SCHAKEL_SERVICES_COMMON_SCHEDULER_H_
#define SCHAKEL_SERVICES_COMMON_SCHEDULER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/common/clock.h"

namespace schakel {

class Scheduler;

// A scheduled job. Destroying the handle cancels the job, so an object that schedules work on
// `this` holds its handle as a member. Move-only; the Scheduler must outlive it.
class ScheduledJob {
 public:
  ScheduledJob() = default;
  ScheduledJob(ScheduledJob&& other) noexcept;
  ScheduledJob& operator=(ScheduledJob&& other) noexcept;
  ScheduledJob(const ScheduledJob&) = delete;
  ScheduledJob& operator=(const ScheduledJob&) = delete;
  ~ScheduledJob() { Cancel(); }

  // Removes the job. If it is running on another thread, waits until that run has finished, so
  // afterwards the job's code is not running and never runs again. Called from within the job
  // itself it does not wait (the run ends when the job returns). Idempotent.
  void Cancel();
  bool active() const { return scheduler_ != nullptr; }

 private:
  friend class Scheduler;
  ScheduledJob(Scheduler* scheduler, int64_t id) : scheduler_(scheduler), id_(id) {}

  Scheduler* scheduler_ = nullptr;
  int64_t id_ = 0;
};

class Scheduler {
 public:
  // A job that runs every `interval`.
  using Job = std::function<void()>;
  // A job that says when it wants to run next: it returns the delay from the end of this run
  // (an outbox relay backing off after a failed delivery, say).
  using AdaptiveJob = std::function<absl::Duration()>;

  // Due times come from a monotonic clock, immune to changes of the wall clock.
  Scheduler();
  // Due times come from `clock` (a FakeClock in tests); it must outlive the scheduler.
  explicit Scheduler(const Clock& clock);
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;
  // Stops (see Stop). Every ScheduledJob must be cancelled or destroyed before the scheduler is.
  ~Scheduler();

  // Runs `job` every `interval`, first `interval` from now. The next run is `interval` after the
  // end of the previous one, so a slow run never makes runs pile up. `name` appears in the log
  // when a job throws. Thread-safe; may be called from within a job.
  ScheduledJob Schedule(std::string name, absl::Duration interval, Job job);
  // Runs `job` `first_delay` from now, then each time after the delay it returned.
  ScheduledJob ScheduleAdaptive(std::string name, absl::Duration first_delay, AdaptiveJob job);

  // Starts the scheduler's thread, which runs jobs as they fall due until Stop(). Call once.
  void Start();

  // Runs, on the calling thread, every job that is due at the clock's current time, each once,
  // earliest first; waits while a job runs on the scheduler's thread. Returns how many ran. For
  // tests with a FakeClock; does nothing after Stop().
  int RunDue();

  // When the earliest job falls due; nullopt when none is scheduled.
  std::optional<absl::Time> NextDue() const;

  // No job starts after this; waits for a job that is running (on the scheduler's thread or in
  // a RunDue elsewhere) to finish, and joins the thread. Jobs stay registered but never run
  // again. Idempotent; must not be called from within a job.
  void Stop();

 private:
  friend class ScheduledJob;
  struct Entry {
    std::string name;
    std::shared_ptr<const AdaptiveJob> run;
    absl::Duration fallback;  // the delay after a run that threw
    absl::Time due;
  };

  ScheduledJob Add(std::string name, absl::Duration first_delay, absl::Duration fallback,
                   AdaptiveJob job);
  void Cancel(int64_t id);
  // Sets the timer for the earliest due time. On the scheduler's thread only.
  void Arm();
  // Makes the scheduler's thread re-arm its timer (the set of jobs or a due time changed).
  void Rearm();

  std::unique_ptr<Clock> own_clock_;
  const Clock& clock_;
  // Held while a job runs: one job at a time, whoever runs it.
  std::mutex run_mu_;
  mutable absl::Mutex mu_;
  std::map<int64_t, Entry> jobs_ ABSL_GUARDED_BY(mu_);
  int64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
  int64_t running_id_ ABSL_GUARDED_BY(mu_) = 0;  // 0: none
  std::thread::id running_on_ ABSL_GUARDED_BY(mu_);
  // Signalled after every run, for Cancel waiting out a run.
  absl::CondVar run_done_;
  std::thread::id thread_id_ ABSL_GUARDED_BY(mu_);  // the scheduler's thread, once started
  bool started_ ABSL_GUARDED_BY(mu_) = false;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  boost::asio::steady_timer timer_;
  std::thread thread_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_SCHEDULER_H_
