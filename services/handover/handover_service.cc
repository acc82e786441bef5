// HandoverService: who may call what, opening the service, the RPC edge, the outbox route to the
// cases service and the one question it asks that service (CaseAccess).
#include "services/handover/handover_service.h"

#include <chrono>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/common/case_client.h"
#include "services/common/host_metrics.h"
#include "services/common/migrations.h"
#include "services/common/outbox.h"
#include "services/common/status.h"

namespace schakel::migrations {
const MigrationTrack& handover_track();
}  // namespace schakel::migrations

namespace schakel::handover {

AuthorizationTable HandoverAuthorizationTable() {
  AuthorizationTable t;
  const std::vector<v1::Role> workers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR};
  const std::vector<v1::Role> readers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR, v1::ROLE_SUPERVISOR,
                                         v1::ROLE_AUDITOR};
  for (const char* m : {"GetResponsibility", "GetHandover"}) t.Allow(m, {.roles = readers});
  for (const char* m : {"ProposeHandover", "AcceptHandover", "DeclineHandover", "WithdrawHandover",
                        "ConfirmFirstContact"}) {
    t.Allow(m, {.roles = workers});
  }
  std::vector<v1::Role> inbox = workers;
  inbox.push_back(v1::ROLE_SUPERVISOR);
  for (const char* m : {"ListInbox", "WatchInbox"}) t.Allow(m, {.roles = inbox});
  // A SUPERVISOR sees their own organisation's handovers and those of the cases it is on, a
  // REGIONAL_SUPERVISOR the region's (handover_report.cc).
  for (const char* m : {"ListHandovers", "GetHandoverReport"}) {
    t.Allow(m, {.roles = {v1::ROLE_SUPERVISOR, v1::ROLE_REGIONAL_SUPERVISOR}});
  }
  t.Allow("ReceiveCaseEvents", {.services = true});
  // The lead's own professionals, and the safety plan service for an incident (phase_change.cc).
  t.Allow("ChangePhase", {.roles = workers, .services = true});
  return t;
}

HandoverService::~HandoverService() { Stop(); }

absl::Status HandoverService::Open(const HostEnv& env) {
  env_ = env;
  const v1::HandoverConfig& config = env.config.handover();
  // Every bad field in one answer, the key files included (the runtime reads them).
  FieldViolations v;
  if (config.data_key_file().empty()) v.Add("handover.data_key_file", "must be set");
  if (config.index_key_file().empty()) v.Add("handover.index_key_file", "must be set");
  CheckTerm(v, "handover.accept_working_days", config.accept_working_days());
  CheckTerm(v, "handover.first_contact_working_days", config.first_contact_working_days());
  if (config.deadline_scan_seconds() < 0) {
    v.Add("handover.deadline_scan_seconds", "must not be negative");
  }
  std::vector<absl::CivilDay> equated = calendar::ParseEquatedDays(v, env.config.equated_days());
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  calendar_ = std::make_unique<calendar::WorkingDayCalendar>(std::move(equated));
  if (config.accept_working_days() > 0) accept_days_ = config.accept_working_days();
  if (config.first_contact_working_days() > 0) contact_days_ = config.first_contact_working_days();
  if (config.deadline_scan_seconds() > 0) {
    scan_interval_ = absl::Seconds(config.deadline_scan_seconds());
  }
  case_event_sources_.assign(config.case_event_sources().begin(),
                             config.case_event_sources().end());

  RuntimeSpec spec{.service = std::string(name()),
                   .track = &migrations::handover_track(),
                   .authorization = HandoverAuthorizationTable(),
                   .key_config = "handover",
                   .data_key_file = config.data_key_file(),
                   .index_key_file = config.index_key_file()};
  SCHAKEL_ASSIGN_OR_RETURN(rt_, OpenServiceRuntime(env_, std::move(spec)));
  SCHAKEL_ASSIGN_OR_RETURN(std::string master_key, HandoverMasterKey(config));
  sealer_ = std::make_unique<ObjectSealer>(*rt_.cipher, std::move(master_key),
                                           kHandoverKeyAadPrefix, "case", *env_.clock);

  // The deadline timer, a job on the host's scheduler; a scan is a few indexed reads when nothing
  // is due.
  ScheduleScan();
  return absl::OkStatus();
}

void HandoverService::Stop() { scan_job_.Cancel(); }

std::vector<MetricSample> HandoverService::MetricSamples() {
  const int64_t now = absl::ToUnixMicros(env_.clock->Now());
  std::vector<MetricSample> out;
  // HANDOVER_STATE_PROPOSED = 1 (until the deadline scan expires it), ACCEPTED = 2.
  AddOverdueCount(*rt_.db, "handover_acceptance",
                  "SELECT COUNT(*) FROM handovers WHERE state = 1 AND accept_deadline < ?", {now},
                  out);
  AddOverdueCount(*rt_.db, "handover_first_contact",
                  "SELECT COUNT(*) FROM handovers WHERE state = 2 AND contact_time IS NULL AND "
                  "contact_deadline < ?",
                  {now}, out);
  return out;
}

grpc::ServerUnaryReactor* HandoverService::Handle(grpc::CallbackServerContext* ctx,
                                                  absl::string_view method, RpcHandler handler) {
  return Handle(ctx, method, {}, std::move(handler));
}

grpc::ServerUnaryReactor* HandoverService::Handle(grpc::CallbackServerContext* ctx,
                                                  absl::string_view method,
                                                  std::vector<AskedObject> asked,
                                                  RpcHandler handler) {
  return HandleUnary(ctx, env_, *rt_.authorizer, rt_.audit.get(), name(), method, std::move(asked),
                     CallHandler([handler = std::move(handler)](const CallContext& call) {
                       return handler(call.caller());
                     }));
}

std::vector<AskedObject> Asked(const std::string& type, const std::string& id) {
  if (id.empty()) return {};
  return {AskedObject{type, id}};
}

void AskedForCase(const std::string& case_id) {
  if (const CallContext* call = CurrentCall(); call != nullptr) call->AskedFor("case", case_id);
}

std::vector<OutboxRoute> HandoverService::outbox_routes() { return {CaseTimelineRoute()}; }

absl::StatusOr<v1::CheckAccessResponse> HandoverService::CaseAccess(
    const std::string& case_id, const std::string& principal_id) {
  return AskCaseAccess(env_, case_id, principal_id);
}

std::unique_ptr<HostedService> NewHandoverService() { return std::make_unique<HandoverService>(); }

}  // namespace schakel::handover
