// HandoverService against someone who should learn nothing: a handover that does not exist and one
// of other organisations get the same answer, access is checked before content is decrypted, and
// supervisors see the handovers of their own organisation only (the region's belong to a regional
// supervisor).
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

constexpr char kMissing[] = "no-such-handover";

// The same code and message, and no organisation named in it.
void ExpectAlike(const grpc::Status& missing, const grpc::Status& foreign) {
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::PERMISSION_DENIED) << missing.error_message();
  EXPECT_EQ(foreign.error_code(), missing.error_code()) << foreign.error_message();
  EXPECT_EQ(foreign.error_message(), missing.error_message());
  for (const char* org : {kVt, kTeam, kGgz, kPolice}) {
    EXPECT_FALSE(absl::StrContains(foreign.error_message(), org)) << foreign.error_message();
  }
}

TEST(HandoverSecurityTest, GetHandoverAnswersMissingAndForeignAlike) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  // Before: NOT_FOUND for the missing one, PERMISSION_DENIED for the other's.
  ExpectAlike(GetAs(w, "outsider", kMissing), GetAs(w, "outsider", h.id()));
  // A team member asking for a missing id hears the same.
  EXPECT_EQ(GetAs(w, "vt", kMissing).error_message(), GetAs(w, "outsider", h.id()).error_message());
}

TEST(HandoverSecurityTest, GetHandoverChecksAccessBeforeDecrypting) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  // Content that cannot be decrypted: whoever makes the service try learns that it tried.
  {
    auto db = sqlite::Database::Open(w.host().data_dir() / "handover.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec(absl::StrCat("UPDATE handovers SET body = zeroblob(64) WHERE id = '",
                                        h.id(), "'"))
                    .ok());
  }
  // Before: the outsider's call decrypted first and failed on the content.
  const grpc::Status foreign = GetAs(w, "outsider", h.id());
  ExpectAlike(GetAs(w, "outsider", kMissing), foreign);
  // The team's call does decrypt, and fails on the broken content.
  const grpc::Status team = GetAs(w, "vt", h.id());
  EXPECT_FALSE(team.ok());
  EXPECT_NE(team.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST(HandoverSecurityTest, ChangesByNonPartiesAnswerAsForAMissingHandover) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  // Before: NOT_FOUND for the missing one; for the other's, PERMISSION_DENIED naming the
  // receiving or sending organisation.
  {
    SCOPED_TRACE("accept");
    ExpectAlike(w.Accept("outsider", kMissing), w.Accept("outsider", h.id()));
  }
  {
    SCOPED_TRACE("decline");
    ExpectAlike(w.Decline("outsider", kMissing), w.Decline("outsider", h.id()));
  }
  {
    SCOPED_TRACE("withdraw");
    ExpectAlike(w.Withdraw("outsider", kMissing), w.Withdraw("outsider", h.id()));
  }
  {
    SCOPED_TRACE("confirm");
    ExpectAlike(w.Confirm("outsider", kMissing), w.Confirm("outsider", h.id()));
  }
  // A party on the wrong side is told why, without names.
  const grpc::Status wrong_side = w.Accept("vt", h.id());
  EXPECT_EQ(wrong_side.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_FALSE(absl::StrContains(wrong_side.error_message(), kTeam)) << wrong_side.error_message();
  EXPECT_EQ(w.Get("vt", h.id()).state(), v1::HANDOVER_STATE_PROPOSED);
}

// Whether `rec` names an object of `type` with `id`.
bool Names(const v1::AuditRecord& rec, const std::string& type, const std::string& id) {
  for (const auto& o : rec.objects()) {
    if (o.type() == type && o.id() == id) return true;
  }
  return false;
}

// Item 9: an auditor can answer "who tried to look at this handover, and this family's case?".
TEST(HandoverSecurityTest, ARefusalNamesTheHandoverAndItsCase) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::Handover h;
  ASSERT_TRUE(w.Propose("vt", case_id, kTeam, v1::PHASE_STABLE_SAFETY, &h).ok());
  // Refused by the handler (another organisation) and by the table (an administrator).
  ASSERT_EQ(GetAs(w, "outsider", h.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_EQ(w.Accept("outsider", h.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_EQ(w.Withdraw("outsider", h.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_EQ(GetAs(w, "admin", h.id()).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Before: a refusal's record named the RPC only, so none of these were found by the handover.
  std::set<std::string> outsider_methods;
  int admin = 0;
  for (const auto& rec : w.AuditRecordsAbout(h.id())) {
    if (rec.outcome() != v1::AUDIT_OUTCOME_DENIED) continue;
    if (rec.user().principal_id() == "outsider") {
      for (const auto& o : rec.objects()) {
        if (o.type() == "rpc") outsider_methods.insert(o.id());
      }
      EXPECT_TRUE(Names(rec, "case", case_id)) << rec.ShortDebugString();
    } else {
      ++admin;
    }
  }
  EXPECT_EQ(outsider_methods.size(), 3u);
  EXPECT_EQ(admin, 1);
}

std::set<std::string> OrganisationsIn(const v1::HandoverReport& report) {
  std::set<std::string> out;
  for (const auto& f : report.organisations()) out.insert(f.organisation_id());
  return out;
}

TEST(HandoverSecurityTest, SupervisorsSeeTheirOwnOrganisationsHandoversOnly) {
  HandoverWorld w;
  w.Person("polsup", kPolice, {v1::ROLE_SUPERVISOR});
  // The police are on one case and get its handover ...
  const std::string police_case = w.MakeCase({{"agent", v1::CASE_ROLE_CORE_TEAM}});
  v1::Handover to_police;
  ASSERT_TRUE(w.Propose("vt", police_case, kPolice, v1::PHASE_STABLE_SAFETY, &to_police).ok());
  // ... and have nothing to do with another, which Veilig Thuis hands to mental-health care.
  const std::string family = w.MakeCase({{"ggz1", v1::CASE_ROLE_INVOLVED}});
  v1::Handover to_ggz;
  ASSERT_TRUE(w.Propose("vt", family, kGgz, v1::PHASE_STABLE_SAFETY, &to_ggz).ok());
  w.clock().Advance(absl::Hours(5));
  ASSERT_TRUE(w.Accept("ggz1", to_ggz.id()).ok());
  // A hole in that family's ledger, for the gap list.
  {
    auto db = sqlite::Database::Open(w.host().data_dir() / "handover.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec(absl::StrCat("UPDATE lead_periods SET end_time = end_time - 3600000000 "
                                        "WHERE case_id = '",
                                        family, "' AND end_time IS NOT NULL"))
                    .ok());
  }

  // Before: the police supervisor listed both, and the family's gap.
  EXPECT_EQ(ListedBy(w, "polsup"), std::set<std::string>{to_police.id()});
  EXPECT_EQ(ListedBy(w, "ggzsup"), std::set<std::string>{to_ggz.id()});
  EXPECT_EQ(ListedBy(w, "vtsup"), (std::set<std::string>{to_police.id(), to_ggz.id()}));
  EXPECT_TRUE(ListedBy(w, "outsup").empty());

  const v1::HandoverReport police = w.Report("polsup").report();
  EXPECT_EQ(police.cases(), 1);
  EXPECT_TRUE(police.gaps().empty());
  EXPECT_EQ(OrganisationsIn(police), (std::set<std::string>{kVt, kPolice}));
  const v1::HandoverReport ggz = w.Report("ggzsup").report();
  EXPECT_EQ(ggz.cases(), 1);
  ASSERT_EQ(ggz.gaps_size(), 1);
  EXPECT_EQ(ggz.gaps(0).case_id(), family);
  EXPECT_EQ(OrganisationsIn(ggz), (std::set<std::string>{kVt, kGgz}));
  // Veilig Thuis led both cases.
  EXPECT_EQ(w.Report("vtsup").report().cases(), 2);
  // Asking for another organisation's handovers by name finds none of them either.
  v1::ListHandoversRequest by_name;
  by_name.set_organisation_id(kGgz);
  v1::ListHandoversResponse named;
  ASSERT_TRUE(w.H("polsup")->ListHandovers(HCtx().get(), by_name, &named).ok());
  EXPECT_EQ(named.handovers_size(), 0);

  // The region's view belongs to the regional supervisor.
  EXPECT_EQ(ListedBy(w, "regsup"), (std::set<std::string>{to_police.id(), to_ggz.id()}));
  const v1::HandoverReport region = w.Report("regsup").report();
  EXPECT_EQ(region.cases(), 2);
  EXPECT_EQ(region.gaps_size(), 1);
  EXPECT_EQ(OrganisationsIn(region), (std::set<std::string>{kVt, kPolice, kGgz}));
}

}  // namespace
}  // namespace schakel
