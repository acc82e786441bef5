// The dialogs that change a case's safety plan (SafetyPlanService), opened from the Veiligheidsplan
// tab: start a draft, edit the draft's content, propose it for sign-off, sign it off, record an
// incident and evaluate the plan in force. Each is a FormDialog: one request id per dialog, the
// call off the UI thread, the fields the service names marked, a stale etag offered a reload, and a
// refusal in one Dutch sentence (PlanRefusalText). The service decides who may do what.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_DIALOGS_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_DIALOGS_H_

#include <memory>
#include <string>
#include <vector>

#include <QString>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "client/desktop/form_dialog.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/safetyplan.pb.h"

class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace schakel::desktop {

class EditableRowList;

// The sentence for a refused safety plan call: who may start, edit, sign off and evaluate, a
// version that is no longer a draft or not proposed, a sign-off already recorded, a closed case;
// a case one may not see reads as CaseErrorText; anything else as CallErrorText.
QString PlanRefusalText(const grpc::Status& status);

// A FormDialog whose refusals read as the safety plan service's, with the sentence the tab shows
// after it succeeded.
class PlanFormDialog : public FormDialog {
  Q_OBJECT

 public:
  PlanFormDialog(client::ChannelsPtr channel, QString case_id, const QString& title,
                 const QString& ok_text, QWidget* parent);

  // What the tab says once the call succeeded.
  const QString& doneText() const { return done_text_; }

 protected:
  QString refusalText(const grpc::Status& status) const override;
  QString staleText() const override;

  const std::string& caseId() const { return case_id_; }
  void setDoneText(const QString& text) { done_text_ = text; }
  // A label with `text` across the form (word wrapped); `name` its object name.
  QLabel* addExplanation(const QString& text, const QString& name);

 private:
  std::string case_id_;
  QString done_text_;
};

// A step without fields: "Concept starten" (StartDraft), "Ter ondertekening voorleggen"
// (ProposeVersion of `version`) or "Ondertekenen" (SignOffVersion of `version`, for the caller's
// organisation). Object names "startDraftDialog", "proposeVersionDialog", "signOffDialog"; the
// explanation "planStepText".
class PlanStepDialog : public PlanFormDialog {
  Q_OBJECT

 public:
  enum class Step { kStartDraft, kPropose, kSignOff };
  PlanStepDialog(client::ChannelsPtr channel, QString case_id, Step step, int version,
                 QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  Step step_;
  int version_;
};

// "Incident vastleggen" (RecordIncident): when (Europe/Amsterdam), what happened, the police's
// reference, who reported it and the sensitivity. Object name "incidentDialog"; fields
// "incidentAt", "incidentWhat", "incidentPoliceReference", "incidentReportedBy",
// "incidentSensitivity".
class RecordIncidentDialog : public PlanFormDialog {
  Q_OBJECT

 public:
  RecordIncidentDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;
  void succeeded() override;

 private:
  QDateTimeEdit* at_;
  QPlainTextEdit* what_;
  QLineEdit* police_reference_;
  QComboBox* reported_by_;
  QComboBox* sensitivity_;
  std::shared_ptr<v1::RecordIncidentResponse> response_;
};

// A dialog that first reads the plan (and, for the editor, the case team); OK is enabled once
// read. `loaded(ok)` says when.
class PlanLoadingDialog : public PlanFormDialog {
  Q_OBJECT

 public:
  PlanLoadingDialog(client::ChannelsPtr channel, QString case_id, int version, bool with_team,
                    const QString& title, const QString& ok_text, QWidget* parent);
  bool isLoaded() const { return loaded_; }

 signals:
  void loaded(bool ok);

 protected:
  // Reads the version (and the team) again.
  void load();
  void reload() override { load(); }
  // The version read (and the case's current team members) arrived: build the fields.
  virtual void showLoaded(const v1::PlanVersion& version,
                          const std::vector<v1::TeamMember>& team) = 0;
  int version() const { return version_; }

 private:
  int version_;
  bool with_team_;
  bool loaded_ = false;
  bool loading_ = false;
};

// "Evalueren" (EvaluatePlan) of the version in force: the outcome of every safety condition, the
// decision (confirm with the next evaluation date, or start the next version), notes and their
// sensitivity. Object name "evaluatePlanDialog"; fields "conditionOutcome" (one per condition, in
// the plan's order; property "itemId"), "evaluationDecision", "nextEvaluationDate",
// "evaluationNotes", "evaluationNotesSensitivity".
class EvaluatePlanDialog : public PlanLoadingDialog {
  Q_OBJECT

 public:
  EvaluatePlanDialog(client::ChannelsPtr channel, QString case_id, int version,
                     QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;
  void showLoaded(const v1::PlanVersion& version, const std::vector<v1::TeamMember>& team) override;

 private:
  QFormLayout* conditions_;
  std::vector<QComboBox*> outcomes_;
  QComboBox* decision_;
  QDateEdit* next_date_;
  QPlainTextEdit* notes_;
  QComboBox* notes_sensitivity_;
};

// "Concept bewerken" (UpdateDraft): the draft's content, one page per section ("planSections",
// a QTabWidget), each an EditableRowList named "section<NAME>" (e.g. "sectionAGREEMENTS") whose
// rows edit one item: the section's kind of content (text; an agreement with its owner on the
// team, due date, who checks and status; a warning signal; a network member; the child's voice)
// and its sensitivity. Items hidden from the caller's organisation show the hidden marker and go
// back unchanged. The evaluation date: "planEvaluationDate". The etag read goes with the call.
//
// Row children (by the content's field names): "itemSensitivity", "field_text", "field_what",
// "field_owner" (data: {professional id, organisation id}), "field_due", "field_checked_by",
// "field_status", "field_signal", "field_action", "field_call", "field_name", "field_part",
// "field_contact", "field_said", "field_said_to", "field_said_on", "field_child_version";
// "hiddenItem" for a hidden item.
class PlanDraftDialog : public PlanLoadingDialog {
  Q_OBJECT

 public:
  PlanDraftDialog(client::ChannelsPtr channel, QString case_id, int version,
                  QWidget* parent = nullptr);

  // The row list of `section`.
  EditableRowList* sectionList(v1::PlanSection section) const;

 protected:
  Call prepareCall() override;
  void showLoaded(const v1::PlanVersion& version, const std::vector<v1::TeamMember>& team) override;

 private:
  std::string etag_;
  std::vector<v1::TeamMember> team_;
  QTabWidget* sections_;
  std::vector<std::pair<v1::PlanSection, EditableRowList*>> lists_;
  QDateEdit* evaluation_date_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_DIALOGS_H_
