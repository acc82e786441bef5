// Exporting the audit log for offline verification (ExportLog: a freshly signed checkpoint and
// every entry up to it) to a file, with a progress bar and a Cancel button; and "Export
// controleren": checking an export file as schakelctl audit verify-export does (every leaf into a
// tree, the root against the signed checkpoint, the signature against the verifier key), with
// progress. Both run off the UI thread; a cancelled or failed export leaves no file behind.
#ifndef SCHAKEL_CLIENT_DESKTOP_AUDIT_EXPORT_PANEL_H_
#define SCHAKEL_CLIENT_DESKTOP_AUDIT_EXPORT_PANEL_H_

#include <memory>

#include <QString>
#include <QWidget>

#include "client/desktop/session.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace schakel::desktop {

class CancellableJob;
class VerifierKeyField;

// Child object names: "exportPath", "browseExport", "startExport", "cancelExport",
// "exportProgress", "exportStatus"; "checkPath", "browseCheck", "startCheck", "cancelCheck",
// "checkProgress", "checkStatus".
class AuditExportPanel : public QWidget {
  Q_OBJECT

 public:
  AuditExportPanel(const Session& session, VerifierKeyField* key, QWidget* parent = nullptr);
  ~AuditExportPanel() override;

 signals:
  // When an export ended: written (ok), failed or cancelled (not ok; no file left).
  void exportFinished(bool ok);
  // When a check of an export file ended (ok: verified).
  void checkFinished(bool ok);

 public slots:
  void startExport();
  void cancelExport();
  void startCheck();
  void cancelCheck();

 private:
  void onExportProgress(qint64 done, qint64 total);
  void onCheckProgress(qint64 done, qint64 total);

  Session session_;
  VerifierKeyField* key_;
  QLineEdit* export_path_;
  QPushButton* start_export_;
  QPushButton* cancel_export_;
  QProgressBar* export_progress_;
  QLabel* export_status_;
  QLineEdit* check_path_;
  QPushButton* start_check_;
  QPushButton* cancel_check_;
  QProgressBar* check_progress_;
  QLabel* check_status_;
  std::shared_ptr<CancellableJob> export_job_;
  std::shared_ptr<CancellableJob> check_job_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_AUDIT_EXPORT_PANEL_H_
