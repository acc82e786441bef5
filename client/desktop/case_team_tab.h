// Team: the case team's members (current and former) by name — the professionals' and
// organisations' names looked up in the directory off the UI thread, cached per tab, the id where
// a lookup fails — their organisation's type, their role in the case; the case director marked;
// whether the case is open or closed. The buttons (and the table's context menu) open the dialogs
// of case_team_dialogs.h: add or remove a member, hand the director role over, close or reopen the
// case. They are there for everyone who sees the case; the service decides.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_TAB_H_

#include <memory>
#include <string>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"

class QLabel;
class QPoint;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

class CaseEditDialog;
class DirectoryNames;

// Children: "teamTable" (column 0 holds "★" for the current case director; columns 1 and 2 the
// professional's and organisation's names, their ids as Qt::UserRole data and tooltip),
// "myCaseRole", "caseState" (open, or closed with when and why), the buttons "addTeamMember",
// "removeTeamMember", "transferDirector", "closeCase", "reopenCase" (opening the dialogs
// "addTeamMemberDialog", "removeTeamMemberDialog", "transferDirectorDialog", "closeCaseDialog",
// "reopenCaseDialog" as children of the tab), and "teamStatus" (the last change's outcome).
class CaseTeamTab : public QWidget {
  Q_OBJECT

 public:
  CaseTeamTab(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

  void showCase(const v1::Case& c);
  void clear();

 public slots:
  void addMember();
  void removeMember();
  void transferDirector();
  void closeCase();
  void reopenCase();

 signals:
  // Something in the case was changed from this tab: the case should be read again.
  void caseChanged();

 private:
  void render();
  void updateButtons();
  void showMenu(const QPoint& pos);
  void openDialog(CaseEditDialog* dialog, const QString& done_text);
  // The selected current member (not former), or -1.
  int selectedMember() const;
  bool isCurrent(const v1::TeamMember& m) const;

  client::ChannelsPtr channel_;
  QString case_id_;
  v1::Case case_;  // as last shown
  bool have_case_ = false;
  DirectoryNames* names_;  // professionals and organisations by name
  QLabel* my_role_;
  QLabel* state_;
  QTableWidget* table_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* transfer_;
  QPushButton* close_;
  QPushButton* reopen_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_TAB_H_
