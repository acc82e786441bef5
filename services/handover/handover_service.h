// HandoverService: the responsibility ledger and the phased handover of lead responsibility. See
// proto/schakel/v1/handover.proto for who may do what.
//
// The class is defined across several files, one concern each: handover_service.cc (set-up, the
// RPC edge), ledger_events.cc (the ledger follows the cases service), handover_reads.cc,
// handover_propose.cc, handover_answers.cc (accept, decline, withdraw, confirm), phase_change.cc,
// deadline_scanner.cc, inbox_watch.cc (ListInbox, WatchInbox) and handover_report.cc (the
// supervisors' list and report).
#ifndef SCHAKEL_SERVICES_HANDOVER_HANDOVER_SERVICE_H_
#define SCHAKEL_SERVICES_HANDOVER_HANDOVER_SERVICE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "services/common/authz.h"
#include "services/common/calendar.h"
#include "services/common/hosted_service.h"
#include "services/common/rpc.h"
#include "services/common/sqlite.h"
#include "services/handover/handover_store.h"
#include "services/handover/handover_views.h"
#include "services/handover/inbox_hub.h"
#include "services/runtime/service_runtime.h"

namespace schakel::handover {

AuthorizationTable HandoverAuthorizationTable();

// The object a request asks for ("handover", its id), for the audit record of a refusal; none when
// the request leaves the id empty.
std::vector<AskedObject> Asked(const std::string& type, const std::string& id);
// Names, in the audit record of a refusal of the call being served, the case of the handover it
// asked for (found while handling it). Outside a call it does nothing.
void AskedForCase(const std::string& case_id);

class HandoverService final : public v1::HandoverService::CallbackService, public HostedService {
 public:
  ~HandoverService() override;
  absl::string_view name() const override { return "handover"; }
  absl::string_view full_name() const override { return "schakel.v1.HandoverService"; }
  grpc::Service* grpc_service() override { return this; }
  // Opens <data_dir>/handover.db, reads the keys named in config.handover and starts the deadline
  // timer.
  absl::Status Open(const HostEnv& env) override;
  sqlite::Database* outbox_database() override { return rt_.db.get(); }
  std::vector<OutboxRoute> outbox_routes() override;
  // Waits for the directory (roles, organisations) and the cases service (CheckAccess). Sends
  // timeline events to the cases service by its outbox.
  std::vector<std::string> calls() const override { return {kDirectoryService, "cases"}; }
  std::vector<std::string> routes_to() const override { return {"cases"}; }
  void BeginShutdown() override;
  void Stop() override;
  // Proposals past their acceptance deadline, accepted handovers past their first-contact one.
  std::vector<MetricSample> MetricSamples() override;

  // Finds what fell due at the clock's now — expired acceptances, reminders, late first contacts
  // — and acts on each exactly once (the timer calls it; so does every change, and tests).
  // Returns how many handovers it acted on.
  absl::StatusOr<int> ScanDeadlines();
  // ScanDeadlines for the timer and the calls: a failure is logged, never passed on (a call must
  // not fail because some other handover's deadline could not be settled).
  void SettleDeadlines();

#define SCHAKEL_HANDOVER_RPC(Name)                                                               \
  grpc::ServerUnaryReactor* Name(grpc::CallbackServerContext* ctx, const v1::Name##Request* req, \
                                 v1::Name##Response* resp) override
  SCHAKEL_HANDOVER_RPC(GetResponsibility);
  SCHAKEL_HANDOVER_RPC(ProposeHandover);
  SCHAKEL_HANDOVER_RPC(AcceptHandover);
  SCHAKEL_HANDOVER_RPC(DeclineHandover);
  SCHAKEL_HANDOVER_RPC(WithdrawHandover);
  SCHAKEL_HANDOVER_RPC(ConfirmFirstContact);
  SCHAKEL_HANDOVER_RPC(ChangePhase);
  SCHAKEL_HANDOVER_RPC(GetHandover);
  SCHAKEL_HANDOVER_RPC(ListInbox);
  SCHAKEL_HANDOVER_RPC(ListHandovers);
  SCHAKEL_HANDOVER_RPC(GetHandoverReport);
  SCHAKEL_HANDOVER_RPC(ReceiveCaseEvents);
#undef SCHAKEL_HANDOVER_RPC
  grpc::ServerWriteReactor<v1::WatchInboxResponse>* WatchInbox(
      grpc::CallbackServerContext* ctx, const v1::WatchInboxRequest* req) override;

 private:
  class InboxWatch;

  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   RpcHandler handler);
  // The same for a call about one object: `asked` (see Asked) is named in the audit record of a
  // refusal, the table's included.
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   std::vector<AskedObject> asked, RpcHandler handler);
  // The caller's standing on a case, from the cases service. Waits no longer than the client of
  // the call being served (CurrentCall()) and at most 10 s.
  absl::StatusOr<v1::CheckAccessResponse> CaseAccess(const std::string& case_id,
                                                     const std::string& principal_id);
  // The handover `id` without its content, read outside any transaction; NOT_FOUND when there is
  // none.
  absl::StatusOr<HandoverRow> ReadHandover(const std::string& id);
  // The inbox of `caller` now.
  absl::StatusOr<v1::ListInboxResponse> BuildInbox(const Caller& caller, int due_within);

  // Accept, decline, withdraw and confirm share one shape: settle deadlines, then a RunChange on
  // one handover, then tell the inboxes. `Change` is what the change sees in its transaction.
  struct Change;
  struct HandoverChangeSpec {
    const Caller* caller = nullptr;
    std::string method;  // the RPC's bare name
    const google::protobuf::Message* request = nullptr;
    google::protobuf::Message* response = nullptr;
    std::string request_id;
    std::string handover_id;
    std::string event_type;  // "handover.accepted": audit record and timeline event
    // Who may make this change and see its answer (the receiving or the sending organisation):
    // checked first in the transaction, and again, alone, for a replay.
    std::function<absl::Status(const HandoverRow&)> party;
    // Checks of state read before the change and calls to other services; skipped for a replay.
    // May be empty.
    std::function<absl::Status()> prepare;
    // The change itself, on the handover and the ledger as the transaction sees them: re-checks
    // the state, changes `Change::h` (and `Change::ledger`), fills the summary and the response.
    std::function<absl::Status(Change&)> change;
  };
  absl::Status ChangeHandover(const HandoverChangeSpec& spec);

  // Lowers next_due_ to `at` (a deadline just written).
  void LowerNextDue(int64_t at);
  void ScheduleScan();

  HostEnv env_;
  ServiceRuntime rt_;
  // A data key per case ("case/<id>"), wrapped by the handover master key: the content of the
  // case's handovers. Destroying the case shreds it (ledger_events.cc).
  std::unique_ptr<ObjectSealer> sealer_;
  std::unique_ptr<calendar::WorkingDayCalendar> calendar_;
  int accept_days_ = 5;
  int contact_days_ = 3;
  absl::Duration scan_interval_ = absl::Seconds(30);
  std::vector<std::string> case_event_sources_;
  InboxHub hub_;
  absl::Mutex watches_mu_;
  std::vector<std::weak_ptr<InboxWatch>> watches_ ABSL_GUARDED_BY(watches_mu_);

  // Serialises scans (the timer's and those of calls) so each due item is acted on once, and
  // changes of next_due_.
  absl::Mutex scan_mu_;
  // When the earliest stored deadline or reminder falls due (Unix µs); calls skip the scan
  // before then. The timer scans regardless.
  std::atomic<int64_t> next_due_{0};
  // The deadline timer: SettleDeadlines every scan_interval_, on the host's scheduler.
  ScheduledJob scan_job_;
};

// A new HandoverService, for the host's registry: the service's (heavy) constructor is compiled
// here, in the service's library, not in every file that hosts it.
std::unique_ptr<HostedService> NewHandoverService();

}  // namespace schakel::handover

#endif  // SCHAKEL_SERVICES_HANDOVER_HANDOVER_SERVICE_H_
