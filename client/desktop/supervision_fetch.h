// Toezicht: asking the services for the supervisors' reports of a period — the handover report
// (HandoverService.GetHandoverReport) and the intake report (IntakeService.GetIntakeReport) — and
// for what retention destroys in the coming month (IntakeService.ListRetention), off the UI thread,
// in a way the person at the screen can cancel.
#ifndef SCHAKEL_CLIENT_DESKTOP_SUPERVISION_FETCH_H_
#define SCHAKEL_CLIENT_DESKTOP_SUPERVISION_FETCH_H_

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <QDate>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include "client/desktop/intake_proto.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.pb.h"

namespace schakel::desktop {

// The calls of one fetch, so that the UI thread can cancel them while a worker thread waits on
// them. Shared (a shared_ptr) between the view and the worker.
class CallCanceller {
 public:
  // Runs `call` with a fresh context (NewCallContext: the usual deadline) that Cancel() can
  // cancel; after Cancel() it runs nothing and answers CANCELLED.
  grpc::Status Run(const std::function<grpc::Status(grpc::ClientContext*)>& call);

  // Cancels the call under way (it ends with CANCELLED) and every later one. Any thread.
  void Cancel();
  bool cancelled() const;

 private:
  mutable std::mutex mu_;
  bool cancelled_ = false;
  std::vector<grpc::ClientContext*> live_;
};

// A period, both days included, in Europe/Amsterdam.
struct SupervisionPeriod {
  QDate from;
  QDate to;
};

// Both reports (or why not).
struct SupervisionOutcome {
  grpc::Status handover_status;
  v1::GetHandoverReportResponse handover;
  grpc::Status intake_status;
  v1::GetIntakeReportResponse intake;
  // What retention destroys in the coming month (IntakeService.ListRetention): Veilig Thuis's
  // supervisors'.
  grpc::Status retention_status;
  v1::ListRetentionResponse retention;
  // The MDA++ cases retention destroys in the coming month (CaseService.ListCaseRetention): those
  // the supervisor's organisation has been on the team of.
  grpc::Status case_retention_status;
  v1::ListCaseRetentionResponse case_retention;
};

// The days ahead the Toezicht view lists what will be destroyed.
inline constexpr int kRetentionDays = 31;
// The most it lists (a region destroys far fewer files a month).
inline constexpr int kRetentionRows = 500;

// Asks both services for `period`: the handovers proposed from the first day's midnight to the
// midnight after the last day, and the intake of those days. `export_csv` asks for the reports as
// an export, which the services record in the audit log as such. Blocks: call off the UI thread.
SupervisionOutcome FetchSupervision(const client::ChannelsPtr& channel,
                                    const SupervisionPeriod& period, bool export_csv,
                                    CallCanceller& canceller);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SUPERVISION_FETCH_H_
