// What OpenServiceRuntime gives every service for its data at rest: deleted content does not
// linger in free pages (secure_delete), and the stored answers to mutations — sealed copies of
// client data — are deleted once no retry needs them.
#include "services/runtime/service_runtime.h"

#include <gtest/gtest.h>

#include "google/protobuf/wrappers.pb.h"
#include "services/common/clock.h"
#include "services/common/idempotency.h"
#include "services/common/scheduler.h"
#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using google::protobuf::StringValue;

class ServiceRuntimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.clock = &clock_;
    env_.scheduler = &scheduler_;
    env_.data_dir = dir_.path();
    env_.config.set_idempotency_retention_days(2);
    absl::StatusOr<ServiceRuntime> rt =
        OpenServiceRuntime(env_, RuntimeSpec{.service = "kit", .authorization = {}});
    ASSERT_TRUE(rt.ok()) << rt.status();
    rt_ = std::make_unique<ServiceRuntime>(*std::move(rt));
  }
  void TearDown() override {
    rt_.reset();
    scheduler_.Stop();
  }

  // A mutation under `request_id` now; true when it ran (false: answered from the store).
  bool Mutate(const std::string& request_id) {
    StringValue request, response;
    request.set_value("payload");
    bool ran = false;
    EXPECT_TRUE(RunIdempotent(*rt_->db, {"alice", request_id, "Create"}, request, response,
                              clock_.Now(),
                              [&](sqlite::Connection&) {
                                ran = true;
                                response.set_value("answer");
                                return absl::OkStatus();
                              })
                    .ok());
    return ran;
  }

  int64_t StoredAnswers() {
    int64_t n = -1;
    EXPECT_TRUE(rt_->db
                    ->Read([&](sqlite::Connection& c) -> absl::Status {
                      SCHAKEL_ASSIGN_OR_RETURN(auto s,
                                               c.Prepare("SELECT COUNT(*) FROM idempotency_keys"));
                      SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                      if (row) n = s.ColumnInt(0);
                      return absl::OkStatus();
                    })
                    .ok());
    return n;
  }

  testing::TempDir dir_;
  FakeClock clock_;
  Scheduler scheduler_{clock_};
  HostEnv env_;
  std::unique_ptr<ServiceRuntime> rt_;
};

TEST_F(ServiceRuntimeTest, SecureDeleteIsOnForTheServiceDatabase) {
  int64_t secure_delete = -1;
  ASSERT_TRUE(rt_->db
                  ->Transaction([&](sqlite::Connection& c) -> absl::Status {
                    SCHAKEL_ASSIGN_OR_RETURN(auto s, c.Prepare("PRAGMA secure_delete"));
                    SCHAKEL_ASSIGN_OR_RETURN(bool row, s.Step());
                    if (row) secure_delete = s.ColumnInt(0);
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(secure_delete, 1);
}

TEST_F(ServiceRuntimeTest, StoredAnswersExpireAfterTheRetentionTerm) {
  ASSERT_TRUE(Mutate("old"));
  clock_.Advance(absl::Hours(30));
  ASSERT_TRUE(Mutate("new"));
  EXPECT_FALSE(Mutate("old")) << "a retry within the term is answered from the store";
  EXPECT_EQ(StoredAnswers(), 2);

  // 49 hours after the first answer, 19 after the second: the hourly job drops only the first.
  clock_.Advance(absl::Hours(19));
  EXPECT_GE(scheduler_.RunDue(), 1);
  EXPECT_EQ(StoredAnswers(), 1);
  EXPECT_FALSE(Mutate("new"));
  EXPECT_TRUE(Mutate("old")) << "past the term a request id is new again";

  // And the job keeps running.
  clock_.Advance(absl::Hours(49));
  EXPECT_GE(scheduler_.RunDue(), 1);
  EXPECT_EQ(StoredAnswers(), 0);
}

}  // namespace
}  // namespace schakel
