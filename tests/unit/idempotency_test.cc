#include "services/common/idempotency.h"

#include <gtest/gtest.h>

#include "google/protobuf/wrappers.pb.h"
#include "services/common/migrations.h"
#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using google::protobuf::StringValue;

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = sqlite::Database::Open(dir_.path() / "i.db");
    ASSERT_TRUE(db.ok());
    db_ = *std::move(db);
    const migrations::MigrationTrack* tracks[] = {&migrations::common_track()};
    ASSERT_TRUE(migrations::Apply(*db_, tracks).ok());
    ASSERT_TRUE(db_->Transaction([](sqlite::Connection& c) {
                     return c.Exec("CREATE TABLE things (n INTEGER)");
                   })
                    .ok());
  }

  // The mutation under test: inserts a row and answers with a counter.
  absl::Status Create(const std::string& principal, const std::string& request_id,
                      const std::string& payload, StringValue& response) {
    StringValue request;
    request.set_value(payload);
    return RunIdempotent(*db_, {principal, request_id, "Create"}, request, response,
                         absl::FromUnixSeconds(1000), [&](sqlite::Connection& c) -> absl::Status {
                           ++runs_;
                           if (payload == "fail") return absl::FailedPreconditionError("no");
                           SCHAKEL_RETURN_IF_ERROR(c.Exec("INSERT INTO things VALUES (1)"));
                           response.set_value("answer-" + std::to_string(runs_));
                           return absl::OkStatus();
                         });
  }

  int64_t Rows() {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](sqlite::Connection& c) -> absl::Status {
                     SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT COUNT(*) FROM things"));
                     SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                     if (row) n = s.ColumnInt(0);
                     return absl::OkStatus();
                   })
                    .ok());
    return n;
  }

  testing::TempDir dir_;
  std::unique_ptr<sqlite::Database> db_;
  int runs_ = 0;
};

TEST_F(IdempotencyTest, RetryReturnsFirstAnswerAndChangesNothing) {
  StringValue first, second;
  ASSERT_TRUE(Create("alice", "r1", "x", first).ok());
  ASSERT_TRUE(Create("alice", "r1", "x", second).ok());
  EXPECT_EQ(first.value(), "answer-1");
  EXPECT_EQ(second.value(), "answer-1");
  EXPECT_EQ(runs_, 1);
  EXPECT_EQ(Rows(), 1);
}

TEST_F(IdempotencyTest, SameIdDifferentRequestIsRefused) {
  StringValue r;
  ASSERT_TRUE(Create("alice", "r1", "x", r).ok());
  absl::Status st = Create("alice", "r1", "y", r);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(BadRequestOf(st).field_violations(0).field(), "request_id");
  EXPECT_EQ(Rows(), 1);
}

TEST_F(IdempotencyTest, KeysAreScopedToThePrincipal) {
  StringValue a, b;
  ASSERT_TRUE(Create("alice", "r1", "x", a).ok());
  ASSERT_TRUE(Create("bob", "r1", "x", b).ok());
  EXPECT_EQ(runs_, 2);
  EXPECT_EQ(Rows(), 2);
}

TEST_F(IdempotencyTest, FailureStoresNothingSoTheIdCanBeReused) {
  StringValue r;
  EXPECT_FALSE(Create("alice", "r1", "fail", r).ok());
  EXPECT_EQ(Rows(), 0);
  // The same id with a corrected request goes through.
  ASSERT_TRUE(Create("alice", "r1", "x", r).ok());
  EXPECT_EQ(Rows(), 1);
}

TEST(RequestIdTest, Shape) {
  EXPECT_TRUE(IsValidRequestId("3f2c-AB_9.x:1"));
  EXPECT_FALSE(IsValidRequestId(""));
  EXPECT_FALSE(IsValidRequestId("has space"));
  EXPECT_FALSE(IsValidRequestId(std::string(129, 'a')));
}

}  // namespace
}  // namespace schakel
