#include "client/desktop/audit_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include "client/desktop/audit_export_panel.h"
#include "client/desktop/audit_person_panel.h"
#include "client/desktop/audit_query_panel.h"
#include "client/desktop/audit_records.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/audit.grpc.pb.h"

namespace schakel::desktop {

namespace {

// Where the key trusted for `server` is remembered (a public key: nothing secret).
QString KeySetting(const QString& server) {
  return QStringLiteral("audit/verifierKey/") +
         QString(server).replace(QLatin1Char('/'), QLatin1Char('_'));
}

}  // namespace

AuditView::AuditView(const Session& session, QWidget* parent)
    : ViewPage(parent), session_(session) {
  auto* title = new QLabel(tr("<h2>Audit</h2>"), this);

  key_edit_ = new QLineEdit(this);
  key_edit_->setObjectName(QStringLiteral("verifierKey"));
  key_edit_->setAccessibleName(tr("Verificatiesleutel van het auditlog"));
  key_edit_->setPlaceholderText(tr("naam+sleutel-id+sleutel, van de beheerder van het auditlog"));
  key_edit_->setText(QSettings().value(KeySetting(session_.server)).toString());
  key_ = std::make_unique<VerifierKeyField>(key_edit_);
  auto* key_label = new QLabel(tr("&Verificatiesleutel:"), this);
  key_label->setBuddy(key_edit_);
  key_note_ = new QLabel(this);
  key_note_->setObjectName(QStringLiteral("verifierKeyNote"));
  key_note_->setWordWrap(true);
  connect(key_edit_, &QLineEdit::editingFinished, this, [this] {
    const QString key = key_edit_->text().trimmed();
    if (key.isEmpty()) return;
    QSettings().setValue(KeySetting(session_.server), key);
    key_note_->setText(tr("Deze sleutel wordt onthouden voor %1.").arg(session_.server));
  });
  auto* key_row = new QHBoxLayout;
  key_row->addWidget(key_label);
  key_row->addWidget(key_edit_, 1);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("auditTabs"));
  tabs_->setAccessibleName(tr("Audit"));
  query_ = new AuditQueryPanel(session_, key_.get(), tabs_);
  person_ = new AuditPersonPanel(session_, tabs_);
  export_ = new AuditExportPanel(session_, key_.get(), tabs_);
  tabs_->addTab(query_, tr("&Zoeken in het auditlog"));
  tabs_->addTab(person_, tr("Wie heeft dit &dossier bekeken"));
  tabs_->addTab(export_, tr("E&xport"));

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title);
  layout->addLayout(key_row);
  layout->addWidget(key_note_);
  layout->addWidget(tabs_, 1);

  setTabOrder(key_edit_, tabs_);
  refresh();
}

AuditView::~AuditView() = default;

void AuditView::refresh() {
  if (key_edit_->text().trimmed().isEmpty()) fetchVerifierKey();
  query_->refresh();
}

void AuditView::fetchVerifierKey() {
  if (fetching_key_) return;
  fetching_key_ = true;
  key_note_->setText(tr("De verificatiesleutel van de server wordt opgehaald…"));
  RunOffUiThread(
      this,
      [channel = session_.channels]() {
        CallResult<v1::GetVerifierKeyResponse> out;
        out.status = client::StubOf<v1::AuditService>(*channel)->GetVerifierKey(
            NewCallContext().get(), v1::GetVerifierKeyRequest(), &out.response);
        return out;
      },
      [this](CallResult<v1::GetVerifierKeyResponse> out) {
        fetching_key_ = false;
        if (!out.status.ok()) {
          key_note_->setText(tr("De verificatiesleutel kon niet worden opgehaald: %1")
                                 .arg(CallErrorText(out.status)));
          key_note_->setToolTip(TechnicalDetail(out.status));
          emit verifierKeyFetched(false);
          return;
        }
        // The auditor may have typed one meanwhile: theirs counts.
        if (key_edit_->text().trimmed().isEmpty()) {
          const QString key = QString::fromStdString(out.response.verifier_key());
          key_edit_->setText(key);
          QSettings().setValue(KeySetting(session_.server), key);
          key_note_->setText(
              tr("Sleutel van de server overgenomen bij eerste gebruik en onthouden. Vergelijk "
                 "hem met de sleutel die de beheerder van het auditlog publiceert: alleen dan "
                 "bewijst een controle dat niemand het log heeft vervalst."));
          key_note_->setToolTip(QString());
        }
        emit verifierKeyFetched(true);
      });
}

}  // namespace schakel::desktop
