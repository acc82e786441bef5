// Triage (VT_INTAKE): the report queue with its countdown, claiming and releasing; a report with
// its radar; the safety assessment form whose fields follow the chosen route; the feedback tasks;
// the reminders and escalations of the terms.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_

#include "client/desktop/session.h"
#include "client/desktop/view_page.h"

class QTabWidget;

namespace schakel::desktop {

class TriageAssessmentForm;
class TriageFeedbackPanel;
class TriageQueue;
class TriageReportPanel;
class TriageSignalsPanel;

// Child object names: "triageTabs" (Wachtrij, Terugkoppeling, Signalen), "reportTabs" (Melding
// en radar, Beoordeling), and those of its parts: TriageQueue, TriageReportPanel,
// TriageAssessmentForm, TriageFeedbackPanel, TriageSignalsPanel.
class TriageView : public ViewPage {
  Q_OBJECT

 public:
  explicit TriageView(const Session& session, QWidget* parent = nullptr);

  TriageQueue* queue() const { return queue_; }
  TriageReportPanel* reportPanel() const { return report_; }
  TriageAssessmentForm* assessmentForm() const { return form_; }
  TriageFeedbackPanel* feedback() const { return feedback_; }
  TriageSignalsPanel* signalsPanel() const { return signals_panel_; }

 public slots:
  void refresh() override;

 private:
  Session session_;
  QTabWidget* tabs_;
  QTabWidget* report_tabs_;
  TriageQueue* queue_;
  TriageReportPanel* report_;
  TriageAssessmentForm* form_;
  TriageFeedbackPanel* feedback_;
  TriageSignalsPanel* signals_panel_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_VIEW_H_
