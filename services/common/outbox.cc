#include "services/common/outbox.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/common/log.h"
#include "services/common/status.h"

namespace schakel {

absl::StatusOr<int64_t> WriteToOutbox(sqlite::Connection& c, absl::string_view topic,
                                      const google::protobuf::Message& payload, absl::Time now) {
  SCHAKEL_ASSIGN_OR_RETURN(
      auto s, c.Prepare("INSERT INTO outbox (topic, payload, create_time) VALUES (?, ?, ?)"));
  s.Bind(1, topic).BindBlob(2, payload.SerializeAsString()).Bind(3, absl::ToUnixMicros(now));
  SCHAKEL_RETURN_IF_ERROR(s.Run());
  return c.LastInsertRowId();
}

absl::StatusOr<int64_t> PendingOutboxMessages(sqlite::Database& db, absl::string_view topic) {
  int64_t n = 0;
  SCHAKEL_RETURN_IF_ERROR(db.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT COUNT(*) FROM outbox WHERE topic = ?"));
    s.Bind(1, topic);
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) n = s.ColumnInt(0);
    return absl::OkStatus();
  }));
  return n;
}

absl::StatusOr<OutboxBacklog> OutboxBacklogOf(sqlite::Database& db, absl::string_view topic) {
  OutboxBacklog backlog;
  SCHAKEL_RETURN_IF_ERROR(db.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(
        auto s, c.Prepare("SELECT COUNT(*), MIN(create_time) FROM outbox WHERE topic = ?"));
    s.Bind(1, topic);
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row && s.ColumnInt(0) > 0) {
      backlog.pending = s.ColumnInt(0);
      backlog.oldest = absl::FromUnixMicros(s.ColumnInt(1));
    }
    return absl::OkStatus();
  }));
  return backlog;
}

OutboxRelay::OutboxRelay(sqlite::Database& db, std::string topic, Sender sender, Options options)
    : db_(db),
      topic_(std::move(topic)),
      sender_(std::move(sender)),
      options_(options),
      backoff_(options.initial_backoff) {}

OutboxRelay::~OutboxRelay() { Stop(absl::ZeroDuration()); }

void OutboxRelay::Start(Scheduler& scheduler) {
  if (stopping_) return;
  job_ = scheduler.ScheduleAdaptive(absl::StrCat("outbox.", topic_), absl::ZeroDuration(),
                                    [this] { return Attempt(); });
}

std::optional<absl::Time> OutboxRelay::failing_since() const {
  const int64_t us = failing_since_us_.load();
  if (us == 0) return std::nullopt;
  return absl::FromUnixMicros(us);
}

absl::Duration OutboxRelay::Attempt() {
  absl::Status st = DeliverPending();
  if (st.ok()) {
    backoff_ = options_.initial_backoff;
    failing_since_us_.store(0);
    return options_.poll_interval;
  }
  failures_.fetch_add(1);
  int64_t none = 0;
  failing_since_us_.compare_exchange_strong(none, absl::ToUnixMicros(absl::Now()));
  LogEvent(LogLevel::kWarning, "outbox.delivery_failed",
           {{"topic", absl::string_view(topic_)},
            {"code", absl::StatusCodeToString(st.code())},
            {"retry_ms", absl::ToInt64Milliseconds(backoff_)}});
  const absl::Duration retry = backoff_;
  backoff_ = std::min(backoff_ * 2, options_.max_backoff);
  return retry;
}

absl::Status OutboxRelay::DeliverPending() {
  std::lock_guard<std::mutex> lock(deliver_mu_);
  for (;;) {
    std::vector<OutboxMessage> batch;
    SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(
          auto s,
          c.Prepare("SELECT seq, payload FROM outbox WHERE topic = ? ORDER BY seq LIMIT ?"));
      s.Bind(1, topic_).Bind(2, options_.batch_size);
      for (;;) {
        SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
        if (!row) break;
        batch.push_back({s.ColumnInt(0), s.ColumnBlob(1)});
      }
      return absl::OkStatus();
    }));
    if (batch.empty()) return absl::OkStatus();
    SCHAKEL_RETURN_IF_ERROR(sender_(batch));
    // Acknowledged: the receiver has them durably. Deleting is safe to repeat, and a crash before
    // it only means the batch is sent again, which the receiver ignores.
    SCHAKEL_RETURN_IF_ERROR(db_.Transaction([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(
          auto d, c.Prepare("DELETE FROM outbox WHERE topic = ? AND seq BETWEEN ? AND ?"));
      d.Bind(1, topic_).Bind(2, batch.front().seq).Bind(3, batch.back().seq);
      return d.Run();
    }));
    delivered_.fetch_add(static_cast<int64_t>(batch.size()));
    if (static_cast<int>(batch.size()) < options_.batch_size) return absl::OkStatus();
  }
}

void OutboxRelay::Stop(absl::Duration flush_deadline) {
  if (stopping_.exchange(true)) return;
  job_.Cancel();
  // One last attempt on the caller's thread, bounded by the deadline.
  if (flush_deadline > absl::ZeroDuration()) {
    const absl::Time end = absl::Now() + flush_deadline;
    while (absl::Now() < end) {
      if (DeliverPending().ok()) break;
      absl::SleepFor(absl::Milliseconds(100));
    }
  }
}

}  // namespace schakel
