// Veiligheidsplan: the case's safety plan (SafetyPlanService.GetPlan) — the version in force (or
// the newest), every version with its state (in force, proposed, draft, superseded), its sign-offs,
// the next evaluation date, evaluations and incidents; and a comparison of two versions
// (CasePlanDiff). Items the caller may not see read as the service redacts them. Its buttons open
// the dialogs that change the plan (case_plan_dialogs.h): start, edit and propose a draft, sign off
// a proposed version, record an incident, evaluate the plan in force. They are enabled as the
// plan's versions suggest; the service decides, and the dialog shows its refusal.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>
#include "client/lib/server_addresses.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace schakel::v1 {
class GetPlanResponse;
}

namespace schakel::desktop {

class CasePlanDiff;
class CasePlanRiskPanel;
class PlanFormDialog;

// Children: "planSummary", "planItems" (section, sensitivity, content), "planVersions" (version,
// state, ...; column 0's Qt::UserRole the version number), "showPlanVersion", "signOffsTable",
// "incidentsTable", "evaluationsTable", "planStatus", and the CasePlanDiff's children. Buttons:
// "startDraft", "editDraft", "proposeVersion", "signOffVersion", "recordIncident", "evaluatePlan",
// "recordFamilyAgreement" (for the version in force, else the one proposed),
// "recordRiskInstrument"; each opens its dialog as a child of the tab (see case_plan_dialogs.h and
// case_plan_records.h for their names). The case's risk assessments: the CasePlanRiskPanel's
// "riskTable", read on refresh.
class CasePlanTab : public QWidget {
  Q_OBJECT

 public:
  CasePlanTab(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

  CasePlanDiff* diff() const { return diff_; }
  CasePlanRiskPanel* riskPanel() const { return risk_; }

 signals:
  void loaded(bool ok);
  // The plan was changed from this tab (a version, sign-off, incident or evaluation): the case
  // and its timeline should be read again.
  void caseChanged();

 public slots:
  // Reads the version in force (or the newest) again.
  void refresh();
  // Shows version `version` (0: the one in force, or the newest).
  void showVersion(int version);

 private:
  void showPlan(const v1::GetPlanResponse& plan);
  // The plan's versions as last read: which steps fit (a draft, a proposal, a plan in force).
  void updateButtons();
  // Opens `dialog` (made by the caller, a child of this tab); on success refreshes the plan and
  // emits caseChanged().
  void openDialog(PlanFormDialog* dialog);
  void startDraft();
  void editDraft();
  void proposeVersion();
  void signOff();
  void recordIncident();
  void evaluate();
  void recordFamilyAgreement();
  void recordRiskInstrument();

  client::ChannelsPtr channel_;
  QString case_id_;
  bool busy_ = false;
  QLabel* summary_;
  QTableWidget* items_;
  QTableWidget* versions_;
  QPushButton* show_version_;
  QTableWidget* sign_offs_;
  QTableWidget* incidents_;
  QTableWidget* evaluations_;
  CasePlanDiff* diff_;
  QLabel* status_;
  QPushButton* start_;
  QPushButton* edit_;
  QPushButton* propose_;
  QPushButton* sign_;
  QPushButton* incident_;
  QPushButton* evaluate_;
  QPushButton* family_;
  QPushButton* risk_button_;
  CasePlanRiskPanel* risk_;
  // From the last read: whether the plan could be read (or the case has none yet) and the newest
  // version in each state (0: none).
  bool readable_ = false;
  int draft_ = 0;
  int proposed_ = 0;
  int active_ = 0;
  bool reload_pending_ = false;
  QString after_load_text_;  // the sentence of the change just made, shown once read again
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_TAB_H_
