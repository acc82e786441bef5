// Destroying audit content (issue 11, item 3): two different auditors, one proposing and another
// approving within the approval term, and never a period younger than the retention term; every
// step on record. The host runs on a clock that starts in 2019, so the log has an old period.
#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "services/audit/audit_service.h"
#include "services/common/clock.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using v1::AuditService;

constexpr char kOld[] = "2019-03";

class AuditShredTest : public ::testing::Test {
 protected:
  AuditShredTest()
      : clock_(absl::FromCivil(absl::CivilSecond(2019, 3, 10, 12, 0, 0), absl::UTCTimeZone())),
        host_(testing::TestHostOptions{.clock = &clock_}, {}) {
    host_.AddProfessional("aud-a", testing::kOperatorOrg, {v1::ROLE_AUDITOR});
    host_.AddProfessional("aud-b", testing::kOperatorOrg, {v1::ROLE_AUDITOR});
    EXPECT_TRUE(host_.host().FlushOutboxes().ok());  // the 2019-03 entries and their key
  }

  std::unique_ptr<AuditService::Stub> As(const std::string& id) {
    return AuditService::NewStub(host_.ChannelAs(id, testing::kOperatorOrg));
  }

  grpc::Status Propose(const std::string& who, const std::string& request_id,
                       v1::ProposeShredResponse* resp = nullptr) {
    grpc::ClientContext ctx;
    v1::ProposeShredRequest req;
    req.set_request_id(request_id);
    req.set_period(kOld);
    req.set_reason("bewaartermijn verstreken");
    v1::ProposeShredResponse ignored;
    return As(who)->ProposeShred(&ctx, req, resp ? resp : &ignored);
  }

  grpc::Status Approve(const std::string& who, const std::string& request_id,
                       v1::ApproveShredResponse* resp = nullptr) {
    grpc::ClientContext ctx;
    v1::ApproveShredRequest req;
    req.set_request_id(request_id);
    req.set_period(kOld);
    v1::ApproveShredResponse ignored;
    return As(who)->ApproveShred(&ctx, req, resp ? resp : &ignored);
  }

  // Records of `event_type` the auditors can see.
  std::vector<v1::QueriedEntry> Records(const std::string& event_type) {
    EXPECT_TRUE(host_.host().FlushOutboxes().ok());
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_event_type(event_type);
    req.set_purpose("test");
    req.set_page_size(1000);
    v1::QueryEntriesResponse resp;
    EXPECT_TRUE(As("aud-a")->QueryEntries(&ctx, req, &resp).ok());
    return {resp.entries().begin(), resp.entries().end()};
  }

  // To the first day the default retention term (20 years) allows shredding 2019-03.
  void PassRetention() {
    clock_.Set(absl::FromCivil(absl::CivilSecond(2039, 4, 1, 0, 0, 1), absl::UTCTimeZone()));
  }

  FakeClock clock_;
  testing::TestHost host_;
};

TEST_F(AuditShredTest, TwoAuditorsShredAPeriodPastItsRetention) {
  // Younger than the retention term: refused, and on record.
  grpc::Status young = Propose("aud-a", "p-young");
  EXPECT_EQ(young.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(young.error_message(), "2039-04-01")) << young.error_message();
  clock_.Set(absl::FromCivil(absl::CivilSecond(2039, 3, 31, 23, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(Propose("aud-a", "p-almost").error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Records("audit.shred.propose_refused").size(), 2u);

  PassRetention();
  // Nothing proposed: nothing to approve.
  EXPECT_EQ(Approve("aud-b", "a-none").error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  v1::ProposeShredResponse proposed;
  ASSERT_TRUE(Propose("aud-a", "p-1", &proposed).ok());
  EXPECT_EQ(proposed.proposal().proposed_by(), "aud-a");
  EXPECT_EQ(
      proposed.proposal().expire_time().seconds() - proposed.proposal().propose_time().seconds(),
      72 * 3600);
  ASSERT_TRUE(Propose("aud-a", "p-1").ok());  // a retry answers the same
  // A second proposal while one is pending: refused.
  EXPECT_EQ(Propose("aud-b", "p-2").error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // The proposer cannot approve their own proposal.
  EXPECT_EQ(Approve("aud-a", "a-self").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Nothing is destroyed yet.
  EXPECT_FALSE(Records("directory.bootstrapped")[0].shredded());

  v1::ApproveShredResponse approved;
  grpc::Status st = Approve("aud-b", "a-1", &approved);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(approved.approved_by(), "aud-b");
  EXPECT_EQ(approved.proposal().proposed_by(), "aud-a");
  EXPECT_GT(approved.entries(), 0);
  ASSERT_TRUE(Approve("aud-b", "a-1").ok());  // a retry answers the same, destroys nothing more
  EXPECT_TRUE(Records("directory.bootstrapped")[0].shredded());

  // Every step is on record.
  ASSERT_EQ(Records("audit.shred.proposed").size(), 1u);
  const auto shred = Records("audit.shred");
  ASSERT_EQ(shred.size(), 1u);
  EXPECT_EQ(shred[0].record().user().principal_id(), "aud-b");
  bool names_proposer = false;
  for (const auto& o : shred[0].record().objects()) {
    if (o.type() == "shred_proposed_by" && o.id() == "aud-a") names_proposer = true;
  }
  EXPECT_TRUE(names_proposer);
  EXPECT_EQ(Records("audit.shred.approve_refused").size(), 1u);  // nothing proposed
  bool self_approval_recorded = false;
  for (const auto& e : Records("audit.denied")) {
    if (e.record().user().principal_id() == "aud-a" &&
        absl::StrContains(e.record().outcome_detail(), "PERMISSION_DENIED")) {
      self_approval_recorded = true;
    }
  }
  EXPECT_TRUE(self_approval_recorded);
}

TEST_F(AuditShredTest, AProposalLapsesAfterTheApprovalTerm) {
  PassRetention();
  ASSERT_TRUE(Propose("aud-a", "p-1").ok());
  clock_.Advance(absl::Hours(72) + absl::Seconds(1));
  grpc::Status st = Approve("aud-b", "a-late");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(absl::StrContains(st.error_message(), "lapsed")) << st.error_message();
  EXPECT_FALSE(Records("directory.bootstrapped")[0].shredded());
  // Proposed again (by the other auditor), approved by the first in time.
  ASSERT_TRUE(Propose("aud-b", "p-again").ok());
  ASSERT_TRUE(Approve("aud-a", "a-in-time").ok());
  EXPECT_TRUE(Records("directory.bootstrapped")[0].shredded());
}

TEST(AuditShredConfigTest, ARetentionTermUnderFiveYearsIsRefused) {
  HostEnv env;
  env.config.mutable_audit()->set_retention_years(4);
  env.config.mutable_audit()->set_shred_approval_hours(-1);
  audit::AuditService service;
  absl::Status st = service.Open(env);
  EXPECT_TRUE(absl::IsInvalidArgument(st)) << st;
  EXPECT_TRUE(absl::StrContains(st.message(), "audit.retention_years")) << st;
  EXPECT_TRUE(absl::StrContains(st.message(), "audit.shred_approval_hours")) << st;
}

}  // namespace
}  // namespace schakel
