// The routes that leave Veilig Thuis, through the real services: the MDA++ route opens a joint
// case in the cases service (through the intake outbox), with the report's persons, the assessor's
// organisation as the first lead in the handover ledger and a timeline that names the report; the
// cases service tells the report and the radar of it; one report never opens two cases. The
// handover route: the receiver sees what the route passes on and accepts or declines; a declined
// report is assessed again; its term is reminded and escalated once.
#include "tests/integration/intake_fixture.h"

namespace schakel::testing {
namespace {

using namespace intake_world;

v1::SafetyAssessment Mda(const std::string& director = "") {
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS);
  a.mutable_mda()->set_structural_unsafety("Al drie jaar partnergeweld, kind getuige.");
  a.mutable_mda()->set_help_exhausted("Ambulante hulp en gezinscoach zonder resultaat.");
  a.mutable_mda()->set_reason("Structurele onveiligheid; één plan met politie en GGZ nodig.");
  a.mutable_mda()->set_director_professional_id(director);
  return a;
}

v1::Case GetCase(IntakeWorld& w, const std::string& who, const std::string& case_id) {
  v1::GetCaseRequest req;
  req.set_case_id(case_id);
  v1::GetCaseResponse resp;
  const grpc::Status st = w.C(who)->GetCase(ICtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp.case_();
}

TEST(IntakeRoutesTest, TheMdaRouteOpensACaseWithThePersonsAndTheAssessorAsFirstLead) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const std::string id = w.Submit("vt1", ProfessionalReport());
  v1::AssessReportResponse assessed;
  const grpc::Status st = Assess(w, "vt1", id, Mda("dir"), &assessed);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(assessed.report().state(), v1::REPORT_STATE_ASSESSED);
  EXPECT_EQ(w.Queue("vt1").total(), 0);

  w.Flush();  // intake -> cases -> intake and handover
  w.Flush();
  const v1::Report report = Get(w, "vt1", id);
  ASSERT_FALSE(report.case_id().empty());
  EXPECT_TRUE(report.case_open());

  // The case director sees the family of the report (BSN masked), the criteria VT found, and the
  // assessor on the team.
  const v1::Case c = GetCase(w, "dir", report.case_id());
  EXPECT_EQ(c.origin(), v1::CASE_ORIGIN_REPORT);
  EXPECT_EQ(c.origin_report_id(), id);
  ASSERT_EQ(c.persons_size(), 2);
  std::map<std::string, v1::Person> by_name;
  for (const auto& p : c.persons()) by_name[p.name()] = p;
  ASSERT_TRUE(by_name.count("Fatma Özdemir"));
  EXPECT_EQ(by_name["Fatma Özdemir"].role(), v1::PERSON_ROLE_VICTIM);
  EXPECT_EQ(by_name["Fatma Özdemir"].bsn_masked(), "******333");
  EXPECT_TRUE(by_name["Fatma Özdemir"].bsn().empty());
  EXPECT_EQ(by_name["Fatma Özdemir"].address().postcode(), "2517 AB");
  EXPECT_EQ(by_name["Elif Özdemir"].role(), v1::PERSON_ROLE_CHILD);
  EXPECT_EQ(c.details().criteria().structural_unsafety().state(), v1::CRITERION_STATE_MET);
  EXPECT_EQ(c.details().criteria().regular_help_exhausted().state(), v1::CRITERION_STATE_MET);
  EXPECT_NE(c.details().criteria().no_coherent_approach().state(), v1::CRITERION_STATE_MET);
  std::map<std::string, v1::CaseRole> team;
  for (const auto& m : c.team()) team[m.professional_id()] = m.role();
  EXPECT_EQ(team["dir"], v1::CASE_ROLE_CASE_DIRECTOR);
  EXPECT_EQ(team["vt1"], v1::CASE_ROLE_CORE_TEAM);

  // The ledger: Veilig Thuis (the assessor's organisation) leads first.
  v1::GetResponsibilityRequest rq;
  rq.set_case_id(report.case_id());
  v1::GetResponsibilityResponse resp;
  const grpc::Status rs = w.H("dir")->GetResponsibility(ICtx().get(), rq, &resp);
  ASSERT_TRUE(rs.ok()) << rs.error_message();
  EXPECT_EQ(resp.responsibility().lead_organisation_id(), kVt);
  EXPECT_EQ(resp.responsibility().lead_professional_id(), "vt1");

  // The timeline names the report it came from.
  v1::GetTimelineRequest tr;
  tr.set_case_id(report.case_id());
  v1::GetTimelineResponse timeline;
  ASSERT_TRUE(w.C("dir")->GetTimeline(ICtx().get(), tr, &timeline).ok());
  bool named = false;
  for (const auto& e : timeline.events()) {
    if (e.type() == "case.opened" && e.summary().text().find(id) != std::string::npos) {
      named = true;
      EXPECT_EQ(e.actor_id(), "vt1");
    }
  }
  EXPECT_TRUE(named);
}

TEST(IntakeRoutesTest, WithoutADirectorTheAssessorDirectsAndOneReportNeverOpensTwoCases) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const std::string id = w.Submit("vt1", ProfessionalReport());
  const std::string request_id = NewRandomId();
  ASSERT_TRUE(Assess(w, "vt1", id, Mda(), nullptr, request_id).ok());
  // A retried assessment changes nothing twice (one outbox message, one case).
  ASSERT_TRUE(Assess(w, "vt1", id, Mda(), nullptr, request_id).ok());
  w.Flush();
  w.Flush();
  const v1::Report report = Get(w, "vt1", id);
  ASSERT_FALSE(report.case_id().empty());
  const v1::Case c = GetCase(w, "vt1", report.case_id());
  ASSERT_EQ(c.team_size(), 1);
  EXPECT_EQ(c.team(0).professional_id(), "vt1");
  EXPECT_EQ(c.team(0).role(), v1::CASE_ROLE_CASE_DIRECTOR);

  // By hand, from the same report: the case that exists.
  v1::CreateCaseRequest create;
  create.set_request_id(NewRandomId());
  create.set_origin_report_id(id);
  create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  v1::CreateCaseResponse created;
  const grpc::Status st = w.C("vt1")->CreateCase(ICtx().get(), create, &created);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(created.case_().id(), report.case_id());

  v1::ListMyCasesRequest mine;
  v1::ListMyCasesResponse cases;
  ASSERT_TRUE(w.C("vt1")->ListMyCases(ICtx().get(), mine, &cases).ok());
  EXPECT_EQ(cases.cases_size(), 1);
}

TEST(IntakeRoutesTest, TheRadarTellsThatAnEarlierReportLedToAnOpenMdaCase) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const std::string first = w.Submit("vt1", ProfessionalReport());
  w.clock().Advance(absl::Hours(1));
  const std::string second = w.Submit("vt1", ProfessionalReport());
  // Before the MDA++ route, no case.
  EXPECT_FALSE(w.Radar("vt1", second).open_mda_case());
  EXPECT_EQ(w.Radar("vt1", second).earlier_ever(), 1);
  ASSERT_TRUE(Assess(w, "vt1", first, Mda("dir")).ok());
  w.Flush();
  w.Flush();
  const v1::GetRadarResponse radar = w.Radar("vt1", second);
  EXPECT_TRUE(radar.open_mda_case());
  bool hit = false;
  for (const auto& p : radar.persons()) {
    for (const auto& h : p.hits()) {
      if (h.report_id() == first) {
        hit = true;
        EXPECT_TRUE(h.open_mda_case());
      }
    }
  }
  EXPECT_TRUE(hit);
}

TEST(IntakeRoutesTest, TheDirectorMustBeAnActiveCaseWorkerOfTheRegion) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const std::string id = w.Submit("vt1", ProfessionalReport());
  for (const std::string director : {"utrecht", "nobody", "auditor"}) {
    const grpc::Status st = Assess(w, "vt1", id, Mda(director));
    ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << director;
    EXPECT_EQ(FieldsOf(st), std::set<std::string>{"assessment.mda.director_professional_id"})
        << director;
  }
  v1::SafetyAssessment missing = Mda("dir");
  missing.mutable_mda()->clear_structural_unsafety();
  missing.mutable_mda()->clear_help_exhausted();
  missing.mutable_mda()->clear_reason();
  const grpc::Status st = Assess(w, "vt1", id, missing);
  ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(st), (std::set<std::string>{"assessment.mda", "assessment.mda.reason"}));
  EXPECT_EQ(Get(w, "vt1", id).state(), v1::REPORT_STATE_OPEN);
}

TEST(IntakeRoutesTest, OnlyThisHostsIntakeServiceOpensCasesAndOnlyItsCasesServiceTellsOfThem) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  // Another service's certificate, and a professional.
  auto rogue = w.host().ChannelAs("rogue-host", kOperatorOrg, pki::CertificateKind::kService);
  v1::OpenCasesFromReportsRequest open;
  open.set_source_service("intake");
  v1::CaseFromReport* c = open.add_cases();
  c->set_source_sequence(1);
  c->set_report_id(NewRandomId());
  c->set_region(v1::REGION_HAAGLANDEN);
  c->set_opener_professional_id("vt1");
  c->set_opener_organisation_id(kVt);
  v1::OpenCasesFromReportsResponse opened;
  grpc::Status st =
      v1::CaseService::NewStub(rogue)->OpenCasesFromReports(ICtx().get(), open, &opened);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  st = w.C("vt1")->OpenCasesFromReports(ICtx().get(), open, &opened);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();

  v1::RecordReportCasesRequest told;
  v1::ReportCaseEvent* e = told.add_events();
  e->set_source_sequence(1);
  e->mutable_event()->set_case_id(NewRandomId());
  e->mutable_event()->set_type(v1::CASE_EVENT_TYPE_OPENED);
  v1::RecordReportCasesResponse ignored;
  st = v1::IntakeService::NewStub(rogue)->RecordReportCases(ICtx().get(), told, &ignored);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
  st = w.I("vt1")->RecordReportCases(ICtx().get(), told, &ignored);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << st.error_message();
}

v1::SafetyAssessment ToTeam() {
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_HANDOVER);
  a.set_structural_unsafety(false);
  a.mutable_handover()->set_receiving_organisation_id(kTeam);
  a.mutable_handover()->set_note("Gezin staat open voor hulp van het wijkteam.");
  return a;
}

v1::ListHandedReportsResponse Handed(IntakeWorld& w, const std::string& who, bool all = false) {
  v1::ListHandedReportsRequest req;
  req.set_include_answered(all);
  v1::ListHandedReportsResponse resp;
  const grpc::Status st = w.I(who)->ListHandedReports(ICtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp;
}

grpc::Status Answer(IntakeWorld& w, const std::string& who, const std::string& id, bool accept,
                    const std::string& reason = "", const std::string& request_id = "") {
  v1::AnswerReportHandoverRequest req;
  req.set_request_id(request_id.empty() ? NewRandomId() : request_id);
  req.set_report_id(id);
  req.set_accept(accept);
  req.set_decline_reason(reason);
  v1::AnswerReportHandoverResponse ignored;
  return w.I(who)->AnswerReportHandover(ICtx().get(), req, &ignored);
}

TEST(IntakeRoutesTest, TheReceiverSeesWhatTheHandoverPassesOnAndAcceptsIt) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const std::string id = w.Submit("vt1", ProfessionalReport());
  // Not to Veilig Thuis itself, nor to an organisation of another region.
  for (const std::string org : {kVt, kVtElsewhere, "nobody"}) {
    v1::SafetyAssessment a = ToTeam();
    a.mutable_handover()->set_receiving_organisation_id(org);
    const grpc::Status st = Assess(w, "vt1", id, a);
    ASSERT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << org;
    EXPECT_EQ(FieldsOf(st), std::set<std::string>{"assessment.handover.receiving_organisation_id"});
  }
  EXPECT_TRUE(Handed(w, "wt").reports().empty());
  ASSERT_TRUE(Assess(w, "vt1", id, ToTeam()).ok());

  const v1::ListHandedReportsResponse handed = Handed(w, "wt");
  ASSERT_EQ(handed.reports_size(), 1);
  const v1::HandedReport& r = handed.reports(0);
  EXPECT_EQ(r.report_id(), id);
  EXPECT_EQ(r.handover().state(), v1::REPORT_HANDOVER_STATE_PROPOSED);
  EXPECT_EQ(r.handover().note(), "Gezin staat open voor hulp van het wijkteam.");
  EXPECT_EQ(r.persons_size(), 2);
  EXPECT_EQ(r.persons(0).bsn_masked(), "******333");
  EXPECT_TRUE(r.persons(0).bsn().empty());
  EXPECT_FALSE(r.reasoning().empty());
  // What the route never passes on: the reporter and the report's own words. (The serialized
  // answer holds neither the GP's name nor the description.)
  const std::string bytes = handed.SerializeAsString();
  EXPECT_EQ(bytes.find("de Wit"), std::string::npos);
  EXPECT_EQ(bytes.find("slaan door partner"), std::string::npos);
  // Another organisation sees nothing and cannot answer.
  EXPECT_TRUE(Handed(w, "ggz1").reports().empty());
  EXPECT_EQ(Answer(w, "ggz1", id, true).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Answer(w, "agent", id, true).error_code(), grpc::StatusCode::PERMISSION_DENIED);

  const std::string request_id = NewRandomId();
  ASSERT_TRUE(Answer(w, "wt", id, true, "", request_id).ok());
  ASSERT_TRUE(Answer(w, "wt", id, true, "", request_id).ok());  // a retry changes nothing twice
  EXPECT_EQ(Answer(w, "wt", id, false, "toch niet").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(Handed(w, "wt").reports().empty());
  const v1::ListHandedReportsResponse all = Handed(w, "wt", true);
  ASSERT_EQ(all.reports_size(), 1);
  EXPECT_EQ(all.reports(0).handover().state(), v1::REPORT_HANDOVER_STATE_ACCEPTED);
  EXPECT_EQ(all.reports(0).handover().answered_by(), "wt");
  const v1::Report report = Get(w, "vt1", id);
  EXPECT_EQ(report.handover().state(), v1::REPORT_HANDOVER_STATE_ACCEPTED);
  EXPECT_EQ(report.handover().to_organisation_id(), kTeam);
}

TEST(IntakeRoutesTest, ADeclinedHandoverComesBackToBeAssessedAgain) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const std::string id = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(Assess(w, "vt1", id, ToTeam()).ok());
  // Not assessed twice while the receiver has not answered.
  EXPECT_EQ(Assess(w, "vt1", id, ToTeam()).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  const grpc::Status no_reason = Answer(w, "wt", id, false);
  ASSERT_EQ(no_reason.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(no_reason), std::set<std::string>{"decline_reason"});
  ASSERT_TRUE(Answer(w, "wt", id, false, "Geen plek: wachtlijst van drie maanden.").ok());
  EXPECT_EQ(Get(w, "vt1", id).handover().decline_reason(),
            "Geen plek: wachtlijst van drie maanden.");

  v1::SafetyAssessment conditions = Assessment(v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP);
  conditions.mutable_conditions()->add_safety_conditions("Geen geweld in het gezin.");
  conditions.mutable_conditions()->set_plan_partner_organisation_id(kGgz);
  *conditions.mutable_conditions()->add_monitoring_dates() = [] {
    v1::Date d;
    d.set_year(2026);
    d.set_month(3);
    d.set_day(2);
    return d;
  }();
  v1::AssessReportResponse again;
  const grpc::Status st = Assess(w, "vt1", id, conditions, &again);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(again.report().assessment().route(), v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP);
  EXPECT_EQ(again.report().handover().state(), v1::REPORT_HANDOVER_STATE_UNSPECIFIED);
  // Once assessed with another route, it is not assessed a third time.
  EXPECT_EQ(Assess(w, "vt1", id, conditions).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST(IntakeRoutesTest, AnUnansweredHandoverIsRemindedAndEscalatedOnce) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const std::string id = w.Submit("vt1", ProfessionalReport());
  ASSERT_TRUE(Assess(w, "vt1", id, ToTeam()).ok());  // Monday 5 January: due Monday 12th 24:00
  auto handover_signals = [&](const std::string& who) {
    v1::ListSignalsResponse resp;
    EXPECT_TRUE(w.I(who)->ListSignals(ICtx().get(), v1::ListSignalsRequest(), &resp).ok());
    std::vector<std::string> out;
    for (const auto& s : resp.signals()) {
      if (s.clock() == "handover" && s.report_id() == id) out.push_back(s.signal());
    }
    return out;
  };
  w.clock().Set(AmsterdamTime(2026, 1, 10, 10));  // after the end of Friday, the working day before
  ASSERT_TRUE(w.service().ScanClocks().ok());
  EXPECT_EQ(handover_signals("vt1"), std::vector<std::string>{"reminder"});
  w.clock().Set(AmsterdamTime(2026, 1, 13, 9));  // the term passed
  ASSERT_TRUE(w.service().ScanClocks().ok());
  ASSERT_TRUE(w.service().ScanClocks().ok());
  EXPECT_EQ(handover_signals("vtsup"), std::vector<std::string>{"escalation"});
  EXPECT_TRUE(Handed(w, "wt").reports(0).overdue());
}

}  // namespace
}  // namespace schakel::testing
