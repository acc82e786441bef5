// CaseService: the MDA++ joint case — family system, case team, need-to-know access, meetings,
// actions, timeline, closure. See proto/schakel/v1/cases.proto for who may do what.
#ifndef SCHAKEL_SERVICES_CASES_CASE_SERVICE_H_
#define SCHAKEL_SERVICES_CASES_CASE_SERVICE_H_

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "services/cases/case_rules.h"
#include "services/cases/search_guard.h"
#include "services/common/authz.h"
#include "services/common/calendar.h"
#include "services/common/directory_resolver.h"
#include "services/common/hosted_service.h"
#include "services/common/object_sealer.h"
#include "services/common/rpc.h"
#include "services/common/scheduler.h"
#include "services/common/sqlite.h"
#include "services/redaction/need_to_know.h"
#include "services/runtime/service_runtime.h"

namespace schakel::cases {

// Outbox topic of CaseEvent messages (opened, closed, reopened) for the handover service.
inline constexpr char kCaseEventsTopic[] = "case-events";
// Outbox topic of the CaseEvent messages (opened, closed, reopened) of cases that came from a
// report, for the intake service.
inline constexpr char kReportCaseEventsTopic[] = "report-case-events";
// Outbox topic of the CaseEvent messages for the safety plan service: only DESTROYED.
inline constexpr char kPlanCaseEventsTopic[] = "plan-case-events";

// Who may call which CaseService RPC (before the per-case team check).
AuthorizationTable CaseAuthorizationTable();

// Each case's personal content is sealed under a key of its own, "case/<id>" (ObjectSealer),
// wrapped by the cases master key and bound to kCaseKeyAadPrefix + key id.
inline constexpr char kCaseKeyAadPrefix[] = "cases/";
inline constexpr char kCaseMasterKeyLabel[] = "schakel case keys";
// The master key: cases.master_key_file, or when unset one derived from cases.data_key_file.
// schakeld rotate-master-key uses it too.
absl::StatusOr<std::string> CaseMasterKey(const v1::CasesConfig& config);

// A caller's standing on one case.
struct CaseAccess : Viewer {
  v1::CaseRole role = v1::CASE_ROLE_UNSPECIFIED;  // UNSPECIFIED: no access
  bool allowed() const { return role != v1::CASE_ROLE_UNSPECIFIED; }
  bool is_director() const { return role == v1::CASE_ROLE_CASE_DIRECTOR; }
  // Director and core team edit the case; involved members only their organisation's actions.
  bool may_edit() const { return is_director() || role == v1::CASE_ROLE_CORE_TEAM; }
};

struct CaseChange;
struct Mutation;

class CaseService final : public v1::CaseService::CallbackService, public HostedService {
 public:
  ~CaseService() override = default;
  absl::string_view name() const override { return "cases"; }
  absl::string_view full_name() const override { return "schakel.v1.CaseService"; }
  grpc::Service* grpc_service() override { return this; }
  // Opens <data_dir>/cases.db and reads the keys named in config.cases.
  absl::Status Open(const HostEnv& env) override;
  sqlite::Database* outbox_database() override { return db_; }
  // Case events go to the handover service (its ledger opens and closes on them), those of cases
  // opened from a report to the intake service, and a destroyed case to the safety plan service.
  std::vector<OutboxRoute> outbox_routes() override;
  // Waits only for the directory (roles, organisations); reaches handover, intake and safetyplan
  // by its outbox.
  std::vector<std::string> calls() const override { return {kDirectoryService}; }
  std::vector<std::string> routes_to() const override {
    return {"handover", "intake", "safetyplan"};
  }
  // Stops the follow-up scan and the retention job.
  void Stop() override;

  // Sends the follow-up reminders and escalations that have fallen due (case_follow_ups.cc), each
  // exactly once: guarded by the check's stored state in the transaction that sends it. Runs on
  // the host's scheduler and at the start of ListFollowUpsDue. Returns how many were sent.
  absl::StatusOr<int> ScanFollowUps();
  // Destroys every case whose retention term ended and that is under no legal hold
  // (case_retention.cc): shreds its key, deletes its sealed content and blind indexes, tells the
  // handover service. Runs daily on the host's scheduler. Returns how many were destroyed.
  absl::StatusOr<int> RunRetention();

#define SCHAKEL_CASE_RPC(Name)                                                                   \
  grpc::ServerUnaryReactor* Name(grpc::CallbackServerContext* ctx, const v1::Name##Request* req, \
                                 v1::Name##Response* resp) override
  SCHAKEL_CASE_RPC(CreateCase);
  SCHAKEL_CASE_RPC(GetCase);
  SCHAKEL_CASE_RPC(ListMyCases);
  SCHAKEL_CASE_RPC(FindCases);
  SCHAKEL_CASE_RPC(UpdateCase);
  SCHAKEL_CASE_RPC(AddPerson);
  SCHAKEL_CASE_RPC(UpdatePerson);
  SCHAKEL_CASE_RPC(AddRelation);
  SCHAKEL_CASE_RPC(RemovePerson);
  SCHAKEL_CASE_RPC(RemoveRelation);
  SCHAKEL_CASE_RPC(AddTeamMember);
  SCHAKEL_CASE_RPC(RemoveTeamMember);
  SCHAKEL_CASE_RPC(TransferDirector);
  SCHAKEL_CASE_RPC(ShareNote);
  SCHAKEL_CASE_RPC(RecordMeeting);
  SCHAKEL_CASE_RPC(UpdateAction);
  SCHAKEL_CASE_RPC(GetTimeline);
  SCHAKEL_CASE_RPC(CloseCase);
  SCHAKEL_CASE_RPC(ReopenCase);
  SCHAKEL_CASE_RPC(RecordFollowUp);
  SCHAKEL_CASE_RPC(ListFollowUpsDue);
  SCHAKEL_CASE_RPC(CheckAccess);
  SCHAKEL_CASE_RPC(RecordCaseEvents);
  SCHAKEL_CASE_RPC(ListCaseRetention);
  SCHAKEL_CASE_RPC(SetCaseLegalHold);
  SCHAKEL_CASE_RPC(OpenCasesFromReports);
#undef SCHAKEL_CASE_RPC

 private:
  // Schedules ScanFollowUps on the host's scheduler (none without a host).
  void ScheduleFollowUpScan();
  void ScheduleRetention();
  // Shreds the case's key and deletes its content, audits it and tells the handover service, in
  // the caller's transaction; AfterDestruction after the commit (the key cache, the WAL).
  absl::Status Destroy(sqlite::Connection& c, const std::string& case_id, absl::Time now) const;
  void AfterDestruction(const std::vector<std::string>& case_ids);
  v1::CaseRetentionItem ToRetentionItem(const struct CaseRetentionRow& row) const;
  // `asked`: what the request asks for, named in the audit record of a refusal.
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   std::vector<AskedObject> asked, RpcHandler handler);
  // Runs a change to an existing case on the unit of work (case_change.h).
  absl::Status ChangeCase(const CaseChange& change,
                          const std::function<absl::Status(Mutation&)>& body);

  HostEnv env_;
  ServiceRuntime rt_;
  // Short names for the runtime's parts (set in Open).
  sqlite::Database* db_ = nullptr;
  Authorizer* authorizer_ = nullptr;
  RoleResolver* roles_ = nullptr;
  OrganisationResolver* organisations_ = nullptr;
  AuditTrail* audit_ = nullptr;
  FieldCipher* cipher_ = nullptr;
  // Seals each case's content under the case's own key.
  std::unique_ptr<ObjectSealer> sealer_;
  int retention_years_ = 15;
  absl::Duration retention_interval_ = absl::Hours(24);
  absl::Mutex retention_mu_;
  ScheduledJob retention_job_;
  std::vector<int> follow_up_months_;
  // Hosts that may open cases from reports besides this one (cases.report_sources).
  std::vector<std::string> report_sources_;
  // FindCases: the budget per professional and the flag on a burst of misses.
  std::unique_ptr<SearchGuard> search_guard_;
  // Working days for the follow-up reminders (the host's equated_days).
  std::unique_ptr<calendar::WorkingDayCalendar> calendar_;
  // One scan at a time (the timer and a call may both start one).
  absl::Mutex scan_mu_;
  // The follow-up scan on the host's scheduler; cancelled by Stop().
  ScheduledJob follow_up_job_;
};

// A new CaseService, for the host's registry: the service's (heavy) constructor is compiled here,
// in the service's library, not in every file that hosts it.
std::unique_ptr<HostedService> NewCaseService();

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_SERVICE_H_
