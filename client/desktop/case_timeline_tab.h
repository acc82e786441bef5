// Tijdlijn: every event on the case in order (GetTimeline), in Dutch, at Amsterdam times; a
// summary hidden from the caller's organisation shows the service's marker.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_TIMELINE_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_TIMELINE_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>
#include "client/lib/server_addresses.h"

class QLabel;
class QTableWidget;

namespace schakel::desktop {

// Children: "timelineTable" (time, what, who, source), "timelineNotices", "timelineStatus".
class CaseTimelineTab : public QWidget {
  Q_OBJECT

 public:
  CaseTimelineTab(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

 signals:
  void loaded(bool ok);

 public slots:
  void refresh();

 private:
  client::ChannelsPtr channel_;
  QString case_id_;
  bool busy_ = false;
  bool again_ = false;
  QLabel* notices_;
  QTableWidget* table_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_TIMELINE_TAB_H_
