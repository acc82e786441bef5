// Inbox: what waits for me — handovers to answer, reminders, escalations
// (HandoverService.ListInbox), the safety plans' reminders, escalations and incidents
// (SafetyPlanService.ListPlanInbox), and the handovers my organisation proposed that still wait
// for an answer (handover_sent.h) — in one list, soonest due first, overdue marked. A handover row
// offers what can be done with it (accept, decline, withdraw, confirm first contact), each through
// its dialog (handover_dialogs.h); the services decide, a refusal shows in the dialog.
#ifndef SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_

#include <memory>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "client/desktop/view_page.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.pb.h"
#include "schakel/v1/safetyplan.pb.h"

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

class InboxWatcher;

// Child object names: "inboxTable", "inboxStatus", "connectionBanner", and the action buttons
// "acceptButton", "declineButton", "withdrawButton", "confirmContactButton" (also in the table's
// context menu). A dialog opened from here is a child of the view, opened window-modal (open(),
// not exec()), and deleted when it closes.
//
// Kept live through HandoverService.WatchInbox (an InboxWatcher: a stream on a thread of its own
// that reconnects with backoff): each message replaces the handover items and fetches the plan
// inbox (no stream) again. F5 asks both again. While the stream is down the connection banner
// shows; the next message hides it.
class InboxView : public ViewPage {
  Q_OBJECT

 public:
  InboxView(client::ChannelsPtr channel, QWidget* parent = nullptr);

 signals:
  // After each refresh (F5) and each plan inbox fetched after a message of the stream: `ok` when
  // both inboxes answered.
  void loaded(bool ok);
  // A dialog opened from the inbox changed the handover `handover_id`.
  void handoverChanged(const QString& handover_id);

 public slots:
  void refresh() override;
  // Open the dialog for the selected row; nothing when the row offers no such action.
  void acceptSelected();
  void declineSelected();
  void withdrawSelected();
  void confirmContactSelected();

 private:
  // Reads the handovers my organisation sent: all (`full`) or only the known ones again.
  void fetchSent(bool full);
  // Enables the actions the selected row offers.
  void updateActions();
  // The handover id of the selected row when it offers `action` (an InboxAction); empty otherwise.
  QString selectedHandover(int action) const;
  void showContextMenu(const QPoint& pos);
  template <typename Dialog>
  void openDialog(const QString& handover_id);

  void onWatched(const v1::ListInboxResponse& inbox);
  void onConnectionLost(const grpc::Status& status);
  // Fetches the plan inbox; one call at a time, one more after it when asked meanwhile.
  void fetchPlans();
  // Shows handovers_ and plans_ merged, and the status line.
  void render();

  client::ChannelsPtr channel_;
  QTableWidget* table_;
  QLabel* status_;
  QLabel* banner_;
  QAction* accept_;
  QAction* decline_;
  QAction* withdraw_;
  QAction* confirm_;
  std::vector<QPushButton*> action_buttons_;  // each shows one of the actions above
  InboxWatcher* watcher_;
  v1::ListInboxResponse handovers_;
  v1::ListPlanInboxResponse plans_;
  grpc::Status handover_status_;
  grpc::Status plan_status_;
  std::vector<v1::Handover> sent_;
  grpc::Status sent_status_;
  int watched_ = 0;  // messages of the stream so far
  bool busy_ = false;
  bool plans_busy_ = false;
  bool plans_again_ = false;
  bool refresh_again_ = false;
  bool sent_busy_ = false;
  bool sent_again_ = false;       // another look after the current one
  bool sent_again_full_ = false;  // ... a full one
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_
