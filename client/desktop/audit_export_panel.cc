#include "client/desktop/audit_export_panel.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desktop/audit_jobs.h"
#include "client/desktop/audit_records.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"

namespace schakel::desktop {

namespace {

// Where an export is written until it is complete: the chosen file appears only whole.
std::string PartPath(const QString& path) { return path.toStdString() + ".part"; }

void RemoveFile(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

// Progress in thousandths, so that any number of entries fits the bar's int range.
void ShowProgress(QProgressBar* bar, qint64 done, qint64 total) {
  if (total <= 0) {
    bar->setRange(0, 0);  // busy: the size is not known yet
    return;
  }
  bar->setRange(0, 1000);
  bar->setValue(static_cast<int>(std::min<qint64>(done, total) * 1000 / total));
  bar->setFormat(QCoreApplication::translate("AuditExportPanel", "%1 van %2 vermeldingen")
                     .arg(done)
                     .arg(total));
}

QLineEdit* PathField(QWidget* parent, const char* name, const QString& accessible) {
  auto* edit = new QLineEdit(parent);
  edit->setObjectName(QLatin1String(name));
  edit->setAccessibleName(accessible);
  edit->setClearButtonEnabled(true);
  return edit;
}

QPushButton* Button(QWidget* parent, const QString& text, const char* name,
                    const QString& accessible) {
  auto* button = new QPushButton(text, parent);
  button->setObjectName(QLatin1String(name));
  button->setAccessibleName(accessible);
  return button;
}

QLabel* StatusLabel(QWidget* parent, const char* name) {
  auto* label = new QLabel(parent);
  label->setObjectName(QLatin1String(name));
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

QProgressBar* ProgressBar(QWidget* parent, const char* name, const QString& accessible) {
  auto* bar = new QProgressBar(parent);
  bar->setObjectName(QLatin1String(name));
  bar->setAccessibleName(accessible);
  bar->setVisible(false);
  return bar;
}

}  // namespace

AuditExportPanel::AuditExportPanel(const Session& session, VerifierKeyField* key, QWidget* parent)
    : QWidget(parent), session_(session), key_(key) {
  // Exporting.
  auto* export_box = new QGroupBox(tr("Auditlog exporteren"), this);
  auto* export_intro = new QLabel(
      tr("Schrijft een nieuw ondertekend controlepunt en alle vermeldingen tot daaraan naar een "
         "bestand, voor controle buiten Schakel. De export wordt vastgelegd in het auditlog."),
      export_box);
  export_intro->setWordWrap(true);
  export_path_ = PathField(export_box, "exportPath", tr("Exportbestand"));
  auto* export_label = new QLabel(tr("&Bestand:"), export_box);
  export_label->setBuddy(export_path_);
  auto* browse_export =
      Button(export_box, tr("Bladeren…"), "browseExport", tr("Exportbestand kiezen"));
  connect(browse_export, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export opslaan"), export_path_->text(),
        tr("Export van het auditlog (*.auditexport);;Alle bestanden (*)"));
    if (!path.isEmpty()) export_path_->setText(path);
  });
  start_export_ = Button(export_box, tr("&Exporteren"), "startExport", tr("Auditlog exporteren"));
  cancel_export_ = Button(export_box, tr("&Annuleren"), "cancelExport", tr("Export annuleren"));
  cancel_export_->setEnabled(false);
  connect(start_export_, &QPushButton::clicked, this, &AuditExportPanel::startExport);
  connect(cancel_export_, &QPushButton::clicked, this, &AuditExportPanel::cancelExport);
  export_progress_ = ProgressBar(export_box, "exportProgress", tr("Voortgang van de export"));
  export_status_ = StatusLabel(export_box, "exportStatus");
  auto* export_row = new QHBoxLayout;
  export_row->addWidget(export_label);
  export_row->addWidget(export_path_, 1);
  export_row->addWidget(browse_export);
  auto* export_buttons = new QHBoxLayout;
  export_buttons->addWidget(start_export_);
  export_buttons->addWidget(export_progress_, 1);
  export_buttons->addWidget(cancel_export_);
  auto* export_layout = new QVBoxLayout(export_box);
  export_layout->addWidget(export_intro);
  export_layout->addLayout(export_row);
  export_layout->addLayout(export_buttons);
  export_layout->addWidget(export_status_);

  // Checking an export.
  auto* check_box = new QGroupBox(tr("Export controleren"), this);
  auto* check_intro = new QLabel(
      tr("Controleert een exportbestand zonder de server: de handtekening van het controlepunt "
         "met de verificatiesleutel, en dat alle vermeldingen samen de ondertekende wortel "
         "opleveren."),
      check_box);
  check_intro->setWordWrap(true);
  check_path_ = PathField(check_box, "checkPath", tr("Te controleren exportbestand"));
  auto* check_label = new QLabel(tr("B&estand:"), check_box);
  check_label->setBuddy(check_path_);
  auto* browse_check =
      Button(check_box, tr("Bladeren…"), "browseCheck", tr("Te controleren bestand kiezen"));
  connect(browse_check, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Export kiezen"), check_path_->text(),
        tr("Export van het auditlog (*.auditexport);;Alle bestanden (*)"));
    if (!path.isEmpty()) check_path_->setText(path);
  });
  start_check_ =
      Button(check_box, tr("Export &controleren"), "startCheck", tr("Exportbestand controleren"));
  cancel_check_ = Button(check_box, tr("Controle a&fbreken"), "cancelCheck",
                         tr("Controle van de export afbreken"));
  cancel_check_->setEnabled(false);
  connect(start_check_, &QPushButton::clicked, this, &AuditExportPanel::startCheck);
  connect(cancel_check_, &QPushButton::clicked, this, &AuditExportPanel::cancelCheck);
  check_progress_ = ProgressBar(check_box, "checkProgress", tr("Voortgang van de controle"));
  check_status_ = StatusLabel(check_box, "checkStatus");
  auto* check_row = new QHBoxLayout;
  check_row->addWidget(check_label);
  check_row->addWidget(check_path_, 1);
  check_row->addWidget(browse_check);
  auto* check_buttons = new QHBoxLayout;
  check_buttons->addWidget(start_check_);
  check_buttons->addWidget(check_progress_, 1);
  check_buttons->addWidget(cancel_check_);
  auto* check_layout = new QVBoxLayout(check_box);
  check_layout->addWidget(check_intro);
  check_layout->addLayout(check_row);
  check_layout->addLayout(check_buttons);
  check_layout->addWidget(check_status_);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(export_box);
  layout->addWidget(check_box);
  layout->addStretch();

  setTabOrder(export_path_, browse_export);
  setTabOrder(browse_export, start_export_);
  setTabOrder(start_export_, cancel_export_);
  setTabOrder(cancel_export_, check_path_);
  setTabOrder(check_path_, browse_check);
  setTabOrder(browse_check, start_check_);
  setTabOrder(start_check_, cancel_check_);
}

AuditExportPanel::~AuditExportPanel() {
  // A job still running stops; its worker removes what it wrote.
  if (export_job_) export_job_->Cancel();
  if (check_job_) check_job_->Cancel();
}

void AuditExportPanel::startExport() {
  if (export_job_) return;
  const QString path = export_path_->text().trimmed();
  if (path.isEmpty()) {
    export_status_->setText(tr("Kies eerst het bestand waarin de export komt."));
    export_path_->setFocus();
    return;
  }
  auto job = std::make_shared<CancellableJob>();
  export_job_ = job;
  start_export_->setEnabled(false);
  cancel_export_->setEnabled(true);
  export_progress_->setVisible(true);
  ShowProgress(export_progress_, 0, 0);
  export_status_->setToolTip(QString());
  export_status_->setText(tr("Exporteren…"));
  const QPointer<QObject> guard(this);
  const std::string part = PartPath(path);
  RunOffUiThread(
      this,
      [channel = session_.channels, job, part, guard, this]() {
        ExportOutcome out = WriteExport(channel, job, part, [&](int64_t done, int64_t total) {
          PostToUi(guard, [this, done, total] { onExportProgress(done, total); });
        });
        // Cancelled (perhaps because the view closed): nothing of it stays behind.
        if (out.cancelled || out.cannot_write || !out.status.ok()) RemoveFile(part);
        return out;
      },
      [this, job, path, part](ExportOutcome out) {
        export_job_.reset();
        start_export_->setEnabled(true);
        cancel_export_->setEnabled(false);
        export_progress_->setVisible(false);
        // Cancelled on this thread before this answer came: the export does not count, whatever
        // the worker managed.
        if (job->cancelled() || out.cancelled) {
          RemoveFile(part);
          export_status_->setText(tr("Export geannuleerd; er is geen bestand achtergelaten."));
          emit exportFinished(false);
          return;
        }
        if (out.cannot_write) {
          RemoveFile(part);
          export_status_->setText(tr("Het bestand %1 kan niet worden geschreven.").arg(path));
          emit exportFinished(false);
          return;
        }
        if (!out.status.ok()) {
          RemoveFile(part);
          export_status_->setText(tr("Export mislukt: %1").arg(CallErrorText(out.status)));
          export_status_->setToolTip(TechnicalDetail(out.status));
          emit exportFinished(false);
          return;
        }
        QFile::remove(path);
        if (!QFile::rename(QString::fromStdString(part), path)) {
          RemoveFile(part);
          export_status_->setText(tr("Het bestand %1 kan niet worden geschreven.").arg(path));
          emit exportFinished(false);
          return;
        }
        export_status_->setText(
            tr("Export opgeslagen: %1 vermeldingen in %2.").arg(out.entries).arg(path));
        if (check_path_->text().isEmpty()) check_path_->setText(path);
        emit exportFinished(true);
      });
}

void AuditExportPanel::cancelExport() {
  if (!export_job_) return;
  export_job_->Cancel();
  cancel_export_->setEnabled(false);
  export_status_->setText(tr("Export wordt geannuleerd…"));
}

void AuditExportPanel::onExportProgress(qint64 done, qint64 total) {
  if (export_job_) ShowProgress(export_progress_, done, total);
}

void AuditExportPanel::startCheck() {
  if (check_job_) return;
  const QString path = check_path_->text().trimmed();
  if (path.isEmpty()) {
    check_status_->setText(tr("Kies eerst het exportbestand dat u wilt controleren."));
    check_path_->setFocus();
    return;
  }
  auto verifier = key_->Parse();
  if (!verifier.ok()) {
    check_status_->setText(tr("Vul eerst een geldige verificatiesleutel in."));
    return;
  }
  auto job = std::make_shared<CancellableJob>();
  check_job_ = job;
  start_check_->setEnabled(false);
  cancel_check_->setEnabled(true);
  check_progress_->setVisible(true);
  ShowProgress(check_progress_, 0, 0);
  check_status_->setToolTip(QString());
  check_status_->setStyleSheet(QString());
  check_status_->setText(tr("Controleren…"));
  const QPointer<QObject> guard(this);
  RunOffUiThread(
      this,
      [path = path.toStdString(), verifier = *verifier, job, guard, this]() {
        return CheckExportFile(path, verifier, job, [&](int64_t done, int64_t total) {
          PostToUi(guard, [this, done, total] { onCheckProgress(done, total); });
        });
      },
      [this](client::ExportVerdict verdict) {
        check_job_.reset();
        start_check_->setEnabled(true);
        cancel_check_->setEnabled(false);
        check_progress_->setVisible(false);
        check_status_->setText(ExportVerdictText(verdict));
        check_status_->setToolTip(
            verdict.ok() ? QString()
                         : QString::fromStdString(std::string(verdict.status.message())));
        if (verdict.failure != client::ExportFailure::kCancelled) {
          check_status_->setStyleSheet(verdict.ok() ? QStringLiteral("QLabel { color: #1e7b34; }")
                                                    : QStringLiteral("QLabel { color: #b00020; }"));
        }
        emit checkFinished(verdict.ok());
      });
}

void AuditExportPanel::cancelCheck() {
  if (!check_job_) return;
  check_job_->Cancel();
  cancel_check_->setEnabled(false);
}

void AuditExportPanel::onCheckProgress(qint64 done, qint64 total) {
  if (check_job_) ShowProgress(check_progress_, done, total);
}

}  // namespace schakel::desktop
