// The scope of a SUPERVISOR (issue 11, item 4): the handovers their organisation sent or
// received, and those of the cases their organisation is on — as the cases service's case events
// (OPENED, TEAM_CHANGED, ...) last told the handover service. The region belongs to a
// REGIONAL_SUPERVISOR.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/common/sqlite.h"
#include "tests/integration/handover_fixture.h"

namespace schakel {
namespace {

using testing::HandoverWorld;
using testing::HCtx;
using namespace testing::handover_world;
using testing::GetAs;
using testing::ListedBy;

void RemoveMember(HandoverWorld& w, const std::string& case_id, const std::string& pro) {
  v1::RemoveTeamMemberRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(case_id);
  req.set_professional_id(pro);
  v1::RemoveTeamMemberResponse resp;
  const grpc::Status st = w.C("dir")->RemoveTeamMember(HCtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
}

// What the police supervisor sees of the one handover and its case.
struct Sight {
  bool listed = false;
  int report_cases = 0;
  bool in_csv = false;  // the report's export has the handover's receiver
  bool readable = false;
};

Sight SightOf(HandoverWorld& w, const std::string& who, const std::string& handover_id) {
  Sight s;
  s.listed = ListedBy(w, who).contains(handover_id);
  const v1::GetHandoverReportResponse report = w.Report(who, /*csv=*/true);
  s.report_cases = report.report().cases();
  s.in_csv = absl::StrContains(report.csv(), absl::StrCat("organisation,", kGgz, ",received,1"));
  const grpc::Status get = GetAs(w, who, handover_id);
  EXPECT_TRUE(get.ok() || get.error_code() == grpc::StatusCode::PERMISSION_DENIED)
      << get.error_message();
  s.readable = get.ok();
  return s;
}

void ExpectSees(const Sight& s) {
  EXPECT_TRUE(s.listed);
  EXPECT_EQ(s.report_cases, 1);
  EXPECT_TRUE(s.in_csv);
  EXPECT_TRUE(s.readable);
}

void ExpectBlind(const Sight& s) {
  EXPECT_FALSE(s.listed);
  EXPECT_EQ(s.report_cases, 0);
  EXPECT_FALSE(s.in_csv);
  EXPECT_FALSE(s.readable);
}

class HandoverScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    w_.Person("polsup", kPolice, {v1::ROLE_SUPERVISOR});
    // Veilig Thuis hands a family without the police over to mental-health care.
    case_id_ = w_.MakeCase({{"ggz1", v1::CASE_ROLE_INVOLVED}});
    ASSERT_TRUE(w_.Propose("vt", case_id_, kGgz, v1::PHASE_STABLE_SAFETY, &handover_).ok());
  }

  HandoverWorld w_;
  std::string case_id_;
  v1::Handover handover_;
};

TEST_F(HandoverScopeTest, ASupervisorSeesTheHandoversOfCasesTheirOrganisationIsOn) {
  {
    SCOPED_TRACE("no police on the case");
    ExpectBlind(SightOf(w_, "polsup", handover_.id()));
  }
  // A police officer joins the team: the police supervisor oversees the case's handovers.
  w_.AddMember(case_id_, "agent", v1::CASE_ROLE_CORE_TEAM);
  w_.Flush();
  {
    // Before: neither listed nor in the report (only handovers the police sent or received).
    SCOPED_TRACE("police on the team");
    ExpectSees(SightOf(w_, "polsup", handover_.id()));
  }
  // The officer leaves: so does the supervisor's sight.
  RemoveMember(w_, case_id_, "agent");
  w_.Flush();
  {
    SCOPED_TRACE("police off the team again");
    ExpectBlind(SightOf(w_, "polsup", handover_.id()));
  }
  // A supervisor of an organisation never on the case sees nothing of it throughout.
  EXPECT_FALSE(ListedBy(w_, "outsup").contains(handover_.id()));
}

TEST_F(HandoverScopeTest, TheRegionalSupervisorSeesTheRegionWhoeverIsOnTheTeam) {
  // "regsup" is of the police too, but with the regional role: the whole region, no content.
  EXPECT_TRUE(ListedBy(w_, "regsup").contains(handover_.id()));
  EXPECT_EQ(w_.Report("regsup").report().cases(), 1);
  w_.AddMember(case_id_, "agent", v1::CASE_ROLE_CORE_TEAM);
  w_.Flush();
  RemoveMember(w_, case_id_, "agent");
  w_.Flush();
  EXPECT_TRUE(ListedBy(w_, "regsup").contains(handover_.id()));
  EXPECT_EQ(w_.Report("regsup").report().cases(), 1);
  // The regional role reads lists and reports, not handovers.
  EXPECT_EQ(GetAs(w_, "regsup", handover_.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(HandoverScopeTest, TheDirectorRoleHandedToAnotherOrganisationBringsItIn) {
  ExpectBlind(SightOf(w_, "polsup", handover_.id()));
  w_.Person("poldir", kPolice, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL});
  v1::TransferDirectorRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(case_id_);
  req.set_to_professional_id("poldir");
  v1::TransferDirectorResponse resp;
  const grpc::Status st = w_.C("dir")->TransferDirector(HCtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  w_.Flush();
  ExpectSees(SightOf(w_, "polsup", handover_.id()));
}

// Cases the ledger had before it kept teams (migration 0004) have no set until their next case
// event that carries one; then the whole team comes at once.
TEST_F(HandoverScopeTest, ACaseWithoutAKnownTeamGetsItWithItsNextTeamChange) {
  w_.AddMember(case_id_, "agent", v1::CASE_ROLE_CORE_TEAM);
  w_.Flush();
  {
    auto db = sqlite::Database::Open(w_.host().data_dir() / "handover.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("DELETE FROM case_organisations").ok());
  }
  {
    // The list and the report go by what the handover service knows; reading one handover asks
    // the cases service, which knows the team.
    SCOPED_TRACE("team unknown");
    const Sight s = SightOf(w_, "polsup", handover_.id());
    EXPECT_FALSE(s.listed);
    EXPECT_EQ(s.report_cases, 0);
    EXPECT_TRUE(s.readable);
  }
  // Another organisation joins: the event names every organisation on the team, police included.
  w_.AddMember(case_id_, "ggz2", v1::CASE_ROLE_INVOLVED);
  w_.Flush();
  ExpectSees(SightOf(w_, "polsup", handover_.id()));
}

}  // namespace
}  // namespace schakel
