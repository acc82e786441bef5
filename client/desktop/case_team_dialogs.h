// The dialogs that change a case's team and its state (the Team tab): add a member picked from the
// directory, remove a member, hand the director role to someone else, close the case (reason,
// checklist, deviation, follow-up checks) and reopen it. Each is a CaseEditDialog
// (case_family_dialogs.h): one request id, the call off the UI thread, the fields the service
// names marked, a refusal in one Dutch sentence. The services decide who may do what.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_DIALOGS_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_DIALOGS_H_

#include <memory>
#include <string>
#include <vector>

#include <QString>

#include <grpcpp/channel.h>

#include "client/desktop/case_family_dialogs.h"
#include "client/lib/server_addresses.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace schakel::desktop {

// A team member as a dialog offers it: the ids and how they read.
struct TeamChoice {
  QString professional_id;
  QString label;  // "Name — Organisation name"
};

// "Teamlid toevoegen": an organisation (DirectoryService.ListOrganisations), one of its
// professionals (ListProfessionals, asked again when the organisation changes) and the role in the
// case (Kernteam or Betrokken).
// Object name "addTeamMemberDialog"; fields "memberOrganisation", "memberProfessional",
// "memberRole" (combo boxes; the ids and the role are the items' data).
class AddTeamMemberDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  AddTeamMemberDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

 signals:
  // The organisations were read (`ok`) or the read failed.
  void organisationsLoaded(bool ok);
  // The professionals of the chosen organisation were read (`ok`) or the read failed.
  void professionalsLoaded(bool ok);

 protected:
  Call prepareCall() override;

 private:
  void loadOrganisations();
  void loadProfessionals();

  QComboBox* organisation_;
  QComboBox* professional_;
  QComboBox* role_;
  int professionals_asked_ = 0;  // the newest ListProfessionals asked; older answers are dropped
};

// "Teamlid verwijderen": one current member (not the director: the service refuses that).
// Object name "removeTeamMemberDialog"; "memberWho" (label).
class RemoveTeamMemberDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  RemoveTeamMemberDialog(client::ChannelsPtr channel, QString case_id, const TeamChoice& member,
                         QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  const QString professional_id_;
};

// "Regie overdragen aan…": the new case director, one of `candidates` (the team's current members
// other than the director); `preselect` is chosen first when it is among them. The old director
// stays on as core team.
// Object name "transferDirectorDialog"; field "newDirector" (combo box; the id is the data).
class TransferDirectorDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  TransferDirectorDialog(client::ChannelsPtr channel, QString case_id,
                         const std::vector<TeamChoice>& candidates, const QString& preselect,
                         QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  QComboBox* to_;
};

// "Casus sluiten": the reason, the closure checklist (four check boxes), the deviation (why the
// case closes although an item is not met), the sensitivity of reason and deviation, and the
// months after closure of the follow-up checks (empty: the service's default).
// Object name "closeCaseDialog"; fields "closeReason", "checkStableSafety", "checkRiskFactors",
// "checkRecoveryOwner", "checkFollowUp", "closeDeviation", "closeSensitivity", "followUpMonths".
class CloseCaseDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  CloseCaseDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  QPlainTextEdit* reason_;
  QCheckBox* stable_;
  QCheckBox* risks_;
  QCheckBox* recovery_;
  QCheckBox* follow_up_;
  QPlainTextEdit* deviation_;
  QComboBox* sensitivity_;
  QLineEdit* months_;
};

// "Casus heropenen": the reason (shown on the timeline) and its sensitivity.
// Object name "reopenCaseDialog"; fields "reopenReason", "reopenSensitivity".
class ReopenCaseDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  ReopenCaseDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  QPlainTextEdit* reason_;
  QComboBox* sensitivity_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_TEAM_DIALOGS_H_
