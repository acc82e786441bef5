// IntakeService: reports and advice requests at Veilig Thuis, their terms, the triage queue and the
// radar. See proto/schakel/v1/intake.proto for who may do what.
//
// The class is defined across several files, one concern each: intake_service.cc (set-up, the RPC
// edge, who the caller is for intake), intake_submit.cc (SubmitReport, SubmitReports,
// ConvertAdvice), intake_assess.cc (AssessReport: the safety assessment), intake_triage.cc
// (GetReport, the queue, claims), intake_radar.cc (GetRadar), intake_clocks.cc (reminders and
// escalations of the terms, ListSignals), intake_feedback.cc (feedback to the reporter, the end of
// an investigation), intake_report.cc (the supervisor's figures) and intake_routes.cc (the routes
// that leave Veilig Thuis: the case the MDA++ route opens, and what the cases service tells of it).
#ifndef SCHAKEL_SERVICES_INTAKE_INTAKE_SERVICE_H_
#define SCHAKEL_SERVICES_INTAKE_INTAKE_SERVICE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "schakel/v1/intake.grpc.pb.h"
#include "services/common/authz.h"
#include "services/common/calendar.h"
#include "services/common/hosted_service.h"
#include "services/common/rpc.h"
#include "services/common/scheduler.h"
#include "services/intake/intake_feedback_store.h"
#include "services/intake/intake_retention_store.h"
#include "services/intake/intake_rules.h"
#include "services/intake/intake_store.h"
#include "services/intake/report_sealer.h"
#include "services/runtime/service_runtime.h"

namespace schakel::intake {

AuthorizationTable IntakeAuthorizationTable();

// The key that wraps each report's data key: intake.master_key_file, or when unset one derived
// from intake.data_key_file (ReportSealer::DerivedMasterKey). schakeld rotate-master-key uses it
// too.
absl::StatusOr<std::string> ReportMasterKey(const v1::IntakeConfig& config);

// The report a request asks for, for the audit record of a refusal; none for an empty id.
std::vector<AskedObject> AskedReport(const std::string& report_id);

// The audit record of `caller`'s `action` on report `report_id` (sensitivity CARE: reports are
// about violence in a family), for `purpose`.
v1::AuditRecord ReportRecord(const AuditTrail& audit, const Caller& caller, v1::AuditAction action,
                             absl::string_view event_type, const std::string& report_id,
                             absl::string_view purpose);

// The one answer to a report the caller may not see, or that does not exist.
inline constexpr char kNoReportForYou[] = "no report with this id is open to you";

// The page cache of each intake.db connection, in KiB (sqlite::Database::Options::cache_kib).
// The radar keys' blind indexes are a B-tree on random keys: a feed's batch and a queue page's
// radar probes land on pages all over it, more than SQLite's default 2 MB hold
// (docs/performance.md, Intake). Filled as used, per connection (the writer and two readers).
inline constexpr int kIntakeCacheKib = 64 * 1024;

class IntakeService final : public v1::IntakeService::CallbackService, public HostedService {
 public:
  absl::string_view name() const override { return "intake"; }
  absl::string_view full_name() const override { return "schakel.v1.IntakeService"; }
  grpc::Service* grpc_service() override { return this; }
  // Opens <data_dir>/intake.db with the keys named in config.intake.
  absl::Status Open(const HostEnv& env) override;
  sqlite::Database* outbox_database() override { return rt_.db.get(); }
  // Asks the directory who callers are and what their organisation is.
  std::vector<std::string> calls() const override { return {kDirectoryService}; }
  // The route MDA_PLUS_PLUS opens its case in the cases service (intake_routes.cc).
  std::vector<OutboxRoute> outbox_routes() override;
  std::vector<std::string> routes_to() const override { return {"cases"}; }
  void Stop() override {
    scan_job_.Cancel();
    retention_job_.Cancel();
  }
  // Open reports past their acute or assessment term; feedback tasks past due.
  std::vector<MetricSample> MetricSamples() override;

  // Sends the reminders and escalations that fell due at the clock's now, each exactly once (the
  // timer calls it every IntakeConfig.deadline_scan_seconds; so do tests). Returns how many.
  absl::StatusOr<int> ScanClocks();
  // Destroys the reports whose retention term ended by the clock's now and that are under no
  // legal hold (intake_retention.cc; the timer calls it every
  // IntakeConfig.retention_scan_seconds; so do tests). Returns how many. First it gives reports
  // assessed before migration 0003 their closing time from their sealed body (BackfillClosures).
  absl::StatusOr<int> RunRetention();
  // Sets closed_at of each report assessed before migration 0003 whose sealed body shows it
  // closed (intake_close.cc). Returns how many it closed.
  absl::StatusOr<int> BackfillClosures(absl::Time now);
  // The ids of reports assessed before migration 0003 and not closed, after `after` by id.
  absl::StatusOr<std::vector<std::string>> LegacyOpenReports(sqlite::Connection& c,
                                                             const std::string& after,
                                                             int limit) const;

#define SCHAKEL_INTAKE_RPC(Name)                                                                 \
  grpc::ServerUnaryReactor* Name(grpc::CallbackServerContext* ctx, const v1::Name##Request* req, \
                                 v1::Name##Response* resp) override
  SCHAKEL_INTAKE_RPC(SubmitReport);
  SCHAKEL_INTAKE_RPC(SubmitReports);
  SCHAKEL_INTAKE_RPC(GetReport);
  SCHAKEL_INTAKE_RPC(ConvertAdvice);
  SCHAKEL_INTAKE_RPC(AssessReport);
  SCHAKEL_INTAKE_RPC(RecordReportCases);
  SCHAKEL_INTAKE_RPC(ListHandedReports);
  SCHAKEL_INTAKE_RPC(AnswerReportHandover);
  SCHAKEL_INTAKE_RPC(ListTriageQueue);
  SCHAKEL_INTAKE_RPC(ClaimReport);
  SCHAKEL_INTAKE_RPC(ReleaseReport);
  SCHAKEL_INTAKE_RPC(GetRadar);
  SCHAKEL_INTAKE_RPC(ListSignals);
  SCHAKEL_INTAKE_RPC(ListFeedbackTasks);
  SCHAKEL_INTAKE_RPC(RecordFeedback);
  SCHAKEL_INTAKE_RPC(CompleteInvestigation);
  SCHAKEL_INTAKE_RPC(CloseReport);
  SCHAKEL_INTAKE_RPC(GetIntakeReport);
  SCHAKEL_INTAKE_RPC(ListRetention);
  SCHAKEL_INTAKE_RPC(SetLegalHold);
  SCHAKEL_INTAKE_RPC(DecideDestructionRequest);
#undef SCHAKEL_INTAKE_RPC

 private:
  // What intake needs to know of a caller: their organisation's kind and region.
  struct Desk {
    v1::Region region = v1::REGION_UNSPECIFIED;
    bool veilig_thuis = false;  // a Veilig Thuis organisation
    bool police = false;
  };
  absl::StatusOr<Desk> DeskOf(const Caller& caller);
  // PERMISSION_DENIED (kNoReportForYou) unless `caller` works at a Veilig Thuis organisation of
  // the report's region with one of `roles`.
  absl::Status MaySee(const Caller& caller, const Desk& desk, const ReportRow& r,
                      std::initializer_list<v1::Role> roles) const;

  // Report `report_id` with its content, for VT_INTAKE and VT supervisors of its region. Who may
  // look comes first: nothing is decrypted for a caller who may not (kNoReportForYou, the same for
  // a missing report).
  absl::StatusOr<ReportRow> ReadReport(IntakeStore& store, const Caller& caller, const Desk& desk,
                                       const std::string& report_id) const;
  // The `on_replay` of a change of one report: may `caller` still see it (`roles`, as MaySee),
  // is it not destroyed (NOT_FOUND; unless `destroyed_ok`), then the look on record as
  // `event_type`, in the replay's transaction.
  absl::Status RecordReplay(sqlite::Connection& c, const Caller& caller, const Desk& desk,
                            const std::string& report_id, std::initializer_list<v1::Role> roles,
                            absl::string_view event_type, absl::string_view purpose,
                            bool destroyed_ok = false) const;

  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   std::vector<AskedObject> asked, RpcHandler handler);

  // A new report row (not yet stored) for `in`, submitted by `caller` at `now`, with person ids.
  ReportRow NewReport(const v1::ReportInput& in, const Caller& caller, const Desk& desk,
                      absl::Time now) const;
  // The report as a client sees it (persons' BSNs masked).
  v1::Report ToProto(const ReportRow& r) const;
  // The signals of the report's running terms not yet sent: while OPEN its acute and assessment
  // terms; once ASSESSED only an investigation's.
  std::vector<PendingSignal> PendingOf(const ReportRow& r) const;
  // When the report's next reminder or escalation falls due (none when no term runs).
  std::optional<int64_t> NextSignalAt(const ReportRow& r) const;
  void ScheduleScan();
  // A claim older than claim_idle_ without a touch has lapsed.
  bool ClaimLapsed(const ReportRow& r, absl::Time now) const;

  // Route MDA_PLUS_PLUS: the outbox message that asks the cases service to open the case of
  // report `row` (assessed by `caller` at `now`), in the assessment's transaction.
  absl::Status RequestCase(sqlite::Connection& c, const ReportRow& row, const Caller& caller,
                           absl::Time now) const;
  // Route HANDOVER: report `row` waits for `route`'s receiver to answer, within
  // HandoverConfig.accept_working_days of `now` (its reminder and escalation start afresh).
  void ProposeHandover(ReportRow& row, const v1::HandoverRoute& route, absl::Time now) const;
  // What the route HANDOVER passes on of `row` to the receiver.
  v1::HandedReport HandedOf(const ReportRow& row, absl::Time now) const;

  // Feedback to the reporter (intake_feedback.cc). After the safety assessment of `row` by
  // `caller` at `now`, in its transaction: the plain facts the figures count, and the feedback
  // task (none for an anonymous citizen).
  absl::Status AfterAssessment(sqlite::Connection& c, const ReportRow& row, const Caller& caller,
                               absl::Time now) const;
  // Opens the feedback task of `occasion` for report `row` (decrypted), due feedback_days_
  // working days after `now`, its reminder for `assignee`; `out` (may be null) gets it. Nothing
  // for an anonymous citizen.
  absl::Status OpenFeedbackTask(sqlite::Connection& c, const ReportRow& row,
                                const std::string& occasion, const std::string& assignee,
                                absl::Time now, v1::FeedbackTask* out) const;
  // The feedback tasks' reminders and escalations due at `now` (intake_clocks.cc).
  absl::StatusOr<int> ScanFeedbackClocks(const Caller& system, absl::Time now);

  // Claim and release share one shape: RunChange on one report.
  absl::Status ChangeClaim(const Caller& caller, const std::string& method,
                           const google::protobuf::Message* req, google::protobuf::Message* resp,
                           v1::Report* out, const std::string& request_id,
                           const std::string& report_id, bool claim);

  // Retention (intake_retention.cc). The day the retention term of a file closed at `closed_at`
  // ends (Europe/Amsterdam), and whether it has ended by `now`.
  absl::CivilDay DestroyOn(int64_t closed_at) const;
  // NOT_FOUND, saying when, for a destroyed report (whose content is gone).
  static absl::Status NotDestroyed(sqlite::Connection& c, const std::string& report_id);
  // The supervisor of a region's VT: PERMISSION_DENIED (kNoReportForYou) otherwise.
  absl::StatusOr<Desk> SupervisorDesk(const Caller& caller);
  // Destroys report `report_id` in this transaction (see the proto); the caller commits, then calls
  // AfterDestruction.
  absl::Status Destroy(sqlite::Connection& c, const std::string& report_id,
                       const std::string& reason, const std::string& by, absl::Time now) const;
  void AfterDestruction(const std::vector<std::string>& report_ids);
  v1::RetentionItem ToRetentionItem(const RetentionRow& r) const;
  void ScheduleRetention();

  HostEnv env_;
  ServiceRuntime rt_;
  // Each report's data key (built on rt_.cipher in Open).
  std::unique_ptr<ReportSealer> sealer_;
  int retention_years_ = 15;
  absl::Duration retention_interval_ = absl::Hours(24);
  std::unique_ptr<calendar::WorkingDayCalendar> calendar_;
  absl::Duration claim_idle_ = absl::Minutes(120);
  int feedback_days_ = 5;
  absl::Duration scan_interval_ = absl::Seconds(30);
  // One scan at a time (the timer's and a test's).
  absl::Mutex scan_mu_;
  absl::Mutex retention_mu_;
  // Declared last: cancelled before the rest goes.
  ScheduledJob scan_job_;
  ScheduledJob retention_job_;
};

// A new IntakeService, for the host's registry: the service's (heavy) constructor is compiled here,
// in the service's library, not in every file that hosts it.
std::unique_ptr<HostedService> NewIntakeService();

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_INTAKE_SERVICE_H_
