#include "client/desktop/form_dialog.h"

#include <utility>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/connection.h"
#include "client/lib/errors.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

FormDialog::FormDialog(client::ChannelsPtr channel, const QString& title, const QString& ok_text,
                       QWidget* parent)
    : QDialog(parent), channel_(std::move(channel)), request_id_(client::NewRequestId()) {
  setWindowTitle(title);
  setAccessibleName(title);
  form_ = new QFormLayout;

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("formStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  busy_bar_ = new QProgressBar(this);
  busy_bar_->setObjectName(QStringLiteral("formBusy"));
  busy_bar_->setAccessibleName(tr("Bezig met verzenden"));
  busy_bar_->setRange(0, 0);  // a busy indicator: the call has no steps
  busy_bar_->hide();

  buttons_ = new QDialogButtonBox(this);
  ok_ = buttons_->addButton(ok_text, QDialogButtonBox::AcceptRole);
  ok_->setObjectName(QStringLiteral("okButton"));
  ok_->setAccessibleName(title);
  ok_->setDefault(true);
  QPushButton* cancel = buttons_->addButton(tr("Annuleren"), QDialogButtonBox::RejectRole);
  cancel->setObjectName(QStringLiteral("cancelButton"));
  cancel->setAccessibleName(tr("Annuleren"));
  connect(ok_, &QPushButton::clicked, this, &FormDialog::send);
  connect(cancel, &QPushButton::clicked, this, &FormDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form_);
  layout->addWidget(status_);
  layout->addWidget(busy_bar_);
  layout->addWidget(buttons_);
}

QString FormDialog::refusalText(const grpc::Status& status) const { return CallErrorText(status); }

QString FormDialog::staleText() const { return tr("Iemand anders heeft dit intussen gewijzigd."); }

void FormDialog::setStatus(const QString& text, const QString& tooltip) {
  status_->setText(text);
  status_->setToolTip(tooltip);
}

void FormDialog::send() {
  if (busy() || done_) return;
  Call call = prepareCall();
  if (!call) return;
  context_ = NewCallContext();
  ok_->setEnabled(false);
  busy_bar_->show();
  setStatus(tr("Bezig met verzenden…"));
  RunOffUiThread(
      this, [call, ctx = context_]() { return call(ctx.get()); },
      [this](grpc::Status status) { finish(status); });
}

void FormDialog::reject() {
  // Cancel (or Esc) during a call cancels the call; its answer is no longer shown. The service may
  // have done it already; the view it came from shows what it did.
  if (busy()) context_->TryCancel();
  QDialog::reject();
}

void FormDialog::finish(const grpc::Status& status) {
  context_.reset();
  busy_bar_->hide();
  if (status.ok()) {
    done_ = true;
    marks_.Clear();
    setStatus(tr("Gelukt."));
    succeeded();
    emit callFinished(true);
    accept();
    return;
  }
  ok_->setEnabled(true);
  if (status.error_code() == grpc::StatusCode::CANCELLED) {
    setStatus(tr("Geannuleerd. Mogelijk is het toch verwerkt; met OK probeert u het veilig "
                 "opnieuw."),
              TechnicalDetail(status));
  } else if (IsStaleEtag(status)) {
    marks_.Clear();
    setStatus(staleText(), TechnicalDetail(status));
    if (AskReloadAfterStaleEtag(this)) reload();
  } else if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    const QStringList rest = marks_.Show(client::DecodeCallError(status));
    setStatus(rest.isEmpty() ? tr("Controleer de gemarkeerde velden.")
                             : tr("Niet verzonden:\n%1").arg(rest.join(QLatin1Char('\n'))),
              TechnicalDetail(status));
  } else {
    marks_.Clear();
    setStatus(refusalText(status), TechnicalDetail(status));
  }
  emit callFinished(false);
}

}  // namespace schakel::desktop
