// The transactional outbox and its relay.
//
// A service writes what a change causes — an audit record, a command for another service — into
// its own `outbox` table inside the transaction of the change (WriteToOutbox), so both commit or
// neither does. An OutboxRelay, one per (database, topic), ships pending messages in batches to a
// receiver at-least-once, with backoff while the receiver is unreachable, and deletes them once
// acknowledged. Receivers are idempotent on (source service, sequence number).
#ifndef SCHAKEL_SERVICES_COMMON_OUTBOX_H_
#define SCHAKEL_SERVICES_COMMON_OUTBOX_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <google/protobuf/message.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
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

  // Starts the relay's thread (a Boost.Asio io_context with a timer).
  void Start();
  // Tries to deliver what is pending for at most `flush_deadline`, then stops the thread.
  // What could not be delivered stays in the outbox for the next start.
  void Stop(absl::Duration flush_deadline);

  // Messages delivered since start; failed batches since start.
  int64_t delivered() const { return delivered_.load(); }
  int64_t failures() const { return failures_.load(); }

  // Delivers pending batches until the outbox is empty or a delivery fails. Thread-safe with
  // respect to the relay's own thread (deliveries are serialised).
  absl::Status DeliverPending();

 private:
  void Schedule(absl::Duration delay);
  void Tick();

  sqlite::Database& db_;
  const std::string topic_;
  const Sender sender_;
  const Options options_;
  boost::asio::io_context io_;
  boost::asio::steady_timer timer_;
  std::thread thread_;
  std::mutex deliver_mu_;
  absl::Duration backoff_;
  std::atomic<int64_t> delivered_{0};
  std::atomic<int64_t> failures_{0};
  std::atomic<bool> stopping_{false};
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_OUTBOX_H_
