// A retried change (same request_id) is answered with its first answer after the state it changed
// moved on, and refused to someone who can no longer see the case.
#include <gtest/gtest.h>
#include <algorithm>
#include "tests/integration/handover_fixture.h"

namespace schakel {
namespace {
using testing::HandoverWorld;
using testing::HCtx;
using namespace testing::handover_world;

int Count(const std::vector<v1::TimelineEvent>& events, const std::string& type) {
  return static_cast<int>(
      std::count_if(events.begin(), events.end(), [&](const auto& e) { return e.type() == type; }));
}

TEST(HandoverReplayTest, ARetriedChangeIsAnsweredAfterTheStateMoved) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase({{"ggz1", v1::CASE_ROLE_CORE_TEAM}});
  v1::ProposeHandoverRequest propose;
  propose.set_request_id("replay-propose");
  propose.set_case_id(case_id);
  propose.set_to_organisation_id(kTeam);
  propose.set_phase(v1::PHASE_STABLE_SAFETY);
  propose.mutable_content()->set_summary("samenvatting");
  v1::ProposeHandoverResponse p1, p2;
  ASSERT_TRUE(w.H("vt")->ProposeHandover(HCtx().get(), propose, &p1).ok());
  v1::AcceptHandoverRequest accept;
  accept.set_request_id("replay-accept");
  accept.set_handover_id(p1.handover().id());
  v1::AcceptHandoverResponse a1, a2;
  ASSERT_TRUE(w.H("wt")->AcceptHandover(HCtx().get(), accept, &a1).ok());
  v1::ConfirmFirstContactRequest confirm;
  confirm.set_request_id("replay-confirm");
  confirm.set_handover_id(p1.handover().id());
  v1::ConfirmFirstContactResponse c1, c2;
  ASSERT_TRUE(w.H("wt")->ConfirmFirstContact(HCtx().get(), confirm, &c1).ok());
  w.clock().Advance(absl::Hours(1));
  // The lead moved to the local team: the retried proposal is still answered.
  grpc::Status st = w.H("vt")->ProposeHandover(HCtx().get(), propose, &p2);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(p1.SerializeAsString(), p2.SerializeAsString());
  st = w.H("wt")->AcceptHandover(HCtx().get(), accept, &a2);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(a1.SerializeAsString(), a2.SerializeAsString());
  st = w.H("wt")->ConfirmFirstContact(HCtx().get(), confirm, &c2);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(c1.SerializeAsString(), c2.SerializeAsString());

  // Withdraw and decline, retried after the handover left PROPOSED.
  v1::Handover h2;
  ASSERT_TRUE(w.Propose("wt", case_id, kGgz, v1::PHASE_STABLE_SAFETY, &h2).ok());
  v1::WithdrawHandoverRequest withdraw;
  withdraw.set_request_id("replay-withdraw");
  withdraw.set_handover_id(h2.id());
  v1::WithdrawHandoverResponse w1, w2;
  ASSERT_TRUE(w.H("wt")->WithdrawHandover(HCtx().get(), withdraw, &w1).ok());
  st = w.H("wt")->WithdrawHandover(HCtx().get(), withdraw, &w2);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(w1.SerializeAsString(), w2.SerializeAsString());
  v1::Handover h3;
  ASSERT_TRUE(w.Propose("wt", case_id, kGgz, v1::PHASE_STABLE_SAFETY, &h3).ok());
  v1::DeclineHandoverRequest decline;
  decline.set_request_id("replay-decline");
  decline.set_handover_id(h3.id());
  decline.set_reason("geen plek");
  v1::DeclineHandoverResponse d1, d2;
  ASSERT_TRUE(w.H("ggz1")->DeclineHandover(HCtx().get(), decline, &d1).ok());
  st = w.H("ggz1")->DeclineHandover(HCtx().get(), decline, &d2);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(d1.SerializeAsString(), d2.SerializeAsString());

  // Same request id, another request: still refused.
  propose.set_phase(v1::PHASE_RECOVERY);
  st = w.H("vt")->ProposeHandover(HCtx().get(), propose, &p2);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // Each change happened once; each replay left a record of the look.
  const auto timeline = w.Timeline(case_id);
  EXPECT_EQ(Count(timeline, "handover.proposed"), 3);
  EXPECT_EQ(Count(timeline, "handover.accepted"), 1);
  EXPECT_EQ(Count(timeline, "handover.first_contact_confirmed"), 1);
  EXPECT_EQ(Count(timeline, "handover.withdrawn"), 1);
  EXPECT_EQ(Count(timeline, "handover.declined"), 1);
  std::set<std::string> types;
  for (const auto& r : w.AuditRecordsAbout(p1.handover().id())) types.insert(r.event_type());
  for (const auto& r : w.AuditRecordsAbout(h2.id())) types.insert(r.event_type());
  for (const auto& r : w.AuditRecordsAbout(h3.id())) types.insert(r.event_type());
  for (const char* t : {"handover.proposed.replayed", "handover.accepted.replayed",
                        "handover.first_contact_confirmed.replayed", "handover.withdrawn.replayed",
                        "handover.declined.replayed"}) {
    EXPECT_TRUE(types.contains(t)) << t;
  }
}

TEST(HandoverReplayTest, AReplayIsRefusedToWhoCanNoLongerSeeIt) {
  HandoverWorld w;
  const std::string case_id = w.MakeCase();
  v1::ProposeHandoverRequest propose;
  propose.set_request_id("replay-propose-2");
  propose.set_case_id(case_id);
  propose.set_to_organisation_id(kTeam);
  propose.set_phase(v1::PHASE_STABLE_SAFETY);
  propose.mutable_content()->set_summary("samenvatting");
  v1::ProposeHandoverResponse p1, p2;
  ASSERT_TRUE(w.H("vt")->ProposeHandover(HCtx().get(), propose, &p1).ok());
  ASSERT_TRUE(w.Accept("wt", p1.handover().id()).ok());
  // vt leaves the team.
  v1::RemoveTeamMemberRequest remove;
  remove.set_request_id(NewRandomId());
  remove.set_case_id(case_id);
  remove.set_professional_id("vt");
  v1::RemoveTeamMemberResponse removed;
  grpc::Status st = w.C("dir")->RemoveTeamMember(HCtx().get(), remove, &removed);
  if (!st.ok()) GTEST_SKIP() << "cannot remove vt: " << st.error_message();
  st = w.H("vt")->ProposeHandover(HCtx().get(), propose, &p2);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  EXPECT_TRUE(p2.handover().id().empty());
}

}  // namespace
}  // namespace schakel
