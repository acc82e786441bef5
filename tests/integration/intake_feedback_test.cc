// Feedback to the reporter (terugkoppeling) and the end of an investigation through the real
// service: which reporters get a task, recording it once, its reminder and escalation exactly once
// across a restart on the fake clock, completing an investigation, bad input, and who may call.
#include "tests/integration/intake_fixture.h"

namespace schakel::testing {
namespace {

using namespace intake_world;

v1::ReportInput CitizenReport(bool anonymous) {
  v1::ReportInput in = ProfessionalReport();
  in.set_channel(v1::REPORT_CHANNEL_WEB_FORM);
  v1::Reporter* r = in.mutable_reporter();
  r->Clear();
  r->set_type(v1::REPORTER_TYPE_CITIZEN);
  r->set_anonymous(anonymous);
  if (!anonymous) {
    r->set_name("J. Jansen (buurvrouw)");
    r->set_contact("06-12345678");
  }
  return in;
}

grpc::Status AssessEnd(IntakeWorld& w, const std::string& who, const std::string& id) {
  v1::AssessReportRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  v1::SafetyAssessment* a = req.mutable_assessment();
  a->set_reasoning("Hulp loopt; geen acute zorgen.");
  a->set_route(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  v1::AssessReportResponse resp;
  return w.I(who)->AssessReport(ICtx().get(), req, &resp);
}

grpc::Status AssessInvestigation(IntakeWorld& w, const std::string& id,
                                 const std::string& investigator) {
  v1::AssessReportRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  v1::SafetyAssessment* a = req.mutable_assessment();
  a->set_structural_unsafety(true);
  a->set_reasoning("Structurele onveiligheid; onderzoek nodig.");
  a->set_route(v1::ASSESSMENT_ROUTE_INVESTIGATION);
  a->mutable_investigation()->set_investigator_id(investigator);
  v1::AssessReportResponse resp;
  return w.I("vt1")->AssessReport(ICtx().get(), req, &resp);
}

v1::ListFeedbackTasksResponse Tasks(IntakeWorld& w, const std::string& who,
                                    bool include_done = false) {
  v1::ListFeedbackTasksRequest req;
  req.set_include_done(include_done);
  v1::ListFeedbackTasksResponse resp;
  const grpc::Status st = w.I(who)->ListFeedbackTasks(ICtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp;
}

v1::RecordFeedbackRequest Feedback(
    const std::string& id, absl::Time given_at,
    v1::FeedbackOccasion occasion = v1::FEEDBACK_OCCASION_ASSESSMENT) {
  v1::RecordFeedbackRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  req.set_occasion(occasion);
  v1::FeedbackGiven* f = req.mutable_feedback();
  SetTime(f->mutable_given_at(), given_at);
  f->set_method(v1::FEEDBACK_METHOD_PHONE);
  f->set_follow_up_started(true);
  f->set_note("Melder gebeld: hulp loopt via de huisarts.");
  return req;
}

grpc::Status Record(IntakeWorld& w, const std::string& who, const v1::RecordFeedbackRequest& req,
                    v1::RecordFeedbackResponse* resp = nullptr) {
  v1::RecordFeedbackResponse ignored;
  return w.I(who)->RecordFeedback(ICtx().get(), req, resp ? resp : &ignored);
}

v1::CompleteInvestigationRequest Completion(const std::string& id) {
  v1::CompleteInvestigationRequest req;
  req.set_request_id(NewRandomId());
  req.set_report_id(id);
  req.set_conclusion("Onderzoek afgerond: vervolg via het wijkteam.");
  req.set_follow_up(v1::INVESTIGATION_FOLLOW_UP_HANDOVER);
  req.set_follow_up_note("Wijkteam Segbroek");
  return req;
}

const v1::FeedbackTask* TaskOf(const v1::ListFeedbackTasksResponse& resp, const std::string& id,
                               v1::FeedbackOccasion occasion = v1::FEEDBACK_OCCASION_ASSESSMENT) {
  for (const auto& t : resp.tasks()) {
    if (t.report_id() == id && t.occasion() == occasion) return &t;
  }
  return nullptr;
}

TEST(IntakeFeedbackIntegrationTest,
     ProfessionalsPoliceAndNamedCitizensGetFeedbackAnonymousOnesNot) {
  IntakeWorld w;
  // Monday 5 January 09:00: feedback is due 5 working days after the assessment.
  const std::string professional = w.Submit("vt1", ProfessionalReport());
  const std::string police = w.Submit("agent", PoliceReport("ZM-1", "Sanne Bakker", "2512AB", "3"));
  const std::string named = w.Submit("vt1", CitizenReport(false));
  const std::string anonymous = w.Submit("vt1", CitizenReport(true));
  for (const std::string& id : {professional, police, named, anonymous}) {
    const grpc::Status st = AssessEnd(w, "vt1", id);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }
  const auto tasks = Tasks(w, "vt2");
  EXPECT_EQ(tasks.tasks_size(), 3);
  EXPECT_EQ(tasks.open(), 3);
  EXPECT_EQ(tasks.overdue(), 0);
  EXPECT_EQ(TaskOf(tasks, anonymous), nullptr);
  const v1::FeedbackTask* p = TaskOf(tasks, professional);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->scope(), v1::FEEDBACK_SCOPE_FULL);
  EXPECT_EQ(p->reporter_type(), v1::REPORTER_TYPE_PROFESSIONAL);
  EXPECT_EQ(p->assignee(), "vt1");
  EXPECT_EQ(ToTime(p->due()), AmsterdamTime(2026, 1, 13, 0));
  EXPECT_FALSE(p->done());
  EXPECT_FALSE(p->overdue());
  EXPECT_NE(p->text().find("12-01-2026 24:00"), std::string::npos) << p->text();
  ASSERT_NE(TaskOf(tasks, police), nullptr);
  EXPECT_EQ(TaskOf(tasks, police)->scope(), v1::FEEDBACK_SCOPE_FULL);
  ASSERT_NE(TaskOf(tasks, named), nullptr);
  EXPECT_EQ(TaskOf(tasks, named)->scope(), v1::FEEDBACK_SCOPE_LIMITED);
  // Recording for the anonymous reporter: there is nothing to record.
  EXPECT_EQ(Record(w, "vt1", Feedback(anonymous, w.clock().Now())).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Another region's Veilig Thuis sees none of them.
  EXPECT_EQ(Tasks(w, "utrecht").tasks_size(), 0);
}

TEST(IntakeFeedbackIntegrationTest, FeedbackIsRecordedOnceWithWhenHowAndByWhom) {
  IntakeWorld w;
  const std::string professional = w.Submit("vt1", ProfessionalReport());
  const std::string named = w.Submit("vt1", CitizenReport(false));
  ASSERT_TRUE(AssessEnd(w, "vt1", professional).ok());
  ASSERT_TRUE(AssessEnd(w, "vt1", named).ok());
  w.clock().Advance(absl::Hours(26));

  // Given before the decision it tells of: named.
  grpc::Status st = Record(w, "vt2", Feedback(professional, w.clock().Now() - absl::Hours(30)));
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"feedback.given_at"}));
  // A citizen is told whether follow-up started, nothing more.
  v1::RecordFeedbackRequest too_much = Feedback(named, w.clock().Now());
  too_much.mutable_feedback()->set_taken_over_by("Wijkteam Segbroek");
  too_much.mutable_feedback()->set_reporter_part("Melder let op de kinderen.");
  st = Record(w, "vt2", too_much);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st),
            (std::set<std::string>{"feedback.taken_over_by", "feedback.reporter_part"}));

  v1::RecordFeedbackRequest req = Feedback(professional, w.clock().Now() - absl::Hours(1));
  req.mutable_feedback()->set_method(v1::FEEDBACK_METHOD_MAIL);
  req.mutable_feedback()->set_taken_over_by("Wijkteam Segbroek");
  req.mutable_feedback()->set_reporter_part("Huisarts ziet moeder over 2 weken terug.");
  v1::RecordFeedbackResponse first;
  st = Record(w, "vt2", req, &first);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_TRUE(first.task().done());
  EXPECT_EQ(first.task().given().given_by(), "vt2");
  EXPECT_EQ(first.task().given().method(), v1::FEEDBACK_METHOD_MAIL);
  EXPECT_EQ(ToTime(first.task().given().given_at()), w.clock().Now() - absl::Hours(1));
  EXPECT_EQ(ToTime(first.task().given().record_time()), w.clock().Now());

  // The same request again: the same answer; another one: refused.
  v1::RecordFeedbackResponse again;
  ASSERT_TRUE(Record(w, "vt2", req, &again).ok());
  EXPECT_EQ(again.task().given().record_time().seconds(),
            first.task().given().record_time().seconds());
  EXPECT_EQ(Record(w, "vt1", Feedback(professional, w.clock().Now())).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  // Open tasks only by default; with the done ones, what was told is readable.
  auto open = Tasks(w, "vtsup");
  EXPECT_EQ(open.open(), 1);
  EXPECT_EQ(TaskOf(open, professional), nullptr);
  auto all = Tasks(w, "vt1", true);
  const v1::FeedbackTask* done = TaskOf(all, professional);
  ASSERT_NE(done, nullptr);
  EXPECT_TRUE(done->done());
  EXPECT_EQ(done->given().note(), req.feedback().note());
  EXPECT_EQ(done->given().reporter_part(), req.feedback().reporter_part());
  EXPECT_EQ(done->given().given_by(), "vt2");

  // The citizen's, with what a citizen is told.
  v1::RecordFeedbackRequest limited = Feedback(named, w.clock().Now());
  limited.mutable_feedback()->set_method(v1::FEEDBACK_METHOD_LETTER);
  ASSERT_TRUE(Record(w, "vt1", limited).ok());
  EXPECT_EQ(Tasks(w, "vt1").open(), 0);
}

TEST(IntakeFeedbackIntegrationTest,
     TheAssigneeIsRemindedAndSupervisorsEscalatedOnceAcrossRestarts) {
  TempDir dir;
  TestPki pki;
  IntakeWorld w(dir.path(), &pki);
  // Assessed Monday 5 January 09:00: due at the end of Monday 12 January; reminder at the end of
  // Friday 9 January.
  const std::string id = w.Submit("vt1", ProfessionalReport());
  const std::string given = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(AssessEnd(w, "vt1", id).ok());
  ASSERT_TRUE(AssessEnd(w, "vt2", given).ok());
  ASSERT_TRUE(Record(w, "vt2", Feedback(given, w.clock().Now())).ok());
  EXPECT_EQ(Scan(w), 0);
  w.clock().Set(AmsterdamTime(2026, 1, 9, 23, 59));
  EXPECT_EQ(Scan(w), 0);
  w.clock().Set(AmsterdamTime(2026, 1, 10, 0, 1));
  EXPECT_EQ(Scan(w), 1);
  EXPECT_EQ(Scan(w), 0);
  w.Restart(pki);
  EXPECT_EQ(Scan(w), 0);
  const auto vt1 = Signals(w, "vt1");
  ASSERT_EQ(vt1.signals_size(), 1);
  EXPECT_EQ(vt1.signals(0).report_id(), id);
  EXPECT_EQ(vt1.signals(0).clock(), "feedback");
  EXPECT_EQ(vt1.signals(0).signal(), "reminder");
  EXPECT_EQ(vt1.signals(0).addressee(), "vt1");
  EXPECT_NE(vt1.signals(0).text().find("Terugkoppeling aan melder uiterlijk 12-01-2026 24:00"),
            std::string::npos)
      << vt1.signals(0).text();
  EXPECT_EQ(Signals(w, "vt2").signals_size(), 0);  // the assessor's reminder is theirs
  EXPECT_EQ(Signals(w, "vtsup").signals_size(), 0);

  w.clock().Set(AmsterdamTime(2026, 1, 13, 0, 30));
  EXPECT_EQ(Scan(w), 1);
  w.Restart(pki);
  w.clock().Advance(absl::Hours(48));
  EXPECT_EQ(Scan(w), 0);
  const auto sup = Signals(w, "vtsup");
  ASSERT_EQ(sup.signals_size(), 1);
  EXPECT_EQ(sup.signals(0).report_id(), id);
  EXPECT_EQ(sup.signals(0).clock(), "feedback");
  EXPECT_EQ(sup.signals(0).signal(), "escalation");
  EXPECT_NE(sup.signals(0).text().find("niet op tijd"), std::string::npos);
  const auto tasks = Tasks(w, "vtsup");
  EXPECT_EQ(tasks.overdue(), 1);
  ASSERT_NE(TaskOf(tasks, id), nullptr);
  EXPECT_TRUE(TaskOf(tasks, id)->overdue());
  EXPECT_LT(TaskOf(tasks, id)->seconds_left(), 0);
  EXPECT_EQ(Signals(w, "utrecht").signals_size(), 0);
}

TEST(IntakeFeedbackIntegrationTest, CompletingAnInvestigationStopsItsTermAndOpensFeedbackOnce) {
  IntakeWorld w;
  const std::string id = w.Submit("vt1", ProfessionalReport());
  const std::string ended = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(AssessInvestigation(w, id, "vt2").ok());
  ASSERT_TRUE(AssessEnd(w, "vt1", ended).ok());
  ASSERT_TRUE(Record(w, "vt1", Feedback(id, w.clock().Now())).ok());
  ASSERT_TRUE(Record(w, "vt1", Feedback(ended, w.clock().Now())).ok());

  // A report without an investigation has nothing to complete.
  v1::CompleteInvestigationResponse ignored;
  EXPECT_EQ(
      w.I("vt1")->CompleteInvestigation(ICtx().get(), Completion(ended), &ignored).error_code(),
      grpc::StatusCode::FAILED_PRECONDITION);

  w.clock().Set(AmsterdamTime(2026, 2, 2, 11));  // Monday 2 February
  const v1::CompleteInvestigationRequest req = Completion(id);
  v1::CompleteInvestigationResponse first;
  grpc::Status st = w.I("vt2")->CompleteInvestigation(ICtx().get(), req, &first);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const v1::InvestigationEnd& end = first.report().investigation_end();
  EXPECT_EQ(end.conclusion(), req.conclusion());
  EXPECT_EQ(end.follow_up(), v1::INVESTIGATION_FOLLOW_UP_HANDOVER);
  EXPECT_EQ(end.completed_by(), "vt2");
  EXPECT_EQ(ToTime(end.complete_time()), w.clock().Now());
  EXPECT_TRUE(end.on_time());
  EXPECT_EQ(first.feedback().occasion(), v1::FEEDBACK_OCCASION_INVESTIGATION);
  EXPECT_EQ(first.feedback().assignee(), "vt2");
  EXPECT_EQ(ToTime(first.feedback().due()), AmsterdamTime(2026, 2, 10, 0));

  // Retried: the same answer; again with another request: refused.
  v1::CompleteInvestigationResponse again;
  ASSERT_TRUE(w.I("vt2")->CompleteInvestigation(ICtx().get(), req, &again).ok());
  EXPECT_EQ(again.report().etag(), first.report().etag());
  EXPECT_EQ(w.I("vt1")->CompleteInvestigation(ICtx().get(), Completion(id), &ignored).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  v1::GetReportRequest get;
  get.set_report_id(id);
  v1::GetReportResponse got;
  ASSERT_TRUE(w.I("vtsup")->GetReport(ICtx().get(), get, &got).ok());
  EXPECT_EQ(got.report().investigation_end().conclusion(), req.conclusion());

  // The investigation's term stopped: past it, only the new feedback task's signals come.
  w.clock().Set(AmsterdamTime(2026, 3, 20, 9));
  EXPECT_EQ(Scan(w), 1);  // the feedback's escalation (its reminder's time passed with its term)
  const auto sup = Signals(w, "vtsup");
  ASSERT_EQ(sup.signals_size(), 1);
  EXPECT_EQ(sup.signals(0).clock(), "feedback_investigation");
  EXPECT_EQ(sup.signals(0).signal(), "escalation");
  const auto tasks = Tasks(w, "vt1");
  ASSERT_EQ(tasks.tasks_size(), 1);
  EXPECT_EQ(tasks.tasks(0).occasion(), v1::FEEDBACK_OCCASION_INVESTIGATION);
  EXPECT_NE(tasks.tasks(0).text().find("na onderzoek"), std::string::npos);
  w.clock().Advance(absl::Hours(24 * 40));
  EXPECT_EQ(Scan(w), 0);
}

TEST(IntakeFeedbackIntegrationTest, BadInputNamesEveryField) {
  IntakeWorld w;
  v1::RecordFeedbackResponse r;
  grpc::Status st = w.I("vt1")->RecordFeedback(ICtx().get(), v1::RecordFeedbackRequest(), &r);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st),
            (std::set<std::string>{"request_id", "report_id", "occasion", "feedback.given_at",
                                   "feedback.method", "feedback.note"}));
  v1::RecordFeedbackRequest bad = Feedback("x", w.clock().Now() + absl::Hours(2));
  bad.set_occasion(static_cast<v1::FeedbackOccasion>(7));
  bad.mutable_feedback()->set_method(static_cast<v1::FeedbackMethod>(9));
  bad.mutable_feedback()->set_note(std::string(2001, 'a'));
  bad.mutable_feedback()->set_taken_over_by(std::string(201, 'b'));
  bad.mutable_feedback()->set_reporter_part(std::string(2001, 'c'));
  st = w.I("vt1")->RecordFeedback(ICtx().get(), bad, &r);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"occasion", "feedback.given_at", "feedback.method",
                                                 "feedback.note", "feedback.taken_over_by",
                                                 "feedback.reporter_part"}));

  v1::CompleteInvestigationResponse c;
  st = w.I("vt1")->CompleteInvestigation(ICtx().get(), v1::CompleteInvestigationRequest(), &c);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st),
            (std::set<std::string>{"request_id", "report_id", "conclusion", "follow_up"}));
  v1::CompleteInvestigationRequest long_note = Completion("x");
  long_note.set_conclusion(std::string(20001, 'a'));
  long_note.set_follow_up_note(std::string(2001, 'b'));
  st = w.I("vt1")->CompleteInvestigation(ICtx().get(), long_note, &c);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"conclusion", "follow_up_note"}));
}

TEST(IntakeFeedbackIntegrationTest, OnlyVeiligThuisIntakeOfTheRegionRecordsAndCompletes) {
  IntakeWorld w;
  w.Person("ggzsup", kGgz, {v1::ROLE_SUPERVISOR});
  const std::string id = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(AssessInvestigation(w, id, "vt2").ok());
  for (const std::string who : {"vt1", "vt2", "vtsup"}) {
    v1::ListFeedbackTasksResponse resp;
    EXPECT_TRUE(
        w.I(who)->ListFeedbackTasks(ICtx().get(), v1::ListFeedbackTasksRequest(), &resp).ok())
        << who;
  }
  for (const std::string who : {"agent", "ggz1", "ggzsup", "auditor"}) {
    v1::ListFeedbackTasksResponse resp;
    EXPECT_EQ(w.I(who)
                  ->ListFeedbackTasks(ICtx().get(), v1::ListFeedbackTasksRequest(), &resp)
                  .error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << who;
  }
  for (const std::string who : {"vtsup", "utrecht", "agent", "ggz1", "ggzsup", "auditor"}) {
    EXPECT_EQ(Record(w, who, Feedback(id, w.clock().Now())).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << who;
    v1::CompleteInvestigationResponse resp;
    EXPECT_EQ(w.I(who)->CompleteInvestigation(ICtx().get(), Completion(id), &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << who;
  }
  // Nothing changed: the task is open and the investigation runs.
  EXPECT_EQ(Tasks(w, "vt1").open(), 1);
  v1::CompleteInvestigationResponse done;
  EXPECT_TRUE(w.I("vt1")->CompleteInvestigation(ICtx().get(), Completion(id), &done).ok());
}

}  // namespace
}  // namespace schakel::testing
