// IntakeService: who may call what, opening the service, the RPC edge, and who a caller is for
// intake (their organisation's kind and region).
#include "services/intake/intake_service.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/host_metrics.h"
#include "services/common/ids.h"
#include "services/common/person_fields.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"

namespace schakel::migrations {
const MigrationTrack& intake_track();
}  // namespace schakel::migrations

namespace schakel::intake {

AuthorizationTable IntakeAuthorizationTable() {
  AuthorizationTable t;
  // Police professionals submit through the feed; the organisation's kind is checked per call.
  for (const char* m : {"SubmitReport", "SubmitReports"}) {
    t.Allow(m, {.roles = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL}});
  }
  for (const char* m : {"GetReport", "ListTriageQueue", "GetRadar", "ReleaseReport"}) {
    t.Allow(m, {.roles = {v1::ROLE_VT_INTAKE, v1::ROLE_SUPERVISOR}});
  }
  t.Allow("ListSignals", {.roles = {v1::ROLE_VT_INTAKE, v1::ROLE_SUPERVISOR}});
  for (const char* m : {"ClaimReport", "ConvertAdvice", "AssessReport"}) {
    t.Allow(m, {.roles = {v1::ROLE_VT_INTAKE}});
  }
  // Feedback to the reporter and the end of an investigation: the team's work; the supervisors
  // watch the tasks and read the figures. The organisation's kind and region are checked per call.
  t.Allow("ListFeedbackTasks", {.roles = {v1::ROLE_VT_INTAKE, v1::ROLE_SUPERVISOR}});
  for (const char* m : {"RecordFeedback", "CompleteInvestigation", "CloseReport"}) {
    t.Allow(m, {.roles = {v1::ROLE_VT_INTAKE}});
  }
  t.Allow("GetIntakeReport", {.roles = {v1::ROLE_SUPERVISOR}});
  // Retention: the region's VT supervisors (the handler checks the organisation and region).
  for (const char* m : {"ListRetention", "SetLegalHold", "DecideDestructionRequest"}) {
    t.Allow(m, {.roles = {v1::ROLE_SUPERVISOR}});
  }
  // The receiving organisation of the route HANDOVER (the handler checks which organisation).
  t.Allow("ListHandedReports",
          {.roles = {v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR, v1::ROLE_SUPERVISOR}});
  t.Allow("AnswerReportHandover", {.roles = {v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR}});
  // The cases service, of the cases opened from reports (the handler checks which host).
  t.Allow("RecordReportCases", {.services = true});
  return t;
}

absl::StatusOr<std::string> ReportMasterKey(const v1::IntakeConfig& config) {
  return ObjectSealer::MasterKey("intake", config.data_key_file(), config.master_key_file(),
                                 ReportSealer::kMasterKeyLabel);
}

absl::Status IntakeService::Open(const HostEnv& env) {
  env_ = env;
  const v1::IntakeConfig& config = env.config.intake();
  FieldViolations v;
  if (config.data_key_file().empty()) v.Add("intake.data_key_file", "must be set");
  if (config.index_key_file().empty()) v.Add("intake.index_key_file", "must be set");
  if (config.claim_idle_minutes() != 0 &&
      (config.claim_idle_minutes() < 5 || config.claim_idle_minutes() > 1440)) {
    v.Add("intake.claim_idle_minutes", "must be 5 to 1440");
  }
  if (config.deadline_scan_seconds() < 0) {
    v.Add("intake.deadline_scan_seconds", "must not be negative");
  }
  if (config.feedback_working_days() != 0 &&
      (config.feedback_working_days() < 1 || config.feedback_working_days() > 20)) {
    v.Add("intake.feedback_working_days", "must be 1 to 20");
  }
  if (config.retention_years() != 0 &&
      (config.retention_years() < 15 || config.retention_years() > 20)) {
    v.Add("intake.retention_years", "must be 15 to 20 (Veilig Thuis keeps a file 15 to 20 years)");
  }
  if (config.retention_scan_seconds() < 0) {
    v.Add("intake.retention_scan_seconds", "must not be negative");
  }
  std::vector<absl::CivilDay> equated = calendar::ParseEquatedDays(v, env.config.equated_days());
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  calendar_ = std::make_unique<calendar::WorkingDayCalendar>(std::move(equated));
  if (config.claim_idle_minutes() > 0) claim_idle_ = absl::Minutes(config.claim_idle_minutes());
  if (config.feedback_working_days() > 0) feedback_days_ = config.feedback_working_days();
  if (config.deadline_scan_seconds() > 0) {
    scan_interval_ = absl::Seconds(config.deadline_scan_seconds());
  }
  if (config.retention_years() > 0) retention_years_ = config.retention_years();
  if (config.retention_scan_seconds() > 0) {
    retention_interval_ = absl::Seconds(config.retention_scan_seconds());
  }

  RuntimeSpec spec{.service = std::string(name()),
                   .track = &migrations::intake_track(),
                   .authorization = IntakeAuthorizationTable(),
                   .readers = 2,
                   .cache_kib = kIntakeCacheKib,
                   .key_config = "intake",
                   .data_key_file = config.data_key_file(),
                   .index_key_file = config.index_key_file()};
  SCHAKEL_ASSIGN_OR_RETURN(rt_, OpenServiceRuntime(env_, std::move(spec)));
  SCHAKEL_ASSIGN_OR_RETURN(std::string master_key, ReportMasterKey(config));
  sealer_ = std::make_unique<ReportSealer>(*rt_.cipher, std::move(master_key), *env_.clock);
  ScheduleScan();
  ScheduleRetention();
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* IntakeService::Handle(grpc::CallbackServerContext* ctx,
                                                absl::string_view method,
                                                std::vector<AskedObject> asked,
                                                RpcHandler handler) {
  return HandleUnary(ctx, env_, *rt_.authorizer, rt_.audit.get(), name(), method, std::move(asked),
                     CallHandler([handler = std::move(handler)](const CallContext& call) {
                       return handler(call.caller());
                     }));
}

std::vector<AskedObject> AskedReport(const std::string& report_id) {
  if (report_id.empty()) return {};
  return {AskedObject{"report", report_id}};
}

v1::AuditRecord ReportRecord(const AuditTrail& audit, const Caller& caller, v1::AuditAction action,
                             absl::string_view event_type, const std::string& report_id,
                             absl::string_view purpose) {
  v1::AuditRecord rec = audit.NewRecord(caller, action, event_type);
  AddObject(rec, "report", report_id, v1::SENSITIVITY_CARE);
  rec.set_purpose_of_use(std::string(purpose));
  return rec;
}

absl::StatusOr<ReportRow> IntakeService::ReadReport(IntakeStore& store, const Caller& caller,
                                                    const Desk& desk,
                                                    const std::string& report_id) const {
  SCHAKEL_ASSIGN_OR_RETURN(auto meta, store.GetReport(report_id, false));
  if (!meta) return absl::PermissionDeniedError(kNoReportForYou);
  SCHAKEL_RETURN_IF_ERROR(MaySee(caller, desk, *meta, {v1::ROLE_VT_INTAKE, v1::ROLE_SUPERVISOR}));
  SCHAKEL_RETURN_IF_ERROR(NotDestroyed(store.connection(), report_id));
  SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetReport(report_id, true));
  if (!row) return absl::PermissionDeniedError(kNoReportForYou);
  return *std::move(row);
}

absl::Status IntakeService::RecordReplay(sqlite::Connection& c, const Caller& caller,
                                         const Desk& desk, const std::string& report_id,
                                         std::initializer_list<v1::Role> roles,
                                         absl::string_view event_type, absl::string_view purpose,
                                         bool destroyed_ok) const {
  SCHAKEL_ASSIGN_OR_RETURN(auto row, IntakeStore(c, *sealer_).GetReport(report_id, false));
  if (!row) return absl::PermissionDeniedError(kNoReportForYou);
  SCHAKEL_RETURN_IF_ERROR(MaySee(caller, desk, *row, roles));
  // The stored answer of a change may hold the report's content: not once it is destroyed
  // (except the answers of retention itself, which hold none).
  if (!destroyed_ok) SCHAKEL_RETURN_IF_ERROR(NotDestroyed(c, report_id));
  return rt_.audit->Record(
      c, ReportRecord(*rt_.audit, caller, v1::AUDIT_ACTION_READ, event_type, report_id, purpose));
}

absl::StatusOr<IntakeService::Desk> IntakeService::DeskOf(const Caller& caller) {
  SCHAKEL_ASSIGN_OR_RETURN(auto org, rt_.organisations->Get(caller.principal.organisation_id));
  Desk desk;
  if (!org) return desk;
  desk.region = org->region();
  desk.veilig_thuis = org->type() == v1::ORGANISATION_TYPE_VEILIG_THUIS;
  desk.police = org->type() == v1::ORGANISATION_TYPE_POLICE;
  return desk;
}

absl::Status IntakeService::MaySee(const Caller& caller, const Desk& desk, const ReportRow& r,
                                   std::initializer_list<v1::Role> roles) const {
  bool role = false;
  for (v1::Role want : roles) role = role || caller.HasRole(want);
  if (!role || !desk.veilig_thuis || desk.region != r.region) {
    return absl::PermissionDeniedError(kNoReportForYou);
  }
  return absl::OkStatus();
}

ReportRow IntakeService::NewReport(const v1::ReportInput& in, const Caller& caller,
                                   const Desk& desk, absl::Time now) const {
  ReportRow r;
  // Time-ordered (by submission): reports and their radar keys are keyed on it, and a batch of
  // the feed then appends to those B-trees instead of writing a random page per report.
  r.id = NewTimeOrderedId(now);
  r.region = desk.region;
  r.kind = in.kind();
  r.channel = in.channel();
  r.reporter_type = in.reporter().type();
  r.state = v1::REPORT_STATE_OPEN;
  r.acute = in.acute();
  const absl::Time received = in.has_received_at() ? ToTime(in.received_at()) : now;
  r.received_at = absl::ToUnixMicros(received);
  r.submit_time = absl::ToUnixMicros(now);
  r.submitted_by = caller.principal.id;
  r.submitted_by_organisation_id = caller.principal.organisation_id;
  r.external_reference = in.external_reference();
  r.violence_kinds = KindsColumn(in.violence_kinds());
  const Clocks clocks = ComputeClocks(in.kind(), in.acute(), received, *calendar_);
  if (clocks.assessment_due) r.assessment_due = absl::ToUnixMicros(*clocks.assessment_due);
  if (clocks.acute_due) r.acute_due = absl::ToUnixMicros(*clocks.acute_due);
  *r.body.mutable_input() = in;
  SetTime(r.body.mutable_input()->mutable_received_at(), received);
  for (v1::ReportedPerson& p : *r.body.mutable_input()->mutable_persons()) p.set_id(NewRandomId());
  r.next_signal_at = NextSignalAt(r);
  return r;
}

v1::Report IntakeService::ToProto(const ReportRow& r) const {
  v1::Report out;
  out.set_id(r.id);
  out.set_region(r.region);
  out.set_state(r.state);
  *out.mutable_input() = r.body.input();
  for (v1::ReportedPerson& p : *out.mutable_input()->mutable_persons()) {
    if (!p.bsn().empty()) p.set_bsn_masked(MaskBsn(p.bsn()));
    p.clear_bsn();
  }
  out.set_submitted_by_organisation_id(r.submitted_by_organisation_id);
  out.set_submitted_by(r.submitted_by);
  SetTime(out.mutable_submit_time(), r.submit_time);
  if (r.assessment_due) SetTime(out.mutable_assessment_due(), *r.assessment_due);
  if (r.acute_due) SetTime(out.mutable_acute_due(), *r.acute_due);
  if (r.converted_at) SetTime(out.mutable_converted_at(), *r.converted_at);
  out.set_claimed_by(r.claimed_by);
  if (r.claim_time) SetTime(out.mutable_claim_time(), *r.claim_time);
  if (r.body.has_assessment()) {
    *out.mutable_assessment() = r.body.assessment();
    out.set_assessed_by(r.body.assessed_by());
    *out.mutable_assess_time() = r.body.assess_time();
  }
  if (r.investigation_due) SetTime(out.mutable_investigation_due(), *r.investigation_due);
  out.set_investigator_id(r.investigator_id);
  if (r.body.has_investigation_end()) *out.mutable_investigation_end() = r.body.investigation_end();
  if (r.body.has_closure()) *out.mutable_closure() = r.body.closure();
  out.set_case_id(r.case_id);
  out.set_case_open(r.case_open);
  if (r.body.has_handover()) {
    *out.mutable_handover() = r.body.handover();
    out.mutable_handover()->set_state(r.handover_state);
  }
  out.set_etag(absl::StrCat(r.version));
  return out;
}

bool IntakeService::ClaimLapsed(const ReportRow& r, absl::Time now) const {
  if (r.claimed_by.empty()) return true;
  const int64_t touched = r.claim_touch.value_or(r.claim_time.value_or(0));
  return absl::FromUnixMicros(touched) + claim_idle_ <= now;
}

std::unique_ptr<HostedService> NewIntakeService() { return std::make_unique<IntakeService>(); }

std::vector<MetricSample> IntakeService::MetricSamples() {
  const int64_t now = absl::ToUnixMicros(env_.clock->Now());
  std::vector<MetricSample> out;
  // REPORT_STATE_OPEN = 1: no safety assessment yet.
  AddOverdueCount(*rt_.db, "report_acute",
                  "SELECT COUNT(*) FROM reports WHERE state = 1 AND acute_due < ?", {now}, out);
  AddOverdueCount(*rt_.db, "report_assessment",
                  "SELECT COUNT(*) FROM reports WHERE state = 1 AND assessment_due < ?", {now},
                  out);
  AddOverdueCount(*rt_.db, "feedback",
                  "SELECT COUNT(*) FROM feedback_tasks WHERE given_at IS NULL AND due <= ?", {now},
                  out);
  return out;
}

}  // namespace schakel::intake
