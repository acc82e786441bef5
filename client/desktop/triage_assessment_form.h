// The safety assessment (veiligheidsbeoordeling) of one report: the two judgements, the reasoning,
// risk and protective factors, an optional risk instrument, and the route with the fields of that
// route only (the fields of the other routes are hidden and not sent). Submitted off the UI thread
// with a request id (IntakeService.AssessReport); the fields the service refuses are marked with
// its reason in Dutch (FieldMarks).
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_ASSESSMENT_FORM_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_ASSESSMENT_FORM_H_

#include <map>
#include <memory>
#include <string>

#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/field_errors.h"
#include "client/desktop/intake_proto.h"
#include "client/lib/server_addresses.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace schakel::desktop {

// Child object names: "routeCombo", "acuteUnsafety", "structuralUnsafety", "reasoningEdit",
// "riskFactorsEdit", "protectiveFactorsEdit", "instrumentCombo", "instrumentVersionEdit",
// "instrumentOutcomeEdit"; per route a group ("endGroup", "handoverGroup", "conditionsGroup",
// "investigationGroup", "mdaGroup") with "endReasonEdit"; "handoverOrgEdit", "handoverNoteEdit";
// "safetyConditionsEdit", "planPartnerEdit", "monitoringDatesEdit"; "investigatorEdit";
// "mdaStructuralEdit", "mdaHelpExhaustedEdit", "mdaNoApproachEdit", "mdaRepeatedEdit",
// "mdaReasonEdit", "mdaDirectorEdit"; "rvdkRequest", "rvdkReasonEdit"; "submitAssessment",
// "assessmentStatus".
class TriageAssessmentForm : public QWidget {
  Q_OBJECT

 public:
  explicit TriageAssessmentForm(client::ChannelsPtr channel, QWidget* parent = nullptr);

  // The report to assess (empty: none; the form is disabled). Another report empties the form.
  void setReport(const QString& report_id);
  const QString& reportId() const { return report_id_; }

  // Chooses `route` in the combo (its fields show, the others hide).
  void setRoute(v1::AssessmentRoute route);
  v1::AssessmentRoute route() const;

  // The marks of the last refusal (for tests: FieldMarks::IsMarked on the fields).
  const FieldMarks& marks() const { return marks_; }

 signals:
  // The service took the assessment of `report_id`: it left the queue.
  void assessed(const QString& report_id, const v1::Report& report);
  // After each answer to submit(), assessed or not.
  void submitted(bool ok);

 public slots:
  void submit();

 private:
  void showRouteFields();
  void clearFields();
  v1::SafetyAssessment assessment() const;

  client::ChannelsPtr channel_;
  QString report_id_;
  // Kept for a retry after the server could not be reached or did not answer, so the retry is
  // the same mutation; a new one after every answer.
  std::string request_id_;
  bool busy_ = false;
  FieldMarks marks_;

  QComboBox* route_;
  QCheckBox* acute_;
  QCheckBox* structural_;
  QPlainTextEdit* reasoning_;
  QPlainTextEdit* risk_factors_;
  QPlainTextEdit* protective_factors_;
  QComboBox* instrument_;
  QLineEdit* instrument_version_;
  QLineEdit* instrument_outcome_;
  std::map<v1::AssessmentRoute, QGroupBox*> route_groups_;
  QPlainTextEdit* end_reason_;
  QLineEdit* handover_org_;
  QPlainTextEdit* handover_note_;
  QPlainTextEdit* safety_conditions_;
  QLineEdit* plan_partner_;
  QLineEdit* monitoring_dates_;
  QLineEdit* investigator_;
  QPlainTextEdit* mda_structural_;
  QPlainTextEdit* mda_help_exhausted_;
  QPlainTextEdit* mda_no_approach_;
  QPlainTextEdit* mda_repeated_;
  QPlainTextEdit* mda_reason_;
  QLineEdit* mda_director_;
  QCheckBox* rvdk_request_;
  QPlainTextEdit* rvdk_reason_;
  QPushButton* submit_;
  QProgressBar* progress_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_ASSESSMENT_FORM_H_
