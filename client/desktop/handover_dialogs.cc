// The dialogs about one existing handover: accept, decline, withdraw, confirm first contact.
#include "client/desktop/handover_dialogs.h"

#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"

namespace schakel::desktop {

namespace {

struct HandoverRead {
  grpc::Status status;
  v1::Handover handover;
  QString from_name;
  QString to_name;
};

// "Name (id)", or the id alone when the directory does not answer.
QString OrganisationName(v1::DirectoryService::Stub& directory, const std::string& id) {
  if (id.empty()) return {};
  v1::GetOrganisationRequest req;
  req.set_organisation_id(id);
  v1::GetOrganisationResponse resp;
  if (directory.GetOrganisation(NewCallContext().get(), req, &resp).ok() &&
      !resp.organisation().name().empty()) {
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(resp.organisation().name()),
                                         QString::fromStdString(id));
  }
  return QString::fromStdString(id);
}

HandoverRead ReadHandover(const client::ChannelsPtr& channel, const std::string& id) {
  HandoverRead out;
  v1::GetHandoverRequest req;
  req.set_handover_id(id);
  v1::GetHandoverResponse resp;
  out.status = client::StubOf<v1::HandoverService>(*channel)->GetHandover(NewCallContext().get(),
                                                                          req, &resp);
  if (!out.status.ok()) return out;
  out.handover = std::move(*resp.mutable_handover());
  auto directory = client::StubOf<v1::DirectoryService>(*channel);
  out.from_name = OrganisationName(*directory, out.handover.from_organisation_id());
  out.to_name = OrganisationName(*directory, out.handover.to_organisation_id());
  return out;
}

QPlainTextEdit* ReasonEdit(QWidget* parent, const QString& object_name, const QString& name) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setObjectName(object_name);
  edit->setAccessibleName(name);
  edit->setTabChangesFocus(true);
  edit->setMinimumHeight(80);
  return edit;
}

}  // namespace

HandoverActionDialog::HandoverActionDialog(client::ChannelsPtr channel, QString handover_id,
                                           const QString& title, const QString& ok_text,
                                           QWidget* parent)
    : HandoverFormDialog(std::move(channel), title, ok_text, parent),
      handover_id_(std::move(handover_id)) {
  details_ = new QLabel(tr("Overdracht laden…"), this);
  details_->setObjectName(QStringLiteral("handoverDetails"));
  details_->setWordWrap(true);
  details_->setTextFormat(Qt::PlainText);
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  details_->setAccessibleName(tr("Gegevens van de overdracht"));
  form()->addRow(details_);
  reload();
}

void HandoverActionDialog::reload() {
  RunOffUiThread(
      this,
      [channel = channel(), id = handover_id_.toStdString()]() {
        return ReadHandover(channel, id);
      },
      [this](HandoverRead out) {
        if (!out.status.ok()) {
          details_->setText(
              tr("De overdracht kon niet worden gelezen: %1").arg(HandoverRefusalText(out.status)));
          details_->setToolTip(TechnicalDetail(out.status));
          emit loaded(false);
          return;
        }
        handover_ = std::move(out.handover);
        from_name_ = out.from_name;
        to_name_ = out.to_name;
        details_->setToolTip({});
        showDetails();
        onLoaded();
        emit loaded(true);
      });
}

void HandoverActionDialog::showDetails() {
  const v1::Handover& h = handover_;
  QStringList lines;
  lines << tr("Casus: %1")
               .arg(QString::fromStdString(h.case_reference().empty() ? h.case_id()
                                                                      : h.case_reference()))
        << tr("Van: %1").arg(from_name_) << tr("Aan: %1").arg(to_name_)
        << tr("Fase: %1").arg(PhaseName(h.phase()))
        << tr("Status: %1").arg(HandoverStateName(h.state()));
  if (h.has_proposed_at()) lines << tr("Voorgesteld op: %1").arg(FormatAmsterdam(h.proposed_at()));
  if (h.has_accept_deadline() && h.state() == v1::HANDOVER_STATE_PROPOSED) {
    lines << tr("Antwoord uiterlijk: %1").arg(FormatDeadline(h.accept_deadline()));
  }
  if (h.has_first_contact_deadline()) {
    lines << tr("Eerste contact uiterlijk: %1").arg(FormatDeadline(h.first_contact_deadline()));
  }
  if (h.has_first_contact_at()) {
    lines << tr("Eerste contact op: %1").arg(FormatAmsterdam(h.first_contact_at()));
  }
  if (h.family_informed()) lines << tr("De familie is ingelicht.");
  const v1::HandoverContent& c = h.content();
  if (!c.summary().empty()) {
    lines << QString() << tr("Samenvatting van de verzender:")
          << QString::fromStdString(c.summary());
  }
  const std::pair<QString, const google::protobuf::RepeatedPtrField<std::string>*> lists[] = {
      {tr("Veiligheidsvoorwaarden:"), &c.safety_conditions()},
      {tr("Afspraken:"), &c.agreements()},
      {tr("Open risico's:"), &c.open_risks()},
      {tr("Open acties:"), &c.open_actions()},
  };
  for (const auto& [title, list] : lists) {
    if (list->empty()) continue;
    lines << title;
    for (const std::string& item : *list)
      lines << QStringLiteral("• ") + QString::fromStdString(item);
  }
  details_->setText(lines.join(QLatin1Char('\n')));
}

void HandoverActionDialog::succeeded() { emit changed(handover_id_); }

// --- Accept ---------------------------------------------------------------------------------

AcceptHandoverDialog::AcceptHandoverDialog(client::ChannelsPtr channel, QString handover_id,
                                           QWidget* parent)
    : HandoverActionDialog(std::move(channel), std::move(handover_id), tr("Overdracht accepteren"),
                           tr("&Accepteren"), parent) {
  setObjectName(QStringLiteral("acceptHandoverDialog"));
  days_ = new QSpinBox(this);
  days_->setObjectName(QStringLiteral("firstContactDays"));
  days_->setAccessibleName(tr("Werkdagen tot het eerste contact"));
  days_->setRange(0, 99);  // the service says how many it allows
  days_->setSpecialValueText(tr("standaard"));
  responsible_ = new QComboBox(this);
  responsible_->setObjectName(QStringLiteral("responsibleProfessional"));
  responsible_->setAccessibleName(tr("Wie de regie voert"));
  responsible_->addItem(tr("Ikzelf"), QString());
  form()->addRow(tr("&Eerste contact binnen (werkdagen):"), days_);
  form()->addRow(tr("&Regie bij:"), responsible_);
  marks().Bind("first_contact_working_days", days_);
  marks().Bind("responsible_professional_id", responsible_);
  setTabOrder(days_, responsible_);
  setTabOrder(responsible_, okButton());
}

void AcceptHandoverDialog::onLoaded() {
  // The professionals of the receiving organisation, once: who may lead for it.
  if (professionals_asked_ || handover().to_organisation_id().empty()) return;
  professionals_asked_ = true;
  RunOffUiThread(
      this,
      [channel = channel(), org = handover().to_organisation_id()]() {
        CallResult<v1::ListProfessionalsResponse> out;
        v1::ListProfessionalsRequest req;
        req.set_organisation_id(org);
        req.set_page_size(500);
        out.status = client::StubOf<v1::DirectoryService>(*channel)->ListProfessionals(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this](CallResult<v1::ListProfessionalsResponse> out) {
        if (!out.status.ok()) return;  // "Ikzelf" still works
        for (const v1::Professional& p : out.response.professionals()) {
          responsible_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(p.name()),
                                                              QString::fromStdString(p.id())),
                                QString::fromStdString(p.id()));
        }
      });
}

HandoverFormDialog::Call AcceptHandoverDialog::prepareCall() {
  v1::AcceptHandoverRequest req;
  req.set_request_id(requestId());
  req.set_handover_id(handoverId().toStdString());
  req.set_etag(etag());
  req.set_first_contact_working_days(days_->value());
  req.set_responsible_professional_id(responsible_->currentData().toString().toStdString());
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::AcceptHandoverResponse resp;
    return client::StubOf<v1::HandoverService>(*channel)->AcceptHandover(ctx, req, &resp);
  };
}

// --- Decline --------------------------------------------------------------------------------

DeclineHandoverDialog::DeclineHandoverDialog(client::ChannelsPtr channel, QString handover_id,
                                             QWidget* parent)
    : HandoverActionDialog(std::move(channel), std::move(handover_id), tr("Overdracht weigeren"),
                           tr("&Weigeren"), parent) {
  setObjectName(QStringLiteral("declineHandoverDialog"));
  reason_ = ReasonEdit(this, QStringLiteral("declineReason"), tr("Reden van weigeren"));
  form()->addRow(tr("&Reden (verplicht):"), reason_);
  marks().Bind("reason", reason_);
  setTabOrder(reason_, okButton());
}

HandoverFormDialog::Call DeclineHandoverDialog::prepareCall() {
  v1::DeclineHandoverRequest req;
  req.set_request_id(requestId());
  req.set_handover_id(handoverId().toStdString());
  req.set_etag(etag());
  req.set_reason(reason_->toPlainText().toStdString());
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::DeclineHandoverResponse resp;
    return client::StubOf<v1::HandoverService>(*channel)->DeclineHandover(ctx, req, &resp);
  };
}

// --- Withdraw -------------------------------------------------------------------------------

WithdrawHandoverDialog::WithdrawHandoverDialog(client::ChannelsPtr channel, QString handover_id,
                                               QWidget* parent)
    : HandoverActionDialog(std::move(channel), std::move(handover_id), tr("Overdracht intrekken"),
                           tr("&Intrekken"), parent) {
  setObjectName(QStringLiteral("withdrawHandoverDialog"));
  reason_ = ReasonEdit(this, QStringLiteral("withdrawReason"), tr("Reden van intrekken"));
  form()->addRow(tr("&Reden (optioneel):"), reason_);
  marks().Bind("reason", reason_);
  setTabOrder(reason_, okButton());
}

HandoverFormDialog::Call WithdrawHandoverDialog::prepareCall() {
  v1::WithdrawHandoverRequest req;
  req.set_request_id(requestId());
  req.set_handover_id(handoverId().toStdString());
  req.set_etag(etag());
  req.set_reason(reason_->toPlainText().toStdString());
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::WithdrawHandoverResponse resp;
    return client::StubOf<v1::HandoverService>(*channel)->WithdrawHandover(ctx, req, &resp);
  };
}

// --- Confirm first contact ------------------------------------------------------------------

ConfirmContactDialog::ConfirmContactDialog(client::ChannelsPtr channel, QString handover_id,
                                           QWidget* parent)
    : HandoverActionDialog(std::move(channel), std::move(handover_id),
                           tr("Eerste contact bevestigen"), tr("&Bevestigen"), parent) {
  setObjectName(QStringLiteral("confirmContactDialog"));
  now_ = new QCheckBox(tr("Het contact was &zojuist"), this);
  now_->setObjectName(QStringLiteral("contactNow"));
  now_->setAccessibleName(tr("Het contact was zojuist"));
  now_->setChecked(true);
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  // The edit holds Amsterdam's wall-clock time as a naive (UTC-spec) value, so that the machine's
  // own zone plays no part; it is read back as Europe/Amsterdam.
  const QDateTime here = QDateTime::currentDateTime().toTimeZone(kAmsterdam);
  at_ = new QDateTimeEdit(this);
  at_->setTimeSpec(Qt::UTC);
  at_->setDateTime(
      QDateTime(here.date(), QTime(here.time().hour(), here.time().minute()), Qt::UTC));
  at_->setObjectName(QStringLiteral("contactAt"));
  at_->setAccessibleName(tr("Tijdstip van het eerste contact"));
  at_->setDisplayFormat(QStringLiteral("dd-MM-yyyy HH:mm"));
  at_->setCalendarPopup(true);
  at_->setEnabled(false);
  connect(now_, &QCheckBox::toggled, at_, [this](bool now) { at_->setEnabled(!now); });
  form()->addRow(now_);
  form()->addRow(tr("&Tijdstip (Amsterdam):"), at_);
  marks().Bind("contact_at", at_);
  setTabOrder(now_, at_);
  setTabOrder(at_, okButton());
}

HandoverFormDialog::Call ConfirmContactDialog::prepareCall() {
  v1::ConfirmFirstContactRequest req;
  req.set_request_id(requestId());
  req.set_handover_id(handoverId().toStdString());
  if (!now_->isChecked()) {
    static const QTimeZone kAmsterdam("Europe/Amsterdam");
    const QDateTime wall = at_->dateTime();
    req.mutable_contact_at()->set_seconds(
        QDateTime(wall.date(), wall.time(), kAmsterdam).toSecsSinceEpoch());
  }
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::ConfirmFirstContactResponse resp;
    return client::StubOf<v1::HandoverService>(*channel)->ConfirmFirstContact(ctx, req, &resp);
  };
}

}  // namespace schakel::desktop
