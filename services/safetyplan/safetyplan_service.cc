// SafetyPlanService: who may call what, opening the service, the RPC edge, the caller's standing
// on a case, the shape of every change, and sealing and showing versions.
#include "services/safetyplan/safetyplan_service.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/case_client.h"
#include "services/common/etag.h"
#include "services/common/host_metrics.h"
#include "services/common/migrations.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/runtime/unit_of_work.h"
#include "services/safetyplan/plan_rules.h"
#include "services/safetyplan/plan_sealed.h"

namespace schakel::migrations {
const MigrationTrack& safetyplan_track();
}  // namespace schakel::migrations

namespace schakel::safetyplan {
namespace {

void SetTimeIfAny(google::protobuf::Timestamp* ts, int64_t micros) {
  if (micros != 0) SetTime(ts, micros);
}

}  // namespace

AuthorizationTable SafetyPlanAuthorizationTable() {
  AuthorizationTable t;
  const std::vector<v1::Role> workers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR};
  std::vector<v1::Role> readers = workers;
  readers.push_back(v1::ROLE_SUPERVISOR);
  readers.push_back(v1::ROLE_AUDITOR);
  // Who on the case may do what is the cases service's answer (StandingOn).
  for (const char* m : {"GetPlan", "GetPlanDiff", "ListRiskInstruments"}) {
    t.Allow(m, {.roles = readers});
  }
  for (const char* m :
       {"StartDraft", "UpdateDraft", "ProposeVersion", "SignOffVersion", "RecordFamilyAgreement",
        "RecordRiskInstrument", "EvaluatePlan", "RecordIncident"}) {
    t.Allow(m, {.roles = workers});
  }
  std::vector<v1::Role> inbox = workers;
  inbox.push_back(v1::ROLE_SUPERVISOR);
  t.Allow("ListPlanInbox", {.roles = inbox});
  // The cases service's destroyed cases (the handler checks which host).
  t.Allow("ReceiveCaseDestructions", {.services = true});
  return t;
}

absl::Status SafetyPlanService::Open(const HostEnv& env) {
  env_ = env;
  const v1::SafetyPlanConfig& config = env.config.safetyplan();
  FieldViolations v;
  if (config.data_key_file().empty()) v.Add("safetyplan.data_key_file", "must be set");
  if (config.index_key_file().empty()) v.Add("safetyplan.index_key_file", "must be set");
  if (config.default_evaluation_weeks() < 0 || config.default_evaluation_weeks() > 52) {
    v.Add("safetyplan.default_evaluation_weeks", "must be 1 to 52 (0: the default, 6)");
  }
  if (config.incident_review_working_days() < 0 || config.incident_review_working_days() > 20) {
    v.Add("safetyplan.incident_review_working_days", "must be 1 to 20 (0: the default, 5)");
  }
  if (config.deadline_scan_seconds() < 0) {
    v.Add("safetyplan.deadline_scan_seconds", "must not be negative");
  }
  std::vector<absl::CivilDay> equated = calendar::ParseEquatedDays(v, env.config.equated_days());
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  calendar_ = std::make_unique<calendar::WorkingDayCalendar>(std::move(equated));
  if (config.default_evaluation_weeks() > 0) {
    default_evaluation_weeks_ = config.default_evaluation_weeks();
  }
  if (config.incident_review_working_days() > 0) {
    review_days_ = config.incident_review_working_days();
  }
  if (config.deadline_scan_seconds() > 0) {
    scan_interval_ = absl::Seconds(config.deadline_scan_seconds());
  }
  case_event_sources_.assign(config.case_event_sources().begin(),
                             config.case_event_sources().end());
  RuntimeSpec spec{.service = std::string(name()),
                   .track = &migrations::safetyplan_track(),
                   .authorization = SafetyPlanAuthorizationTable(),
                   .readers = 2,
                   .key_config = "safetyplan",
                   .data_key_file = config.data_key_file(),
                   .index_key_file = config.index_key_file()};
  SCHAKEL_ASSIGN_OR_RETURN(rt_, OpenServiceRuntime(env_, std::move(spec)));
  SCHAKEL_ASSIGN_OR_RETURN(std::string master_key, PlanMasterKey(config));
  sealer_ = std::make_unique<ObjectSealer>(*rt_.cipher, std::move(master_key), kPlanKeyAadPrefix,
                                           "case", *env_.clock);
  // The deadline timer, on the host's scheduler.
  ScheduleScan();
  return absl::OkStatus();
}

void SafetyPlanService::Stop() { scan_job_.Cancel(); }

std::vector<MetricSample> SafetyPlanService::MetricSamples() {
  std::vector<MetricSample> out;
  // The kinds of plan_deadlines (its CHECK constraint), as label values.
  for (const auto& [kind, label] :
       {std::pair{"EVALUATION", "plan_evaluation"}, std::pair{"AGREEMENT", "plan_agreement"},
        std::pair{"INCIDENT_REVIEW", "plan_incident_review"}}) {
    AddOverdueCount(*rt_.db, label,
                    absl::StrCat("SELECT COUNT(*) FROM plan_deadlines WHERE done_at = 0 AND "
                                 "kind = '",
                                 kind, "' AND due < ?"),
                    {YmdOf(Today())}, out);
  }
  return out;
}

std::vector<OutboxRoute> SafetyPlanService::outbox_routes() { return {CaseTimelineRoute()}; }

grpc::ServerUnaryReactor* SafetyPlanService::Handle(grpc::CallbackServerContext* ctx,
                                                    absl::string_view method,
                                                    const std::string& case_id,
                                                    RpcHandler handler) {
  std::vector<AskedObject> asked;
  if (!case_id.empty()) asked.push_back({"case", case_id});
  return HandleUnary(ctx, env_, *rt_.authorizer, rt_.audit.get(), name(), method, std::move(asked),
                     CallHandler([handler = std::move(handler)](const CallContext& call) {
                       return handler(call.caller());
                     }));
}

absl::StatusOr<SafetyPlanService::Standing> SafetyPlanService::StandingOn(
    const Caller& caller, const std::string& case_id, Need need) {
  SCHAKEL_ASSIGN_OR_RETURN(v1::CheckAccessResponse access,
                           AskCaseAccess(env_, case_id, caller.principal.id));
  if (!access.allowed() || access.role() == v1::CASE_ROLE_UNSPECIFIED) {
    return absl::PermissionDeniedError(kNoCaseForYou);
  }
  if (need == Need::kEdit) {
    if (!access.may_edit()) {
      return absl::PermissionDeniedError(
          "only the case director and the core team change the safety plan");
    }
    if (access.status() != v1::CASE_STATUS_OPEN) {
      return absl::FailedPreconditionError("the case is closed; its safety plan no longer changes");
    }
  }
  Standing s;
  s.access = std::move(access);
  s.viewer.organisation_id = s.access.organisation_id();
  SCHAKEL_ASSIGN_OR_RETURN(auto org, rt_.organisations->Get(s.viewer.organisation_id));
  if (org) {
    s.viewer.organisation_type = org->type();
    s.veilig_thuis = org->type() == v1::ORGANISATION_TYPE_VEILIG_THUIS;
  }
  return s;
}

absl::Status SafetyPlanService::ChangePlan(const PlanChange& spec) {
  FieldViolations v;
  CheckRequestId(v, spec.request_id);
  CheckId(v, "case_id", spec.case_id);
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  const Caller& caller = *spec.caller;
  const absl::Time now = env_.clock->Now();
  Standing standing;
  auto prepare = [&]() -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(standing, StandingOn(caller, spec.case_id, spec.need));
    if (spec.prepare) SCHAKEL_RETURN_IF_ERROR(spec.prepare(standing));
    return absl::OkStatus();
  };
  auto change = [&](sqlite::Connection& c) -> absl::Status {
    v1::AuditRecord rec = rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_UPDATE, spec.event_type);
    AddObject(rec, "case", spec.case_id, v1::SENSITIVITY_CARE);
    rec.set_purpose_of_use("safety plan");
    rec.mutable_checks()->set_care_relationship(v1::AUDIT_CHECK_PASSED);
    SCHAKEL_RETURN_IF_ERROR(spec.change(c, standing, rec));
    return rt_.audit->Record(c, rec);
  };
  const ChangeSpec change_spec{
      .db = rt_.db.get(),
      .caller = &caller,
      .method = spec.method,
      .request = spec.request,
      .response = spec.response,
      .request_id = spec.request_id,
      .now = now,
      .protector = rt_.cipher.get(),
      // A retry answers with what the first call answered, to whoever may still read the case.
      .may_replay = [&]() { return StandingOn(caller, spec.case_id, Need::kRead).status(); },
      .on_replay = [&](sqlite::Connection& c) -> absl::Status {
        v1::AuditRecord rec = rt_.audit->NewRecord(caller, v1::AUDIT_ACTION_READ,
                                                   absl::StrCat(spec.event_type, ".replayed"));
        AddObject(rec, "case", spec.case_id, v1::SENSITIVITY_CARE);
        rec.set_purpose_of_use("safety plan");
        return rt_.audit->Record(c, rec);
      }};
  return RunChange(change_spec, prepare, change);
}

absl::Status SafetyPlanService::Seal(sqlite::Connection& c, const v1::PlanContent& content,
                                     VersionRow& row) const {
  SCHAKEL_ASSIGN_OR_RETURN(
      row.content,
      sealer_->Seal(c, row.case_id, content, ContentRow(row.case_id, row.version), row.key_id));
  row.evaluation_due = 0;
  if (content.has_evaluation_date()) {
    const v1::Date& d = content.evaluation_date();
    row.evaluation_due = d.year() * 10000 + d.month() * 100 + d.day();
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::PlanContent> SafetyPlanService::OpenContent(sqlite::Connection& c,
                                                               const VersionRow& row) const {
  v1::PlanContent content;
  SCHAKEL_RETURN_IF_ERROR(sealer_->Open(c, row.case_id, row.key_id, row.content,
                                        ContentRow(row.case_id, row.version), content));
  return content;
}

absl::StatusOr<v1::PlanVersion> SafetyPlanService::Show(PlanStore& store, const VersionRow& row,
                                                        const Viewer& viewer) const {
  v1::PlanVersion out;
  out.set_case_id(row.case_id);
  out.set_version(row.version);
  out.set_state(StateOf(row.state));
  out.set_based_on(row.based_on);
  SCHAKEL_ASSIGN_OR_RETURN(*out.mutable_content(), OpenContent(store.connection(), row));
  RedactContent(*out.mutable_content(), viewer);
  out.set_created_by(row.created_by);
  SetTimeIfAny(out.mutable_created_at(), row.created_at);
  SetTimeIfAny(out.mutable_proposed_at(), row.proposed_at);
  SetTimeIfAny(out.mutable_activated_at(), row.activated_at);
  SetTimeIfAny(out.mutable_superseded_at(), row.superseded_at);
  out.set_conditions_changed(row.conditions_changed);
  out.set_etag(Etag(row.edits));
  SCHAKEL_ASSIGN_OR_RETURN(auto sign_offs, store.SignOffs(row.case_id, row.version));
  for (const SignOffRow& s : sign_offs) {
    v1::SignOff* o = out.add_sign_offs();
    o->set_party(s.party);
    o->set_professional_id(s.professional_id);
    o->set_organisation_id(s.organisation_id);
    SetTime(o->mutable_signed_at(), s.signed_at);
  }
  SCHAKEL_ASSIGN_OR_RETURN(auto agreements, store.FamilyAgreements(row.case_id, row.version));
  for (const FamilyAgreementRow& a : agreements) {
    v1::FamilyAgreement* o = out.add_family_agreements();
    o->set_person_id(a.person_id);
    o->set_channel(static_cast<v1::AgreementChannel>(a.channel));
    SetTime(o->mutable_agreed_at(), a.agreed_at);
    o->set_recorded_by(a.recorded_by);
  }
  return out;
}

absl::Status SafetyPlanService::Timeline(sqlite::Connection& c, const Caller& caller,
                                         const std::string& case_id, const std::string& type,
                                         const std::string& summary) const {
  return WriteCaseTimelineEvent(c, {.source_service = "safetyplan",
                                    .case_id = case_id,
                                    .type = type,
                                    .summary = summary,
                                    .actor_id = caller.principal.id,
                                    .actor_organisation_id = caller.principal.organisation_id,
                                    .now = absl::ToUnixMicros(env_.clock->Now())});
}

std::unique_ptr<HostedService> NewSafetyPlanService() {
  return std::make_unique<SafetyPlanService>();
}

}  // namespace schakel::safetyplan
