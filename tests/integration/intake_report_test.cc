// The VT supervisor's figures (GetIntakeReport) through the real service, on a constructed month:
// counts by kind, channel, route and violence kind; the shares of assessments within 5 working days
// and investigations within 10 weeks against the sector norms; what is overdue now; feedback; the
// CSV export; bad periods; and who may read the figures.
#include "absl/strings/match.h"
#include "tests/integration/intake_fixture.h"

namespace schakel::testing {
namespace {

using namespace intake_world;

v1::Date DateOf(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

grpc::Status Figures(IntakeWorld& w, const std::string& who, v1::GetIntakeReportResponse* resp,
                     bool csv = false, v1::Date from = DateOf(2026, 1, 1),
                     v1::Date to = DateOf(2026, 1, 31)) {
  v1::GetIntakeReportRequest req;
  *req.mutable_from() = from;
  *req.mutable_to() = to;
  req.set_csv(csv);
  return w.I(who)->GetIntakeReport(ICtx().get(), req, resp);
}

void Assess(IntakeWorld& w, const std::string& id, v1::AssessmentRoute route) {
  v1::AssessReportRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  v1::SafetyAssessment* a = req.mutable_assessment();
  a->set_reasoning("Beoordeeld.");
  a->set_route(route);
  if (route == v1::ASSESSMENT_ROUTE_INVESTIGATION) {
    a->set_structural_unsafety(true);
    a->mutable_investigation()->set_investigator_id("vt2");
  }
  v1::AssessReportResponse resp;
  const grpc::Status st = w.I("vt1")->AssessReport(ICtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
}

void GiveFeedback(IntakeWorld& w, const std::string& id) {
  v1::RecordFeedbackRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  req.set_occasion(v1::FEEDBACK_OCCASION_ASSESSMENT);
  SetTime(req.mutable_feedback()->mutable_given_at(), w.clock().Now());
  req.mutable_feedback()->set_method(v1::FEEDBACK_METHOD_PHONE);
  req.mutable_feedback()->set_note("Melder gebeld.");
  v1::RecordFeedbackResponse resp;
  const grpc::Status st = w.I("vt1")->RecordFeedback(ICtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
}

int CountOf(const google::protobuf::RepeatedPtrField<v1::IntakeCount>& counts,
            const std::string& value) {
  for (const auto& c : counts) {
    if (c.value() == value) return c.count();
  }
  ADD_FAILURE() << "no count for " << value;
  return -1;
}

// A month at Veilig Thuis Haaglanden, some work on time and some late, read on 1 April.
class IntakeReportIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Monday 5 January 09:00: the assessments are due at the end of Monday 12 January.
    on_time_ = w_.Submit("vt1", ProfessionalReport());
    late_ = w_.Submit("agent", PoliceReport("ZM-7", "Sanne Bakker", "2512AB", "3"));
    investigated_ = w_.Submit("vt1", ProfessionalReport());
    running_ = w_.Submit("vt1", ProfessionalReport());
    v1::ReportInput citizen = ProfessionalReport();
    citizen.set_channel(v1::REPORT_CHANNEL_WEB_FORM);
    citizen.mutable_reporter()->Clear();
    citizen.mutable_reporter()->set_type(v1::REPORTER_TYPE_CITIZEN);
    citizen.mutable_reporter()->set_anonymous(true);
    citizen.clear_violence_kinds();
    citizen.add_violence_kinds(v1::VIOLENCE_KIND_CHILD_NEGLECT);
    never_ = w_.Submit("vt1", citizen);
    v1::ReportInput advice = ProfessionalReport();
    advice.set_kind(v1::REPORT_KIND_ADVICE);
    w_.Submit("vt1", advice);
    w_.Submit("utrecht", ProfessionalReport());  // another region's

    // Tuesday 6 January: three assessed on time.
    w_.clock().Set(AmsterdamTime(2026, 1, 6, 10));
    Assess(w_, on_time_, v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
    Assess(w_, investigated_, v1::ASSESSMENT_ROUTE_INVESTIGATION);
    Assess(w_, running_, v1::ASSESSMENT_ROUTE_INVESTIGATION);
    // Wednesday 14 January: one assessed late; feedback on the first given late.
    w_.clock().Set(AmsterdamTime(2026, 1, 14, 10));
    Assess(w_, late_, v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
    GiveFeedback(w_, on_time_);
    // Friday 16 January: feedback on the late one given on time.
    w_.clock().Set(AmsterdamTime(2026, 1, 16, 10));
    GiveFeedback(w_, late_);
    // Monday 2 February: one investigation ends on time; a report of February stays open.
    w_.clock().Set(AmsterdamTime(2026, 2, 2, 10));
    v1::CompleteInvestigationRequest end;
    end.set_request_id(NewRandomId());
    end.set_report_id(investigated_);
    end.set_conclusion("Afgerond.");
    end.set_follow_up(v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP);
    v1::CompleteInvestigationResponse ended;
    ASSERT_TRUE(w_.I("vt2")->CompleteInvestigation(ICtx().get(), end, &ended).ok());
    february_ = w_.Submit("vt1", ProfessionalReport());
    // Read on Wednesday 1 April: the running investigation (due at the end of 17 March) is late.
    w_.clock().Set(AmsterdamTime(2026, 4, 1, 10));
  }

  IntakeWorld w_;
  std::string on_time_, late_, investigated_, running_, never_, february_;
};

TEST_F(IntakeReportIntegrationTest, CountsTheMonthAndMeasuresItAgainstTheNorms) {
  v1::GetIntakeReportResponse resp;
  const grpc::Status st = Figures(w_, "vtsup", &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const v1::IntakeReport& r = resp.report();
  EXPECT_EQ(r.region(), v1::REGION_HAAGLANDEN);
  EXPECT_EQ(r.received(), 6);
  EXPECT_EQ(CountOf(r.by_kind(), "REPORT_KIND_REPORT"), 5);
  EXPECT_EQ(CountOf(r.by_kind(), "REPORT_KIND_ADVICE"), 1);
  EXPECT_EQ(CountOf(r.by_channel(), "REPORT_CHANNEL_PHONE"), 4);
  EXPECT_EQ(CountOf(r.by_channel(), "REPORT_CHANNEL_POLICE_FEED"), 1);
  EXPECT_EQ(CountOf(r.by_channel(), "REPORT_CHANNEL_WEB_FORM"), 1);
  EXPECT_EQ(CountOf(r.by_channel(), "REPORT_CHANNEL_SECURE_MAIL"), 0);
  EXPECT_EQ(CountOf(r.by_route(), "ASSESSMENT_ROUTE_END_OF_INVOLVEMENT"), 2);
  EXPECT_EQ(CountOf(r.by_route(), "ASSESSMENT_ROUTE_INVESTIGATION"), 2);
  EXPECT_EQ(CountOf(r.by_route(), "ASSESSMENT_ROUTE_MDA_PLUS_PLUS"), 0);
  EXPECT_EQ(CountOf(r.by_violence_kind(), "VIOLENCE_KIND_PARTNER_VIOLENCE"), 5);
  EXPECT_EQ(CountOf(r.by_violence_kind(), "VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE"), 4);
  EXPECT_EQ(CountOf(r.by_violence_kind(), "VIOLENCE_KIND_CHILD_NEGLECT"), 1);

  // Assessments: three on time; one late; one never made and past its term (late too).
  EXPECT_EQ(r.assessments().measured(), 5);
  EXPECT_EQ(r.assessments().on_time(), 3);
  EXPECT_EQ(r.assessments().late(), 2);
  EXPECT_DOUBLE_EQ(r.assessments().share(), 0.6);
  EXPECT_DOUBLE_EQ(r.assessments().norm(), 0.9);
  EXPECT_FALSE(r.assessments().met());
  // Investigations: one ended on time, one still running past its 10 weeks.
  EXPECT_EQ(r.investigations().measured(), 2);
  EXPECT_EQ(r.investigations().on_time(), 1);
  EXPECT_DOUBLE_EQ(r.investigations().share(), 0.5);
  EXPECT_DOUBLE_EQ(r.investigations().norm(), 0.8);
  EXPECT_FALSE(r.investigations().met());

  // Overdue now, in the whole region: February's report too.
  EXPECT_EQ(r.overdue_assessments(), 2);
  EXPECT_EQ(r.overdue_investigations(), 1);
  // The feedback on both investigations' assessments and on the end of one investigation.
  EXPECT_EQ(r.overdue_feedback(), 3);
  EXPECT_EQ(r.overdue_size(), 6);
  std::set<std::string> overdue_assessments;
  for (const auto& o : r.overdue()) {
    if (o.what() == "assessment") overdue_assessments.insert(o.report_id());
  }
  EXPECT_EQ(overdue_assessments, (std::set<std::string>{never_, february_}));
  // Feedback of the month's reports: 5 tasks (the anonymous citizen has none), 2 given, 1 in
  // time.
  EXPECT_EQ(r.feedback_tasks(), 5);
  EXPECT_EQ(r.feedback_given(), 2);
  EXPECT_EQ(r.feedback_given_on_time(), 1);
  EXPECT_EQ(r.feedback_overdue(), 3);
  EXPECT_TRUE(resp.csv().empty());
}

TEST_F(IntakeReportIntegrationTest, ExportsTheFiguresAsCsv) {
  v1::GetIntakeReportResponse resp;
  ASSERT_TRUE(Figures(w_, "vtsup", &resp, true).ok());
  const std::string& csv = resp.csv();
  EXPECT_TRUE(absl::StartsWith(csv, "section,subject,measure,value\n")) << csv;
  for (const std::string line :
       {"report,,region,REGION_HAAGLANDEN\n", "report,,from,2026-01-01\n",
        "report,,to,2026-01-31\n", "report,,received,6\n",
        "count,channel,REPORT_CHANNEL_POLICE_FEED,1\n",
        "count,route,ASSESSMENT_ROUTE_INVESTIGATION,2\n",
        "norm,assessment_5_working_days,share,0.6000\n", "norm,assessment_5_working_days,met,no\n",
        "norm,investigation_10_weeks,share,0.5000\n", "overdue_now,,assessments,2\n",
        "feedback,,overdue,3\n"}) {
    EXPECT_TRUE(absl::StrContains(csv, line)) << line << " not in\n" << csv;
  }
  // The never-assessed report's term: the end of Monday 12 January, Amsterdam time, in UTC.
  EXPECT_TRUE(absl::StrContains(
      csv, absl::StrCat("overdue,", never_, ",assessment,2026-01-12T23:00:00Z\n")))
      << csv;
}

TEST(IntakeReportNormTest, APeriodOfOnTimeWorkMeetsTheNorm) {
  // One report, assessed two hours after it arrived, read the same day.
  IntakeWorld w;
  const std::string id = w.Submit("vt1", ProfessionalReport());
  w.clock().Advance(absl::Hours(2));
  Assess(w, id, v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  v1::GetIntakeReportResponse resp;
  ASSERT_TRUE(Figures(w, "vtsup", &resp).ok());
  EXPECT_EQ(resp.report().assessments().measured(), 1);
  EXPECT_DOUBLE_EQ(resp.report().assessments().share(), 1.0);
  EXPECT_TRUE(resp.report().assessments().met());
  // Nothing measured is no verdict of met.
  EXPECT_EQ(resp.report().investigations().measured(), 0);
  EXPECT_FALSE(resp.report().investigations().met());
  EXPECT_EQ(resp.report().overdue_size(), 0);
}

TEST_F(IntakeReportIntegrationTest, BadPeriodsAreNamed) {
  v1::GetIntakeReportResponse resp;
  v1::GetIntakeReportRequest empty;
  grpc::Status st = w_.I("vtsup")->GetIntakeReport(ICtx().get(), empty, &resp);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"from", "to"}));
  st = Figures(w_, "vtsup", &resp, false, DateOf(2026, 2, 30), DateOf(2026, 1, 1));
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"from"}));
  st = Figures(w_, "vtsup", &resp, false, DateOf(2026, 2, 1), DateOf(2026, 1, 1));
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"to"}));
  st = Figures(w_, "vtsup", &resp, false, DateOf(2020, 1, 1), DateOf(2026, 1, 1));
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"to"}));
}

TEST_F(IntakeReportIntegrationTest, OnlyVeiligThuisSupervisorsReadTheirRegionsFigures) {
  w_.Person("ggzsup", kGgz, {v1::ROLE_SUPERVISOR});
  w_.Person("utrechtsup", kVtElsewhere, {v1::ROLE_SUPERVISOR});
  v1::GetIntakeReportResponse resp;
  for (const std::string who : {"vt1", "vt2", "utrecht", "agent", "ggz1", "ggzsup", "auditor"}) {
    EXPECT_EQ(Figures(w_, who, &resp).error_code(), grpc::StatusCode::PERMISSION_DENIED) << who;
  }
  ASSERT_TRUE(Figures(w_, "utrechtsup", &resp).ok());
  EXPECT_EQ(resp.report().region(), v1::REGION_UTRECHT);
  EXPECT_EQ(resp.report().received(), 1);  // Utrecht's own report, none of Haaglanden's
  EXPECT_EQ(resp.report().overdue_assessments(), 1);
}

}  // namespace
}  // namespace schakel::testing
