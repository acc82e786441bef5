// The transactional outbox against a real SQLite file: what WriteToOutbox leaves behind, and how
// OutboxRelay delivers it (order, batches, delete-after-ack, backoff, a stuck entry, topics).
#include "services/common/outbox.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "google/protobuf/wrappers.pb.h"
#include "services/common/migrations.h"
#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using google::protobuf::StringValue;

const absl::Time kNow = absl::FromUnixSeconds(1700000000);

std::string Payload(const std::string& text) {
  StringValue v;
  v.set_value(text);
  return v.SerializeAsString();
}

std::string TextOf(const OutboxMessage& m) {
  StringValue v;
  EXPECT_TRUE(v.ParseFromString(m.payload)) << "seq " << m.seq;
  return v.value();
}

// Records what a relay sent and lets a test decide, per batch, whether the receiver accepts it.
class RecordingReceiver {
 public:
  // Called with each batch before it is recorded as accepted; a non-OK answer refuses it.
  using Policy = std::function<absl::Status(const std::vector<OutboxMessage>& batch)>;

  explicit RecordingReceiver(Policy policy = nullptr) : policy_(std::move(policy)) {}

  OutboxRelay::Sender sender() {
    return [this](const std::vector<OutboxMessage>& batch) { return Receive(batch); };
  }

  // Every message the receiver accepted, in the order it accepted them.
  std::vector<OutboxMessage> accepted() const {
    absl::MutexLock lock(&mu_);
    return accepted_;
  }
  std::vector<size_t> accepted_batch_sizes() const {
    absl::MutexLock lock(&mu_);
    return batch_sizes_;
  }
  // When each delivery attempt (accepted or not) began.
  std::vector<absl::Time> attempts() const {
    absl::MutexLock lock(&mu_);
    return attempts_;
  }
  std::vector<absl::Time> refusals() const {
    absl::MutexLock lock(&mu_);
    return refusals_;
  }

 private:
  absl::Status Receive(const std::vector<OutboxMessage>& batch) {
    const absl::Time at = absl::Now();
    absl::Status st = policy_ ? policy_(batch) : absl::OkStatus();
    absl::MutexLock lock(&mu_);
    attempts_.push_back(at);
    if (!st.ok()) {
      refusals_.push_back(at);
      return st;
    }
    accepted_.insert(accepted_.end(), batch.begin(), batch.end());
    batch_sizes_.push_back(batch.size());
    return absl::OkStatus();
  }

  const Policy policy_;
  mutable absl::Mutex mu_;
  std::vector<OutboxMessage> accepted_ ABSL_GUARDED_BY(mu_);
  std::vector<size_t> batch_sizes_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Time> attempts_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Time> refusals_ ABSL_GUARDED_BY(mu_);
};

// Waits (polling) until `done` holds or `timeout` passes; returns whether it held.
bool WaitFor(const std::function<bool()>& done, absl::Duration timeout = absl::Seconds(5)) {
  const absl::Time end = absl::Now() + timeout;
  while (absl::Now() < end) {
    if (done()) return true;
    absl::SleepFor(absl::Milliseconds(5));
  }
  return done();
}

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "outbox.db");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
    ASSERT_TRUE(migrations::Apply(*db_, tracks).ok());
    scheduler_.Start();
  }

  // Writes each text as one message under `topic`, each in its own committed transaction, and
  // returns their sequence numbers.
  std::vector<int64_t> Write(const std::string& topic, const std::vector<std::string>& texts) {
    std::vector<int64_t> seqs;
    for (const std::string& text : texts) {
      absl::Status st = db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
        StringValue v;
        v.set_value(text);
        SCHAKEL_ASSIGN_OR_RETURN(int64_t seq, WriteToOutbox(c, topic, v, kNow));
        seqs.push_back(seq);
        return absl::OkStatus();
      });
      EXPECT_TRUE(st.ok()) << st;
    }
    return seqs;
  }

  std::vector<std::string> Numbered(const std::string& prefix, int n) {
    std::vector<std::string> texts;
    for (int i = 0; i < n; ++i) texts.push_back(prefix + std::to_string(i));
    return texts;
  }

  int64_t Pending(const std::string& topic) {
    absl::StatusOr<int64_t> n = PendingOutboxMessages(*db_, topic);
    EXPECT_TRUE(n.ok()) << n.status();
    return n.ok() ? *n : -1;
  }

  // Options with a short, test-friendly rhythm.
  static OutboxRelay::Options Fast(int batch_size = 500) {
    OutboxRelay::Options o;
    o.batch_size = batch_size;
    o.poll_interval = absl::Milliseconds(10);
    o.initial_backoff = absl::Milliseconds(10);
    o.max_backoff = absl::Milliseconds(40);
    return o;
  }

  static std::vector<int64_t> SeqsOf(const std::vector<OutboxMessage>& messages) {
    std::vector<int64_t> seqs;
    for (const auto& m : messages) seqs.push_back(m.seq);
    return seqs;
  }
  static std::vector<std::string> TextsOf(const std::vector<OutboxMessage>& messages) {
    std::vector<std::string> texts;
    for (const auto& m : messages) texts.push_back(TextOf(m));
    return texts;
  }

  testing::TempDir dir_;
  std::unique_ptr<sqlite::Database> db_;
  // Runs the relays' attempts, as the host's scheduler does, on real (monotonic) time.
  Scheduler scheduler_;
};

TEST_F(OutboxTest, CommittedWritesArePendingWithIncreasingSequenceNumbers) {
  const std::vector<int64_t> seqs = Write("audit", {"a", "b", "c"});
  ASSERT_EQ(seqs.size(), 3u);
  EXPECT_GT(seqs[0], 0);
  EXPECT_LT(seqs[0], seqs[1]);
  EXPECT_LT(seqs[1], seqs[2]);
  EXPECT_EQ(Pending("audit"), 3);
  EXPECT_EQ(Pending("commands"), 0);
}

TEST_F(OutboxTest, RolledBackTransactionLeavesNothing) {
  int64_t seq_in_transaction = 0;
  absl::Status st = db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
    StringValue v;
    v.set_value("never");
    SCHAKEL_ASSIGN_OR_RETURN(seq_in_transaction, WriteToOutbox(c, "audit", v, kNow));
    // The outbox row is visible inside the transaction...
    SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT COUNT(*) FROM outbox"));
    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
    EXPECT_TRUE(row);
    EXPECT_EQ(s.ColumnInt(0), 1);
    // ...and the change it belongs to fails.
    return absl::FailedPreconditionError("the change is refused");
  });
  EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_GT(seq_in_transaction, 0);
  EXPECT_EQ(Pending("audit"), 0);

  // Nothing of it reaches a receiver either.
  RecordingReceiver receiver;
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast());
  ASSERT_TRUE(relay.DeliverPending().ok());
  EXPECT_TRUE(receiver.attempts().empty());
}

TEST_F(OutboxTest, WriteAndChangeCommitTogether) {
  ASSERT_TRUE(db_->Transaction([](sqlite::Connection& c) {
                   return c.Exec("CREATE TABLE things (n INTEGER)");
                 })
                  .ok());
  ASSERT_TRUE(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
                   SCHAKEL_RETURN_IF_ERROR(c.Exec("INSERT INTO things VALUES (1)"));
                   StringValue v;
                   v.set_value("thing 1 made");
                   return WriteToOutbox(c, "audit", v, kNow).status();
                 })
                  .ok());
  EXPECT_EQ(Pending("audit"), 1);
  RecordingReceiver receiver;
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast());
  ASSERT_TRUE(relay.DeliverPending().ok());
  ASSERT_EQ(receiver.accepted().size(), 1u);
  EXPECT_EQ(receiver.accepted()[0].payload, Payload("thing 1 made"));
}

TEST_F(OutboxTest, DeliversInSequenceOrderInBatches) {
  const std::vector<std::string> texts = Numbered("m", 7);
  const std::vector<int64_t> seqs = Write("audit", texts);
  RecordingReceiver receiver;
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast(/*batch_size=*/3));
  ASSERT_TRUE(relay.DeliverPending().ok());
  EXPECT_EQ(receiver.accepted_batch_sizes(), (std::vector<size_t>{3, 3, 1}));
  EXPECT_EQ(SeqsOf(receiver.accepted()), seqs);
  EXPECT_EQ(TextsOf(receiver.accepted()), texts);
  EXPECT_EQ(relay.delivered(), 7);
  EXPECT_EQ(Pending("audit"), 0);

  // Nothing is sent twice once acknowledged.
  ASSERT_TRUE(relay.DeliverPending().ok());
  EXPECT_EQ(receiver.accepted().size(), 7u);
}

TEST_F(OutboxTest, AnExactMultipleOfTheBatchSizeIsDeliveredCompletely) {
  const std::vector<int64_t> seqs = Write("audit", Numbered("m", 6));
  RecordingReceiver receiver;
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast(/*batch_size=*/3));
  ASSERT_TRUE(relay.DeliverPending().ok());
  EXPECT_EQ(receiver.accepted_batch_sizes(), (std::vector<size_t>{3, 3}));
  EXPECT_EQ(SeqsOf(receiver.accepted()), seqs);
  EXPECT_EQ(Pending("audit"), 0);
}

TEST_F(OutboxTest, DeletesOnlyAfterTheReceiverAccepts) {
  Write("audit", Numbered("m", 4));
  std::vector<int64_t> pending_while_sending;
  RecordingReceiver receiver([&](const std::vector<OutboxMessage>&) {
    pending_while_sending.push_back(Pending("audit"));
    return absl::OkStatus();
  });
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast(/*batch_size=*/2));
  ASSERT_TRUE(relay.DeliverPending().ok());
  // While the receiver holds a batch, the batch is still in the outbox.
  EXPECT_EQ(pending_while_sending, (std::vector<int64_t>{4, 2}));
  EXPECT_EQ(Pending("audit"), 0);
}

TEST_F(OutboxTest, ARefusedBatchStaysAndIsSentAgainFromTheSameMessage) {
  const std::vector<int64_t> seqs = Write("audit", Numbered("m", 5));
  int calls = 0;
  RecordingReceiver receiver([&](const std::vector<OutboxMessage>&) {
    // Accepts the first batch, refuses the second once.
    ++calls;
    return calls == 2 ? absl::UnavailableError("receiver down") : absl::OkStatus();
  });
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast(/*batch_size=*/2));
  absl::Status st = relay.DeliverPending();
  EXPECT_EQ(st.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(SeqsOf(receiver.accepted()), (std::vector<int64_t>{seqs[0], seqs[1]}));
  EXPECT_EQ(relay.delivered(), 2);
  EXPECT_EQ(Pending("audit"), 3);

  ASSERT_TRUE(relay.DeliverPending().ok());
  EXPECT_EQ(SeqsOf(receiver.accepted()), seqs);
  EXPECT_EQ(Pending("audit"), 0);
}

TEST_F(OutboxTest, RetriesWithGrowingBackoffUntilTheReceiverRecovers) {
  const std::vector<std::string> texts = Numbered("m", 5);
  const std::vector<int64_t> seqs = Write("audit", texts);
  constexpr int kFailures = 4;
  std::atomic<int> calls{0};
  RecordingReceiver receiver([&](const std::vector<OutboxMessage>&) {
    return calls.fetch_add(1) < kFailures ? absl::UnavailableError("receiver down")
                                          : absl::OkStatus();
  });
  OutboxRelay::Options options = Fast(/*batch_size=*/2);
  options.initial_backoff = absl::Milliseconds(25);
  options.max_backoff = absl::Seconds(10);
  OutboxRelay relay(*db_, "audit", receiver.sender(), options);
  relay.Start(scheduler_);
  ASSERT_TRUE(WaitFor([&] { return Pending("audit") == 0; })) << Pending("audit");
  relay.Stop(absl::ZeroDuration());

  // Everything arrived exactly once, in order.
  EXPECT_EQ(SeqsOf(receiver.accepted()), seqs);
  EXPECT_EQ(TextsOf(receiver.accepted()), texts);
  EXPECT_EQ(relay.delivered(), 5);
  EXPECT_EQ(relay.failures(), kFailures);

  // The retries came no sooner than 25, 50, 100, 200 ms after the previous attempt (a timer never
  // fires early), so the waits grew.
  const std::vector<absl::Time> attempts = receiver.attempts();
  ASSERT_GE(attempts.size(), static_cast<size_t>(kFailures + 1));
  std::vector<absl::Duration> gaps;
  for (int i = 1; i <= kFailures; ++i) gaps.push_back(attempts[i] - attempts[i - 1]);
  absl::Duration expected = options.initial_backoff;
  for (const absl::Duration gap : gaps) {
    EXPECT_GE(gap, expected - absl::Milliseconds(1)) << "gaps grow from 25 ms, doubling";
    expected *= 2;
  }
  EXPECT_GT(gaps.back(), gaps.front());
}

TEST_F(OutboxTest, BackoffIsCappedAndResetAfterASuccess) {
  Write("audit", {"first"});
  constexpr int kFailures = 6;
  std::atomic<int> calls{0};
  RecordingReceiver receiver([&](const std::vector<OutboxMessage>&) {
    return calls.fetch_add(1) < kFailures ? absl::UnavailableError("receiver down")
                                          : absl::OkStatus();
  });
  OutboxRelay::Options options = Fast();
  options.initial_backoff = absl::Milliseconds(20);
  options.max_backoff = absl::Milliseconds(50);
  OutboxRelay relay(*db_, "audit", receiver.sender(), options);
  relay.Start(scheduler_);
  ASSERT_TRUE(WaitFor([&] { return Pending("audit") == 0; }));

  // Uncapped, the six failures would be spaced at least 20+40+80+160+320 ms = 620 ms; capped at
  // 50 ms they take 20+40+50+50+50 = 210 ms (give or take scheduling).
  std::vector<absl::Time> refusals = receiver.refusals();
  ASSERT_EQ(refusals.size(), static_cast<size_t>(kFailures));
  EXPECT_LT(refusals.back() - refusals.front(), absl::Milliseconds(600));

  // After a success the next failure is retried after the initial backoff again: five failures
  // grow the backoff to 640 ms, a success must bring it back to 20 ms.
  relay.Stop(absl::ZeroDuration());
  options.max_backoff = absl::Seconds(2);
  calls = 0;
  RecordingReceiver second([&](const std::vector<OutboxMessage>& batch) {
    const int n = calls.fetch_add(1);
    if (n < 5) return absl::UnavailableError("receiver down");  // backoff grows to 640 ms
    if (n == 6 && TextOf(batch.front()) == "later") return absl::UnavailableError("once more");
    return absl::OkStatus();
  });
  Write("audit", {"second"});
  OutboxRelay again(*db_, "audit", second.sender(), options);
  again.Start(scheduler_);
  ASSERT_TRUE(WaitFor([&] { return Pending("audit") == 0; }));
  Write("audit", {"later"});
  ASSERT_TRUE(WaitFor([&] { return Pending("audit") == 0; }));
  again.Stop(absl::ZeroDuration());
  const std::vector<absl::Time> attempts = second.attempts();
  ASSERT_EQ(attempts.size(), 8u);  // 5 refused, 1 accepted, "later" refused once, then accepted
  EXPECT_LT(attempts[7] - attempts[6], absl::Milliseconds(400))
      << "the backoff was not reset by the successful delivery";
  EXPECT_EQ(TextsOf(second.accepted()), (std::vector<std::string>{"second", "later"}));
}

TEST_F(OutboxTest, AStuckEntryHoldsBackLaterMessagesAndIsRetried) {
  const std::vector<int64_t> seqs = Write("audit", {"m0", "m1", "poison", "m3", "m4"});
  std::atomic<bool> stuck{true};
  RecordingReceiver receiver([&](const std::vector<OutboxMessage>& batch) {
    for (const auto& m : batch) {
      if (stuck && TextOf(m) == "poison") return absl::InternalError("cannot store this one");
    }
    return absl::OkStatus();
  });
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast(/*batch_size=*/2));
  relay.Start(scheduler_);
  ASSERT_TRUE(WaitFor([&] { return relay.failures() >= 3; }));

  // The batch before the stuck entry went through; nothing from or after it did.
  EXPECT_EQ(SeqsOf(receiver.accepted()), (std::vector<int64_t>{seqs[0], seqs[1]}));
  EXPECT_EQ(Pending("audit"), 3);
  // The relay keeps trying (more failures pile up) without skipping past the stuck entry.
  const int64_t failures_before = relay.failures();
  ASSERT_TRUE(WaitFor([&] { return relay.failures() > failures_before + 1; }));
  EXPECT_EQ(SeqsOf(receiver.accepted()), (std::vector<int64_t>{seqs[0], seqs[1]}));

  // Once the receiver takes it, the rest follows in order.
  stuck = false;
  ASSERT_TRUE(WaitFor([&] { return Pending("audit") == 0; }));
  relay.Stop(absl::ZeroDuration());
  EXPECT_EQ(SeqsOf(receiver.accepted()), seqs);
}

TEST_F(OutboxTest, TopicsAreIndependent) {
  // Interleaved, so each topic's sequence range spans the other topic's messages.
  std::vector<int64_t> a_seqs, b_seqs;
  for (int i = 0; i < 4; ++i) {
    a_seqs.push_back(Write("a", {"a" + std::to_string(i)})[0]);
    b_seqs.push_back(Write("b", {"b" + std::to_string(i)})[0]);
  }
  RecordingReceiver a_receiver(
      [](const std::vector<OutboxMessage>&) { return absl::UnavailableError("a is down"); });
  RecordingReceiver b_receiver;
  OutboxRelay a_relay(*db_, "a", a_receiver.sender(), Fast(/*batch_size=*/10));
  OutboxRelay b_relay(*db_, "b", b_receiver.sender(), Fast(/*batch_size=*/10));
  a_relay.Start(scheduler_);
  b_relay.Start(scheduler_);
  ASSERT_TRUE(WaitFor([&] { return Pending("b") == 0 && a_relay.failures() >= 2; }));
  a_relay.Stop(absl::ZeroDuration());
  b_relay.Stop(absl::ZeroDuration());

  EXPECT_EQ(SeqsOf(b_receiver.accepted()), b_seqs);
  EXPECT_EQ(TextsOf(b_receiver.accepted()), (std::vector<std::string>{"b0", "b1", "b2", "b3"}));
  // Deleting b's range left a's messages (whose seqs lie inside it) alone.
  EXPECT_EQ(Pending("a"), 4);
  EXPECT_TRUE(a_receiver.accepted().empty());
  // And a's messages are still whole and in order for a working receiver.
  RecordingReceiver a_later;
  OutboxRelay a_again(*db_, "a", a_later.sender(), Fast(/*batch_size=*/10));
  ASSERT_TRUE(a_again.DeliverPending().ok());
  EXPECT_EQ(SeqsOf(a_later.accepted()), a_seqs);
}

TEST_F(OutboxTest, MessagesWrittenWhileRunningAreDeliveredOnceInOrder) {
  RecordingReceiver receiver;
  OutboxRelay relay(*db_, "audit", receiver.sender(), Fast(/*batch_size=*/7));
  relay.Start(scheduler_);
  std::vector<int64_t> seqs;
  std::thread writer([&] { seqs = Write("audit", Numbered("m", 60)); });
  writer.join();
  ASSERT_TRUE(WaitFor([&] { return Pending("audit") == 0 && relay.delivered() == 60; }));
  relay.Stop(absl::ZeroDuration());
  EXPECT_EQ(SeqsOf(receiver.accepted()), seqs);
}

TEST_F(OutboxTest, StopFlushesWhatIsPendingWithinTheDeadline) {
  const std::vector<int64_t> seqs = Write("audit", {"m0", "m1"});
  std::atomic<bool> accept{false};
  std::thread::id accepted_on;
  RecordingReceiver receiver([&](const std::vector<OutboxMessage>&) {
    if (!accept) return absl::UnavailableError("down");
    accepted_on = std::this_thread::get_id();
    return absl::OkStatus();
  });
  OutboxRelay::Options options = Fast();
  options.initial_backoff = absl::Seconds(30);  // after its first failure the thread waits
  OutboxRelay relay(*db_, "audit", receiver.sender(), options);
  relay.Start(scheduler_);
  ASSERT_TRUE(WaitFor([&] { return relay.failures() == 1; }));
  accept = true;
  relay.Stop(absl::Seconds(1));
  EXPECT_EQ(SeqsOf(receiver.accepted()), seqs);
  EXPECT_EQ(accepted_on, std::this_thread::get_id()) << "delivered by Stop's flush";
  EXPECT_EQ(Pending("audit"), 0);
}

TEST_F(OutboxTest, StopLeavesUndeliverableMessagesForTheNextStart) {
  Write("audit", {"m0", "m1"});
  RecordingReceiver down(
      [](const std::vector<OutboxMessage>&) { return absl::UnavailableError("down"); });
  {
    OutboxRelay relay(*db_, "audit", down.sender(), Fast());
    relay.Start(scheduler_);
    ASSERT_TRUE(WaitFor([&] { return relay.failures() >= 1; }));
    const absl::Time before = absl::Now();
    relay.Stop(absl::Milliseconds(150));
    EXPECT_LT(absl::Now() - before, absl::Seconds(2)) << "Stop overran its flush deadline";
  }
  EXPECT_EQ(Pending("audit"), 2);

  RecordingReceiver up;
  OutboxRelay relay(*db_, "audit", up.sender(), Fast());
  relay.Start(scheduler_);
  ASSERT_TRUE(WaitFor([&] { return Pending("audit") == 0; }));
  relay.Stop(absl::ZeroDuration());
  EXPECT_EQ(TextsOf(up.accepted()), (std::vector<std::string>{"m0", "m1"}));
}

}  // namespace
}  // namespace schakel
