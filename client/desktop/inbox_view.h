// Inbox: what waits for me — handovers to answer, reminders, escalations
// (HandoverService.ListInbox) and the safety plans' reminders, escalations and incidents
// (SafetyPlanService.ListPlanInbox) — in one list, soonest due first, overdue marked.
#ifndef SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_

#include <memory>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "client/desktop/view_page.h"
#include "schakel/v1/handover.pb.h"
#include "schakel/v1/safetyplan.pb.h"

class QLabel;
class QTableWidget;

namespace schakel::desktop {

class InboxWatcher;

// Child object names: "inboxTable", "inboxStatus", "connectionBanner".
//
// Kept live through HandoverService.WatchInbox (an InboxWatcher: a stream on a thread of its own
// that reconnects with backoff): each message replaces the handover items and fetches the plan
// inbox (no stream) again. F5 asks both again. While the stream is down the connection banner
// shows; the next message hides it.
class InboxView : public ViewPage {
  Q_OBJECT

 public:
  InboxView(std::shared_ptr<grpc::Channel> channel, QWidget* parent = nullptr);

 signals:
  // After each refresh (F5) and each plan inbox fetched after a message of the stream: `ok` when
  // both inboxes answered.
  void loaded(bool ok);

 public slots:
  void refresh() override;

 private:
  void onWatched(const v1::ListInboxResponse& inbox);
  void onConnectionLost(const grpc::Status& status);
  // Fetches the plan inbox; one call at a time, one more after it when asked meanwhile.
  void fetchPlans();
  // Shows handovers_ and plans_ merged, and the status line.
  void render();

  std::shared_ptr<grpc::Channel> channel_;
  QTableWidget* table_;
  QLabel* status_;
  QLabel* banner_;
  InboxWatcher* watcher_;
  v1::ListInboxResponse handovers_;
  v1::ListPlanInboxResponse plans_;
  grpc::Status handover_status_;
  grpc::Status plan_status_;
  int watched_ = 0;  // messages of the stream so far
  bool busy_ = false;
  bool plans_busy_ = false;
  bool plans_again_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_
