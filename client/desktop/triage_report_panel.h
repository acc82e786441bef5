// One report of the triage queue as the service gives it (IntakeService.GetReport: the reporter,
// the persons, the kinds of violence, the description — as far as the service shows them) with
// its radar hits (GetRadar): earlier reports and advice requests about the same persons and
// addresses; the assessment, investigation and handover as far as made. From here an advice
// request is converted into a report ("Omzetten in melding…") and an investigation completed
// ("Onderzoek afronden…"), each through its dialog (triage_actions.h).
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_REPORT_PANEL_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_REPORT_PANEL_H_

#include <memory>

#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/intake_proto.h"
#include "client/lib/server_addresses.h"

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace schakel::desktop {

class DirectoryNames;
class TriageReportDialog;

// Child object names: "reportText" (the report), "radarSummary", "radarTable" (one row per
// earlier report per person or address it matched), "reportStatus", "convertAdviceButton",
// "completeInvestigationButton", "closeReportButton" (each enabled for a report the action is for;
// the dialogs they open are children of the panel).
class TriageReportPanel : public QWidget {
  Q_OBJECT

 public:
  enum RadarColumn { kAbout = 0, kEarlier, kKind, kReceived, kState, kMatched, kColumnCount };

  explicit TriageReportPanel(client::ChannelsPtr channel, QWidget* parent = nullptr);

  // The report shown (empty: none).
  const QString& reportId() const { return report_id_; }
  // The report as last read (empty until read).
  const v1::Report& report() const { return report_; }
  // Names of professionals and organisations from `names` (not owned; may be null: ids).
  void setNames(DirectoryNames* names);

 signals:
  // After each answer to showReport(), with the report (empty when it failed).
  void loaded(bool ok, const v1::Report& report);
  // A dialog of this panel changed the report (the panel reads it again).
  void reportChanged(const QString& report_id);

 public slots:
  // Reads `report_id` and its radar and shows them; empty clears the panel.
  void showReport(const QString& report_id);
  // Open the dialogs for the report shown (nothing when none is shown).
  void convertAdvice();
  void completeInvestigation();
  void closeReport();
  // Opens `dialog` (a child, deleted on close); a change it makes shows here and goes out.
  void openAction(TriageReportDialog* dialog);

 private:
  void render(const v1::Report& report, const v1::GetRadarResponse& radar);
  QString reportHtml(const v1::Report& report);
  QString assessmentHtml(const v1::Report& report);
  void clear(const QString& status);
  void updateActions();
  void rerender();

  client::ChannelsPtr channel_;
  QString report_id_;
  int generation_ = 0;  // an answer for an earlier selection is dropped
  QTextBrowser* text_;
  QLabel* radar_summary_;
  QTableWidget* radar_;
  QLabel* status_;
  QPushButton* convert_;
  QPushButton* complete_;
  QPushButton* close_;
  DirectoryNames* names_ = nullptr;
  v1::Report report_;
  v1::GetRadarResponse radar_answer_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_REPORT_PANEL_H_
