// The inbox: a message delivered twice acts once; a reused sequence for another message is loud.
#include "services/common/inbox.h"

#include <gtest/gtest.h>

#include "services/common/migrations.h"
#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

const absl::Time kInboxNow = absl::FromUnixSeconds(1'800'000'000);

class InboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "inbox.db");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
    const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
    ASSERT_TRUE(migrations::Apply(*db_, tracks).ok());
    ASSERT_TRUE(db_->Transaction([](sqlite::Connection& c) {
                     return c.Exec("CREATE TABLE acted (source TEXT, sequence INTEGER)");
                   })
                    .ok());
  }

  // Receives one message and, the first time, acts on it (a row in `acted`) in one transaction;
  // `fail_after` makes the action fail after the inbox row was written.
  absl::StatusOr<bool> Receive(const std::string& source, int64_t seq, const std::string& id,
                               bool fail_after = false) {
    bool fresh = false;
    absl::Status st = db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(fresh, ReceiveOnce(c, source, seq, id, kInboxNow));
      if (!fresh) return absl::OkStatus();
      SCHAKEL_ASSIGN_OR_RETURN(auto ins, c.Prepare("INSERT INTO acted VALUES (?, ?)"));
      ins.BindAll(source, seq);
      SCHAKEL_RETURN_IF_ERROR(ins.Run());
      if (fail_after) return absl::UnavailableError("the action failed");
      return absl::OkStatus();
    });
    if (!st.ok()) return st;
    return fresh;
  }

  int64_t Acted() {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](sqlite::Connection& c) -> absl::Status {
                     SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT COUNT(*) FROM acted"));
                     SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                     if (row) n = s.ColumnInt(0);
                     return absl::OkStatus();
                   })
                    .ok());
    return n;
  }

  testing::TempDir dir_;
  std::unique_ptr<sqlite::Database> db_;
};

TEST_F(InboxTest, AMessageDeliveredTwiceActsOnce) {
  EXPECT_EQ(*Receive("host/case-events", 1, "e-1"), true);
  EXPECT_EQ(*Receive("host/case-events", 1, "e-1"), false);
  EXPECT_EQ(*Receive("host/case-events", 2, "e-2"), true);
  EXPECT_EQ(Acted(), 2);
}

TEST_F(InboxTest, SourcesHaveSeparateSequences) {
  EXPECT_EQ(*Receive("host-a/case-events", 7, "a-7"), true);
  EXPECT_EQ(*Receive("host-b/case-events", 7, "b-7"), true);
  EXPECT_EQ(*Receive("host-a/timeline", 7, "t-7"), true);
  EXPECT_EQ(Acted(), 3);
}

TEST_F(InboxTest, AReusedSequenceForAnotherMessageIsDataLoss) {
  ASSERT_EQ(*Receive("host/case-events", 3, "e-3"), true);
  absl::StatusOr<bool> again = Receive("host/case-events", 3, "some-other-event");
  EXPECT_TRUE(absl::IsDataLoss(again.status())) << again.status();
  EXPECT_EQ(Acted(), 1);
}

TEST_F(InboxTest, ARowWithoutAMessageIdMatchesAnyRedelivery) {
  // Rows moved in by a migration carry no message id.
  ASSERT_TRUE(db_->Transaction([](sqlite::Connection& c) {
                   return c.Exec(
                       "INSERT INTO inbox (source, sequence, message_id, receive_time) "
                       "VALUES ('host/case-events', 9, '', 0)");
                 })
                  .ok());
  EXPECT_EQ(*Receive("host/case-events", 9, "e-9"), false);
  EXPECT_EQ(Acted(), 0);
}

TEST_F(InboxTest, AFailedActionLeavesTheMessageUnreceived) {
  absl::StatusOr<bool> failed = Receive("host/case-events", 4, "e-4", /*fail_after=*/true);
  EXPECT_TRUE(absl::IsUnavailable(failed.status()));
  EXPECT_EQ(Acted(), 0);
  // The redelivery acts: the inbox row rolled back with the action.
  EXPECT_EQ(*Receive("host/case-events", 4, "e-4"), true);
  EXPECT_EQ(Acted(), 1);
}

}  // namespace
}  // namespace schakel
