// A host with the cases, handover and safety plan services (and the directory and audit log), a
// region's organisations and professionals, and one MDA++ case with a team: the world of the
// safety plan tests.
#ifndef SCHAKEL_TESTS_INTEGRATION_SAFETYPLAN_FIXTURE_H_
#define SCHAKEL_TESTS_INTEGRATION_SAFETYPLAN_FIXTURE_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"
#include "services/cases/case_service.h"
#include "services/common/ids.h"
#include "services/common/proto_time.h"
#include "services/handover/handover_service.h"
#include "services/intake/intake_service.h"
#include "services/safetyplan/safetyplan_service.h"
#include "tests/support/test_env.h"

namespace schakel::testing {

namespace plan_world {
inline constexpr char kVt[] = "vt-org";
inline constexpr char kTeam[] = "wijkteam-org";
inline constexpr char kPolice[] = "politie-org";
inline constexpr char kGgz[] = "ggz-org";
inline constexpr char kElsewhere[] = "elders-org";
inline constexpr char kGgz2[] = "ggz2-org";
}  // namespace plan_world

inline std::unique_ptr<grpc::ClientContext> PCtx() {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return ctx;
}

inline v1::PlanItem TextItem(const std::string& text, v1::Sensitivity s = v1::SENSITIVITY_GENERAL) {
  v1::PlanItem item;
  item.set_text(text);
  item.set_sensitivity(s);
  return item;
}

inline v1::PlanItem AgreementItem(const std::string& what, const std::string& owner_org,
                                  const std::string& owner, int y, int m, int d) {
  v1::PlanItem item;
  item.set_sensitivity(v1::SENSITIVITY_GENERAL);
  v1::Agreement* a = item.mutable_agreement();
  a->set_what(what);
  a->set_owner_organisation_id(owner_org);
  a->set_owner_professional_id(owner);
  a->mutable_due()->set_year(y);
  a->mutable_due()->set_month(m);
  a->mutable_due()->set_day(d);
  a->set_checked_by("Oma (netwerk)");
  return item;
}

// Adds `item` to `section` of `c` (the section made when missing).
inline v1::PlanItem* AddItem(v1::PlanContent& c, v1::PlanSection section, v1::PlanItem item) {
  for (auto& s : *c.mutable_sections()) {
    if (s.section() == section) {
      *s.add_items() = std::move(item);
      return s.mutable_items(s.items_size() - 1);
    }
  }
  v1::PlanSectionItems* s = c.add_sections();
  s->set_section(section);
  *s->add_items() = std::move(item);
  return s->mutable_items(0);
}

// The items of `section` in `c`.
inline std::vector<v1::PlanItem> ItemsOf(const v1::PlanContent& c, v1::PlanSection section) {
  for (const auto& s : c.sections()) {
    if (s.section() == section) return {s.items().begin(), s.items().end()};
  }
  return {};
}

// Where a PlanWorld keeps its files and which clock it runs on (a test that restarts the host
// passes the same directory and CA again).
struct PlanWorldOptions {
  std::filesystem::path data_dir;
  const TestPki* pki = nullptr;
  const Clock* clock = nullptr;  // default: the real clock
  bool with_intake = false;      // also host the intake service (the desktop client's views)
};

class PlanWorld {
 public:
  explicit PlanWorld(const PlanWorldOptions& options = {}) {
    Start(options);
    using namespace plan_world;
    host_->AddOrganisation(kVt, v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host_->AddOrganisation(kTeam, v1::ORGANISATION_TYPE_LOCAL_TEAM);
    host_->AddOrganisation(kPolice, v1::ORGANISATION_TYPE_POLICE);
    host_->AddOrganisation(kGgz, v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE);
    host_->AddOrganisation(kElsewhere, v1::ORGANISATION_TYPE_LOCAL_TEAM);
    host_->AddOrganisation(kGgz2, v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE);
    // name | organisation | roles
    Person("vt", kVt, {v1::ROLE_VT_INTAKE});
    Person("vtsup", kVt, {v1::ROLE_SUPERVISOR});
    Person("dir", kTeam, {v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL});
    Person("wt", kTeam, {v1::ROLE_PROFESSIONAL});
    Person("agent", kPolice, {v1::ROLE_PROFESSIONAL});
    Person("ggz", kGgz, {v1::ROLE_PROFESSIONAL});
    Person("outsider", kElsewhere, {v1::ROLE_PROFESSIONAL});
    Person("wtaud", kTeam, {v1::ROLE_AUDITOR});
    Person("wtsup", kTeam, {v1::ROLE_SUPERVISOR});
    Person("polsup", kPolice, {v1::ROLE_SUPERVISOR});
    // Of an organisation a handover may be proposed to (not on the team).
    Person("ontvanger", kGgz2, {v1::ROLE_PROFESSIONAL});
  }

  void Start(const PlanWorldOptions& options) {
    options_ = options;
    std::vector<std::unique_ptr<HostedService>> services;
    auto cases = std::make_unique<cases::CaseService>();
    cases_ = cases.get();
    services.push_back(std::move(cases));
    services.push_back(std::make_unique<handover::HandoverService>());
    auto plan = std::make_unique<safetyplan::SafetyPlanService>();
    service_ = plan.get();
    services.push_back(std::move(plan));
    if (options.with_intake) services.push_back(std::make_unique<intake::IntakeService>());
    TestHostOptions host;
    host.data_dir = options.data_dir;
    host.pki = options.pki;
    host.clock = options.clock;
    host_ = std::make_unique<TestHost>(host, std::move(services));
  }
  // Stops the host and starts another on the same files, with the same CA and clock (a world
  // that restarts names its CA in the options: it must outlive the first host).
  // `while_stopped` runs between the two (an operator's offline command).
  void Restart(const std::function<void()>& while_stopped = {}) {
    ASSERT_NE(options_.pki, nullptr) << "a restarting PlanWorld needs options.pki";
    PlanWorldOptions again = options_;
    again.data_dir = host_->data_dir();
    host_.reset();
    if (while_stopped) while_stopped();
    Start(again);
  }
  safetyplan::SafetyPlanService& service() { return *service_; }
  cases::CaseService& cases() { return *cases_; }
  std::unique_ptr<v1::HandoverService::Stub> H(const std::string& id) {
    return v1::HandoverService::NewStub(ChannelOf(id));
  }

  TestHost& host() { return *host_; }
  const std::string& OrgOf(const std::string& id) const { return orgs_.at(id); }

  void Person(const std::string& id, const std::string& org, const std::vector<int>& roles) {
    host_->AddProfessional(id, org, roles);
    orgs_[id] = org;
  }
  // A channel as professional `id`, or as the administrator ("admin") or another service
  // ("service").
  std::shared_ptr<grpc::Channel> ChannelOf(const std::string& id) {
    if (id == "admin") return host_->AdminChannel();
    if (id == "service") {
      return host_->ChannelAs("other-host", kOperatorOrg, pki::CertificateKind::kService);
    }
    return host_->ChannelAs(id, orgs_.at(id));
  }
  std::unique_ptr<v1::SafetyPlanService::Stub> P(const std::string& id) {
    return v1::SafetyPlanService::NewStub(ChannelOf(id));
  }
  std::unique_ptr<v1::CaseService::Stub> C(const std::string& id) {
    return v1::CaseService::NewStub(host_->ChannelAs(id, orgs_.at(id)));
  }
  void Flush() { ASSERT_TRUE(host_->host().FlushOutboxes().ok()); }

  // A case opened by "vt" with "dir" as director; "wt" and "agent" on the core team, "ggz"
  // involved.
  std::string MakeCase(bool honour_related = false) {
    v1::CreateCaseRequest create;
    create.set_request_id(NewRandomId());
    create.set_director_professional_id("dir");
    create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
    create.mutable_details()->set_honour_related_violence(honour_related);
    auto* p = create.add_persons();
    p->set_name("Sanne Visser");
    p->set_role(v1::PERSON_ROLE_VICTIM);
    v1::CreateCaseResponse created;
    grpc::Status st = C("vt")->CreateCase(PCtx().get(), create, &created);
    EXPECT_TRUE(st.ok()) << st.error_message();
    const std::string case_id = created.case_().id();
    AddMember(case_id, "wt", v1::CASE_ROLE_CORE_TEAM);
    AddMember(case_id, "agent", v1::CASE_ROLE_CORE_TEAM);
    AddMember(case_id, "ggz", v1::CASE_ROLE_INVOLVED);
    person_id_ = created.case_().persons(0).id();
    return case_id;
  }
  const std::string& person_id() const { return person_id_; }

  void AddMember(const std::string& case_id, const std::string& pro, v1::CaseRole role) {
    v1::AddTeamMemberRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_professional_id(pro);
    req.set_organisation_id(orgs_.at(pro));
    req.set_role(role);
    v1::AddTeamMemberResponse resp;
    grpc::Status st = C("dir")->AddTeamMember(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
  }

  // A first plan's content: a worry, two conditions (one CARE), two agreements (the local team's
  // and the police's), a warning signal and an evaluation date.
  v1::PlanContent FirstPlan() const {
    using namespace plan_world;
    v1::PlanContent c;
    AddItem(c, v1::PLAN_SECTION_WORRIES,
            TextItem("Vader slaat moeder als hij gedronken heeft; de kinderen zien het."));
    AddItem(c, v1::PLAN_SECTION_CONDITIONS, TextItem("Er is geen fysiek geweld in het gezin."));
    AddItem(c, v1::PLAN_SECTION_CONDITIONS,
            TextItem("Vader volgt zijn behandeling bij de verslavingszorg.", v1::SENSITIVITY_CARE));
    AddItem(c, v1::PLAN_SECTION_AGREEMENTS,
            AgreementItem("Wijkteam bezoekt moeder elke maandag.", kTeam, "wt", 2026, 12, 14));
    AddItem(c, v1::PLAN_SECTION_AGREEMENTS,
            AgreementItem("Politie rijdt extra surveillance in de straat.", kPolice, "agent", 2026,
                          12, 21));
    v1::PlanItem signal;
    signal.set_sensitivity(v1::SENSITIVITY_GENERAL);
    signal.mutable_warning_signal()->set_signal("Vader komt dronken thuis.");
    signal.mutable_warning_signal()->set_action("Moeder gaat met de kinderen naar oma.");
    signal.mutable_warning_signal()->set_call("112");
    AddItem(c, v1::PLAN_SECTION_WARNING_SIGNALS, signal);
    c.mutable_evaluation_date()->set_year(2027);
    c.mutable_evaluation_date()->set_month(1);
    c.mutable_evaluation_date()->set_day(15);
    return c;
  }

  // StartDraft as `who`.
  grpc::Status Start(const std::string& who, const std::string& case_id, v1::PlanVersion* out,
                     const std::string& request_id = NewRandomId()) {
    v1::StartDraftRequest req;
    req.set_request_id(request_id);
    req.set_case_id(case_id);
    v1::StartDraftResponse resp;
    grpc::Status st = P(who)->StartDraft(PCtx().get(), req, &resp);
    if (out != nullptr) *out = resp.version();
    return st;
  }
  grpc::Status Update(const std::string& who, const v1::PlanVersion& draft,
                      const v1::PlanContent& content, v1::PlanVersion* out,
                      const std::string& request_id = NewRandomId()) {
    v1::UpdateDraftRequest req;
    req.set_request_id(request_id);
    req.set_case_id(draft.case_id());
    req.set_version(draft.version());
    req.set_etag(draft.etag());
    *req.mutable_content() = content;
    v1::UpdateDraftResponse resp;
    grpc::Status st = P(who)->UpdateDraft(PCtx().get(), req, &resp);
    if (out != nullptr) *out = resp.version();
    return st;
  }
  grpc::Status Propose(const std::string& who, const std::string& case_id, int version,
                       v1::PlanVersion* out = nullptr) {
    v1::ProposeVersionRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_version(version);
    v1::ProposeVersionResponse resp;
    grpc::Status st = P(who)->ProposeVersion(PCtx().get(), req, &resp);
    if (out != nullptr) *out = resp.version();
    return st;
  }
  grpc::Status SignOff(const std::string& who, const std::string& case_id, int version,
                       v1::PlanVersion* out = nullptr) {
    v1::SignOffVersionRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(case_id);
    req.set_version(version);
    v1::SignOffVersionResponse resp;
    grpc::Status st = P(who)->SignOffVersion(PCtx().get(), req, &resp);
    if (out != nullptr) *out = resp.version();
    return st;
  }
  grpc::Status Get(const std::string& who, const std::string& case_id, int version,
                   v1::GetPlanResponse* out) {
    v1::GetPlanRequest req;
    req.set_case_id(case_id);
    req.set_version(version);
    return P(who)->GetPlan(PCtx().get(), req, out);
  }

  // RecordIncident as `who`: an incident at the clock's now, reported by the police.
  grpc::Status Incident(const std::string& who, const std::string& case_id,
                        v1::RecordIncidentResponse* out,
                        v1::Sensitivity sensitivity = v1::SENSITIVITY_GENERAL,
                        const std::string& request_id = NewRandomId()) {
    v1::RecordIncidentRequest req;
    req.set_request_id(request_id);
    req.set_case_id(case_id);
    SetTime(req.mutable_occurred_at(),
            absl::ToUnixMicros(options_.clock != nullptr ? options_.clock->Now() : absl::Now()));
    req.set_what("Vader kwam dronken thuis en sloeg de voordeur in.");
    req.set_police_reference("PL0900-2026-123456");
    req.set_reported_by("politie");
    req.set_sensitivity(sensitivity);
    v1::RecordIncidentResponse resp;
    grpc::Status st = P(who)->RecordIncident(PCtx().get(), req, &resp);
    if (out != nullptr) *out = resp;
    return st;
  }
  // EvaluatePlan as `who` of version `version`: every condition of `plan` with `outcome`.
  v1::EvaluatePlanRequest Evaluation(const v1::PlanVersion& plan, v1::EvaluationDecision decision,
                                     v1::ConditionOutcome outcome = v1::CONDITION_OUTCOME_MET) {
    v1::EvaluatePlanRequest req;
    req.set_request_id(NewRandomId());
    req.set_case_id(plan.case_id());
    req.set_version(plan.version());
    for (const v1::PlanItem& item : ItemsOf(plan.content(), v1::PLAN_SECTION_CONDITIONS)) {
      v1::ConditionResult* r = req.add_conditions();
      r->set_item_id(item.id());
      r->set_outcome(outcome);
    }
    req.set_decision(decision);
    return req;
  }
  grpc::Status Evaluate(const std::string& who, const v1::EvaluatePlanRequest& req,
                        v1::EvaluatePlanResponse* out = nullptr) {
    v1::EvaluatePlanResponse resp;
    grpc::Status st = P(who)->EvaluatePlan(PCtx().get(), req, &resp);
    if (out != nullptr) *out = resp;
    return st;
  }
  // The plan inbox of `who`.
  std::vector<v1::PlanInboxItem> Inbox(const std::string& who) {
    v1::ListPlanInboxResponse resp;
    grpc::Status st = P(who)->ListPlanInbox(PCtx().get(), v1::ListPlanInboxRequest(), &resp);
    EXPECT_TRUE(st.ok()) << who << ": " << st.error_message();
    return {resp.items().begin(), resp.items().end()};
  }
  // The case's timeline as the director sees it (after the outboxes are flushed).
  std::vector<v1::TimelineEvent> Timeline(const std::string& case_id) {
    Flush();
    v1::GetTimelineRequest req;
    req.set_case_id(case_id);
    req.set_page_size(200);
    v1::GetTimelineResponse resp;
    grpc::Status st = C("dir")->GetTimeline(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return {resp.events().begin(), resp.events().end()};
  }

  // A signed-off first plan (FirstPlan) of `case_id`: version 1, ACTIVE.
  v1::PlanVersion ActivePlan(const std::string& case_id) {
    v1::PlanVersion v;
    EXPECT_TRUE(Start("dir", case_id, &v).ok());
    grpc::Status st = Update("dir", v, FirstPlan(), &v);
    EXPECT_TRUE(st.ok()) << st.error_message();
    st = Propose("dir", case_id, v.version());
    EXPECT_TRUE(st.ok()) << st.error_message();
    EXPECT_TRUE(SignOff("dir", case_id, v.version()).ok());
    st = SignOff("vt", case_id, v.version(), &v);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return v;
  }

 private:
  PlanWorldOptions options_;
  safetyplan::SafetyPlanService* service_ = nullptr;
  cases::CaseService* cases_ = nullptr;
  std::unique_ptr<TestHost> host_;
  std::map<std::string, std::string> orgs_;
  std::string person_id_;
};

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_INTEGRATION_SAFETYPLAN_FIXTURE_H_
