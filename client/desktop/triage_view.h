// Triage (VT_INTAKE): the report queue with its countdown, claiming and releasing; a report with
// its radar, converting an advice request and completing an investigation; the safety assessment
// form whose fields follow the chosen route; the feedback tasks; the reminders and escalations of
// the terms; for the receiving organisations of the route HANDOVER, the reports handed to them.
// Professionals and organisations show by name (DirectoryNames, one cache for the view).
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_

#include "client/desktop/session.h"
#include "client/desktop/view_page.h"

class QLineEdit;
class QTabWidget;

namespace schakel::desktop {

class TriageAssessmentForm;
class TriageFeedbackPanel;
class TriageHandedPanel;
class DirectoryNames;
class TriageQueue;
class TriageReportPanel;
class TriageSignalsPanel;

// Child object names: "triageTabs" (Wachtrij, Terugkoppeling, Signalen, and Overgedragen
// meldingen for a person with a role the service lists handed reports to: PROFESSIONAL,
// CASE_DIRECTOR or SUPERVISOR), "reportTabs" (Melding en radar, Beoordeling), "openReportEdit"
// and "openReportButton" (show a report by its id, e.g. one under investigation that left the
// queue), and those of its parts: TriageQueue, TriageReportPanel, TriageAssessmentForm,
// TriageFeedbackPanel, TriageSignalsPanel, TriageHandedPanel ("handedPanel"). Double-clicking a
// feedback task or a signal shows its report.
class TriageView : public ViewPage {
  Q_OBJECT

 public:
  explicit TriageView(const Session& session, QWidget* parent = nullptr);

  TriageQueue* queue() const { return queue_; }
  TriageReportPanel* reportPanel() const { return report_; }
  TriageAssessmentForm* assessmentForm() const { return form_; }
  TriageFeedbackPanel* feedback() const { return feedback_; }
  TriageSignalsPanel* signalsPanel() const { return signals_panel_; }
  // Null when the person has none of the roles that receive handed reports.
  TriageHandedPanel* handedPanel() const { return handed_; }
  DirectoryNames* names() const { return names_; }

 public slots:
  void refresh() override;
  // Shows `report_id` in the report panel (and selects it in the queue when it is there).
  void openReport(const QString& report_id);

 private:
  Session session_;
  QTabWidget* tabs_;
  QTabWidget* report_tabs_;
  TriageQueue* queue_;
  TriageReportPanel* report_;
  TriageAssessmentForm* form_;
  TriageFeedbackPanel* feedback_;
  TriageSignalsPanel* signals_panel_;
  TriageHandedPanel* handed_ = nullptr;
  DirectoryNames* names_;
  QLineEdit* open_edit_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_
