// The transactional outbox and its relay.
//
// A service writes what a change causes — an audit record, a command for another service — into
// its own `outbox` table inside the transaction of the change (WriteToOutbox), so both commit or
// neither does. An OutboxRelay, one per (database, topic), ships pending messages in batches to a
// receiver at-least-once, with backoff while the receiver is unreachable, and deletes them once
// acknowledged. Receivers are idempotent on (source service, sequence number). Relays run as jobs
// of the host's Scheduler, not on threads of their own.
#ifndef SCHAKEL_SERVICES_COMMON_OUTBOX_H_
#define SCHAKEL_SERVICES_COMMON_OUTBOX_H_

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/common/scheduler.h"
#include "services/common/sqlite.h"

namespace schakel {

// Adds a message under `topic` to the outbox, within the caller's transaction. Returns its
// sequence number.
absl::StatusOr<int64_t> WriteToOutbox(sqlite::Connection& c, absl::string_view topic,
                                      const google::protobuf::Message& payload, absl::Time now);

struct OutboxMessage {
  int64_t seq = 0;
  std::string payload;
};

// How many messages wait under `topic`.
absl::StatusOr<int64_t> PendingOutboxMessages(sqlite::Database& db, absl::string_view topic);

// What waits under `topic`: how many messages, and when the oldest was written (nullopt when
// none waits). For the host's metrics.
struct OutboxBacklog {
  int64_t pending = 0;
  std::optional<absl::Time> oldest;
};
absl::StatusOr<OutboxBacklog> OutboxBacklogOf(sqlite::Database& db, absl::string_view topic);

class OutboxRelay {
 public:
  // Delivers one batch; OK means the receiver has durably accepted every message in it.
  using Sender = std::function<absl::Status(const std::vector<OutboxMessage>& batch)>;

  struct Options {
    int batch_size = 500;
    absl::Duration poll_interval = absl::Milliseconds(200);
    absl::Duration initial_backoff = absl::Milliseconds(100);
    absl::Duration max_backoff = absl::Seconds(10);
  };

  OutboxRelay(sqlite::Database& db, std::string topic, Sender sender, Options options);
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;
  ~OutboxRelay();

  // Schedules the relay on `scheduler` (which must outlive it): a delivery attempt now, then every
  // poll_interval, or after the backoff when an attempt failed. Call at most once.
  void Start(Scheduler& scheduler);
  // Takes the relay off its scheduler (waiting for an attempt under way), then tries to deliver
  // what is pending, on the calling thread, for at most `flush_deadline`. What could not be
  // delivered stays in the outbox for the next start. Idempotent.
  void Stop(absl::Duration flush_deadline);

  // Messages delivered since start; failed batches since start.
  int64_t delivered() const { return delivered_.load(); }
  int64_t failures() const { return failures_.load(); }
  // Since when every delivery attempt has failed (the first failure after the last success, on
  // the steady clock); nullopt while deliveries succeed. Thread-safe.
  std::optional<absl::Time> failing_since() const;
  const std::string& topic() const { return topic_; }

  // Delivers pending batches until the outbox is empty or a delivery fails. Thread-safe with
  // respect to the relay's scheduled attempts (deliveries are serialised).
  absl::Status DeliverPending();

 private:
  // One scheduled attempt; returns the delay until the next (poll interval or backoff).
  absl::Duration Attempt();

  sqlite::Database& db_;
  const std::string topic_;
  const Sender sender_;
  const Options options_;
  ScheduledJob job_;
  std::mutex deliver_mu_;
  absl::Duration backoff_;  // only Attempt() uses it, and attempts run one at a time
  std::atomic<int64_t> delivered_{0};
  std::atomic<int64_t> failures_{0};
  std::atomic<bool> stopping_{false};
  // Unix microseconds of failing_since(); 0 while deliveries succeed.
  std::atomic<int64_t> failing_since_us_{0};
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_OUTBOX_H_
