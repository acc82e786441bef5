// The safety assessment through the real service: what each route needs, its effects (the report
// leaves the queue; an investigation's 10-week term with its reminder and escalation, once, also
// across a restart), advice converted first, a retried request, and who may assess.
#include "tests/integration/intake_fixture.h"

namespace schakel::testing {
namespace {

using namespace intake_world;

TEST(IntakeAssessmentIntegrationTest, EveryRouteNamesTheFieldsItMisses) {
  IntakeWorld w;
  const std::string id = w.Submit("vt1", ProfessionalReport());

  grpc::Status st = Assess(w, "vt1", id, v1::SafetyAssessment());
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"assessment.reasoning", "assessment.route"}));

  // (a) with structural unsafety: a reason.
  st = Assess(w, "vt1", id, Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT));
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"assessment.end.reason"}));

  // (c) all three, and the board without a reason, in one answer.
  v1::SafetyAssessment c = Assessment(v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP);
  c.set_rvdk_request(true);
  st = Assess(w, "vt1", id, c);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{
                              "assessment.conditions.safety_conditions",
                              "assessment.conditions.plan_partner_organisation_id",
                              "assessment.conditions.monitoring_dates", "assessment.rvdk_reason"}));
  // An unknown plan partner is named too.
  c.set_rvdk_request(false);
  c.mutable_conditions()->add_safety_conditions("Er wordt niet geslagen.");
  c.mutable_conditions()->set_plan_partner_organisation_id("onbekend");
  v1::Date* when = c.mutable_conditions()->add_monitoring_dates();
  when->set_year(2026);
  when->set_month(2);
  when->set_day(2);
  st = Assess(w, "vt1", id, c);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st),
            (std::set<std::string>{"assessment.conditions.plan_partner_organisation_id"}));

  // (d) an investigator, who must be VT_INTAKE of this Veilig Thuis.
  v1::SafetyAssessment d = Assessment(v1::ASSESSMENT_ROUTE_INVESTIGATION);
  st = Assess(w, "vt1", id, d);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"assessment.investigation.investigator_id"}));
  for (const std::string who : {"ggz1", "utrecht", "vtsup", "niemand"}) {
    d.mutable_investigation()->set_investigator_id(who);
    st = Assess(w, "vt1", id, d);
    ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << who;
    EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"assessment.investigation.investigator_id"}))
        << who;
  }
  // Nothing changed: the report is still in the queue.
  EXPECT_EQ(w.Queue("vt1").total(), 1);
}

TEST(IntakeAssessmentIntegrationTest, EndOfInvolvementTakesTheReportOutOfTheQueueOnce) {
  IntakeWorld w;
  const std::string id = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(w.Claim("vt1", id).ok());
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  a.mutable_end()->set_reason("Hulp bij de huisarts loopt en wordt geaccepteerd.");
  v1::AssessReportResponse first;
  ASSERT_TRUE(Assess(w, "vt1", id, a, &first, "beoordeling-1").ok());
  EXPECT_EQ(first.report().state(), v1::REPORT_STATE_ASSESSED);
  EXPECT_EQ(w.Queue("vt1").total(), 0);

  const v1::Report got = Get(w, "vtsup", id);
  EXPECT_EQ(got.state(), v1::REPORT_STATE_ASSESSED);
  EXPECT_EQ(got.assessment().route(), v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  EXPECT_EQ(got.assessment().end().reason(), a.end().reason());
  EXPECT_EQ(got.assessed_by(), "vt1");
  EXPECT_EQ(ToTime(got.assess_time()), w.clock().Now());
  EXPECT_TRUE(got.claimed_by().empty());
  EXPECT_FALSE(got.has_investigation_due());

  // The same request again: the same answer, nothing changed twice.
  v1::AssessReportResponse again;
  ASSERT_TRUE(Assess(w, "vt1", id, a, &again, "beoordeling-1").ok());
  EXPECT_EQ(again.report().etag(), first.report().etag());
  EXPECT_EQ(Get(w, "vt1", id).etag(), first.report().etag());
  // Another assessment of it: refused.
  EXPECT_EQ(Assess(w, "vt2", id, a).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // Its terms stopped: no escalation when the 5 working days pass, only the one of the feedback
  // to the reporter the assessment opened (intake_feedback_test.cc).
  w.clock().Set(AmsterdamTime(2026, 1, 14, 9));
  EXPECT_EQ(Scan(w), 1);
}

TEST(IntakeAssessmentIntegrationTest, ConditionsAndFollowUpAreStoredWithTheBoardsRequest) {
  IntakeWorld w;
  const std::string id = w.Submit("vt1", ProfessionalReport(true));
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP);
  a.set_acute_unsafety(true);
  auto* c = a.mutable_conditions();
  c->add_safety_conditions("Partner verblijft niet in de woning.");
  c->add_safety_conditions("Moeder belt 112 bij dreiging.");
  c->set_plan_partner_organisation_id(kGgz);
  auto* date = c->add_monitoring_dates();
  date->set_year(2026);
  date->set_month(2);
  date->set_day(5);
  a.mutable_instrument()->set_kind(v1::RISK_INSTRUMENT_KIND_LIRIK);
  a.mutable_instrument()->set_outcome("hoog risico");
  a.set_rvdk_request(true);
  a.set_rvdk_reason("Kinderbeschermingsmaatregel lijkt nodig.");
  v1::AssessReportResponse resp;
  const grpc::Status st = Assess(w, "vt2", id, a, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(w.Queue("vt1").total(), 0);
  const v1::Report got = Get(w, "vt1", id);
  EXPECT_EQ(got.state(), v1::REPORT_STATE_ASSESSED);
  EXPECT_EQ(got.assessment().conditions().safety_conditions_size(), 2);
  EXPECT_EQ(got.assessment().conditions().plan_partner_organisation_id(), kGgz);
  EXPECT_TRUE(got.assessment().rvdk_request());
  EXPECT_EQ(got.assessment().instrument().outcome(), "hoog risico");
  // The acute term stopped with the assessment.
  w.clock().Advance(absl::Hours(30));
  EXPECT_EQ(Scan(w), 0);
}

TEST(IntakeAssessmentIntegrationTest, AnInvestigationIsRemindedAndEscalatedOnceAcrossRestarts) {
  TempDir dir;
  TestPki pki;
  IntakeWorld w(dir.path(), &pki);
  // Monday 5 January 09:00; the investigation ends at the end of Monday 16 March.
  const std::string id = w.Submit("vt1", ProfessionalReport());
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_INVESTIGATION);
  a.mutable_investigation()->set_investigator_id("vt2");
  v1::AssessReportResponse resp;
  const grpc::Status st = Assess(w, "vt1", id, a, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(ToTime(resp.report().investigation_due()), AmsterdamTime(2026, 3, 17, 0));
  EXPECT_EQ(resp.report().investigator_id(), "vt2");
  EXPECT_EQ(w.Queue("vt1").total(), 0);

  // The assessment's term stopped (the escalation is the feedback to the reporter's, who was
  // told of the investigation: intake_feedback_test.cc); the investigation's runs.
  w.clock().Set(AmsterdamTime(2026, 1, 14, 9));
  EXPECT_EQ(Scan(w), 1);
  w.clock().Set(AmsterdamTime(2026, 3, 13, 23, 59));
  EXPECT_EQ(Scan(w), 0);
  w.clock().Set(AmsterdamTime(2026, 3, 14, 0, 1));  // after the end of Friday 13 March
  EXPECT_EQ(Scan(w), 1);
  EXPECT_EQ(Scan(w), 0);
  w.Restart(pki);
  EXPECT_EQ(Scan(w), 0);
  const auto vt2 = Signals(w, "vt2");
  ASSERT_EQ(vt2.signals_size(), 1);
  EXPECT_EQ(vt2.signals(0).clock(), "investigation");
  EXPECT_EQ(vt2.signals(0).signal(), "reminder");
  EXPECT_EQ(vt2.signals(0).addressee(), "vt2");
  EXPECT_NE(vt2.signals(0).text().find("16-03-2026 24:00"), std::string::npos)
      << vt2.signals(0).text();
  EXPECT_EQ(Signals(w, "vt1").signals_size(), 0);  // the investigator's reminder is theirs

  w.clock().Set(AmsterdamTime(2026, 3, 17, 0, 30));
  EXPECT_EQ(Scan(w), 1);
  w.Restart(pki);
  w.clock().Advance(absl::Hours(48));
  EXPECT_EQ(Scan(w), 0);
  const auto sup = Signals(w, "vtsup");
  ASSERT_EQ(sup.signals_size(), 1);
  EXPECT_EQ(sup.signals(0).clock(), "investigation");
  EXPECT_EQ(sup.signals(0).signal(), "escalation");
  EXPECT_EQ(Signals(w, "utrecht").signals_size(), 0);
}

TEST(IntakeAssessmentIntegrationTest, AnAdviceRequestIsConvertedBeforeItIsAssessed) {
  IntakeWorld w;
  v1::ReportInput advice = ProfessionalReport();
  advice.set_kind(v1::REPORT_KIND_ADVICE);
  const std::string advice_id = w.Submit("vt1", advice);
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  a.mutable_end()->set_reason("Adviseur blijft verantwoordelijk.");
  const grpc::Status st = Assess(w, "vt1", advice_id, a);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(st.error_message().find("convert the advice first"), std::string::npos)
      << st.error_message();
}

TEST(IntakeAssessmentIntegrationTest, OnlyVeiligThuisIntakeOfTheRegionAssesses) {
  IntakeWorld w;
  const std::string id = w.Submit("vt1", ProfessionalReport());
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  a.mutable_end()->set_reason("Geen zorgen meer.");
  for (const std::string who : {"agent", "ggz1", "utrecht", "vtsup", "auditor"}) {
    EXPECT_EQ(Assess(w, who, id, a).error_code(), grpc::StatusCode::PERMISSION_DENIED) << who;
  }
  EXPECT_EQ(w.Queue("vt1").total(), 1);
}

}  // namespace
}  // namespace schakel::testing
