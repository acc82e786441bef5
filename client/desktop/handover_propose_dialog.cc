// ProposeHandoverDialog: the sender proposes a handover of one case to another organisation.
#include <iterator>
#include <utility>
#include <vector>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/handover_dialogs.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "schakel/v1/handover.grpc.pb.h"

namespace schakel::desktop {

namespace {

// Every page of ListOrganisations (at most 20 pages of 500).
CallResult<std::vector<v1::Organisation>> ListAllOrganisations(const client::ChannelsPtr& channel) {
  CallResult<std::vector<v1::Organisation>> out;
  auto directory = client::StubOf<v1::DirectoryService>(*channel);
  v1::ListOrganisationsRequest req;
  req.set_page_size(500);
  for (int page = 0; page < 20; ++page) {
    v1::ListOrganisationsResponse resp;
    out.status = directory->ListOrganisations(NewCallContext().get(), req, &resp);
    if (!out.status.ok()) return out;
    for (v1::Organisation& o : *resp.mutable_organisations()) out.response.push_back(std::move(o));
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  return out;
}

QPlainTextEdit* TextEdit(QWidget* parent, const QString& object_name, const QString& name,
                         int height) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setObjectName(object_name);
  edit->setAccessibleName(name);
  edit->setTabChangesFocus(true);
  edit->setMinimumHeight(height);
  return edit;
}

// The non-empty lines of `edit`, one item each.
void AddLines(const QPlainTextEdit& edit, google::protobuf::RepeatedPtrField<std::string>* out) {
  const QStringList lines = edit.toPlainText().split(QLatin1Char('\n'));
  for (const QString& line : lines) {
    if (!line.trimmed().isEmpty()) out->Add(line.trimmed().toStdString());
  }
}

}  // namespace

ProposeHandoverDialog::ProposeHandoverDialog(client::ChannelsPtr channel, QString case_id,
                                             QWidget* parent)
    : HandoverFormDialog(std::move(channel), tr("Overdracht voorstellen"), tr("Voorste&llen"),
                         parent),
      case_id_(std::move(case_id)),
      answer_(std::make_shared<v1::ProposeHandoverResponse>()) {
  setObjectName(QStringLiteral("proposeHandoverDialog"));

  to_org_ = new QComboBox(this);
  to_org_->setObjectName(QStringLiteral("toOrganisation"));
  to_org_->setAccessibleName(tr("Ontvangende organisatie"));
  to_org_->addItem(tr("Organisaties laden…"), QString());

  to_pro_ = new QComboBox(this);
  to_pro_->setObjectName(QStringLiteral("toProfessional"));
  to_pro_->setAccessibleName(tr("Ontvangende professional (optioneel)"));
  to_pro_->addItem(tr("Geen voorkeur"), QString());

  phase_ = new QComboBox(this);
  phase_->setObjectName(QStringLiteral("phase"));
  phase_->setAccessibleName(tr("Fase waarin de ontvanger de regie voert"));
  phase_->addItem(tr("Kies een fase"), static_cast<int>(v1::PHASE_UNSPECIFIED));
  for (v1::Phase p : {v1::PHASE_DIRECT_SAFETY, v1::PHASE_STABLE_SAFETY, v1::PHASE_RECOVERY}) {
    phase_->addItem(PhaseName(p), static_cast<int>(p));
  }

  summary_ = TextEdit(this, QStringLiteral("summary"), tr("Samenvatting voor de ontvanger"), 100);
  conditions_ = TextEdit(this, QStringLiteral("safetyConditions"),
                         tr("Veiligheidsvoorwaarden, één per regel"), 50);
  agreements_ = TextEdit(this, QStringLiteral("agreements"), tr("Afspraken, één per regel"), 50);
  risks_ = TextEdit(this, QStringLiteral("openRisks"), tr("Open risico's, één per regel"), 50);
  actions_ = TextEdit(this, QStringLiteral("openActions"), tr("Open acties, één per regel"), 50);

  family_ = new QCheckBox(tr("De fa&milie is ingelicht"), this);
  family_->setObjectName(QStringLiteral("familyInformed"));
  family_->setAccessibleName(tr("De familie is ingelicht"));

  days_ = new QSpinBox(this);
  days_->setObjectName(QStringLiteral("acceptDays"));
  days_->setAccessibleName(tr("Werkdagen om te accepteren"));
  days_->setRange(0, 99);  // the service says how many it allows
  days_->setSpecialValueText(tr("standaard"));

  form()->addRow(tr("&Ontvangende organisatie:"), to_org_);
  form()->addRow(tr("Ontvangende &professional:"), to_pro_);
  form()->addRow(tr("&Fase:"), phase_);
  form()->addRow(tr("&Samenvatting:"), summary_);
  form()->addRow(tr("&Veiligheidsvoorwaarden:"), conditions_);
  form()->addRow(tr("Afspr&aken:"), agreements_);
  form()->addRow(tr("Open &risico's:"), risks_);
  form()->addRow(tr("Open a&cties:"), actions_);
  form()->addRow(family_);
  form()->addRow(tr("&Termijn om te accepteren (werkdagen):"), days_);

  marks().Bind("case_id", to_org_);  // nothing else shows the case; the first field takes it
  marks().Bind("to_organisation_id", to_org_);
  marks().Bind("to_professional_id", to_pro_);
  marks().Bind("phase", phase_);
  marks().Bind("content", summary_);
  marks().Bind("content.summary", summary_);
  marks().Bind("content.safety_conditions", conditions_);
  marks().Bind("content.agreements", agreements_);
  marks().Bind("content.open_risks", risks_);
  marks().Bind("content.open_actions", actions_);
  marks().Bind("family_informed", family_);
  marks().Bind("accept_working_days", days_);

  QWidget* order[] = {to_org_, to_pro_,  phase_,  summary_, conditions_, agreements_,
                      risks_,  actions_, family_, days_,    okButton()};
  for (size_t i = 0; i + 1 < std::size(order); ++i) setTabOrder(order[i], order[i + 1]);

  connect(to_org_, &QComboBox::currentIndexChanged, this,
          &ProposeHandoverDialog::loadProfessionals);
  loadOrganisations();
}

void ProposeHandoverDialog::loadOrganisations() {
  RunOffUiThread(
      this, [channel = channel()]() { return ListAllOrganisations(channel); },
      [this](CallResult<std::vector<v1::Organisation>> out) {
        to_org_->blockSignals(true);
        to_org_->clear();
        if (!out.status.ok()) {
          to_org_->addItem(tr("Organisaties konden niet worden gelezen"), QString());
          setStatus(
              tr("De organisaties konden niet worden gelezen: %1").arg(CallErrorText(out.status)),
              TechnicalDetail(out.status));
        } else {
          to_org_->addItem(tr("Kies een organisatie"), QString());
          for (const v1::Organisation& o : out.response) {
            to_org_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(o.name()),
                                                           QString::fromStdString(o.id())),
                             QString::fromStdString(o.id()));
          }
        }
        to_org_->blockSignals(false);
        emit organisationsLoaded(out.status.ok());
      });
}

void ProposeHandoverDialog::loadProfessionals() {
  const int asked = ++professionals_asked_;
  to_pro_->clear();
  to_pro_->addItem(tr("Geen voorkeur"), QString());
  const std::string org = to_org_->currentData().toString().toStdString();
  if (org.empty()) return;
  RunOffUiThread(
      this,
      [channel = channel(), org]() {
        CallResult<v1::ListProfessionalsResponse> out;
        v1::ListProfessionalsRequest req;
        req.set_organisation_id(org);
        req.set_page_size(500);
        out.status = client::StubOf<v1::DirectoryService>(*channel)->ListProfessionals(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this, asked](CallResult<v1::ListProfessionalsResponse> out) {
        if (asked != professionals_asked_ || !out.status.ok()) return;
        for (const v1::Professional& p : out.response.professionals()) {
          to_pro_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(p.name()),
                                                         QString::fromStdString(p.id())),
                           QString::fromStdString(p.id()));
        }
      });
}

HandoverFormDialog::Call ProposeHandoverDialog::prepareCall() {
  v1::ProposeHandoverRequest req;
  req.set_request_id(requestId());
  req.set_case_id(case_id_.toStdString());
  req.set_to_organisation_id(to_org_->currentData().toString().toStdString());
  req.set_to_professional_id(to_pro_->currentData().toString().toStdString());
  req.set_phase(static_cast<v1::Phase>(phase_->currentData().toInt()));
  v1::HandoverContent* content = req.mutable_content();
  content->set_summary(summary_->toPlainText().toStdString());
  AddLines(*conditions_, content->mutable_safety_conditions());
  AddLines(*agreements_, content->mutable_agreements());
  AddLines(*risks_, content->mutable_open_risks());
  AddLines(*actions_, content->mutable_open_actions());
  req.set_family_informed(family_->isChecked());
  req.set_accept_working_days(days_->value());
  return [channel = channel(), req, answer = answer_](grpc::ClientContext* ctx) {
    return client::StubOf<v1::HandoverService>(*channel)->ProposeHandover(ctx, req, answer.get());
  };
}

void ProposeHandoverDialog::succeeded() {
  proposed_ = answer_->handover();
  emit proposed(QString::fromStdString(proposed_.id()));
}

}  // namespace schakel::desktop
