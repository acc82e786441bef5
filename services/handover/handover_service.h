// HandoverService: the responsibility ledger and the phased handover of lead responsibility. See
// proto/schakel/v1/handover.proto for who may do what.
#ifndef SCHAKEL_SERVICES_HANDOVER_HANDOVER_SERVICE_H_
#define SCHAKEL_SERVICES_HANDOVER_HANDOVER_SERVICE_H_

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "absl/synchronization/mutex.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "services/common/authz.h"
#include "services/common/calendar.h"
#include "services/common/directory_resolver.h"
#include "services/common/field_cipher.h"
#include "services/common/hosted_service.h"
#include "services/common/rpc.h"
#include "services/common/sqlite.h"

namespace schakel::handover {

// Outbox topic of timeline events (CaseEventInput) for the cases service.
inline constexpr char kCaseTimelineTopic[] = "case-timeline";

AuthorizationTable HandoverAuthorizationTable();

// Tells open WatchInbox streams that an organisation's inbox changed.
class InboxHub {
 public:
  using Listener = std::function<void()>;
  int64_t Subscribe(std::string organisation_id, Listener listener);
  void Unsubscribe(int64_t id);
  void Notify(const std::vector<std::string>& organisation_ids);

 private:
  absl::Mutex mu_;
  int64_t next_ ABSL_GUARDED_BY(mu_) = 1;
  std::map<int64_t, std::pair<std::string, Listener>> listeners_ ABSL_GUARDED_BY(mu_);
};

class HandoverService final : public v1::HandoverService::CallbackService, public HostedService {
 public:
  ~HandoverService() override;
  absl::string_view name() const override { return "handover"; }
  absl::string_view full_name() const override { return "schakel.v1.HandoverService"; }
  grpc::Service* grpc_service() override { return this; }
  // Opens <data_dir>/handover.db, reads the keys named in config.handover and starts the deadline
  // timer.
  absl::Status Open(const HostEnv& env) override;
  sqlite::Database* outbox_database() override { return db_.get(); }
  std::vector<OutboxRoute> outbox_routes() override;
  void BeginShutdown() override;
  void Stop() override;

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
  // The caller's standing on a case, from the cases service.
  absl::StatusOr<v1::CheckAccessResponse> CaseAccess(const std::string& case_id,
                                                     const std::string& principal_id);
  // The inbox of `caller` now.
  absl::StatusOr<v1::ListInboxResponse> BuildInbox(const Caller& caller, int due_within);
  // Accept, decline, withdraw and confirm share this shape: settle deadlines, then one
  // idempotent transaction on the handover, then tell the inboxes.
  struct Change;
  absl::Status ChangeHandover(const Caller& caller, absl::string_view method,
                              const google::protobuf::Message& request,
                              google::protobuf::Message& response, const std::string& request_id,
                              const std::string& handover_id, absl::string_view event_type,
                              const std::function<absl::Status(Change&)>& body);
  void ScheduleScan();

  HostEnv env_;
  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<Authorizer> authorizer_;
  std::shared_ptr<RoleResolver> roles_;
  std::unique_ptr<OrganisationResolver> organisations_;
  std::unique_ptr<AuditTrail> audit_;
  std::unique_ptr<FieldCipher> cipher_;
  std::unique_ptr<calendar::WorkingDayCalendar> calendar_;
  int accept_days_ = 5;
  int contact_days_ = 3;
  absl::Duration scan_interval_ = absl::Seconds(30);
  std::vector<std::string> case_event_sources_;
  InboxHub hub_;
  absl::Mutex watches_mu_;
  std::vector<std::weak_ptr<InboxWatch>> watches_ ABSL_GUARDED_BY(watches_mu_);
  // Lowers next_due_ to `at` (a deadline just written).
  void LowerNextDue(int64_t at);

  // Serialises scans (the timer's and those of calls) so each due item is acted on once, and
  // changes of next_due_.
  absl::Mutex scan_mu_;
  // When the earliest stored deadline or reminder falls due (Unix µs); calls skip the scan
  // before then. The timer scans regardless.
  std::atomic<int64_t> next_due_{0};
  boost::asio::io_context timer_io_;
  std::unique_ptr<boost::asio::steady_timer> timer_;
  std::thread timer_thread_;
};

}  // namespace schakel::handover

#endif  // SCHAKEL_SERVICES_HANDOVER_HANDOVER_SERVICE_H_
