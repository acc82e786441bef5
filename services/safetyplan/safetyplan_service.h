// SafetyPlanService: the versioned safety plan of each MDA++ joint case and its risk instrument
// history. See proto/schakel/v1/safetyplan.proto for who may do what.
//
// The class is defined across several files, one concern each: safetyplan_service.cc (set-up, the
// RPC edge, the caller's standing on a case, sealing and showing versions), plan_drafts.cc
// (StartDraft, UpdateDraft, ProposeVersion), plan_sign_off.cc (SignOffVersion,
// RecordFamilyAgreement), plan_reads.cc (GetPlan, GetPlanDiff), risk_instruments.cc,
// plan_evaluations.cc (EvaluatePlan), plan_incidents.cc (RecordIncident) and plan_deadlines.cc
// (the deadlines of a plan in force, their reminders and escalations, ListPlanInbox).
// The rules (validation, diff, redaction of items) are plan_rules.h, the SQL plan_store.h.
#ifndef SCHAKEL_SERVICES_SAFETYPLAN_SAFETYPLAN_SERVICE_H_
#define SCHAKEL_SERVICES_SAFETYPLAN_SAFETYPLAN_SERVICE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"
#include "services/common/authz.h"
#include "services/common/calendar.h"
#include "services/common/hosted_service.h"
#include "services/common/object_sealer.h"
#include "services/common/rpc.h"
#include "services/common/scheduler.h"
#include "services/redaction/need_to_know.h"
#include "services/runtime/service_runtime.h"
#include "services/safetyplan/plan_deadline_store.h"
#include "services/safetyplan/plan_store.h"

namespace schakel::safetyplan {

AuthorizationTable SafetyPlanAuthorizationTable();

// How far ahead of the server's clock a client's "now" may be (clients' clocks drift).
inline constexpr absl::Duration kClockSkew = absl::Minutes(5);

// The one answer to a case the caller is not on, or that does not exist.
inline constexpr char kNoCaseForYou[] = "no case with this id is open to you";

class SafetyPlanService final : public v1::SafetyPlanService::CallbackService,
                                public HostedService {
 public:
  absl::string_view name() const override { return "safetyplan"; }
  absl::string_view full_name() const override { return "schakel.v1.SafetyPlanService"; }
  grpc::Service* grpc_service() override { return this; }
  // Opens <data_dir>/safetyplan.db with the keys named in config.safetyplan.
  absl::Status Open(const HostEnv& env) override;
  sqlite::Database* outbox_database() override { return rt_.db.get(); }
  // Timeline events go to the cases service by the outbox.
  std::vector<OutboxRoute> outbox_routes() override;
  // Asks the directory who callers are, the cases service who is on a case, and the handover
  // service to send a case back to DIRECT_SAFETY after an incident.
  std::vector<std::string> calls() const override {
    return {kDirectoryService, "cases", "handover"};
  }
  std::vector<std::string> routes_to() const override { return {"cases"}; }

#define SCHAKEL_PLAN_RPC(Name)                                                                   \
  grpc::ServerUnaryReactor* Name(grpc::CallbackServerContext* ctx, const v1::Name##Request* req, \
                                 v1::Name##Response* resp) override
  SCHAKEL_PLAN_RPC(GetPlan);
  SCHAKEL_PLAN_RPC(StartDraft);
  SCHAKEL_PLAN_RPC(UpdateDraft);
  SCHAKEL_PLAN_RPC(ProposeVersion);
  SCHAKEL_PLAN_RPC(SignOffVersion);
  SCHAKEL_PLAN_RPC(GetPlanDiff);
  SCHAKEL_PLAN_RPC(RecordFamilyAgreement);
  SCHAKEL_PLAN_RPC(RecordRiskInstrument);
  SCHAKEL_PLAN_RPC(ListRiskInstruments);
  SCHAKEL_PLAN_RPC(EvaluatePlan);
  SCHAKEL_PLAN_RPC(RecordIncident);
  SCHAKEL_PLAN_RPC(ListPlanInbox);
  SCHAKEL_PLAN_RPC(ReceiveCaseDestructions);
#undef SCHAKEL_PLAN_RPC

  void Stop() override;
  // Plan deadlines (evaluations, agreements, incident reviews) past their last day, by kind.
  std::vector<MetricSample> MetricSamples() override;
  // Sends the reminders and escalations that fell due at the clock's now, each exactly once (the
  // timer calls it; so do tests). Returns how many deadlines it acted on.
  absl::StatusOr<int> ScanDeadlines();

 private:
  // The caller's standing on a case: the cases service's answer and who they are for redaction.
  struct Standing {
    v1::CheckAccessResponse access;
    Viewer viewer;
    bool veilig_thuis = false;  // the caller's organisation is a Veilig Thuis
  };
  // What a call needs of the caller's standing.
  enum class Need {
    kRead,  // on the team, or oversight
    kEdit,  // the director or the core team, on an open case
  };
  // The caller's standing on `case_id`; PERMISSION_DENIED (kNoCaseForYou) when it falls short of
  // `need` — the same answer for a case that does not exist.
  absl::StatusOr<Standing> StandingOn(const Caller& caller, const std::string& case_id, Need need);

  // A change of one case's plan through RunChange: `prepare` (may be empty) runs after the
  // standing is known and outside any transaction; `change` in the transaction. A replay checks
  // the caller may still read the case and records the look.
  struct PlanChange {
    const Caller* caller = nullptr;
    std::string method;
    const google::protobuf::Message* request = nullptr;
    google::protobuf::Message* response = nullptr;
    std::string request_id;
    std::string case_id;
    Need need = Need::kEdit;
    std::string event_type;  // "plan.proposed": its audit record
    std::function<absl::Status(const Standing&)> prepare;
    // Fills the record's objects beyond the case.
    std::function<absl::Status(sqlite::Connection&, const Standing&, v1::AuditRecord&)> change;
  };
  absl::Status ChangePlan(const PlanChange& spec);

  // Seals `content` for version `version` of `case_id` into `row` (key id and blob), under the
  // case's own key (made in this transaction when it has none).
  absl::Status Seal(sqlite::Connection& c, const v1::PlanContent& content, VersionRow& row) const;
  absl::StatusOr<v1::PlanContent> OpenContent(sqlite::Connection& c, const VersionRow& row) const;
  // Version `row` as `viewer` may see it, with its sign-offs and the family's agreement.
  absl::StatusOr<v1::PlanVersion> Show(PlanStore& store, const VersionRow& row,
                                       const Viewer& viewer) const;
  // A timeline event of the plan, in the change's transaction.
  absl::Status Timeline(sqlite::Connection& c, const Caller& caller, const std::string& case_id,
                        const std::string& type, const std::string& summary) const;

  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   const std::string& case_id, RpcHandler handler);

  // Today in Europe/Amsterdam, by the service's clock.
  absl::CivilDay Today() const;
  // The deadline of `kind` due on `due` (YYYYMMDD) with its reminder day, for `owner`.
  DeadlineRow NewDeadline(const std::string& case_id, const char* kind, int version,
                          const std::string& subject_id, int64_t due, const std::string& owner_id,
                          const std::string& owner_organisation_id,
                          const std::string& director_id) const;
  // In the transaction that puts `row` in force: the deadlines of earlier versions end; the
  // evaluation (its own date, or the default term) and each open agreement with a due date begin.
  // The director's sign-off names the director and the owning organisation of the evaluation.
  absl::Status StartDeadlines(PlanDeadlineStore& store, const VersionRow& row,
                              const v1::PlanContent& content, const SignOffRow& director,
                              int64_t now) const;
  // Gives a new draft an evaluation date (safetyplan.default_evaluation_weeks from today) when it
  // has none; the team may change it.
  void WithEvaluationDate(v1::PlanContent& content) const;
  // The day (YYYYMMDD) the version in force is evaluated next; 0 when none.
  absl::StatusOr<int64_t> NextEvaluation(PlanDeadlineStore& store,
                                         const std::string& case_id) const;
  // The case's evaluations and incidents as `viewer` may see them, into `resp`.
  absl::Status ShowFollowUp(sqlite::Connection& c, const std::string& case_id, const Viewer& viewer,
                            v1::GetPlanResponse& resp) const;
  absl::Status ShowIncidents(PlanDeadlineStore& store, const std::string& case_id,
                             const Viewer& viewer, v1::GetPlanResponse& resp) const;
  void ScheduleScan();

  HostEnv env_;
  ServiceRuntime rt_;
  // A data key per case ("case/<id>"), wrapped by the safety plan master key: every sealed text
  // of a case's plan. Destroying the case shreds it (plan_destruction.cc).
  std::unique_ptr<ObjectSealer> sealer_;
  std::unique_ptr<calendar::WorkingDayCalendar> calendar_;
  int default_evaluation_weeks_ = 6;
  int review_days_ = 5;
  absl::Duration scan_interval_ = absl::Seconds(30);
  // Serialises scans, so each reminder and escalation is written once.
  absl::Mutex scan_mu_;
  ScheduledJob scan_job_;
  // Hosts that may send case events besides this one (safetyplan.case_event_sources).
  std::vector<std::string> case_event_sources_;
};

// A new SafetyPlanService, for the host's registry: the service's (heavy) constructor is compiled
// here, in the service's library, not in every file that hosts it.
std::unique_ptr<HostedService> NewSafetyPlanService();

}  // namespace schakel::safetyplan

#endif  // SCHAKEL_SERVICES_SAFETYPLAN_SAFETYPLAN_SERVICE_H_
