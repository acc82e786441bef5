#include "client/desktop/handover_form.h"

#include <utility>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/errors.h"

namespace schakel::desktop {

namespace {

bool Contains(const grpc::Status& status, const char* part) {
  return status.error_message().find(part) != std::string::npos;
}

}  // namespace

QString HandoverRefusalText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
      if (Contains(status, "only professionals of the receiving organisation")) {
        return QCoreApplication::translate(
            "HandoverText", "Alleen professionals van de ontvangende organisatie kunnen dit doen.");
      }
      if (Contains(status, "only the lead organisation")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Alleen de organisatie die de regie heeft kan een overdracht voorstellen.");
      }
      return QCoreApplication::translate(
          "HandoverText",
          "Dit kunt u niet doen bij deze overdracht, of de overdracht bestaat niet.");
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::ABORTED:
      if (Contains(status, "mensenhandel")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Mensenhandel: leg eerst de schriftelijke toestemming vast voordat de casus met "
            "een andere organisatie wordt gedeeld.");
      }
      if (Contains(status, "is still open; withdraw it")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Er staat al een overdracht van deze casus open. Trek die eerst in of wacht op "
            "het antwoord.");
      }
      if (Contains(status, "is not on the case team")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Wie de regie overneemt moet eerst in het casusteam staan. Vraag de "
            "casusregisseur om diegene toe te voegen.");
      }
      if (Contains(status, "acceptance deadline passed")) {
        return QCoreApplication::translate(
            "HandoverText",
            "De termijn om te accepteren is verstreken; de verzender blijft verantwoordelijk.");
      }
      if (Contains(status, "first contact was confirmed already")) {
        return QCoreApplication::translate("HandoverText", "Het eerste contact is al bevestigd.");
      }
      if (Contains(status, "only an accepted one has a first contact")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Alleen bij een geaccepteerde overdracht kan het eerste contact worden "
            "bevestigd.");
      }
      if (Contains(status, "nothing to answer") || Contains(status, "only an open one")) {
        return QCoreApplication::translate(
            "HandoverText", "Deze overdracht is al beantwoord, ingetrokken of verlopen.");
      }
      if (Contains(status, "case is closed"))
        return QCoreApplication::translate("HandoverText", "De casus is gesloten.");
      if (Contains(status, "honour-related")) {
        return QCoreApplication::translate(
            "HandoverText",
            "Het gaat nu om eergerelateerd geweld en het voorstel zegt dat de familie is "
            "ingelicht. De verzender trekt het voorstel in en stelt opnieuw voor.");
      }
      if (Contains(status, "lead changed") || Contains(status, "lead moved") ||
          Contains(status, "phase changed")) {
        return QCoreApplication::translate(
            "HandoverText",
            "De regie of de fase van de casus is intussen gewijzigd. Laad de casus "
            "opnieuw.");
      }
      return CallErrorText(status);
    default:
      return CallErrorText(status);
  }
}

std::string NewRequestId() {
  return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

HandoverFormDialog::HandoverFormDialog(std::shared_ptr<grpc::Channel> channel, const QString& title,
                                       const QString& ok_text, QWidget* parent)
    : QDialog(parent), channel_(std::move(channel)), request_id_(NewRequestId()) {
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
  connect(ok_, &QPushButton::clicked, this, &HandoverFormDialog::send);
  connect(cancel, &QPushButton::clicked, this, &HandoverFormDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form_);
  layout->addWidget(status_);
  layout->addWidget(busy_bar_);
  layout->addWidget(buttons_);
}

void HandoverFormDialog::setStatus(const QString& text, const QString& tooltip) {
  status_->setText(text);
  status_->setToolTip(tooltip);
}

void HandoverFormDialog::send() {
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

void HandoverFormDialog::reject() {
  // Cancel (or Esc) during a call cancels the call; its answer is no longer shown. The service may
  // have done it already: the inbox shows what it did.
  if (busy()) context_->TryCancel();
  QDialog::reject();
}

void HandoverFormDialog::finish(const grpc::Status& status) {
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
    setStatus(tr("Iemand anders heeft deze overdracht intussen gewijzigd."),
              TechnicalDetail(status));
    if (AskReloadAfterStaleEtag(this)) reload();
  } else if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    const QStringList rest = marks_.Show(client::DecodeCallError(status));
    setStatus(rest.isEmpty() ? tr("Controleer de gemarkeerde velden.")
                             : tr("Niet verzonden:\n%1").arg(rest.join(QLatin1Char('\n'))),
              TechnicalDetail(status));
  } else {
    marks_.Clear();
    setStatus(HandoverRefusalText(status), TechnicalDetail(status));
  }
  emit callFinished(false);
}

}  // namespace schakel::desktop
