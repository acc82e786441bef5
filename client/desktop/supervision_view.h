// Toezicht (SUPERVISOR, REGIONAL_SUPERVISOR): the handover report with charts, the gap list, the
// intake report against its norms, what retention destroys in the coming month, CSV export.
#ifndef SCHAKEL_CLIENT_DESKTOP_SUPERVISION_VIEW_H_
#define SCHAKEL_CLIENT_DESKTOP_SUPERVISION_VIEW_H_

#include <memory>
#include <vector>

#include <QString>

#include "client/desktop/directory_names.h"
#include "client/desktop/field_errors.h"
#include "client/desktop/session.h"
#include "client/desktop/supervision_csv.h"
#include "client/desktop/supervision_fetch.h"
#include "client/desktop/supervision_tables.h"
#include "client/desktop/view_page.h"

class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace schakel::desktop {

// Child object names: "periodFrom", "periodTo" (QDateEdit; default the last three months),
// "refreshButton", "exportButton", "cancelButton", "progress", "supervisionStatus";
// the handover report: "handoverStatus", "handoverSummary", "organisationTable",
// "timeToAcceptChart", "organisationChart" (charts: see supervision_charts.h); the gaps:
// "gapStatus" (reads "geen gaten" when there are none), "gapList"; the intake report:
// "intakeStatus", "normAssessments", "normInvestigations" (a line per norm), "normTable",
// "intakeSummary"; what retention destroys in the coming month (Veilig Thuis's supervisors):
// "retentionStatus", "retentionTable"; and of the MDA++ cases the supervisor's organisation was on:
// "caseRetentionStatus", "caseRetentionTable".
//
// The services decide what a supervisor sees (their organisation's handovers, or the region's;
// the intake figures are Veilig Thuis's supervisors'); the view shows what they answer. A refusal
// of the intake report to a supervisor whose handover report was answered reads as "not for your
// organisation", not as an error.
class SupervisionView : public ViewPage {
  Q_OBJECT

 public:
  explicit SupervisionView(const Session& session, QWidget* parent = nullptr);

  // The tables as shown, for the CSV file: the handover report's measures, the organisations, the
  // gaps, and — when the intake report was answered — its norms and measures.
  std::vector<CsvTable> csvTables() const;

 signals:
  // After each refresh: `ok` when the handover report answered (the intake report may be refused
  // to a supervisor it is not meant for).
  void loaded(bool ok);
  // After an export: `ok` when the file was written; `message` is what the status line says.
  void exported(bool ok, const QString& message);

 public slots:
  void refresh() override;
  // Asks the services for the reports of the period as an export (recorded in the audit log as
  // such), shows them, and writes the tables to `path` as CSV (supervision_csv.h).
  void exportCsvTo(const QString& path);
  // Asks where to save (a file dialog), then exportCsvTo.
  void exportCsv();
  // Cancels the calls under way; the tables keep what they showed.
  void cancel();

 private:
  enum class Purpose { kShow, kExport };

  SupervisionPeriod period() const;
  void start(Purpose purpose, const QString& path);
  void finish(Purpose purpose, const QString& path, const SupervisionPeriod& period,
              const SupervisionOutcome& out);
  void showHandover(const grpc::Status& status, const SupervisionPeriod& period,
                    const v1::GetHandoverReportResponse& answer);
  void showIntake(const grpc::Status& status, bool handover_ok,
                  const v1::GetIntakeReportResponse& answer);
  void clearIntake();
  void showRetention(const grpc::Status& status, bool handover_ok,
                     const v1::ListRetentionResponse& answer);
  void showCaseRetention(const grpc::Status& status, const v1::ListCaseRetentionResponse& answer);
  void setBusy(bool busy, const QString& text);
  OrganisationName organisationName() {
    return [this](const std::string& id) { return names_->organisation(id); };
  }

  Session session_;
  QDateEdit* from_;
  QDateEdit* to_;
  QPushButton* refresh_button_;
  QPushButton* export_button_;
  QPushButton* cancel_button_;
  QProgressBar* progress_;
  QLabel* status_;
  QTabWidget* tabs_;
  QLabel* handover_status_;
  QTableWidget* handover_summary_;
  QTableWidget* organisations_;
  QWidget* time_chart_;
  QWidget* organisation_chart_;
  QLabel* gap_status_;
  QTableWidget* gaps_;
  QLabel* intake_status_;
  QLabel* norm_assessments_;
  QLabel* norm_investigations_;
  QTableWidget* norms_;
  QTableWidget* intake_summary_;
  QLabel* retention_status_;
  QTableWidget* retention_;
  QLabel* case_retention_status_;
  QTableWidget* case_retention_;
  FieldMarks period_marks_;

  DirectoryNames* names_;
  v1::HandoverReport shown_report_;  // the report the tables show (drawn again when names arrive)
  std::shared_ptr<CallCanceller> canceller_;
  int fetch_ = 0;  // the fetch under way (or the last); a cancelled fetch's answer is dropped
  bool busy_ = false;
  Purpose pending_ = Purpose::kShow;  // what the fetch under way is for
  bool handover_ok_ = false;
  bool intake_ok_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SUPERVISION_VIEW_H_
