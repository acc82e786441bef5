// What follows a plan in force: its evaluation, incidents (the case back to phase 1 in the
// handover service's ledger), and the reminders and escalations of evaluation dates, agreements
// and reviews — exactly once, across a restart and across holidays — on a real host with the
// cases, handover and safety plan services, a fake clock and real SQLite files.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "services/common/clock.h"
#include "services/common/sqlite.h"
#include "tests/integration/safetyplan_fixture.h"
#include "tests/support/amsterdam_time.h"

namespace schakel::testing {
namespace {

using namespace plan_world;

int CountItems(const std::vector<v1::PlanInboxItem>& items, v1::PlanInboxItemKind kind,
               v1::PlanDeadlineKind about) {
  return static_cast<int>(std::count_if(items.begin(), items.end(), [&](const auto& i) {
    return i.kind() == kind && i.about() == about;
  }));
}

int CountEvents(const std::vector<v1::TimelineEvent>& events, const std::string& type) {
  return static_cast<int>(
      std::count_if(events.begin(), events.end(), [&](const auto& e) { return e.type() == type; }));
}

v1::Date Day(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

bool SameDay(const v1::Date& a, const v1::Date& b) {
  return a.year() == b.year() && a.month() == b.month() && a.day() == b.day();
}

class PlanFollowUpTest : public ::testing::Test {
 protected:
  PlanFollowUpTest() {
    clock_.Set(AmsterdamTime(2026, 11, 30, 9));  // a Monday
    world_ = std::make_unique<PlanWorld>(
        PlanWorldOptions{.data_dir = dir_.path(), .pki = &pki_, .clock = &clock_});
  }
  PlanWorld& w() { return *world_; }

  TempDir dir_;
  TestPki pki_;
  FakeClock clock_;
  std::unique_ptr<PlanWorld> world_;
};

TEST_F(PlanFollowUpTest, TheDirectorEvaluatesEveryConditionThenConfirmsOrStartsTheNextVersion) {
  const std::string case_id = w().MakeCase();
  const v1::PlanVersion plan = w().ActivePlan(case_id);
  v1::GetPlanResponse got;
  ASSERT_TRUE(w().Get("dir", case_id, 0, &got).ok());
  EXPECT_TRUE(SameDay(got.next_evaluation_date(), Day(2027, 1, 15)));

  // Only the director evaluates.
  v1::EvaluatePlanRequest confirm = w().Evaluation(plan, v1::EVALUATION_DECISION_CONFIRM);
  *confirm.mutable_next_evaluation_date() = Day(2027, 2, 12);
  confirm.set_notes("Vader is gestopt met drinken; behandeling loopt.");
  confirm.set_notes_sensitivity(v1::SENSITIVITY_CARE);
  grpc::Status st = w().Evaluate("wt", confirm);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();

  // Bad input: every field named, nothing stored.
  v1::EvaluatePlanRequest bad = confirm;
  bad.mutable_conditions(0)->set_outcome(v1::CONDITION_OUTCOME_UNSPECIFIED);
  bad.mutable_conditions(1)->set_item_id("not an id");
  bad.clear_next_evaluation_date();
  st = w().Evaluate("dir", bad);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"conditions[0].outcome", "conditions[1].item_id",
                                                  "next_evaluation_date"}));
  // A condition left out, and one that is not a condition of the version.
  bad = confirm;
  bad.mutable_conditions()->RemoveLast();
  bad.add_conditions()->set_item_id(ItemsOf(plan.content(), v1::PLAN_SECTION_WORRIES)[0].id());
  bad.mutable_conditions(1)->set_outcome(v1::CONDITION_OUTCOME_MET);
  st = w().Evaluate("dir", bad);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"conditions", "conditions[1].item_id"}));
  ASSERT_TRUE(w().Get("dir", case_id, 0, &got).ok());
  EXPECT_TRUE(got.evaluations().empty());

  // Confirmed until 12 February; a retry answers the same and stores nothing twice.
  v1::EvaluatePlanResponse first;
  st = w().Evaluate("dir", confirm, &first);
  ASSERT_TRUE(st.ok()) << st.error_message();
  v1::EvaluatePlanResponse again;
  ASSERT_TRUE(w().Evaluate("dir", confirm, &again).ok());
  EXPECT_EQ(again.evaluation().id(), first.evaluation().id());
  ASSERT_TRUE(w().Get("dir", case_id, 0, &got).ok());
  ASSERT_EQ(got.evaluations_size(), 1);
  EXPECT_EQ(got.evaluations(0).conditions_size(), 2);
  EXPECT_EQ(got.evaluations(0).notes(), confirm.notes());
  EXPECT_TRUE(SameDay(got.next_evaluation_date(), Day(2027, 2, 12)));
  EXPECT_EQ(got.version().state(), v1::PLAN_VERSION_STATE_ACTIVE)
      << "confirming changes no version";
  // The police see that it was evaluated, not the care notes.
  ASSERT_TRUE(w().Get("agent", case_id, 0, &got).ok());
  ASSERT_EQ(got.evaluations_size(), 1);
  EXPECT_TRUE(got.evaluations(0).notes_hidden());
  EXPECT_TRUE(got.evaluations(0).notes().empty());
  EXPECT_TRUE(absl::StrContains(got.evaluations(0).notes_hidden_reason(), "verborgen"));

  // Confirmed again until the same day: a new term of its own (the plan keeps a next date).
  confirm.set_request_id(NewRandomId());
  ASSERT_TRUE(w().Evaluate("dir", confirm).ok());
  ASSERT_TRUE(w().Get("dir", case_id, 0, &got).ok());
  EXPECT_TRUE(SameDay(got.next_evaluation_date(), Day(2027, 2, 12)));

  // Next version: a draft from version 1.
  v1::EvaluatePlanRequest next =
      w().Evaluation(plan, v1::EVALUATION_DECISION_NEXT_VERSION, v1::CONDITION_OUTCOME_NOT_MET);
  v1::EvaluatePlanResponse started;
  st = w().Evaluate("dir", next, &started);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(started.draft().version(), 2);
  EXPECT_EQ(started.draft().based_on(), 1);
  EXPECT_EQ(started.draft().state(), v1::PLAN_VERSION_STATE_DRAFT);
  // Its evaluation date: the default six weeks from today, for the team to change.
  EXPECT_TRUE(SameDay(started.draft().content().evaluation_date(), Day(2027, 1, 11)));
  EXPECT_EQ(started.evaluation().next_version(), 2);
  ASSERT_TRUE(w().Get("dir", case_id, 0, &got).ok());
  EXPECT_EQ(got.evaluations_size(), 3);
  EXPECT_FALSE(got.has_next_evaluation_date()) << "the next version sets the next date";
  EXPECT_EQ(CountEvents(w().Timeline(case_id), "plan.evaluated"), 3);
}

TEST_F(PlanFollowUpTest, AnIncidentSendsTheCaseBackToPhaseOneUnderTheSameLead) {
  const std::string case_id = w().MakeCase();
  w().Flush();  // the ledger knows the case: Veilig Thuis opened it and leads
  const v1::PlanVersion plan = w().ActivePlan(case_id);

  // The lead moves its own case on to stable safety; nobody else may, nor skip a phase.
  auto change = [&](const std::string& who, v1::Phase phase) {
    v1::ChangePhaseRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_phase(phase);
    v1::ChangePhaseResponse resp;
    return w().H(who)->ChangePhase(PCtx().get(), req, &resp);
  };
  EXPECT_EQ(change("wt", v1::PHASE_STABLE_SAFETY).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::Status st = change("vt", v1::PHASE_RECOVERY);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), std::set<std::string>{"phase"});
  st = change("vt", v1::PHASE_STABLE_SAFETY);
  ASSERT_TRUE(st.ok()) << st.error_message();

  // The police officer of the core team records an incident: phase 1 already in the answer.
  clock_.Advance(absl::Hours(2));
  v1::RecordIncidentResponse rec;
  const std::string request_id = NewRandomId();
  st = w().Incident("agent", case_id, &rec, v1::SENSITIVITY_CARE, request_id);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(rec.phase(), v1::PHASE_DIRECT_SAFETY);
  EXPECT_EQ(rec.lead_organisation_id(), kVt);
  EXPECT_TRUE(rec.phase_changed());
  // Reviewed within 5 working days: Monday 7 December.
  EXPECT_TRUE(SameDay(rec.incident().review_due(), Day(2026, 12, 7)));
  // A retry records nothing twice, in the plan or in the ledger.
  v1::RecordIncidentResponse retried;
  ASSERT_TRUE(w().Incident("agent", case_id, &retried, v1::SENSITIVITY_CARE, request_id).ok());
  EXPECT_EQ(retried.incident().id(), rec.incident().id());

  v1::GetResponsibilityRequest rr;
  rr.set_case_id(case_id);
  v1::GetResponsibilityResponse resp;
  st = w().H("vt")->GetResponsibility(PCtx().get(), rr, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(resp.responsibility().phase(), v1::PHASE_DIRECT_SAFETY);
  EXPECT_EQ(resp.responsibility().lead_organisation_id(), kVt);
  ASSERT_EQ(resp.history_size(), 3);  // opened, moved on, the incident
  EXPECT_EQ(resp.history(1).cause(), "phase.changed");
  EXPECT_EQ(resp.history(2).cause(), "plan.incident");
  EXPECT_EQ(resp.history(2).organisation_id(), kVt);
  // Each period begins where the last ended: no gap, never two leads.
  for (int i = 1; i < resp.history_size(); ++i) {
    EXPECT_EQ(resp.history(i).start().seconds(), resp.history(i - 1).end().seconds());
    EXPECT_EQ(resp.history(i).start().nanos(), resp.history(i - 1).end().nanos());
  }
  v1::GetHandoverReportResponse report;
  st = w().H("vtsup")->GetHandoverReport(PCtx().get(), v1::GetHandoverReportRequest(), &report);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(report.report().gaps().empty());

  // Every professional on the team finds it in their inbox; nobody else.
  for (const char* who : {"dir", "wt", "agent", "ggz"}) {
    EXPECT_EQ(CountItems(w().Inbox(who), v1::PLAN_INBOX_ITEM_KIND_INCIDENT,
                         v1::PLAN_DEADLINE_KIND_INCIDENT_REVIEW),
              1)
        << who;
  }
  EXPECT_TRUE(w().Inbox("outsider").empty());
  EXPECT_TRUE(w().Inbox("vtsup").empty()) << "oversight is not the team";

  // The plan shows it; the police see no CARE text of it.
  v1::GetPlanResponse got;
  ASSERT_TRUE(w().Get("dir", case_id, 0, &got).ok());
  ASSERT_EQ(got.incidents_size(), 1);
  EXPECT_EQ(got.incidents(0).police_reference(), "PL0900-2026-123456");
  EXPECT_FALSE(got.incidents(0).reviewed());
  ASSERT_TRUE(w().Get("agent", case_id, 0, &got).ok());
  ASSERT_EQ(got.incidents_size(), 1);
  EXPECT_TRUE(got.incidents(0).hidden());
  EXPECT_TRUE(got.incidents(0).what().empty());

  const auto timeline = w().Timeline(case_id);
  EXPECT_EQ(CountEvents(timeline, "plan.incident"), 1);
  EXPECT_EQ(CountEvents(timeline, "handover.phase_reset"), 1);
  EXPECT_EQ(CountEvents(timeline, "handover.phase_changed"), 1);

  // Evaluating the plan reviews it: the incident leaves the inboxes.
  v1::EvaluatePlanRequest confirm = w().Evaluation(plan, v1::EVALUATION_DECISION_CONFIRM);
  *confirm.mutable_next_evaluation_date() = Day(2027, 1, 29);
  ASSERT_TRUE(w().Evaluate("dir", confirm).ok());
  ASSERT_TRUE(w().Get("dir", case_id, 0, &got).ok());
  EXPECT_TRUE(got.incidents(0).reviewed());
  EXPECT_TRUE(w().Inbox("wt").empty());

  // Evaluations, incidents, risk assessments and the family's agreements are facts: the database
  // refuses any UPDATE or DELETE of them, whoever tries.
  {
    v1::RecordRiskInstrumentRequest r;
    r.set_request_id(NewRandomId());
    r.set_case_id(case_id);
    r.set_instrument(v1::RISK_INSTRUMENT_KIND_RIHG);
    r.set_outcome_level("HIGH");
    SetTime(r.mutable_assessed_at(), absl::ToUnixMicros(clock_.Now()));
    v1::RecordRiskInstrumentResponse out;
    ASSERT_TRUE(w().P("agent")->RecordRiskInstrument(PCtx().get(), r, &out).ok());
    v1::RecordFamilyAgreementRequest a;
    a.set_request_id(NewRandomId());
    a.set_case_id(case_id);
    a.set_version(1);
    a.set_person_id(w().person_id());
    a.set_channel(v1::AGREEMENT_CHANNEL_IN_PERSON);
    v1::RecordFamilyAgreementResponse agreed;
    // Who agreed must be a person of this case.
    a.set_person_id("p-not-of-this-case");
    st = w().P("dir")->RecordFamilyAgreement(PCtx().get(), a, &agreed);
    EXPECT_EQ(BadFields(st), std::set<std::string>{"person_id"}) << st.error_message();
    a.set_person_id(w().person_id());
    a.set_request_id(NewRandomId());
    st = w().P("dir")->RecordFamilyAgreement(PCtx().get(), a, &agreed);
    ASSERT_TRUE(st.ok()) << st.error_message();
    auto db = sqlite::Database::Open(w().host().data_dir() / "safetyplan.db");
    ASSERT_TRUE(db.ok()) << db.status();
    for (const char* sql :
         {"UPDATE plan_evaluations SET decision = 'NEXT_VERSION'", "DELETE FROM plan_evaluations",
          "UPDATE plan_incidents SET body = x'00'", "DELETE FROM plan_incidents",
          "UPDATE risk_assessments SET outcome_level = 'LOW'", "DELETE FROM risk_assessments",
          "UPDATE plan_family_agreements SET channel = 2", "DELETE FROM plan_family_agreements"}) {
      const absl::Status refused = (*db)->Exec(sql);
      EXPECT_FALSE(refused.ok()) << sql;
      EXPECT_TRUE(absl::StrContains(refused.message(), "never")) << sql << ": " << refused;
    }
  }

  // Bad input names every field; an outsider is refused as for a missing case.
  v1::RecordIncidentRequest empty;
  empty.set_request_id(NewRandomId());
  empty.set_case_id(case_id);
  v1::RecordIncidentResponse none;
  st = w().P("agent")->RecordIncident(PCtx().get(), empty, &none);
  EXPECT_EQ(BadFields(st), (std::set<std::string>{"occurred_at", "what", "reported_by"}));
  EXPECT_EQ(w().Incident("outsider", case_id, nullptr).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(PlanFollowUpTest, RemindersAndEscalationsOnceAcrossRestartsAndHolidays) {
  const std::string case_id = w().MakeCase();
  // An agreement due Monday 28 December 2026: Christmas is on the Friday before, so the working
  // day before is Thursday 24 December. The evaluation on Monday 4 January 2027: New Year's Day
  // is a Friday, so its reminder comes on Thursday 31 December.
  v1::PlanContent content = w().FirstPlan();
  for (auto& section : *content.mutable_sections()) {
    if (section.section() != v1::PLAN_SECTION_AGREEMENTS) continue;
    section.mutable_items()->DeleteSubrange(1, 1);
    *section.mutable_items(0)->mutable_agreement()->mutable_due() = Day(2026, 12, 28);
  }
  *content.mutable_evaluation_date() = Day(2027, 1, 4);
  v1::PlanVersion v;
  ASSERT_TRUE(w().Start("dir", case_id, &v).ok());
  ASSERT_TRUE(w().Update("dir", v, content, &v).ok());
  ASSERT_TRUE(w().Propose("dir", case_id, v.version()).ok());
  ASSERT_TRUE(w().SignOff("dir", case_id, v.version()).ok());
  grpc::Status st = w().SignOff("vt", case_id, v.version(), &v);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(v.state(), v1::PLAN_VERSION_STATE_ACTIVE);

  auto reminders = [&](const std::string& who, v1::PlanDeadlineKind about) {
    return CountItems(w().Inbox(who), v1::PLAN_INBOX_ITEM_KIND_REMINDER, about);
  };
  auto escalations = [&](const std::string& who, v1::PlanDeadlineKind about) {
    return CountItems(w().Inbox(who), v1::PLAN_INBOX_ITEM_KIND_ESCALATION, about);
  };
  constexpr auto kAgreement = v1::PLAN_DEADLINE_KIND_AGREEMENT;
  constexpr auto kEvaluation = v1::PLAN_DEADLINE_KIND_EVALUATION;

  clock_.Set(AmsterdamTime(2026, 12, 23, 17));  // Wednesday: nothing due yet
  EXPECT_EQ(*w().service().ScanDeadlines(), 0);
  EXPECT_EQ(reminders("wt", kAgreement), 0);

  clock_.Set(AmsterdamTime(2026, 12, 24, 8));  // Thursday: the agreement's owner is reminded
  EXPECT_EQ(*w().service().ScanDeadlines(), 1);
  EXPECT_EQ(*w().service().ScanDeadlines(), 0) << "nothing twice";
  EXPECT_EQ(reminders("wt", kAgreement), 1);
  EXPECT_EQ(reminders("dir", kAgreement), 0) << "only the owner";

  w().Restart();
  clock_.Set(AmsterdamTime(2026, 12, 28, 23, 30));  // the due day itself: not yet late
  EXPECT_EQ(*w().service().ScanDeadlines(), 0);
  EXPECT_EQ(reminders("wt", kAgreement), 1);

  clock_.Set(AmsterdamTime(2026, 12, 29, 9));  // passed: the director and the owner's supervisors
  EXPECT_EQ(*w().service().ScanDeadlines(), 1);
  EXPECT_EQ(escalations("dir", kAgreement), 1);
  EXPECT_EQ(escalations("wtsup", kAgreement), 1);
  EXPECT_EQ(escalations("polsup", kAgreement), 0);
  EXPECT_EQ(escalations("wt", kAgreement), 0) << "professionals get no supervisors' items";
  const auto items = w().Inbox("dir");
  ASSERT_FALSE(items.empty());
  EXPECT_TRUE(items.back().overdue());
  EXPECT_TRUE(absl::StrContains(items.back().text(), "Niet op tijd")) << items.back().text();

  w().Restart();
  EXPECT_EQ(*w().service().ScanDeadlines(), 0) << "a restart sends nothing again";
  EXPECT_EQ(escalations("dir", kAgreement), 1);
  EXPECT_EQ(escalations("wtsup", kAgreement), 1);
  EXPECT_EQ(CountEvents(w().Timeline(case_id), "plan.deadline_passed"), 1);

  clock_.Set(AmsterdamTime(2026, 12, 30, 9));  // Wednesday: too early for the evaluation
  EXPECT_EQ(*w().service().ScanDeadlines(), 0);
  clock_.Set(AmsterdamTime(2026, 12, 31, 9));  // Thursday before New Year's Day and the weekend
  EXPECT_EQ(*w().service().ScanDeadlines(), 1);
  EXPECT_EQ(reminders("dir", kEvaluation), 1);

  // Evaluated on time: the reminder leaves the inbox and nothing escalates later.
  clock_.Set(AmsterdamTime(2027, 1, 4, 10));
  v1::EvaluatePlanRequest confirm = w().Evaluation(v, v1::EVALUATION_DECISION_CONFIRM);
  *confirm.mutable_next_evaluation_date() = Day(2027, 2, 1);
  st = w().Evaluate("dir", confirm);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(reminders("dir", kEvaluation), 0);
  clock_.Set(AmsterdamTime(2027, 1, 5, 10));
  EXPECT_EQ(*w().service().ScanDeadlines(), 0);
  EXPECT_EQ(escalations("dir", kEvaluation), 0);
}

}  // namespace
}  // namespace schakel::testing
