#include "services/common/scheduler.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <utility>
#include <vector>

#include <boost/asio/post.hpp>

#include "services/common/log.h"

namespace schakel {
namespace {

// std::chrono::steady_clock as a Clock: intervals survive the wall clock being set back.
class MonotonicClock final : public Clock {
 public:
  absl::Time Now() const override {
    return start_ + absl::FromChrono(std::chrono::steady_clock::now() - steady_start_);
  }

 private:
  const absl::Time start_ = absl::Now();
  const std::chrono::steady_clock::time_point steady_start_ = std::chrono::steady_clock::now();
};

}  // namespace

ScheduledJob::ScheduledJob(ScheduledJob&& other) noexcept
    : scheduler_(std::exchange(other.scheduler_, nullptr)), id_(std::exchange(other.id_, 0)) {}

ScheduledJob& ScheduledJob::operator=(ScheduledJob&& other) noexcept {
  if (this != &other) {
    Cancel();
    scheduler_ = std::exchange(other.scheduler_, nullptr);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

void ScheduledJob::Cancel() {
  if (scheduler_ == nullptr) return;
  std::exchange(scheduler_, nullptr)->Cancel(std::exchange(id_, 0));
}

Scheduler::Scheduler()
    : own_clock_(std::make_unique<MonotonicClock>()),
      clock_(*own_clock_),
      work_(io_.get_executor()),
      timer_(io_) {}

Scheduler::Scheduler(const Clock& clock) : clock_(clock), work_(io_.get_executor()), timer_(io_) {}

Scheduler::~Scheduler() { Stop(); }

ScheduledJob Scheduler::Schedule(std::string name, absl::Duration interval, Job job) {
  return Add(std::move(name), interval, interval, [interval, job = std::move(job)] {
    job();
    return interval;
  });
}

ScheduledJob Scheduler::ScheduleAdaptive(std::string name, absl::Duration first_delay,
                                         AdaptiveJob job) {
  return Add(std::move(name), first_delay, first_delay, std::move(job));
}

ScheduledJob Scheduler::Add(std::string name, absl::Duration first_delay, absl::Duration fallback,
                            AdaptiveJob job) {
  int64_t id = 0;
  {
    absl::MutexLock lock(&mu_);
    id = next_id_++;
    jobs_[id] = Entry{.name = std::move(name),
                      .run = std::make_shared<const AdaptiveJob>(std::move(job)),
                      .fallback = std::max(fallback, absl::ZeroDuration()),
                      .due = clock_.Now() + std::max(first_delay, absl::ZeroDuration())};
  }
  Rearm();
  return ScheduledJob(this, id);
}

void Scheduler::Cancel(int64_t id) {
  absl::MutexLock lock(&mu_);
  // Wait out a run on another thread; a job cancelling itself just goes.
  while (running_id_ == id && running_on_ != std::this_thread::get_id()) run_done_.Wait(&mu_);
  jobs_.erase(id);
}

void Scheduler::Start() {
  absl::MutexLock lock(&mu_);
  if (started_ || stopped_) return;
  started_ = true;
  thread_ = std::thread([this] { io_.run(); });
  thread_id_ = thread_.get_id();
  boost::asio::post(io_, [this] { Arm(); });
}

void Scheduler::Rearm() {
  absl::MutexLock lock(&mu_);
  if (started_ && !stopped_) boost::asio::post(io_, [this] { Arm(); });
}

void Scheduler::Arm() {
  const std::optional<absl::Time> next = NextDue();
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return;
  }
  if (!next.has_value()) {
    timer_.cancel();
    return;
  }
  // Re-reading the clock when the timer fires: with a clock that moves by itself this is the
  // exact wait; with one that does not, the timer fires, finds nothing due and waits again.
  const absl::Duration wait = std::max(*next - clock_.Now(), absl::ZeroDuration());
  timer_.expires_after(absl::ToChronoNanoseconds(wait));  // cancels the previous wait
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (error) return;  // re-armed or stopped
    RunDue();
    Arm();
  });
}

int Scheduler::RunDue() {
  std::lock_guard<std::mutex> one_at_a_time(run_mu_);
  std::vector<std::pair<absl::Time, int64_t>> due;
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return 0;
    const absl::Time now = clock_.Now();
    for (const auto& [id, entry] : jobs_) {
      if (entry.due <= now) due.emplace_back(entry.due, id);
    }
  }
  std::sort(due.begin(), due.end());
  int ran = 0;
  for (const auto& [at, id] : due) {
    std::shared_ptr<const AdaptiveJob> job;
    absl::Duration next;
    std::string name;
    {
      absl::MutexLock lock(&mu_);
      if (stopped_) break;
      auto it = jobs_.find(id);
      if (it == jobs_.end()) continue;  // cancelled by an earlier job
      job = it->second.run;
      next = it->second.fallback;
      name = it->second.name;
      running_id_ = id;
      running_on_ = std::this_thread::get_id();
    }
    // No exception may escape into Asio: log it, and try again after the job's usual delay.
    try {
      next = (*job)();
    } catch (const std::exception& e) {
      LogEvent(LogLevel::kError, "scheduler.job_failed",
               {{"job", name}, {"detail", absl::string_view(e.what())}});
    } catch (...) {
      LogEvent(LogLevel::kError, "scheduler.job_failed", {{"job", name}});
    }
    ++ran;
    absl::MutexLock lock(&mu_);
    running_id_ = 0;
    running_on_ = std::thread::id();
    if (auto it = jobs_.find(id); it != jobs_.end()) {
      it->second.due = clock_.Now() + std::max(next, absl::ZeroDuration());
    }
    run_done_.SignalAll();
  }
  bool elsewhere = false;
  {
    absl::MutexLock lock(&mu_);
    elsewhere = std::this_thread::get_id() != thread_id_;
  }
  if (ran > 0 && elsewhere) Rearm();  // the scheduler's thread re-arms by itself
  return ran;
}

std::optional<absl::Time> Scheduler::NextDue() const {
  absl::MutexLock lock(&mu_);
  std::optional<absl::Time> next;
  for (const auto& [id, entry] : jobs_) {
    if (!next.has_value() || entry.due < *next) next = entry.due;
  }
  return next;
}

void Scheduler::Stop() {
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return;
    stopped_ = true;
  }
  boost::asio::post(io_, [this] { timer_.cancel(); });
  work_.reset();
  io_.stop();  // run() returns once the handler that is running (a job) has finished
  if (thread_.joinable()) thread_.join();
  // And a job running in RunDue on some other thread.
  std::lock_guard<std::mutex> wait_for_running_job(run_mu_);
}

}  // namespace schakel
