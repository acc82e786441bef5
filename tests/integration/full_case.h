// A case with everything its team may write about it, for the tests that must find every sealed
// text again (retention, data key rotation).
#ifndef SCHAKEL_TESTS_INTEGRATION_FULL_CASE_H_
#define SCHAKEL_TESTS_INTEGRATION_FULL_CASE_H_

#include <string>

#include "services/common/clock.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::testing {

// Everything the case's team may write about it: a meeting with an action, an active plan (frozen
// from then on) evaluated once, a risk assessment with notes, an incident, and a handover.
inline void FillCase(PlanWorld& w, const Clock& clock, const std::string& case_id) {
  using namespace plan_world;
  v1::RecordMeetingRequest meeting;
  meeting.set_request_id(NewRandomId());
  meeting.set_case_id(case_id);
  meeting.mutable_meeting()->mutable_date()->set_year(2026);
  meeting.mutable_meeting()->mutable_date()->set_month(1);
  meeting.mutable_meeting()->mutable_date()->set_day(5);
  auto* attendee = meeting.mutable_meeting()->add_attendees();
  attendee->set_professional_id("dir");
  attendee->set_organisation_id(kTeam);
  auto* decision = meeting.mutable_meeting()->add_decisions();
  decision->mutable_text()->set_text("Ruud Verbeek krijgt een huisverbod");
  decision->mutable_text()->set_sensitivity(v1::SENSITIVITY_GENERAL);
  decision->mutable_action()->set_description("Huisverbod van Ruud Verbeek bewaken");
  decision->mutable_action()->set_owner_organisation_id(kPolice);
  decision->mutable_action()->mutable_due_date()->set_year(2026);
  decision->mutable_action()->mutable_due_date()->set_month(3);
  decision->mutable_action()->mutable_due_date()->set_day(1);
  decision->mutable_action()->set_sensitivity(v1::SENSITIVITY_GENERAL);
  v1::RecordMeetingResponse recorded;
  grpc::Status st = w.C("dir")->RecordMeeting(PCtx().get(), meeting, &recorded);
  ASSERT_TRUE(st.ok()) << st.error_message();

  const v1::PlanVersion plan = w.ActivePlan(case_id);
  ASSERT_EQ(plan.state(), v1::PLAN_VERSION_STATE_ACTIVE);
  v1::EvaluatePlanRequest confirm = w.Evaluation(plan, v1::EVALUATION_DECISION_CONFIRM);
  confirm.mutable_next_evaluation_date()->set_year(2026);
  confirm.mutable_next_evaluation_date()->set_month(2);
  confirm.mutable_next_evaluation_date()->set_day(12);
  confirm.set_notes("Vader is gestopt met drinken; behandeling loopt.");
  confirm.set_notes_sensitivity(v1::SENSITIVITY_CARE);
  st = w.Evaluate("dir", confirm);
  ASSERT_TRUE(st.ok()) << st.error_message();
  v1::RecordRiskInstrumentRequest risk;
  risk.set_request_id(NewRandomId());
  risk.set_case_id(case_id);
  risk.set_instrument(v1::RISK_INSTRUMENT_KIND_LIRIK);
  risk.set_outcome_level("HIGH");
  risk.set_notes("Dreigt met wapen; eerdere veroordeling.");
  risk.set_notes_sensitivity(v1::SENSITIVITY_GENERAL);
  SetTime(risk.mutable_assessed_at(), clock.Now() - absl::Hours(1));
  v1::RecordRiskInstrumentResponse assessed;
  st = w.P("dir")->RecordRiskInstrument(PCtx().get(), risk, &assessed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  st = w.Incident("agent", case_id, nullptr);
  ASSERT_TRUE(st.ok()) << st.error_message();
  w.Flush();

  v1::ProposeHandoverRequest req;
  req.set_request_id(NewRandomId());
  req.set_case_id(case_id);
  req.set_to_organisation_id(kGgz2);
  req.set_phase(v1::PHASE_STABLE_SAFETY);
  req.mutable_content()->set_summary("Moeder en kinderen veilig bij oma; vader in behandeling");
  req.mutable_content()->add_agreements("Wijkteam belt moeder elke maandag");
  v1::ProposeHandoverResponse resp;
  st = w.H("vt")->ProposeHandover(PCtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
}

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_INTEGRATION_FULL_CASE_H_
