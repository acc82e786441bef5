// A host with the directory, the audit log and the cases service, a small region of partner
// organisations, and helpers that call CaseService over real mutual TLS.
#ifndef SCHAKEL_TESTS_INTEGRATION_CASES_FIXTURE_H_
#define SCHAKEL_TESTS_INTEGRATION_CASES_FIXTURE_H_

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "services/cases/case_service.h"
#include "services/common/ids.h"
#include "tests/support/test_env.h"

namespace schakel::testing {

// Organisations of the fixture region.
inline constexpr char kVtOrg[] = "vt";
inline constexpr char kTeamOrg[] = "wijkteam";
inline constexpr char kPoliceOrg[] = "politie";
inline constexpr char kGgzOrg[] = "ggz";
inline constexpr char kOtherOrg[] = "wijkteam-elders";

inline std::unique_ptr<grpc::ClientContext> Ctx() {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  return ctx;
}

inline std::vector<std::unique_ptr<HostedService>> CasesOnly() {
  std::vector<std::unique_ptr<HostedService>> s;
  s.push_back(std::make_unique<cases::CaseService>());
  return s;
}

inline v1::Date MakeDate(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

inline v1::Note MakeNote(v1::Sensitivity s, const std::string& text) {
  v1::Note n;
  n.set_sensitivity(s);
  n.set_text(text);
  return n;
}

// A complete closing of `case_id`: a reason and the whole checklist, under a fresh request id.
inline v1::CloseCaseRequest CloseRequest(const std::string& case_id) {
  v1::CloseCaseRequest r;
  r.set_request_id(NewRandomId());
  r.set_case_id(case_id);
  r.set_reason("stabiele veiligheid houdt een half jaar stand");
  r.mutable_checklist()->set_stable_safety_held(true);
  r.mutable_checklist()->set_risk_factors_addressed(true);
  r.mutable_checklist()->set_recovery_owner_in_place(true);
  r.mutable_checklist()->set_follow_up_agreed(true);
  return r;
}

class CasesWorld {
 public:
  CasesWorld() : CasesWorld(TestHostOptions{}) {}
  // On `options`: a fake clock, or a data directory and CA shared with an earlier world to
  // restart on the same files (the organisations and people are registered again by the same
  // request ids, which the directory answers as replays).
  explicit CasesWorld(TestHostOptions options) : host_(options, KeptService()) {
    host_.AddOrganisation(kVtOrg, v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host_.AddOrganisation(kTeamOrg, v1::ORGANISATION_TYPE_LOCAL_TEAM);
    host_.AddOrganisation(kPoliceOrg, v1::ORGANISATION_TYPE_POLICE);
    host_.AddOrganisation(kGgzOrg, v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE);
    host_.AddOrganisation(kOtherOrg, v1::ORGANISATION_TYPE_LOCAL_TEAM);
    // name | organisation | roles
    Person("vt", kVtOrg, {v1::ROLE_VT_INTAKE});
    Person("dir", kTeamOrg, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL});
    Person("core", kPoliceOrg, {v1::ROLE_PROFESSIONAL});
    Person("inv", kGgzOrg, {v1::ROLE_PROFESSIONAL});
    Person("colleague", kPoliceOrg, {v1::ROLE_PROFESSIONAL});
    Person("sup", kPoliceOrg, {v1::ROLE_SUPERVISOR});
    Person("aud", kGgzOrg, {v1::ROLE_AUDITOR});
    Person("outsider", kOtherOrg, {v1::ROLE_PROFESSIONAL});
    Person("outdir", kOtherOrg, {v1::ROLE_CASE_DIRECTOR});
    Person("outsup", kOtherOrg, {v1::ROLE_SUPERVISOR});
    Person("extra", kTeamOrg, {v1::ROLE_PROFESSIONAL});
    Person("auditor", kOperatorOrg, {v1::ROLE_AUDITOR});
  }

  TestHost& host() { return host_; }
  // The service itself, for tests that drive its timer (ScanFollowUps).
  cases::CaseService& service() { return *service_; }

  void Person(const std::string& id, const std::string& org, const std::vector<int>& roles) {
    host_.AddProfessional(id, org, roles);
    orgs_[id] = org;
  }

  std::unique_ptr<v1::CaseService::Stub> As(const std::string& id) {
    if (id == "admin") return v1::CaseService::NewStub(host_.AdminChannel());
    if (id == "service") {
      return v1::CaseService::NewStub(
          host_.ChannelAs("handover", kOperatorOrg, pki::CertificateKind::kService));
    }
    return v1::CaseService::NewStub(host_.ChannelAs(id, orgs_.at(id)));
  }

  // A case opened by "vt" with "dir" as director, "core" (police) on the core team and "inv"
  // (GGZ) involved; two persons with one note of each sensitivity on the first; an MDO whose
  // decision gave GGZ an action.
  struct Fixture {
    std::string case_id;
    std::string etag;
    std::vector<std::string> person_ids;
    std::vector<std::string> person_etags;
    std::string action_id;
    std::string care_note_id;
  };
  Fixture MakeCase(bool honour_related = false) {
    Fixture f;
    v1::CreateCaseRequest create;
    create.set_request_id(NewRandomId());
    create.set_director_professional_id("dir");
    create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
    create.mutable_details()->set_honour_related_violence(honour_related);
    create.mutable_details()->mutable_criteria()->mutable_structural_unsafety()->set_state(
        v1::CRITERION_STATE_MET);
    auto* p1 = create.add_persons();
    p1->set_name("Anna de Boer");
    *p1->mutable_date_of_birth() = MakeDate(1988, 3, 14);
    p1->set_bsn("111222333");
    p1->set_role(v1::PERSON_ROLE_VICTIM);
    *p1->add_notes() = MakeNote(v1::SENSITIVITY_GENERAL, "algemeen");
    *p1->add_notes() = MakeNote(v1::SENSITIVITY_CARE, "trauma");
    *p1->add_notes() = MakeNote(v1::SENSITIVITY_JUSTICE, "strafblad");
    auto* p2 = create.add_persons();
    p2->set_name("Bram de Boer");
    p2->set_role(v1::PERSON_ROLE_SUSPECTED_PERPETRATOR);
    v1::CreateCaseResponse created;
    EXPECT_TRUE(As("vt")->CreateCase(Ctx().get(), create, &created).ok());
    f.case_id = created.case_().id();
    for (const auto& p : created.case_().persons()) {
      f.person_ids.push_back(p.id());
      f.person_etags.push_back(p.etag());
    }
    for (const auto& n : created.case_().persons(0).notes()) {
      if (n.sensitivity() == v1::SENSITIVITY_CARE) f.care_note_id = n.id();
    }
    AddMember(f.case_id, "core", kPoliceOrg, v1::CASE_ROLE_CORE_TEAM);
    AddMember(f.case_id, "inv", kGgzOrg, v1::CASE_ROLE_INVOLVED);
    v1::RecordMeetingRequest meeting;
    meeting.set_request_id(NewRandomId());
    meeting.set_case_id(f.case_id);
    *meeting.mutable_meeting()->mutable_date() = MakeDate(2026, 1, 5);
    auto* a = meeting.mutable_meeting()->add_attendees();
    a->set_professional_id("dir");
    a->set_organisation_id(kTeamOrg);
    auto* d = meeting.mutable_meeting()->add_decisions();
    *d->mutable_text() = MakeNote(v1::SENSITIVITY_GENERAL, "traumabehandeling starten");
    d->mutable_action()->set_description("intake GGZ plannen");
    d->mutable_action()->set_owner_organisation_id(kGgzOrg);
    *d->mutable_action()->mutable_due_date() = MakeDate(2030, 1, 1);
    d->mutable_action()->set_sensitivity(v1::SENSITIVITY_GENERAL);
    v1::RecordMeetingResponse recorded;
    EXPECT_TRUE(As("dir")->RecordMeeting(Ctx().get(), meeting, &recorded).ok());
    if (!recorded.actions().empty()) f.action_id = recorded.actions(0).id();
    f.etag = Get("dir", f.case_id).etag();
    return f;
  }

  void AddMember(const std::string& case_id, const std::string& pro, const std::string& org,
                 v1::CaseRole role) {
    v1::AddTeamMemberRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_professional_id(pro);
    req.set_organisation_id(org);
    req.set_role(role);
    v1::AddTeamMemberResponse resp;
    grpc::Status st = As("dir")->AddTeamMember(Ctx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
  }

  v1::Case Get(const std::string& who, const std::string& case_id) {
    v1::GetCaseRequest req;
    req.set_case_id(case_id);
    v1::GetCaseResponse resp;
    grpc::Status st = As(who)->GetCase(Ctx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
    return resp.case_();
  }

  // Every audit record about `object_id` (after delivering the outbox).
  std::vector<v1::AuditRecord> AuditRecordsAbout(const std::string& object_id) {
    EXPECT_TRUE(host_.host().FlushOutboxes().ok());
    auto stub = v1::AuditService::NewStub(host_.ChannelAs("auditor", kOperatorOrg));
    std::vector<v1::AuditRecord> out;
    std::string token;
    do {
      v1::QueryEntriesRequest req;
      req.set_object_id(object_id);
      req.set_purpose("test");
      req.set_page_size(1000);
      req.set_page_token(token);
      v1::QueryEntriesResponse resp;
      grpc::Status st = stub->QueryEntries(Ctx().get(), req, &resp);
      EXPECT_TRUE(st.ok()) << st.error_message();
      if (!st.ok()) break;
      // The audit log records each query with the ids searched for; those are the auditor's own
      // looks, not events of the object.
      for (const auto& e : resp.entries()) {
        if (e.record().event_type() != "audit.query") out.push_back(e.record());
      }
      token = resp.next_page_token();
    } while (!token.empty());
    return out;
  }

 private:
  std::vector<std::unique_ptr<HostedService>> KeptService() {
    auto service = std::make_unique<cases::CaseService>();
    service_ = service.get();
    std::vector<std::unique_ptr<HostedService>> s;
    s.push_back(std::move(service));
    return s;
  }

  // Set while host_ is made (declared first, so its initialiser runs before).
  cases::CaseService* service_ = nullptr;
  TestHost host_;
  std::map<std::string, std::string> orgs_;
};

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_INTEGRATION_CASES_FIXTURE_H_
