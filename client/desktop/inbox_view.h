// Inbox: what waits for me — handovers to answer, reminders, escalations
// (HandoverService.ListInbox) and the safety plans' reminders, escalations and incidents
// (SafetyPlanService.ListPlanInbox) — in one list, soonest due first, overdue marked.
#ifndef SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_

#include <memory>

#include <grpcpp/channel.h>

#include "client/desktop/view_page.h"

class QLabel;
class QTableWidget;
class QTimer;

namespace schakel::desktop {

// Child object names: "inboxTable", "inboxStatus".
//
// Polls every 30 s and on F5. Keeping it live through HandoverService.WatchInbox (a stream on a
// background thread that reconnects with backoff) is a later slice of issue 14.
class InboxView : public ViewPage {
  Q_OBJECT

 public:
  InboxView(std::shared_ptr<grpc::Channel> channel, QWidget* parent = nullptr);

 signals:
  // After each refresh: `ok` when both inboxes answered.
  void loaded(bool ok);

 public slots:
  void refresh() override;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  QTableWidget* table_;
  QLabel* status_;
  QTimer* poll_;
  bool busy_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_INBOX_VIEW_H_
