// IntakeService authorization, exhaustively: every RPC × every caller, where the callers cover
// each role and each relation to a report (Veilig Thuis intake of the report's region, a colleague
// there, their supervisor, Veilig Thuis of another region, the police who send the feed, a care
// partner, the receiving organisation of a report handed over by the route HANDOVER, the auditor,
// the administrator, another service). The cells work on real reports: an open one, one handed to
// the local team, and for every change a fresh report in the state the change needs, so an allowed
// call succeeds and a refused one is refused where it would otherwise have worked. The expected
// matrix is written out here, independent of the service's table; a refused call must change
// nothing.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

#include "tests/integration/intake_fixture.h"
#include "tests/support/authz_matrix.h"

namespace schakel {
namespace {

using testing::Assess;
using testing::Assessment;
using testing::ICtx;
using testing::IntakeWorld;
using namespace testing::intake_world;

// vt1: VT_INTAKE of the reports' region (Haaglanden), who submitted and assessed them. vt2: a
// colleague with VT_INTAKE. vtsup: their SUPERVISOR. utrecht: VT_INTAKE of another region. agent:
// a police PROFESSIONAL (submits through the feed; reads no report). ggz1: a care PROFESSIONAL of
// the region. wt / dir: PROFESSIONAL and CASE_DIRECTOR of the local team, the receiver of the
// report handed over. auditor: AUDITOR of the operator. admin: the host's administrator. service:
// another host's service certificate (not the cases service this host runs).
//
// The lists that name no report (ListTriageQueue, ListSignals, ListFeedbackTasks,
// GetIntakeReport) are allowed to Veilig Thuis of any region: each sees its own region's.
// ListHandedReports is allowed to every PROFESSIONAL, CASE_DIRECTOR and SUPERVISOR: each sees what
// was handed to their own organisation (nothing, but for the local team).
// clang-format off
const testing::AuthzMatrix kMatrix = {
    .service = v1::IntakeService::service_full_name(),
    .callers = {"vt1", "vt2", "vtsup", "utrecht", "agent", "ggz1", "wt", "dir", "auditor", "admin",
                "service"},
    .allowed = {
        //                         vt1    vt2    vtsup  utrcht agent  ggz1   wt     dir    audit  admin  svc
        {"SubmitReport",          {true,  true,  false, true,  true,  false, false, false, false, false, false}},
        {"SubmitReports",         {true,  true,  false, true,  true,  false, false, false, false, false, false}},
        {"GetReport",             {true,  true,  true,  false, false, false, false, false, false, false, false}},
        {"ConvertAdvice",         {true,  true,  false, false, false, false, false, false, false, false, false}},
        {"AssessReport",          {true,  true,  false, false, false, false, false, false, false, false, false}},
        // Only this host's cases service (or a host in intake.case_event_sources).
        {"RecordReportCases",     {false, false, false, false, false, false, false, false, false, false, false}},
        {"ListHandedReports",     {false, false, true,  false, true,  true,  true,  true,  false, false, false}},
        {"AnswerReportHandover",  {false, false, false, false, false, false, true,  true,  false, false, false}},
        {"ListTriageQueue",       {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        {"ClaimReport",           {true,  true,  false, false, false, false, false, false, false, false, false}},
        {"ReleaseReport",         {true,  true,  true,  false, false, false, false, false, false, false, false}},
        {"GetRadar",              {true,  true,  true,  false, false, false, false, false, false, false, false}},
        {"ListSignals",           {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        {"ListFeedbackTasks",     {true,  true,  true,  true,  false, false, false, false, false, false, false}},
        {"RecordFeedback",        {true,  true,  false, false, false, false, false, false, false, false, false}},
        {"CompleteInvestigation", {true,  true,  false, false, false, false, false, false, false, false, false}},
        {"CloseReport",           {true,  true,  false, false, false, false, false, false, false, false, false}},
        {"GetIntakeReport",       {false, false, true,  false, false, false, false, false, false, false, false}},
        // Retention: the region's VT supervisors only.
        {"ListRetention",         {false, false, true,  false, false, false, false, false, false, false, false}},
        {"SetLegalHold",          {false, false, true,  false, false, false, false, false, false, false, false}},
        {"DecideDestructionRequest",
                                  {false, false, true,  false, false, false, false, false, false, false, false}},
    },
};
// clang-format on

// A refused call is PERMISSION_DENIED (or UNAUTHENTICATED); an allowed one succeeds, or is
// turned down for the state of its report (kNotOk), never for who asks nor for a bad request.
const testing::AuthzOutcomes kOutcomes = {
    .refused = {grpc::StatusCode::PERMISSION_DENIED, grpc::StatusCode::UNAUTHENTICATED},
    .allowed = {grpc::StatusCode::OK, grpc::StatusCode::FAILED_PRECONDITION},
};

// The allowed cells that do not end OK: vt2 may release a claim, but vt1 holds it (only the holder
// or a supervisor releases it).
const std::set<std::pair<std::string, std::string>> kNotOk = {{"ReleaseReport", "vt2"}};

std::unique_ptr<v1::IntakeService::Stub> As(IntakeWorld& w, const std::string& who) {
  if (who == "admin") return v1::IntakeService::NewStub(w.host().AdminChannel());
  if (who == "service") {
    return v1::IntakeService::NewStub(
        w.host().ChannelAs("rogue-host", testing::kOperatorOrg, pki::CertificateKind::kService));
  }
  return w.I(who);
}

// The report a cell works on, as vt1 last saw it.
struct Target {
  std::string report_id;
  std::string etag;
};

v1::SafetyAssessment ToTeam() {
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_HANDOVER);
  a.set_structural_unsafety(false);
  a.mutable_handover()->set_receiving_organisation_id(kTeam);
  a.mutable_handover()->set_note("Gezin staat open voor hulp van het wijkteam.");
  return a;
}

v1::SafetyAssessment EndOfInvolvement() {
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  a.mutable_end()->set_reason("Moeder en kind wonen veilig bij familie; geen zorgen meer.");
  return a;
}

v1::SafetyAssessment ToInvestigation() {
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_INVESTIGATION);
  a.mutable_investigation()->set_investigator_id("vt1");
  return a;
}

// A GP's report (or advice request) of Haaglanden, submitted by vt1.
Target Fresh(IntakeWorld& w, v1::ReportKind kind = v1::REPORT_KIND_REPORT) {
  v1::SubmitReportRequest req;
  req.set_request_id(NewRandomId());
  *req.mutable_report() = testing::ProfessionalReport();
  req.mutable_report()->set_kind(kind);
  v1::SubmitReportResponse resp;
  const grpc::Status st = w.I("vt1")->SubmitReport(ICtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return {resp.report_id(), resp.report().etag()};
}

// A fresh report assessed by vt1 with `a`.
Target Assessed(IntakeWorld& w, const v1::SafetyAssessment& a) {
  Target t = Fresh(w);
  v1::AssessReportResponse resp;
  const grpc::Status st = Assess(w, "vt1", t.report_id, a, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  t.etag = resp.report().etag();
  return t;
}

// The reports every read shares: one in the triage queue, one handed to the local team.
struct Shared {
  Target open;
  Target handed;
};

// What `method`'s cell works on: a fresh report in the state the change needs (so an allowed call
// succeeds), or for a read a shared report.
Target Prepare(IntakeWorld& w, const std::string& method, const Shared& shared) {
  if (method == "ConvertAdvice") return Fresh(w, v1::REPORT_KIND_ADVICE);
  if (method == "AssessReport" || method == "ClaimReport") return Fresh(w);
  if (method == "ReleaseReport") {
    Target t = Fresh(w);
    v1::ClaimReportResponse claimed;
    EXPECT_TRUE(w.Claim("vt1", t.report_id, &claimed).ok());
    t.etag = claimed.report().etag();
    return t;
  }
  // A handed report has its feedback task (the GP is told) and waits for the team's answer.
  if (method == "RecordFeedback" || method == "AnswerReportHandover") return Assessed(w, ToTeam());
  if (method == "CompleteInvestigation") return Assessed(w, ToInvestigation());
  if (method == "CloseReport") return Assessed(w, testing::ConditionsFollowUp());
  // A closed file: a granted destruction request destroys it.
  if (method == "SetLegalHold" || method == "DecideDestructionRequest") {
    return Assessed(w, EndOfInvolvement());
  }
  if (method == "GetReport" || method == "RecordReportCases") return shared.handed;
  return shared.open;  // GetRadar, and the calls that name no report
}

using Call =
    std::function<grpc::Status(v1::IntakeService::Stub&, IntakeWorld&, const Target& target)>;

std::map<std::string, Call> Calls() {
  std::map<std::string, Call> c;
  c["SubmitReport"] = [](auto& s, IntakeWorld&, const Target&) {
    // The police feed's zorgmelding: the one input both Veilig Thuis and the police may send.
    v1::SubmitReportRequest r;
    r.set_request_id(NewRandomId());
    *r.mutable_report() =
        testing::PoliceReport(absl::StrCat("ZM-", NewRandomId()), "Jan Jansen", "2511 AB", "1");
    v1::SubmitReportResponse out;
    return s.SubmitReport(ICtx().get(), r, &out);
  };
  c["SubmitReports"] = [](auto& s, IntakeWorld&, const Target&) {
    v1::SubmitReportsRequest r;
    r.set_request_id(NewRandomId());
    *r.add_reports() =
        testing::PoliceReport(absl::StrCat("ZM-", NewRandomId()), "Jan Jansen", "2511 AB", "1");
    *r.add_reports() =
        testing::PoliceReport(absl::StrCat("ZM-", NewRandomId()), "Piet Pietersen", "2511 AC", "3");
    v1::SubmitReportsResponse out;
    const grpc::Status st = s.SubmitReports(ICtx().get(), r, &out);
    if (st.ok()) {
      EXPECT_EQ(out.accepted(), 2);
    }
    return st;
  };
  c["GetReport"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::GetReportRequest r;
    r.set_report_id(t.report_id);
    v1::GetReportResponse out;
    return s.GetReport(ICtx().get(), r, &out);
  };
  c["ConvertAdvice"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::ConvertAdviceRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_reason("Huisarts ziet letsel; advies wordt melding.");
    r.set_etag(t.etag);
    v1::ConvertAdviceResponse out;
    return s.ConvertAdvice(ICtx().get(), r, &out);
  };
  c["AssessReport"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::AssessReportRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_etag(t.etag);
    // A route that names nobody: its check of the request does not depend on the caller's region.
    *r.mutable_assessment() = Assessment(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
    r.mutable_assessment()->mutable_end()->set_reason("Hulp via de huisarts loopt; moeder veilig.");
    v1::AssessReportResponse out;
    return s.AssessReport(ICtx().get(), r, &out);
  };
  c["RecordReportCases"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::RecordReportCasesRequest r;
    v1::ReportCaseEvent* e = r.add_events();
    e->set_source_sequence(1);
    e->mutable_event()->set_event_id(NewRandomId());
    e->mutable_event()->set_type(v1::CASE_EVENT_TYPE_OPENED);
    e->mutable_event()->set_case_id(NewRandomId());
    e->mutable_event()->set_region(v1::REGION_HAAGLANDEN);
    e->mutable_event()->set_origin_report_id(t.report_id);
    e->mutable_event()->set_report_organisation_id(kVt);
    v1::RecordReportCasesResponse out;
    return s.RecordReportCases(ICtx().get(), r, &out);
  };
  c["ListHandedReports"] = [](auto& s, IntakeWorld&, const Target&) {
    v1::ListHandedReportsRequest r;
    r.set_include_answered(true);
    v1::ListHandedReportsResponse out;
    return s.ListHandedReports(ICtx().get(), r, &out);
  };
  c["AnswerReportHandover"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::AnswerReportHandoverRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_accept(true);
    v1::AnswerReportHandoverResponse out;
    return s.AnswerReportHandover(ICtx().get(), r, &out);
  };
  c["ListTriageQueue"] = [](auto& s, IntakeWorld&, const Target&) {
    v1::ListTriageQueueResponse out;
    return s.ListTriageQueue(ICtx().get(), v1::ListTriageQueueRequest(), &out);
  };
  c["ClaimReport"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::ClaimReportRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    v1::ClaimReportResponse out;
    return s.ClaimReport(ICtx().get(), r, &out);
  };
  c["ReleaseReport"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::ReleaseReportRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    v1::ReleaseReportResponse out;
    return s.ReleaseReport(ICtx().get(), r, &out);
  };
  c["GetRadar"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::GetRadarRequest r;
    r.set_report_id(t.report_id);
    v1::GetRadarResponse out;
    return s.GetRadar(ICtx().get(), r, &out);
  };
  c["ListSignals"] = [](auto& s, IntakeWorld&, const Target&) {
    v1::ListSignalsResponse out;
    return s.ListSignals(ICtx().get(), v1::ListSignalsRequest(), &out);
  };
  c["ListFeedbackTasks"] = [](auto& s, IntakeWorld&, const Target&) {
    v1::ListFeedbackTasksRequest r;
    r.set_include_done(true);
    v1::ListFeedbackTasksResponse out;
    return s.ListFeedbackTasks(ICtx().get(), r, &out);
  };
  c["RecordFeedback"] = [](auto& s, IntakeWorld& w, const Target& t) {
    v1::RecordFeedbackRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_occasion(v1::FEEDBACK_OCCASION_ASSESSMENT);
    v1::FeedbackGiven* f = r.mutable_feedback();
    SetTime(f->mutable_given_at(), w.clock().Now());
    f->set_method(v1::FEEDBACK_METHOD_PHONE);
    f->set_follow_up_started(true);
    f->set_taken_over_by("Wijkteam Segbroek");
    f->set_note("Huisarts gebeld: het wijkteam neemt het over.");
    v1::RecordFeedbackResponse out;
    return s.RecordFeedback(ICtx().get(), r, &out);
  };
  c["CompleteInvestigation"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::CompleteInvestigationRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_etag(t.etag);
    r.set_conclusion("Onderzoek afgerond: vervolg via het wijkteam.");
    r.set_follow_up(v1::INVESTIGATION_FOLLOW_UP_HANDOVER);
    r.set_follow_up_note("Wijkteam Segbroek");
    v1::CompleteInvestigationResponse out;
    return s.CompleteInvestigation(ICtx().get(), r, &out);
  };
  c["CloseReport"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::CloseReportRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_etag(t.etag);
    r.set_reason("Toezicht afgerond: de voorwaarden worden nageleefd.");
    v1::CloseReportResponse out;
    return s.CloseReport(ICtx().get(), r, &out);
  };
  c["GetIntakeReport"] = [](auto& s, IntakeWorld&, const Target&) {
    v1::GetIntakeReportRequest r;
    r.mutable_from()->set_year(2026);
    r.mutable_from()->set_month(1);
    r.mutable_from()->set_day(1);
    r.mutable_to()->set_year(2026);
    r.mutable_to()->set_month(1);
    r.mutable_to()->set_day(31);
    r.set_csv(true);
    v1::GetIntakeReportResponse out;
    return s.GetIntakeReport(ICtx().get(), r, &out);
  };
  c["ListRetention"] = [](auto& s, IntakeWorld&, const Target&) {
    v1::ListRetentionResponse out;
    return s.ListRetention(ICtx().get(), v1::ListRetentionRequest(), &out);
  };
  c["SetLegalHold"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::SetLegalHoldRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_hold(true);
    r.set_reason("Strafrechtelijk onderzoek loopt (parketnummer 09/123456-26).");
    v1::SetLegalHoldResponse out;
    return s.SetLegalHold(ICtx().get(), r, &out);
  };
  c["DecideDestructionRequest"] = [](auto& s, IntakeWorld&, const Target& t) {
    v1::DecideDestructionRequestRequest r;
    r.set_request_id(NewRandomId());
    r.set_report_id(t.report_id);
    r.set_decision(v1::DESTRUCTION_DECISION_GRANTED);
    r.set_reason("De melding bleek ongegrond; de betrokkene vraagt vernietiging.");
    r.set_requested_by("betrokkene (moeder)");
    v1::DecideDestructionRequestResponse out;
    return s.DecideDestructionRequest(ICtx().get(), r, &out);
  };
  return c;
}

std::string EtagOf(IntakeWorld& w, const std::string& report_id) {
  return testing::Get(w, "vt1", report_id).etag();
}

TEST(IntakeAuthzTest, MatrixCoversEveryRpc) {
  const auto calls = testing::KeysOf(Calls());
  testing::ExpectMatrixCoversService(kMatrix, intake::IntakeAuthorizationTable(), &calls);
}

TEST(IntakeAuthzTest, EveryRpcForEveryCaller) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const auto calls = Calls();
  const Shared shared{Fresh(w), Assessed(w, ToTeam())};
  ASSERT_FALSE(shared.open.report_id.empty());
  ASSERT_FALSE(shared.handed.report_id.empty());
  testing::RunAuthzMatrix(
      kMatrix, kOutcomes, [&](const testing::AuthzCell& cell, grpc::Status& st) {
        const Target target = Prepare(w, cell.method, shared);
        ASSERT_FALSE(target.report_id.empty());
        const bool submits = cell.method == "SubmitReport" || cell.method == "SubmitReports";
        // A refused submission by anyone of the region would land in Haaglanden's queue.
        const int queued = submits ? w.Queue("vt1").total() : 0;
        auto stub = As(w, cell.caller_name);
        st = calls.at(cell.method)(*stub, w, target);
        if (cell.allowed) {
          EXPECT_EQ(st.ok(), !kNotOk.count({cell.method, cell.caller_name}))
              << "code " << st.error_code() << ": " << st.error_message();
        }
        if (kOutcomes.IsRefusal(st)) {
          EXPECT_EQ(EtagOf(w, target.report_id), target.etag)
              << "a refused call changed the report";
          if (submits) {
            EXPECT_EQ(w.Queue("vt1").total(), queued) << "a refused submission was taken in";
          }
        }
      });
  // Reads, refusals and lists never change the shared reports.
  EXPECT_EQ(EtagOf(w, shared.open.report_id), shared.open.etag);
  EXPECT_EQ(EtagOf(w, shared.handed.report_id), shared.handed.etag);
  const v1::Report handed = testing::Get(w, "vt1", shared.handed.report_id);
  EXPECT_EQ(handed.handover().state(), v1::REPORT_HANDOVER_STATE_PROPOSED);
  EXPECT_TRUE(handed.case_id().empty());
}

// ListHandedReports is open to every professional, but shows each organisation only what was
// handed to it: the local team its report, everyone else nothing.
TEST(IntakeAuthzTest, HandedReportsGoOnlyToTheReceivingOrganisation) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const Target handed = Assessed(w, ToTeam());
  for (const std::string who : {"wt", "dir", "vtsup", "agent", "ggz1"}) {
    v1::ListHandedReportsRequest req;
    req.set_include_answered(true);
    v1::ListHandedReportsResponse resp;
    const grpc::Status st = w.I(who)->ListHandedReports(ICtx().get(), req, &resp);
    ASSERT_TRUE(st.ok()) << who << ": " << st.error_message();
    if (who == "wt" || who == "dir") {
      ASSERT_EQ(resp.reports_size(), 1) << who;
      EXPECT_EQ(resp.reports(0).report_id(), handed.report_id);
    } else {
      EXPECT_EQ(resp.reports_size(), 0) << who;
    }
  }
  // The receiver reads what the route passes on, never the report itself.
  for (const std::string who : {"wt", "dir"}) {
    v1::GetReportRequest req;
    req.set_report_id(handed.report_id);
    v1::GetReportResponse resp;
    EXPECT_EQ(w.I(who)->GetReport(ICtx().get(), req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << who;
    EXPECT_EQ(resp.report().input().persons_size(), 0);
  }
}

// Whoever may not see a report gets the same answer for it as for a report that does not exist,
// on every RPC that names one.
TEST(IntakeAuthzTest, ARefusalDoesNotTellWhetherTheReportExists) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const auto calls = Calls();
  const Shared shared{Fresh(w), Assessed(w, ToTeam())};
  for (const std::string method :
       {"GetReport", "GetRadar", "ClaimReport", "ReleaseReport", "AssessReport", "ConvertAdvice",
        "RecordFeedback", "CompleteInvestigation", "AnswerReportHandover", "CloseReport"}) {
    const Target existing = Prepare(w, method, shared);
    const Target missing{NewRandomId(), existing.etag};
    for (const std::string who : {"utrecht", "agent", "ggz1"}) {
      SCOPED_TRACE(absl::StrCat(method, " by ", who));
      auto stub = As(w, who);
      const grpc::Status a = calls.at(method)(*stub, w, existing);
      const grpc::Status b = calls.at(method)(*stub, w, missing);
      EXPECT_EQ(a.error_code(), grpc::StatusCode::PERMISSION_DENIED) << a.error_message();
      EXPECT_EQ(b.error_code(), a.error_code());
      EXPECT_EQ(b.error_message(), a.error_message());
    }
  }
}

// A refusal is on the audit record, naming the report asked for.
TEST(IntakeAuthzTest, RefusalsAreAudited) {
  IntakeWorld w({}, nullptr, /*with_cases=*/true);
  const Target open = Fresh(w);
  ASSERT_EQ(w.Claim("utrecht", open.report_id).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  w.Flush();
  auto audit = v1::AuditService::NewStub(w.host().ChannelAs("auditor", testing::kOperatorOrg));
  v1::QueryEntriesRequest req;
  req.set_purpose("test");
  req.set_page_size(1000);
  v1::QueryEntriesResponse resp;
  const grpc::Status st = audit->QueryEntries(ICtx().get(), req, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  int denied = 0;
  for (const auto& e : resp.entries()) {
    if (e.record().outcome() != v1::AUDIT_OUTCOME_DENIED ||
        e.record().user().principal_id() != "utrecht") {
      continue;
    }
    ++denied;
    bool names_report = false;
    for (const auto& o : e.record().objects()) {
      names_report = names_report || (o.type() == "report" && o.id() == open.report_id);
    }
    EXPECT_TRUE(names_report) << e.record().ShortDebugString();
  }
  EXPECT_EQ(denied, 1);
}

}  // namespace
}  // namespace schakel
