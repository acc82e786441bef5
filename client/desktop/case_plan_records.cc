// First: the intake protos (triage_text.h reads them) before Qt's keyword macros.
#include "client/desktop/intake_proto.h"  // IWYU pragma: keep

#include "client/desktop/case_plan_records.h"
#include "client/lib/server_addresses.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/case_meeting_dialog.h"
#include "client/desktop/directory_names.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_text.h"
#include "client/desktop/widgets.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

const QTimeZone& RecordsAmsterdam() {
  static const QTimeZone zone("Europe/Amsterdam");
  return zone;
}

// A date-and-time picker showing Amsterdam's wall-clock time now (minutes), dd-MM-yyyy HH:mm.
QDateTimeEdit* NewRecordsNowEdit(QWidget* parent, const QString& name, const QString& accessible) {
  const QDateTime here = QDateTime::currentDateTime().toTimeZone(RecordsAmsterdam());
  auto* edit = new QDateTimeEdit(parent);
  // Amsterdam's wall-clock time as a naive (UTC-spec) value, read back as Europe/Amsterdam.
  edit->setTimeSpec(Qt::UTC);
  edit->setDateTime(
      QDateTime(here.date(), QTime(here.time().hour(), here.time().minute()), Qt::UTC));
  edit->setObjectName(name);
  edit->setAccessibleName(accessible);
  edit->setDisplayFormat(QStringLiteral("dd-MM-yyyy HH:mm"));
  edit->setCalendarPopup(true);
  return edit;
}

int64_t RecordsSecondsOf(const QDateTimeEdit* edit) {
  const QDateTime wall = edit->dateTime();
  return QDateTime(wall.date(), wall.time(), RecordsAmsterdam()).toSecsSinceEpoch();
}

void RecordsAddRow(QFormLayout* form, QWidget* owner, const QString& label, QWidget* field) {
  auto* l = new QLabel(label, owner);
  l->setBuddy(field);
  form->addRow(l, field);
}

bool RecordsContains(const grpc::Status& status, const char* part) {
  return status.error_message().find(part) != std::string::npos;
}

}  // namespace

QStringList RiskOutcomeLevels(v1::RiskInstrumentKind kind) {
  switch (kind) {
    case v1::RISK_INSTRUMENT_KIND_RIHG:
    case v1::RISK_INSTRUMENT_KIND_LIRIK:
    case v1::RISK_INSTRUMENT_KIND_CARE_NL:
      return {QStringLiteral("LOW"), QStringLiteral("MEDIUM"), QStringLiteral("HIGH")};
    case v1::RISK_INSTRUMENT_KIND_ARIJ:
      return {QStringLiteral("LOW"), QStringLiteral("MEDIUM"), QStringLiteral("HIGH"),
              QStringLiteral("VERY_HIGH")};
    case v1::RISK_INSTRUMENT_KIND_B_SAFER:
      return {QStringLiteral("LOW"), QStringLiteral("MODERATE"), QStringLiteral("HIGH")};
    default:
      return {};
  }
}

QString RiskOutcomeLevelName(const std::string& level) {
  if (level == "LOW") return QCoreApplication::translate("CaseText", "laag");
  if (level == "MEDIUM") return QCoreApplication::translate("CaseText", "midden");
  if (level == "MODERATE") return QCoreApplication::translate("CaseText", "matig");
  if (level == "HIGH") return QCoreApplication::translate("CaseText", "hoog");
  if (level == "VERY_HIGH") return QCoreApplication::translate("CaseText", "zeer hoog");
  return QString::fromStdString(level);
}

QString AgreementChannelName(v1::AgreementChannel channel) {
  switch (channel) {
    case v1::AGREEMENT_CHANNEL_IN_PERSON:
      return QCoreApplication::translate("CaseText", "In persoon");
    case v1::AGREEMENT_CHANNEL_IN_WRITING:
      return QCoreApplication::translate("CaseText", "Schriftelijk");
    case v1::AGREEMENT_CHANNEL_BY_PHONE:
      return QCoreApplication::translate("CaseText", "Telefonisch");
    default:
      return QCoreApplication::translate("CaseText", "— kies hoe —");
  }
}

// ---- Family agreement ----

RecordFamilyAgreementDialog::RecordFamilyAgreementDialog(client::ChannelsPtr channel,
                                                         QString case_id, int version,
                                                         QWidget* parent)
    : PlanFormDialog(std::move(channel), std::move(case_id), tr("Afspraak met gezin vastleggen"),
                     tr("Afspraak &vastleggen"), parent),
      version_(version) {
  setObjectName(QStringLiteral("familyAgreementDialog"));
  addExplanation(tr("Leg vast welk gezinslid met versie %1 van het veiligheidsplan heeft "
                    "ingestemd, hoe en wanneer.")
                     .arg(version),
                 QStringLiteral("agreementText"));
  person_ = new QComboBox(this);
  person_->setObjectName(QStringLiteral("agreementPerson"));
  person_->setAccessibleName(tr("Gezinslid dat instemde"));
  channel_ = new QComboBox(this);
  channel_->setObjectName(QStringLiteral("agreementChannel"));
  channel_->setAccessibleName(tr("Hoe het gezinslid instemde"));
  for (v1::AgreementChannel c :
       {v1::AGREEMENT_CHANNEL_UNSPECIFIED, v1::AGREEMENT_CHANNEL_IN_PERSON,
        v1::AGREEMENT_CHANNEL_IN_WRITING, v1::AGREEMENT_CHANNEL_BY_PHONE}) {
    channel_->addItem(AgreementChannelName(c), int{c});
  }
  at_ =
      NewRecordsNowEdit(this, QStringLiteral("agreementAt"), tr("Wanneer het gezinslid instemde"));
  RecordsAddRow(form(), this, tr("&Gezinslid:"), person_);
  RecordsAddRow(form(), this, tr("&Hoe:"), channel_);
  RecordsAddRow(form(), this, tr("&Wanneer (Amsterdam):"), at_);
  marks().Bind("person_id", person_);
  marks().Bind("channel", channel_);
  marks().Bind("agreed_at", at_);
  setTabOrder(person_, channel_);
  setTabOrder(channel_, at_);
  setTabOrder(at_, okButton());
  setDoneText(tr("De instemming van het gezin met versie %1 is vastgelegd.").arg(version));
  loadPersons();
}

void RecordFamilyAgreementDialog::loadPersons() {
  okButton()->setEnabled(false);
  setStatus(tr("Personen van de casus laden…"));
  RunOffUiThread(
      this,
      [channel = channel(), id = caseId()]() {
        v1::GetCaseRequest req;
        req.set_case_id(id);
        CallResult<v1::GetCaseResponse> out;
        out.status = client::StubOf<v1::CaseService>(*channel)->GetCase(NewCallContext().get(), req,
                                                                        &out.response);
        return out;
      },
      [this](CallResult<v1::GetCaseResponse> out) {
        if (!out.status.ok()) {
          setStatus(CaseErrorText(out.status), TechnicalDetail(out.status));
          emit loaded(false);
          return;
        }
        const QString chosen = person_->currentData().toString();
        person_->clear();
        const v1::Case& c = out.response.case_();
        for (int i = 0; i < c.persons_size(); ++i) {
          const v1::Person& p = c.persons(i);
          person_->addItem(
              tr("%1 (%2)").arg(QString::fromStdString(p.name())).arg(PersonRoleName(p.role())),
              QString::fromStdString(p.id()));
        }
        const int keep = person_->findData(chosen);
        if (keep >= 0) person_->setCurrentIndex(keep);
        loaded_ = true;
        setStatus(c.persons_size() == 0 ? tr("Deze casus heeft geen personen.") : QString());
        okButton()->setEnabled(true);
        emit loaded(true);
      });
}

FormDialog::Call RecordFamilyAgreementDialog::prepareCall() {
  v1::RecordFamilyAgreementRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId());
  req.set_version(version_);
  req.set_person_id(person_->currentData().toString().toStdString());
  req.set_channel(static_cast<v1::AgreementChannel>(channel_->currentData().toInt()));
  req.mutable_agreed_at()->set_seconds(RecordsSecondsOf(at_));
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::RecordFamilyAgreementResponse resp;
    return client::StubOf<v1::SafetyPlanService>(*channel)->RecordFamilyAgreement(ctx, req, &resp);
  };
}

QString RecordFamilyAgreementDialog::refusalText(const grpc::Status& status) const {
  if (RecordsContains(status, "only the case director records the family")) {
    return tr("Alleen de casusregisseur legt de instemming van het gezin vast.");
  }
  if (RecordsContains(status, "honour-related violence")) {
    return tr("Bij eergerelateerd geweld wordt de familie nooit betrokken.");
  }
  if (RecordsContains(status, "the family agrees to a version proposed or in force")) {
    return tr(
        "Het gezin stemt in met een voorgelegde of geldende versie, niet met een concept "
        "of een oude versie.");
  }
  return PlanFormDialog::refusalText(status);
}

// ---- Risk assessment ----

RecordRiskInstrumentDialog::RecordRiskInstrumentDialog(client::ChannelsPtr channel, QString case_id,
                                                       QWidget* parent)
    : PlanFormDialog(std::move(channel), std::move(case_id), tr("Risicotaxatie vastleggen"),
                     tr("Risicotaxatie &vastleggen"), parent) {
  setObjectName(QStringLiteral("riskInstrumentDialog"));
  instrument_ = new QComboBox(this);
  instrument_->setObjectName(QStringLiteral("riskInstrument"));
  instrument_->setAccessibleName(tr("Instrument van de risicotaxatie"));
  for (v1::RiskInstrumentKind k :
       {v1::RISK_INSTRUMENT_KIND_UNSPECIFIED, v1::RISK_INSTRUMENT_KIND_RIHG,
        v1::RISK_INSTRUMENT_KIND_LIRIK, v1::RISK_INSTRUMENT_KIND_ARIJ,
        v1::RISK_INSTRUMENT_KIND_CARE_NL, v1::RISK_INSTRUMENT_KIND_B_SAFER}) {
    instrument_->addItem(k == v1::RISK_INSTRUMENT_KIND_UNSPECIFIED ? tr("— kies een instrument —")
                                                                   : RiskInstrumentName(k),
                         int{k});
  }
  instrument_version_ = new QLineEdit(this);
  instrument_version_->setObjectName(QStringLiteral("riskInstrumentVersion"));
  instrument_version_->setAccessibleName(tr("Versie van het instrument"));
  instrument_version_->setMaxLength(40);
  assessed_at_ = NewRecordsNowEdit(this, QStringLiteral("riskAssessedAt"),
                                   tr("Wanneer de risicotaxatie is afgenomen"));
  outcome_ = new QComboBox(this);
  outcome_->setObjectName(QStringLiteral("riskOutcome"));
  outcome_->setAccessibleName(tr("Uitkomst van de risicotaxatie"));
  notes_ = new QPlainTextEdit(this);
  notes_->setObjectName(QStringLiteral("riskNotes"));
  notes_->setAccessibleName(tr("Notities bij de risicotaxatie"));
  notes_->setTabChangesFocus(true);
  notes_sensitivity_ = NewSensitivityCombo(this, QStringLiteral("riskNotesSensitivity"),
                                           tr("Gevoeligheid van de notities"));
  RecordsAddRow(form(), this, tr("&Instrument:"), instrument_);
  RecordsAddRow(form(), this, tr("V&ersie van het instrument:"), instrument_version_);
  RecordsAddRow(form(), this, tr("&Afgenomen op (Amsterdam):"), assessed_at_);
  RecordsAddRow(form(), this, tr("&Uitkomst:"), outcome_);
  RecordsAddRow(form(), this, tr("&Notities:"), notes_);
  RecordsAddRow(form(), this, tr("Ge&voeligheid:"), notes_sensitivity_);
  marks().Bind("instrument", instrument_);
  marks().Bind("instrument_version", instrument_version_);
  marks().Bind("assessed_at", assessed_at_);
  marks().Bind("outcome_level", outcome_);
  marks().Bind("notes", notes_);
  marks().Bind("notes_sensitivity", notes_sensitivity_);
  setTabOrder(instrument_, instrument_version_);
  setTabOrder(instrument_version_, assessed_at_);
  setTabOrder(assessed_at_, outcome_);
  setTabOrder(outcome_, notes_);
  setTabOrder(notes_, notes_sensitivity_);
  setTabOrder(notes_sensitivity_, okButton());
  connect(instrument_, &QComboBox::currentIndexChanged, this, [this] { fillLevels(); });
  fillLevels();
  setDoneText(tr("De risicotaxatie is vastgelegd."));
}

void RecordRiskInstrumentDialog::fillLevels() {
  const QString chosen = outcome_->currentData().toString();
  outcome_->clear();
  outcome_->addItem(tr("— kies de uitkomst —"), QString());
  const auto kind = static_cast<v1::RiskInstrumentKind>(instrument_->currentData().toInt());
  for (const QString& level : RiskOutcomeLevels(kind)) {
    outcome_->addItem(RiskOutcomeLevelName(level.toStdString()), level);
  }
  const int keep = outcome_->findData(chosen);
  outcome_->setCurrentIndex(keep >= 0 ? keep : 0);
}

FormDialog::Call RecordRiskInstrumentDialog::prepareCall() {
  v1::RecordRiskInstrumentRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId());
  req.set_instrument(static_cast<v1::RiskInstrumentKind>(instrument_->currentData().toInt()));
  req.set_instrument_version(instrument_version_->text().trimmed().toStdString());
  req.mutable_assessed_at()->set_seconds(RecordsSecondsOf(assessed_at_));
  req.set_outcome_level(outcome_->currentData().toString().toStdString());
  req.set_notes(notes_->toPlainText().trimmed().toStdString());
  req.set_notes_sensitivity(SensitivityOfCombo(notes_sensitivity_));
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::RecordRiskInstrumentResponse resp;
    return client::StubOf<v1::SafetyPlanService>(*channel)->RecordRiskInstrument(ctx, req, &resp);
  };
}

// ---- The risk assessments ----

CasePlanRiskPanel::CasePlanRiskPanel(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : QWidget(parent),
      channel_(std::move(channel)),
      case_id_(case_id.toStdString()),
      names_(new DirectoryNames(channel_, this)) {
  connect(names_, &DirectoryNames::namesChanged, this, &CasePlanRiskPanel::draw);
  table_ = NewTable(
      {tr("Instrument"), tr("Versie"), tr("Afgenomen"), tr("Door"), tr("Uitkomst"), tr("Notities")},
      QStringLiteral("riskTable"), tr("Risicotaxaties"), this);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("riskStatus"));
  status_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);
}

void CasePlanRiskPanel::refresh() {
  if (busy_) {
    again_ = true;
    return;
  }
  busy_ = true;
  RunOffUiThread(
      this,
      [channel = channel_, id = case_id_]() {
        v1::ListRiskInstrumentsRequest req;
        req.set_case_id(id);
        req.set_page_size(100);
        CallResult<v1::ListRiskInstrumentsResponse> out;
        out.status = client::StubOf<v1::SafetyPlanService>(*channel)->ListRiskInstruments(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this](CallResult<v1::ListRiskInstrumentsResponse> out) {
        busy_ = false;
        if (again_) {
          again_ = false;
          refresh();
          return;
        }
        if (!out.status.ok()) {
          shown_.Clear();
          table_->setRowCount(0);
          status_->setText(CaseErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          emit loaded(false);
          return;
        }
        shown_ = std::move(out.response);
        draw();
        emit loaded(true);
      });
}

void CasePlanRiskPanel::draw() {
  const auto& list = shown_.assessments();
  table_->setRowCount(list.size());
  for (int i = 0; i < list.size(); ++i) {
    const v1::RiskAssessment& a = list.Get(i);
    const QStringList cells = {
        RiskInstrumentName(a.instrument()),
        QString::fromStdString(a.instrument_version()),
        FormatAmsterdam(a.assessed_at()),
        tr("%1 (%2)").arg(names_->professional(a.professional_id()),
                          names_->organisation(a.organisation_id())),
        RiskOutcomeLevelName(a.outcome_level()),
        a.notes_hidden() ? HiddenText(a.notes_hidden_reason()) : QString::fromStdString(a.notes())};
    for (int col = 0; col < cells.size(); ++col) {
      table_->setItem(i, col, new QTableWidgetItem(cells[col]));
    }
  }
  table_->resizeColumnsToContents();
  status_->setText(list.empty() ? tr("Er zijn nog geen risicotaxaties vastgelegd.") : QString());
  status_->setToolTip({});
}

}  // namespace schakel::desktop
