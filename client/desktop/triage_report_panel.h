// One report of the triage queue as the service gives it (IntakeService.GetReport: the reporter,
// the persons, the kinds of violence, the description — as far as the service shows them) with
// its radar hits (GetRadar): earlier reports and advice requests about the same persons and
// addresses.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_REPORT_PANEL_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_REPORT_PANEL_H_

#include <memory>

#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/intake_proto.h"

class QLabel;
class QTableWidget;
class QTextBrowser;

namespace schakel::desktop {

// Child object names: "reportText" (the report), "radarSummary", "radarTable" (one row per
// earlier report per person or address it matched), "reportStatus".
class TriageReportPanel : public QWidget {
  Q_OBJECT

 public:
  enum RadarColumn { kAbout = 0, kEarlier, kKind, kReceived, kState, kMatched, kColumnCount };

  explicit TriageReportPanel(std::shared_ptr<grpc::Channel> channel, QWidget* parent = nullptr);

  // The report shown (empty: none).
  const QString& reportId() const { return report_id_; }

 signals:
  // After each answer to showReport(), with the report (empty when it failed).
  void loaded(bool ok, const v1::Report& report);

 public slots:
  // Reads `report_id` and its radar and shows them; empty clears the panel.
  void showReport(const QString& report_id);

 private:
  void render(const v1::Report& report, const v1::GetRadarResponse& radar);
  void clear(const QString& status);

  std::shared_ptr<grpc::Channel> channel_;
  QString report_id_;
  int generation_ = 0;  // an answer for an earlier selection is dropped
  QTextBrowser* text_;
  QLabel* radar_summary_;
  QTableWidget* radar_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_REPORT_PANEL_H_
