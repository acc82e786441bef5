// A host with the directory, the audit log and the intake service on a fake clock, two Veilig
// Thuis organisations in different regions, a police force and a care partner, and helpers that
// build reports and call the service over real mutual TLS.
#ifndef SCHAKEL_TESTS_INTEGRATION_INTAKE_FIXTURE_H_
#define SCHAKEL_TESTS_INTEGRATION_INTAKE_FIXTURE_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "schakel/v1/intake.grpc.pb.h"
#include "services/cases/case_service.h"
#include "services/common/calendar.h"
#include "services/common/clock.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "services/intake/intake_service.h"
#include "tests/support/amsterdam_time.h"
#include "tests/support/test_env.h"

namespace schakel::testing {

namespace intake_world {
inline constexpr char kVt[] = "vt-haaglanden";
inline constexpr char kVtElsewhere[] = "vt-utrecht";
inline constexpr char kPolice[] = "politie";
inline constexpr char kGgz[] = "ggz";
inline constexpr char kTeam[] = "wijkteam";
}  // namespace intake_world

inline std::unique_ptr<grpc::ClientContext> ICtx() {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return ctx;
}

inline std::set<std::string> FieldsOf(const grpc::Status& st) { return BadFields(st); }

inline v1::ReportedPerson ReportedPersonOf(const std::string& name, int y, int m, int d,
                                           v1::ReportedRole role, const std::string& bsn = "",
                                           const std::string& postcode = "",
                                           const std::string& number = "") {
  v1::ReportedPerson p;
  p.set_name(name);
  p.mutable_date_of_birth()->set_year(y);
  p.mutable_date_of_birth()->set_month(m);
  p.mutable_date_of_birth()->set_day(d);
  p.set_role(role);
  p.set_bsn(bsn);
  p.mutable_address()->set_street("Laan van Meerdervoort");
  p.mutable_address()->set_postcode(postcode);
  p.mutable_address()->set_house_number(number);
  p.mutable_address()->set_city("Den Haag");
  return p;
}

// A professional's report (a GP) about a mother and child.
inline v1::ReportInput ProfessionalReport(bool acute = false) {
  v1::ReportInput in;
  in.set_kind(v1::REPORT_KIND_REPORT);
  in.set_channel(v1::REPORT_CHANNEL_PHONE);
  auto* r = in.mutable_reporter();
  r->set_type(v1::REPORTER_TYPE_PROFESSIONAL);
  r->set_organisation_name("Huisartsenpraktijk Duinoord");
  r->set_profession("huisarts");
  r->set_name("Dr. P. de Wit");
  r->set_contact("070-1234567");
  r->set_anonymous_towards_family(true);
  *in.add_persons() = ReportedPersonOf("Fatma Özdemir", 1990, 3, 14, v1::REPORTED_ROLE_VICTIM,
                                       "111222333", "2517 AB", "12");
  *in.add_persons() =
      ReportedPersonOf("Elif Özdemir", 2018, 6, 1, v1::REPORTED_ROLE_CHILD, "", "2517 AB", "12");
  in.add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  in.add_violence_kinds(v1::VIOLENCE_KIND_WITNESSING_PARTNER_VIOLENCE);
  in.set_description("Moeder vertelt over slaan door partner; kind was erbij.");
  in.set_acute(acute);
  return in;
}

// A police zorgmelding for the feed.
inline v1::ReportInput PoliceReport(const std::string& reference, const std::string& name,
                                    const std::string& postcode, const std::string& number) {
  v1::ReportInput in;
  in.set_kind(v1::REPORT_KIND_REPORT);
  in.set_channel(v1::REPORT_CHANNEL_POLICE_FEED);
  in.mutable_reporter()->set_type(v1::REPORTER_TYPE_POLICE);
  in.mutable_reporter()->set_police_reference("PL1500-" + reference);
  *in.add_persons() =
      ReportedPersonOf(name, 1985, 11, 2, v1::REPORTED_ROLE_VICTIM, "", postcode, number);
  in.add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  in.set_description("Melding huiselijk geweld na inzet politie.");
  in.set_external_reference(reference);
  return in;
}

class IntakeWorld {
 public:
  // `data_dir` and `pki` let a test restart the host on the same files (Restart). `with_cases`:
  // the cases and handover services too (the routes that leave Veilig Thuis), a local team with a
  // case director ("dir") and a professional ("wt").
  explicit IntakeWorld(const std::filesystem::path& data_dir = {}, const TestPki* pki = nullptr,
                       bool with_cases = false)
      : with_cases_(with_cases) {
    clock_.Set(AmsterdamTime(2026, 1, 5, 9));  // a Monday
    Start(data_dir, pki);
    using namespace intake_world;
    host_->AddOrganisation(kVt, v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host_->AddOrganisation(kVtElsewhere, v1::ORGANISATION_TYPE_VEILIG_THUIS, v1::REGION_UTRECHT);
    host_->AddOrganisation(kPolice, v1::ORGANISATION_TYPE_POLICE);
    host_->AddOrganisation(kGgz, v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE);
    Person("vt1", kVt, {v1::ROLE_VT_INTAKE});
    Person("vt2", kVt, {v1::ROLE_VT_INTAKE});
    Person("vtsup", kVt, {v1::ROLE_SUPERVISOR});
    Person("utrecht", kVtElsewhere, {v1::ROLE_VT_INTAKE});
    Person("agent", kPolice, {v1::ROLE_PROFESSIONAL});
    Person("ggz1", kGgz, {v1::ROLE_PROFESSIONAL});
    Person("auditor", kOperatorOrg, {v1::ROLE_AUDITOR});
    if (with_cases) {
      host_->AddOrganisation(kTeam, v1::ORGANISATION_TYPE_LOCAL_TEAM);
      Person("dir", kTeam, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL});
      Person("wt", kTeam, {v1::ROLE_PROFESSIONAL});
    }
  }

  void Start(const std::filesystem::path& data_dir, const TestPki* pki) {
    std::vector<std::unique_ptr<HostedService>> services;
    auto intake = std::make_unique<intake::IntakeService>();
    service_ = intake.get();
    services.push_back(std::move(intake));
    if (with_cases_) {
      services.push_back(std::make_unique<cases::CaseService>());
      services.push_back(std::make_unique<handover::HandoverService>());
    }
    TestHostOptions options;
    options.data_dir = data_dir;
    options.pki = pki;
    options.clock = &clock_;
    host_ = std::make_unique<TestHost>(options, std::move(services));
  }
  // Stops the host and starts another on the same files and clock (the same `pki` as given to
  // the constructor); `while_stopped` runs between the two (an operator's offline command).
  void Restart(const TestPki& pki, const std::function<void()>& while_stopped = {}) {
    const auto dir = host_->data_dir();
    host_.reset();
    if (while_stopped) while_stopped();
    Start(dir, &pki);
  }

  TestHost& host() { return *host_; }
  FakeClock& clock() { return clock_; }
  intake::IntakeService& service() { return *service_; }

  void Person(const std::string& id, const std::string& org, const std::vector<int>& roles) {
    host_->AddProfessional(id, org, roles);
    orgs_[id] = org;
  }
  std::unique_ptr<v1::IntakeService::Stub> I(const std::string& id) {
    return v1::IntakeService::NewStub(host_->ChannelAs(id, orgs_.at(id)));
  }
  std::unique_ptr<v1::CaseService::Stub> C(const std::string& id) {
    return v1::CaseService::NewStub(host_->ChannelAs(id, orgs_.at(id)));
  }
  std::unique_ptr<v1::HandoverService::Stub> H(const std::string& id) {
    return v1::HandoverService::NewStub(host_->ChannelAs(id, orgs_.at(id)));
  }
  // Delivers what waits in every outbox (the routes between the services).
  void Flush() { ASSERT_TRUE(host_->host().FlushOutboxes().ok()); }

  // Submits `in` as `who`; fails the test unless it is accepted.
  std::string Submit(const std::string& who, const v1::ReportInput& in) {
    v1::SubmitReportRequest req;
    req.set_request_id(NewRandomId());
    *req.mutable_report() = in;
    v1::SubmitReportResponse resp;
    const grpc::Status st = I(who)->SubmitReport(ICtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.report_id();
  }

  grpc::Status Claim(const std::string& who, const std::string& report_id,
                     v1::ClaimReportResponse* resp = nullptr) {
    v1::ClaimReportRequest req;
    req.set_request_id(NewRandomId());
    req.set_report_id(report_id);
    v1::ClaimReportResponse ignored;
    return I(who)->ClaimReport(ICtx().get(), req, resp ? resp : &ignored);
  }

  v1::ListTriageQueueResponse Queue(const std::string& who, bool mine = false) {
    v1::ListTriageQueueRequest req;
    req.set_mine(mine);
    v1::ListTriageQueueResponse resp;
    const grpc::Status st = I(who)->ListTriageQueue(ICtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
  }

  v1::GetRadarResponse Radar(const std::string& who, const std::string& report_id) {
    v1::GetRadarRequest req;
    req.set_report_id(report_id);
    v1::GetRadarResponse resp;
    const grpc::Status st = I(who)->GetRadar(ICtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
  }

 private:
  const bool with_cases_;
  FakeClock clock_;
  std::unique_ptr<TestHost> host_;
  intake::IntakeService* service_ = nullptr;
  std::map<std::string, std::string> orgs_;
};

// A safety assessment with `route` and nothing of the route's own fields yet.
inline v1::SafetyAssessment Assessment(v1::AssessmentRoute route) {
  v1::SafetyAssessment a;
  a.set_structural_unsafety(true);
  a.set_reasoning("Herhaald partnergeweld; kind getuige. Moeder wil hulp.");
  a.add_risk_factors("eerdere politiemeldingen");
  a.add_protective_factors("moeder zoekt hulp");
  a.set_route(route);
  return a;
}

// An assessment with the route CONDITIONS_FOLLOW_UP: one safety condition, the GGZ makes the
// plan, Veilig Thuis monitors on 2 March 2026.
inline v1::SafetyAssessment ConditionsFollowUp() {
  v1::SafetyAssessment a = Assessment(v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP);
  a.mutable_conditions()->add_safety_conditions("Geen geweld in het gezin.");
  a.mutable_conditions()->set_plan_partner_organisation_id(intake_world::kGgz);
  v1::Date* when = a.mutable_conditions()->add_monitoring_dates();
  when->set_year(2026);
  when->set_month(3);
  when->set_day(2);
  return a;
}

// AssessReport as `who`, with a fresh request id unless one is given.
inline grpc::Status Assess(IntakeWorld& w, const std::string& who, const std::string& report_id,
                           const v1::SafetyAssessment& a, v1::AssessReportResponse* resp = nullptr,
                           const std::string& request_id = "") {
  v1::AssessReportRequest req;
  req.set_request_id(request_id.empty() ? NewRandomId() : request_id);
  req.set_report_id(report_id);
  *req.mutable_assessment() = a;
  v1::AssessReportResponse ignored;
  return w.I(who)->AssessReport(ICtx().get(), req, resp ? resp : &ignored);
}

// ListSignals as `who`; fails the test unless it answers.
inline v1::ListSignalsResponse Signals(IntakeWorld& w, const std::string& who) {
  v1::ListSignalsResponse resp;
  const grpc::Status st = w.I(who)->ListSignals(ICtx().get(), v1::ListSignalsRequest(), &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp;
}

// One scan of the terms (ScanClocks); how many signals it sent, -1 on an error.
inline int Scan(IntakeWorld& w) {
  absl::StatusOr<int> sent = w.service().ScanClocks();
  EXPECT_TRUE(sent.ok()) << sent.status();
  return sent.value_or(-1);
}

// GetReport as `who`; fails the test unless it answers.
inline v1::Report Get(IntakeWorld& w, const std::string& who, const std::string& id) {
  v1::GetReportRequest req;
  req.set_report_id(id);
  v1::GetReportResponse resp;
  const grpc::Status st = w.I(who)->GetReport(ICtx().get(), req, &resp);
  EXPECT_TRUE(st.ok()) << st.error_message();
  return resp.report();
}

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_INTEGRATION_INTAKE_FIXTURE_H_
