#include "services/cases/case_service.h"

#include "absl/strings/str_cat.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "schakel/v1/intake.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"
#include "services/cases/case_change.h"
#include "services/cases/case_rules.h"
#include "services/cases/case_store.h"
#include "services/cases/case_texts.h"
#include "services/cases/case_validation.h"
#include "services/cases/case_views.h"
#include "services/common/ids.h"
#include "services/common/outbox.h"
#include "services/common/outbox_route.h"
#include "services/common/proto_time.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/runtime/service_runtime.h"
#include "services/runtime/unit_of_work.h"

namespace schakel::migrations {
const MigrationTrack& cases_track();
}  // namespace schakel::migrations

namespace schakel::cases {

// ---------------------------------------------------------------------------------------------

AuthorizationTable CaseAuthorizationTable() {
  AuthorizationTable t;
  // Client data: never ADMIN. The per-case team check comes on top of these.
  const std::vector<v1::Role> readers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR, v1::ROLE_SUPERVISOR,
                                         v1::ROLE_AUDITOR};
  const std::vector<v1::Role> workers = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR};
  t.Allow("CreateCase", {.roles = {v1::ROLE_VT_INTAKE, v1::ROLE_CASE_DIRECTOR}});
  for (const char* m : {"GetCase", "ListMyCases", "FindCases", "GetTimeline"}) {
    t.Allow(m, {.roles = readers});
  }
  for (const char* m :
       {"UpdateCase", "AddPerson", "UpdatePerson", "AddRelation", "RemovePerson", "RemoveRelation",
        "AddTeamMember", "RemoveTeamMember", "TransferDirector", "ShareNote", "RecordMeeting",
        "UpdateAction", "CloseCase", "ReopenCase", "RecordFollowUp"}) {
    t.Allow(m, {.roles = workers});
  }
  // Reminders for directors, escalations for supervisors.
  t.Allow("ListFollowUpsDue", {.roles = {v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL,
                                         v1::ROLE_CASE_DIRECTOR, v1::ROLE_SUPERVISOR}});
  t.Allow("CheckAccess", {.services = true});
  t.Allow("RecordCaseEvents", {.services = true});
  // The intake service's MDA++ route (the handler checks which host).
  t.Allow("OpenCasesFromReports", {.services = true});
  // Retention: supervisors of an organisation that has been on the case team (the handler checks).
  t.Allow("ListCaseRetention", {.roles = {v1::ROLE_SUPERVISOR}});
  t.Allow("SetCaseLegalHold", {.roles = {v1::ROLE_SUPERVISOR}});
  return t;
}

absl::StatusOr<std::string> CaseMasterKey(const v1::CasesConfig& config) {
  return ObjectSealer::MasterKey("cases", config.data_key_file(), config.master_key_file(),
                                 kCaseMasterKeyLabel);
}

absl::Status CaseService::Open(const HostEnv& env) {
  env_ = env;
  const v1::CasesConfig& config = env.config.cases();
  FieldViolations v;
  for (int i = 0; i < config.follow_up_months_size(); ++i) {
    if (config.follow_up_months(i) < 1 || config.follow_up_months(i) > 120) {
      v.Add(absl::StrCat("cases.follow_up_months[", i, "]"), "must be 1 to 120");
    }
  }
  const SearchLimits limits = SearchLimitsFromConfig(v, config);
  std::vector<absl::CivilDay> equated = calendar::ParseEquatedDays(v, env.config.equated_days());
  if (config.retention_years() != 0 &&
      (config.retention_years() < 15 || config.retention_years() > 20)) {
    v.Add("cases.retention_years", "must be 15 to 20");
  }
  if (config.retention_scan_seconds() < 0) {
    v.Add("cases.retention_scan_seconds", "must not be negative");
  }
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  if (config.retention_years() > 0) retention_years_ = config.retention_years();
  if (config.retention_scan_seconds() > 0) {
    retention_interval_ = absl::Seconds(config.retention_scan_seconds());
  }
  calendar_ = std::make_unique<calendar::WorkingDayCalendar>(std::move(equated));
  search_guard_ = std::make_unique<SearchGuard>(env.clock, limits);
  follow_up_months_.assign(config.follow_up_months().begin(), config.follow_up_months().end());
  report_sources_.assign(config.report_sources().begin(), config.report_sources().end());
  if (follow_up_months_.empty()) follow_up_months_ = {3, 6, 12, 18};
  // Reads (every GetCase) get connections of their own, so they never wait behind a commit's
  // fsync; the service keeps no in-memory state that must move in step with the database.
  SCHAKEL_ASSIGN_OR_RETURN(rt_,
                           OpenServiceRuntime(env, {.service = std::string(name()),
                                                    .track = &migrations::cases_track(),
                                                    .authorization = CaseAuthorizationTable(),
                                                    .readers = 4,
                                                    .key_config = "cases",
                                                    .data_key_file = config.data_key_file(),
                                                    .index_key_file = config.index_key_file()}));
  db_ = rt_.db.get();
  authorizer_ = rt_.authorizer.get();
  roles_ = rt_.roles.get();
  organisations_ = rt_.organisations.get();
  audit_ = rt_.audit.get();
  cipher_ = rt_.cipher.get();
  SCHAKEL_ASSIGN_OR_RETURN(std::string master_key, CaseMasterKey(config));
  sealer_ = std::make_unique<ObjectSealer>(*cipher_, std::move(master_key), kCaseKeyAadPrefix,
                                           "case", *env_.clock);
  ScheduleFollowUpScan();
  ScheduleRetention();
  return absl::OkStatus();
}

std::vector<OutboxRoute> CaseService::outbox_routes() {
  // Both receivers take a batch of ReceivedCaseEvent.
  auto add_event = [](auto& request, const OutboxMessage& m) -> absl::Status {
    v1::ReceivedCaseEvent* e = request.add_events();
    if (!e->mutable_event()->ParseFromString(m.payload)) {
      return absl::DataLossError("an outbox case event does not parse");
    }
    e->set_source_sequence(m.seq);
    return absl::OkStatus();
  };
  return {BatchRoute<v1::HandoverService>(kCaseEventsTopic, "handover",
                                          &v1::HandoverService::Stub::ReceiveCaseEvents, add_event),
          BatchRoute<v1::SafetyPlanService>(kPlanCaseEventsTopic, "safetyplan",
                                            &v1::SafetyPlanService::Stub::ReceiveCaseDestructions,
                                            add_event),
          BatchRoute<v1::IntakeService>(
              kReportCaseEventsTopic, "intake", &v1::IntakeService::Stub::RecordReportCases,
              [](v1::RecordReportCasesRequest& request, const OutboxMessage& m) -> absl::Status {
                v1::ReportCaseEvent* e = request.add_events();
                if (!e->mutable_event()->ParseFromString(m.payload)) {
                  return absl::DataLossError("an outbox case event does not parse");
                }
                e->set_source_sequence(m.seq);
                return absl::OkStatus();
              })};
}

grpc::ServerUnaryReactor* CaseService::Handle(grpc::CallbackServerContext* ctx,
                                              absl::string_view method,
                                              std::vector<AskedObject> asked, RpcHandler handler) {
  return HandleUnary(ctx, env_, *authorizer_, audit_, name(), method, std::move(asked),
                     CallHandler([handler = std::move(handler)](const CallContext& call) {
                       return handler(call.caller());
                     }));
}

absl::Status CaseService::ChangeCase(const CaseChange& change,
                                     const std::function<absl::Status(Mutation&)>& body) {
  return RunCaseChange({.db = db_, .sealer = sealer_.get(), .audit = audit_, .clock = env_.clock},
                       change, body);
}

// ---------------------------------------------------------------------------------------------
// CreateCase.

grpc::ServerUnaryReactor* CaseService::CreateCase(grpc::CallbackServerContext* ctx,
                                                  const v1::CreateCaseRequest* req,
                                                  v1::CreateCaseResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) -> absl::Status {
    const absl::Time now = env_.clock->Now();
    const absl::CivilDay today = AmsterdamToday(now);
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    if (!v1::Region_IsValid(req->region())) v.Add("region", "must be one of the 28 regions");
    if (!req->origin_report_id().empty()) CheckId(v, "origin_report_id", req->origin_report_id());
    if (!req->director_professional_id().empty()) {
      CheckId(v, "director_professional_id", req->director_professional_id());
    }
    CheckDetails(v, "details.", req->details(), today);
    for (int i = 0; i < req->details().notes_size(); ++i) {
      const std::string at = absl::StrCat("details.notes[", i, "]");
      if (!req->details().notes(i).id().empty()) v.Add(at + ".id", "is set by the server");
      CheckNoteInput(v, at, req->details().notes(i));
    }
    for (int i = 0; i < req->persons_size(); ++i) {
      const std::string at = absl::StrCat("persons[", i, "].");
      CheckPersonInput(v, at, req->persons(i), today);
      if (!req->persons(i).id().empty()) v.Add(at + "id", "is set by the server");
      for (int j = 0; j < req->persons(i).notes_size(); ++j) {
        CheckNoteInput(v, absl::StrCat(at, "notes[", j, "]"), req->persons(i).notes(j));
      }
    }
    // Who leads and who opens, from the directory: a new request only (no I/O in the
    // transaction; a replay is answered without asking again).
    const std::string director_id = req->director_professional_id().empty()
                                        ? caller.principal.id
                                        : req->director_professional_id();
    std::optional<v1::Organisation> caller_org;
    std::optional<v1::Organisation> director_org;
    auto prepare = [&]() -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(caller_org, organisations_->Get(caller.principal.organisation_id));
      if (!caller_org) {
        return absl::FailedPreconditionError("your organisation is not in the directory");
      }
      if (caller_org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
        return absl::PermissionDeniedError("the region's operator never holds client data");
      }
      director_org = caller_org;
      if (director_id != caller.principal.id) {
        SCHAKEL_ASSIGN_OR_RETURN(DirectoryEntry d, roles_->Resolve(director_id));
        if (!d.registered || !d.active) {
          v.Add("director_professional_id", "no active professional with this id");
        } else if (!d.DoesCaseWork()) {
          v.Add("director_professional_id",
                "has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)");
        } else {
          SCHAKEL_ASSIGN_OR_RETURN(director_org, organisations_->Get(d.organisation_id));
          if (!director_org || director_org->type() == v1::ORGANISATION_TYPE_OPERATOR) {
            v.Add("director_professional_id", "their organisation cannot lead a case");
          }
        }
      }
      if (req->region() != v1::REGION_UNSPECIFIED && req->region() != caller_org->region()) {
        v.Add("region",
              "must be your organisation's region (cases are handed to another region by "
              "handover)");
      }
      SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
      if (req->details().human_trafficking() && !req->details().consent().recorded() &&
          director_org->id() != caller_org->id()) {
        return absl::FailedPreconditionError(
            "human trafficking: record written consent before sharing the case with another "
            "organisation");
      }
      return absl::OkStatus();
    };
    auto on_replay = [&](sqlite::Connection& c) -> absl::Status {
      CaseStore store(c, *sealer_);
      SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(resp->case_().id(), false));
      if (!AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id, false)
               .allowed()) {
        return absl::PermissionDeniedError(kNotOnTeam);
      }
      return audit_->Record(c, ReplayRecord(*audit_, caller, "case.created", resp->case_().id()));
    };
    return RunChange(
        {.db = db_,
         .caller = &caller,
         .method = "CreateCase",
         .request = req,
         .response = resp,
         .request_id = req->request_id(),
         .now = now,
         .protector = cipher_,
         .on_replay = on_replay},
        prepare, [&](sqlite::Connection& c) -> absl::Status {
          CaseStore store(c, *sealer_);
          if (!req->origin_report_id().empty()) {
            SCHAKEL_ASSIGN_OR_RETURN(
                auto existing,
                store.CaseIdForReport(caller.principal.organisation_id, req->origin_report_id()));
            if (existing) {
              // One report never opens two cases. Its team gets the case; others only hear it
              // exists (the caller is a Veilig Thuis or case-director professional).
              SCHAKEL_ASSIGN_OR_RETURN(auto team, store.ListTeam(*existing, false));
              CaseAccess access = AccessFromTeam(team, caller.principal.id,
                                                 caller.principal.organisation_id, false);
              if (!access.allowed()) {
                return absl::AlreadyExistsError(
                    "a case was already opened from this report; ask its case director to add "
                    "you to the team");
              }
              SCHAKEL_ASSIGN_OR_RETURN(auto row, store.GetCase(*existing));
              SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(),
                                       BuildCase(store, *row, access, today));
              v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_READ, "case.read");
              AddCaseObject(rec, row->id);
              SetCaseChecks(rec, access, row->body.details());
              return audit_->Record(c, rec);
            }
          }
          v1::AuditRecord rec = audit_->NewRecord(caller, v1::AUDIT_ACTION_CREATE, "case.created");
          SCHAKEL_ASSIGN_OR_RETURN(OpenedCase opened,
                                   InsertNewCase(c, store,
                                                 {.origin_report_id = req->origin_report_id(),
                                                  .report_organisation_id = caller_org->id(),
                                                  .opener_org = *caller_org,
                                                  .opener_id = caller.principal.id,
                                                  .director_org = *director_org,
                                                  .director_id = director_id,
                                                  .details = req->details(),
                                                  .persons = &req->persons()},
                                                 rec, now));
          const CaseRow& row = opened.row;
          const std::vector<v1::TeamMember>& team = opened.team;
          CaseAccess access =
              AccessFromTeam(team, caller.principal.id, caller.principal.organisation_id, false);
          SetCaseChecks(rec, access, row.body.details());
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, rec));
          SCHAKEL_ASSIGN_OR_RETURN(*resp->mutable_case_(), BuildCase(store, row, access, today));
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "CreateCase", AskedCase("", "report", req->origin_report_id()),
                std::move(handler));
}

std::unique_ptr<HostedService> NewCaseService() { return std::make_unique<CaseService>(); }

}  // namespace schakel::cases
