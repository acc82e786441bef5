// Verantwoordelijkheid: the case's responsibility ledger (HandoverService.GetResponsibility) — the
// lead organisation and phase now, who still watches, a banner while a handover is pending, the
// ledger's history (periods and what began each) and the case's handovers. "Overdracht
// voorstellen" asks the window's owner to open the propose dialog.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_RESPONSIBILITY_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_RESPONSIBILITY_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.pb.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

class DirectoryNames;

// Children: "handoverPendingBanner" (shown only while a handover is pending), "leadSummary",
// "ledgerTable" (phase, organisation, professional, from, until, cause), "handoversTable",
// "proposeHandover", "responsibilityStatus".
class CaseResponsibilityTab : public QWidget {
  Q_OBJECT

 public:
  CaseResponsibilityTab(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

 signals:
  void loaded(bool ok);
  void proposeHandoverRequested();

 public slots:
  void refresh();

 private:
  // Draws the answer (again when the directory's names arrive).
  void draw(const v1::GetResponsibilityResponse& resp);

  client::ChannelsPtr channel_;
  QString case_id_;
  bool busy_ = false;
  QLabel* banner_;
  QLabel* summary_;
  QTableWidget* ledger_;
  QTableWidget* handovers_;
  QPushButton* propose_;
  QLabel* status_;
  DirectoryNames* names_;
  v1::GetResponsibilityResponse shown_;  // the answer on screen
  bool has_shown_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_RESPONSIBILITY_TAB_H_
