// Overleggen en acties: the case's multidisciplinary meetings (MDO) and the actions their decisions
// created — owner, due date, status, overdue marked. "Overleg vastleggen" records a meeting with
// its decisions and actions (RecordMeetingDialog); an open action can be marked done
// (UpdateAction). The service decides whether the caller may.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_MEETINGS_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_MEETINGS_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

// Children: "meetingsTable", "actionsTable" (column 4 says "Te laat" for an overdue action; the
// row's id in column 0's Qt::UserRole), "recordMeeting" (opens the RecordMeetingDialog, a child
// named "recordMeetingDialog" while open), "markActionDone", "meetingsStatus".
class CaseMeetingsTab : public QWidget {
  Q_OBJECT

 public:
  CaseMeetingsTab(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

  void showCase(const v1::Case& c);
  void clear();

 signals:
  // An action changed: the case should be read again.
  void caseChanged();

 private:
  void updateButton();
  void markDone();
  void recordMeeting();

  client::ChannelsPtr channel_;
  QString case_id_;
  v1::Case case_;
  bool busy_ = false;
  QTableWidget* meetings_;
  QTableWidget* actions_;
  QPushButton* record_;
  QPushButton* done_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_MEETINGS_TAB_H_
