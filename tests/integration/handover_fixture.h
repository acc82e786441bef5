// A host with the directory, the audit log, the cases and the handover services on a fake clock,
// a small region of partner organisations, and helpers that call them over real mutual TLS.
#ifndef SCHAKEL_TESTS_INTEGRATION_HANDOVER_FIXTURE_H_
#define SCHAKEL_TESTS_INTEGRATION_HANDOVER_FIXTURE_H_

#include <chrono>
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
#include "services/cases/case_service.h"
#include "services/common/calendar.h"
#include "services/common/clock.h"
#include "services/common/ids.h"
#include "services/common/status.h"
#include "services/handover/handover_service.h"
#include "tests/support/amsterdam_time.h"
#include "tests/support/test_env.h"

namespace schakel::testing {

namespace handover_world {
inline constexpr char kVt[] = "vt";
inline constexpr char kTeam[] = "wijkteam";
inline constexpr char kPolice[] = "politie";
inline constexpr char kGgz[] = "ggz";
inline constexpr char kGgz2[] = "ggz-twee";
inline constexpr char kElsewhere[] = "elders";
}  // namespace handover_world

inline std::unique_ptr<grpc::ClientContext> HCtx() {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return ctx;
}

// Amsterdam wall-clock time.
inline absl::Time Amsterdam(int y, int m, int d, int hh = 10, int mm = 0) {
  return AmsterdamTime(y, m, d, hh, mm);
}

// The fields a BadRequest names.
inline std::set<std::string> BadFieldsOf(const grpc::Status& st) { return BadFields(st); }

class HandoverWorld {
 public:
  // `data_dir` and `pki` let a test restart the host on the same files.
  // `metrics_listen` turns the host's metrics endpoint on ("127.0.0.1:0").
  explicit HandoverWorld(const std::filesystem::path& data_dir = {}, const TestPki* pki = nullptr,
                         std::string metrics_listen = "")
      : metrics_listen_(std::move(metrics_listen)) {
    clock_.Set(Amsterdam(2026, 1, 5, 9));  // a Monday
    Start(data_dir, pki);
    using namespace handover_world;
    host_->AddOrganisation(kVt, v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host_->AddOrganisation(kTeam, v1::ORGANISATION_TYPE_LOCAL_TEAM);
    host_->AddOrganisation(kPolice, v1::ORGANISATION_TYPE_POLICE);
    host_->AddOrganisation(kGgz, v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE);
    host_->AddOrganisation(kGgz2, v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE);
    host_->AddOrganisation(kElsewhere, v1::ORGANISATION_TYPE_LOCAL_TEAM);
    // name | organisation | roles
    Person("vt", kVt, {v1::ROLE_VT_INTAKE});
    Person("vtcol", kVt, {v1::ROLE_VT_INTAKE});
    Person("vtsup", kVt, {v1::ROLE_SUPERVISOR});
    Person("vtaud", kVt, {v1::ROLE_AUDITOR});
    Person("dir", kTeam, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL});
    Person("wt", kTeam, {v1::ROLE_PROFESSIONAL});
    Person("wtsup", kTeam, {v1::ROLE_SUPERVISOR});
    Person("agent", kPolice, {v1::ROLE_PROFESSIONAL});
    Person("ggz1", kGgz, {v1::ROLE_PROFESSIONAL});
    Person("ggzsup", kGgz, {v1::ROLE_SUPERVISOR});
    Person("ggz2", kGgz2, {v1::ROLE_PROFESSIONAL});
    Person("outsider", kElsewhere, {v1::ROLE_PROFESSIONAL});
    Person("outsup", kElsewhere, {v1::ROLE_SUPERVISOR});
    // Oversees the whole region's handovers (lists and reports), and nothing else.
    Person("regsup", kPolice, {v1::ROLE_REGIONAL_SUPERVISOR});
    Person("auditor", kOperatorOrg, {v1::ROLE_AUDITOR});
  }

  void Start(const std::filesystem::path& data_dir, const TestPki* pki) {
    std::vector<std::unique_ptr<HostedService>> services;
    services.push_back(std::make_unique<cases::CaseService>());
    auto handover = std::make_unique<handover::HandoverService>();
    service_ = handover.get();
    services.push_back(std::move(handover));
    TestHostOptions options;
    options.data_dir = data_dir;
    options.pki = pki;
    options.clock = &clock_;
    options.metrics_listen = metrics_listen_;
    host_ = std::make_unique<TestHost>(options, std::move(services));
  }

  // Stops the host and starts another on the same files (same clock).
  void Restart(const TestPki& pki) { RestartOn(host_->data_dir(), pki); }
  // Stops the host and starts another on `data_dir` (a restored backup, say).
  void RestartOn(const std::filesystem::path& data_dir, const TestPki& pki) {
    const auto dir = data_dir;  // a copy: `data_dir` may be the host's own
    host_.reset();
    Start(dir, &pki);
  }

  TestHost& host() { return *host_; }
  FakeClock& clock() { return clock_; }
  handover::HandoverService& service() { return *service_; }
  const std::string& OrgOf(const std::string& id) const { return orgs_.at(id); }

  void Person(const std::string& id, const std::string& org, const std::vector<int>& roles) {
    host_->AddProfessional(id, org, roles);
    orgs_[id] = org;
  }

  std::shared_ptr<grpc::Channel> ChannelOf(const std::string& id) {
    if (id == "admin") return host_->AdminChannel();
    if (id == "service") {
      return host_->ChannelAs("cases-host", kOperatorOrg, pki::CertificateKind::kService);
    }
    return host_->ChannelAs(id, orgs_.at(id));
  }
  std::unique_ptr<v1::HandoverService::Stub> H(const std::string& id) {
    return v1::HandoverService::NewStub(ChannelOf(id));
  }
  std::unique_ptr<v1::CaseService::Stub> C(const std::string& id) {
    return v1::CaseService::NewStub(ChannelOf(id));
  }

  void Flush() { ASSERT_TRUE(host_->host().FlushOutboxes().ok()); }

  // A case opened by "vt" (Veilig Thuis leads, DIRECT_SAFETY) with "dir" as director, "wt" of
  // the local team on the core team (unless `without_wt`) and `members` (professional -> role);
  // the ledger has it on return.
  std::string MakeCase(const std::map<std::string, v1::CaseRole>& members = {},
                       bool honour_related = false, bool without_wt = false) {
    v1::CreateCaseRequest create;
    create.set_request_id(NewRandomId());
    create.set_director_professional_id("dir");
    create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
    create.mutable_details()->set_honour_related_violence(honour_related);
    auto* p = create.add_persons();
    p->set_name("Sanne Visser");
    p->set_role(v1::PERSON_ROLE_VICTIM);
    v1::CreateCaseResponse created;
    grpc::Status st = C("vt")->CreateCase(HCtx().get(), create, &created);
    EXPECT_TRUE(st.ok()) << st.error_message();
    const std::string case_id = created.case_().id();
    if (!without_wt) AddMember(case_id, "wt", v1::CASE_ROLE_CORE_TEAM);
    for (const auto& [pro, role] : members) AddMember(case_id, pro, role);
    Flush();
    return case_id;
  }

  void AddMember(const std::string& case_id, const std::string& pro, v1::CaseRole role) {
    v1::AddTeamMemberRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_professional_id(pro);
    req.set_organisation_id(orgs_.at(pro));
    req.set_role(role);
    v1::AddTeamMemberResponse resp;
    grpc::Status st = C("dir")->AddTeamMember(HCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
  }

  grpc::Status Propose(const std::string& who, const std::string& case_id,
                       const std::string& to_org, v1::Phase phase, v1::Handover* out = nullptr,
                       bool family_informed = false) {
    v1::ProposeHandoverRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_to_organisation_id(to_org);
    req.set_phase(phase);
    req.mutable_content()->set_summary("Moeder en kinderen veilig bij oma; vader in behandeling");
    req.mutable_content()->add_safety_conditions(
        "Geen contact tussen vader en moeder zonder toezicht");
    req.mutable_content()->add_agreements("Wijkteam belt moeder elke maandag");
    req.mutable_content()->add_open_risks("Vader ontkent het geweld");
    req.mutable_content()->add_open_actions("Intake traumabehandeling kinderen");
    req.set_family_informed(family_informed);
    v1::ProposeHandoverResponse resp;
    grpc::Status st = H(who)->ProposeHandover(HCtx().get(), req, &resp);
    if (out != nullptr) *out = resp.handover();
    return st;
  }

  grpc::Status Accept(const std::string& who, const std::string& id,
                      v1::AcceptHandoverResponse* out = nullptr) {
    v1::AcceptHandoverRequest req;
    req.set_request_id(NewRandomId());
    req.set_handover_id(id);
    v1::AcceptHandoverResponse resp;
    grpc::Status st = H(who)->AcceptHandover(HCtx().get(), req, &resp);
    if (out != nullptr) *out = resp;
    return st;
  }

  grpc::Status Decline(const std::string& who, const std::string& id,
                       const std::string& reason = "geen capaciteit deze maand") {
    v1::DeclineHandoverRequest req;
    req.set_request_id(NewRandomId());
    req.set_handover_id(id);
    req.set_reason(reason);
    v1::DeclineHandoverResponse resp;
    return H(who)->DeclineHandover(HCtx().get(), req, &resp);
  }

  grpc::Status Withdraw(const std::string& who, const std::string& id) {
    v1::WithdrawHandoverRequest req;
    req.set_request_id(NewRandomId());
    req.set_handover_id(id);
    req.set_reason("toch niet nodig");
    v1::WithdrawHandoverResponse resp;
    return H(who)->WithdrawHandover(HCtx().get(), req, &resp);
  }

  grpc::Status Confirm(const std::string& who, const std::string& id) {
    v1::ConfirmFirstContactRequest req;
    req.set_request_id(NewRandomId());
    req.set_handover_id(id);
    v1::ConfirmFirstContactResponse resp;
    return H(who)->ConfirmFirstContact(HCtx().get(), req, &resp);
  }

  v1::GetResponsibilityResponse Responsibility(const std::string& who, const std::string& case_id) {
    v1::GetResponsibilityRequest req;
    req.set_case_id(case_id);
    v1::GetResponsibilityResponse resp;
    grpc::Status st = H(who)->GetResponsibility(HCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
    return resp;
  }

  v1::Handover Get(const std::string& who, const std::string& id) {
    v1::GetHandoverRequest req;
    req.set_handover_id(id);
    v1::GetHandoverResponse resp;
    grpc::Status st = H(who)->GetHandover(HCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
    return resp.handover();
  }

  v1::ListInboxResponse Inbox(const std::string& who) {
    v1::ListInboxResponse resp;
    grpc::Status st = H(who)->ListInbox(HCtx().get(), {}, &resp);
    EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
    return resp;
  }

  v1::GetHandoverReportResponse Report(const std::string& who = "vtsup", bool csv = false) {
    v1::GetHandoverReportRequest req;
    req.set_csv(csv);
    v1::GetHandoverReportResponse resp;
    grpc::Status st = H(who)->GetHandoverReport(HCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
    return resp;
  }

  std::vector<v1::TimelineEvent> Timeline(const std::string& case_id) {
    Flush();
    v1::GetTimelineRequest req;
    req.set_case_id(case_id);
    req.set_page_size(500);
    v1::GetTimelineResponse resp;
    grpc::Status st = C("dir")->GetTimeline(HCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return {resp.events().begin(), resp.events().end()};
  }

  std::vector<v1::AuditRecord> AuditRecordsAbout(const std::string& object_id) {
    Flush();
    auto stub = v1::AuditService::NewStub(ChannelOf("auditor"));
    std::vector<v1::AuditRecord> out;
    v1::QueryEntriesRequest req;
    req.set_object_id(object_id);
    req.set_purpose("test");
    req.set_page_size(1000);
    v1::QueryEntriesResponse resp;
    grpc::Status st = stub->QueryEntries(HCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    for (const auto& e : resp.entries()) out.push_back(e.record());
    return out;
  }

 private:
  FakeClock clock_;
  std::string metrics_listen_;
  std::unique_ptr<TestHost> host_;
  handover::HandoverService* service_ = nullptr;
  std::map<std::string, std::string> orgs_;
};

// `who`'s GetHandover of handover `id`.
inline grpc::Status GetAs(HandoverWorld& w, const std::string& who, const std::string& id) {
  v1::GetHandoverRequest req;
  req.set_handover_id(id);
  v1::GetHandoverResponse resp;
  return w.H(who)->GetHandover(HCtx().get(), req, &resp);
}

// The ids of the handovers `who`'s ListHandovers shows.
inline std::set<std::string> ListedBy(HandoverWorld& w, const std::string& who) {
  v1::ListHandoversResponse list;
  const grpc::Status st = w.H(who)->ListHandovers(HCtx().get(), {}, &list);
  EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
  std::set<std::string> ids;
  for (const auto& h : list.handovers()) ids.insert(h.id());
  return ids;
}

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_INTEGRATION_HANDOVER_FIXTURE_H_
