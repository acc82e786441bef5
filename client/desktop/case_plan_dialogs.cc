#include "client/desktop/case_plan_dialogs.h"

#include <algorithm>
#include <string>
#include <utility>

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimeZone>

#include "client/desktop/case_common.h"
#include "client/desktop/case_meeting_dialog.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

// What a plan's loading dialog reads: the version and the case's current team.
struct PlanDialogLoad {
  grpc::Status status;
  v1::PlanVersion version;
  std::vector<v1::TeamMember> team;
};

}  // namespace

PlanFormDialog::PlanFormDialog(client::ChannelsPtr channel, QString case_id, const QString& title,
                               const QString& ok_text, QWidget* parent)
    : FormDialog(std::move(channel), title, ok_text, parent), case_id_(case_id.toStdString()) {}

QString PlanFormDialog::refusalText(const grpc::Status& status) const {
  return PlanRefusalText(status);
}

QString PlanFormDialog::staleText() const {
  return tr("Iemand anders heeft het concept intussen gewijzigd.");
}

QLabel* PlanFormDialog::addExplanation(const QString& text, const QString& name) {
  auto* label = new QLabel(text, this);
  label->setObjectName(name);
  label->setWordWrap(true);
  form()->addRow(label);
  return label;
}

// ---- Incident ----

RecordIncidentDialog::RecordIncidentDialog(client::ChannelsPtr channel, QString case_id,
                                           QWidget* parent)
    : PlanFormDialog(std::move(channel), std::move(case_id), tr("Incident vastleggen"),
                     tr("Incident &vastleggen"), parent) {
  setObjectName(QStringLiteral("incidentDialog"));
  addExplanation(tr("Een nieuw onveilig voorval: de casus gaat terug naar de fase directe "
                    "veiligheid en het plan moet binnen enkele werkdagen worden herzien."),
                 QStringLiteral("incidentText"));
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  // Amsterdam's wall-clock time as a naive (UTC-spec) value, read back as Europe/Amsterdam.
  const QDateTime here = QDateTime::currentDateTime().toTimeZone(kAmsterdam);
  at_ = new QDateTimeEdit(this);
  at_->setTimeSpec(Qt::UTC);
  at_->setDateTime(
      QDateTime(here.date(), QTime(here.time().hour(), here.time().minute()), Qt::UTC));
  at_->setObjectName(QStringLiteral("incidentAt"));
  at_->setAccessibleName(tr("Wanneer het incident plaatsvond"));
  at_->setDisplayFormat(QStringLiteral("dd-MM-yyyy HH:mm"));
  at_->setCalendarPopup(true);
  what_ = new QPlainTextEdit(this);
  what_->setObjectName(QStringLiteral("incidentWhat"));
  what_->setAccessibleName(tr("Wat er gebeurde"));
  what_->setTabChangesFocus(true);
  police_reference_ = new QLineEdit(this);
  police_reference_->setObjectName(QStringLiteral("incidentPoliceReference"));
  police_reference_->setAccessibleName(tr("Kenmerk van de politie"));
  reported_by_ = new QComboBox(this);
  reported_by_->setObjectName(QStringLiteral("incidentReportedBy"));
  reported_by_->setAccessibleName(tr("Gemeld door (een rol of organisatie, geen naam)"));
  reported_by_->setEditable(true);
  reported_by_->addItems(
      {tr("politie"), tr("school"), tr("buren"), tr("huisarts"), tr("wijkteam"), tr("gezin")});
  sensitivity_ = NewSensitivityCombo(this, QStringLiteral("incidentSensitivity"),
                                     tr("Gevoeligheid van het incident"));
  auto add = [this](const QString& label, QWidget* field) {
    auto* l = new QLabel(label, this);
    l->setBuddy(field);
    form()->addRow(l, field);
  };
  add(tr("&Wanneer (Amsterdam):"), at_);
  add(tr("W&at gebeurde er:"), what_);
  add(tr("&Politiekenmerk:"), police_reference_);
  add(tr("&Gemeld door:"), reported_by_);
  add(tr("Ge&voeligheid:"), sensitivity_);
  marks().Bind("occurred_at", at_);
  marks().Bind("what", what_);
  marks().Bind("police_reference", police_reference_);
  marks().Bind("reported_by", reported_by_);
  marks().Bind("sensitivity", sensitivity_);
  setTabOrder(at_, what_);
  setTabOrder(what_, police_reference_);
  setTabOrder(police_reference_, reported_by_);
  setTabOrder(reported_by_, sensitivity_);
  setTabOrder(sensitivity_, okButton());
}

FormDialog::Call RecordIncidentDialog::prepareCall() {
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  v1::RecordIncidentRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId());
  const QDateTime wall = at_->dateTime();
  req.mutable_occurred_at()->set_seconds(
      QDateTime(wall.date(), wall.time(), kAmsterdam).toSecsSinceEpoch());
  req.set_what(what_->toPlainText().trimmed().toStdString());
  req.set_police_reference(police_reference_->text().trimmed().toStdString());
  req.set_reported_by(reported_by_->currentText().trimmed().toStdString());
  req.set_sensitivity(SensitivityOfCombo(sensitivity_));
  response_ = std::make_shared<v1::RecordIncidentResponse>();
  return [channel = channel(), req, resp = response_](grpc::ClientContext* ctx) {
    return client::StubOf<v1::SafetyPlanService>(*channel)->RecordIncident(ctx, req, resp.get());
  };
}

void RecordIncidentDialog::succeeded() {
  setDoneText(response_ != nullptr && response_->phase_changed()
                  ? tr("Het incident is vastgelegd. De casus is terug in de fase %1.")
                        .arg(PhaseName(response_->phase()))
                  : tr("Het incident is vastgelegd."));
}

// ---- Loading dialogs ----

PlanLoadingDialog::PlanLoadingDialog(client::ChannelsPtr channel, QString case_id, int version,
                                     bool with_team, const QString& title, const QString& ok_text,
                                     QWidget* parent)
    : PlanFormDialog(std::move(channel), std::move(case_id), title, ok_text, parent),
      version_(version),
      with_team_(with_team) {
  okButton()->setEnabled(false);
}

void PlanLoadingDialog::load() {
  if (loading_) return;
  loading_ = true;
  okButton()->setEnabled(false);
  setStatus(tr("Veiligheidsplan laden…"));
  RunOffUiThread(
      this,
      [channel = channel(), case_id = caseId(), version = version_, team = with_team_]() {
        PlanDialogLoad out;
        v1::GetPlanRequest req;
        req.set_case_id(case_id);
        req.set_version(version);
        v1::GetPlanResponse plan;
        out.status = client::StubOf<v1::SafetyPlanService>(*channel)->GetPlan(
            NewCallContext().get(), req, &plan);
        if (!out.status.ok()) return out;
        out.version = plan.version();
        if (!team) return out;
        v1::GetCaseRequest get;
        get.set_case_id(case_id);
        v1::GetCaseResponse got;
        out.status =
            client::StubOf<v1::CaseService>(*channel)->GetCase(NewCallContext().get(), get, &got);
        for (const v1::TeamMember& m : got.case_().team()) {
          if (!m.has_end_time()) out.team.push_back(m);
        }
        return out;
      },
      [this](PlanDialogLoad out) {
        loading_ = false;
        if (!out.status.ok()) {
          setStatus(PlanRefusalText(out.status), TechnicalDetail(out.status));
          emit loaded(false);
          return;
        }
        showLoaded(out.version, out.team);
        loaded_ = true;
        okButton()->setEnabled(true);
        setStatus({});
        emit loaded(true);
      });
}

// ---- Evaluation ----

EvaluatePlanDialog::EvaluatePlanDialog(client::ChannelsPtr channel, QString case_id, int version,
                                       QWidget* parent)
    : PlanLoadingDialog(std::move(channel), std::move(case_id), version, false,
                        tr("Veiligheidsplan evalueren"), tr("&Evalueren"), parent) {
  setObjectName(QStringLiteral("evaluatePlanDialog"));
  addExplanation(tr("Evaluatie van versie %1, het geldende plan: geef per veiligheidsvoorwaarde "
                    "aan of die is gehaald.")
                     .arg(version),
                 QStringLiteral("evaluationText"));
  auto* group = new QGroupBox(tr("Veiligheidsvoorwaarden"), this);
  group->setObjectName(QStringLiteral("evaluationConditions"));
  conditions_ = new QFormLayout(group);
  form()->addRow(group);
  decision_ = new QComboBox(this);
  decision_->setObjectName(QStringLiteral("evaluationDecision"));
  decision_->setAccessibleName(tr("Besluit van de evaluatie"));
  decision_->addItem(tr("Plan bevestigen"), static_cast<int>(v1::EVALUATION_DECISION_CONFIRM));
  decision_->addItem(tr("Nieuwe versie starten"),
                     static_cast<int>(v1::EVALUATION_DECISION_NEXT_VERSION));
  next_date_ = NewCaseDateEdit(this, QStringLiteral("nextEvaluationDate"), tr("Volgende evaluatie"),
                               CaseToday().addDays(42));
  connect(decision_, &QComboBox::currentIndexChanged, this, [this] {
    next_date_->setEnabled(decision_->currentData().toInt() == v1::EVALUATION_DECISION_CONFIRM);
  });
  notes_ = new QPlainTextEdit(this);
  notes_->setObjectName(QStringLiteral("evaluationNotes"));
  notes_->setAccessibleName(tr("Notities bij de evaluatie"));
  notes_->setTabChangesFocus(true);
  notes_sensitivity_ = NewSensitivityCombo(this, QStringLiteral("evaluationNotesSensitivity"),
                                           tr("Gevoeligheid van de notities"));
  auto add = [this](const QString& label, QWidget* field) {
    auto* l = new QLabel(label, this);
    l->setBuddy(field);
    form()->addRow(l, field);
  };
  add(tr("&Besluit:"), decision_);
  add(tr("&Volgende evaluatie:"), next_date_);
  add(tr("&Notities:"), notes_);
  add(tr("&Gevoeligheid notities:"), notes_sensitivity_);
  marks().Bind("conditions", group);
  marks().Bind("decision", decision_);
  marks().Bind("next_evaluation_date", next_date_);
  marks().Bind("notes", notes_);
  marks().Bind("notes_sensitivity", notes_sensitivity_);
  load();
}

void EvaluatePlanDialog::showLoaded(const v1::PlanVersion& version,
                                    const std::vector<v1::TeamMember>& /*team*/) {
  while (conditions_->rowCount() > 0) conditions_->removeRow(0);
  outcomes_.clear();
  for (const v1::PlanSectionItems& s : version.content().sections()) {
    if (s.section() != v1::PLAN_SECTION_CONDITIONS) continue;
    for (const v1::PlanItem& item : s.items()) {
      auto* combo = new QComboBox(this);
      combo->setObjectName(QStringLiteral("conditionOutcome"));
      combo->setProperty("itemId", QString::fromStdString(item.id()));
      combo->setAccessibleName(tr("Uitkomst: %1").arg(PlanItemText(item)));
      combo->addItem(tr("Gehaald"), static_cast<int>(v1::CONDITION_OUTCOME_MET));
      combo->addItem(tr("Deels gehaald"), static_cast<int>(v1::CONDITION_OUTCOME_PARTLY_MET));
      combo->addItem(tr("Niet gehaald"), static_cast<int>(v1::CONDITION_OUTCOME_NOT_MET));
      auto* label = new QLabel(PlanItemText(item), this);
      label->setWordWrap(true);
      label->setBuddy(combo);
      conditions_->addRow(label, combo);
      marks().Bind("conditions[" + std::to_string(outcomes_.size()) + "]", combo);
      outcomes_.push_back(combo);
    }
  }
  if (outcomes_.empty()) {
    conditions_->addRow(new QLabel(tr("Deze versie heeft geen veiligheidsvoorwaarden."), this));
  }
}

FormDialog::Call EvaluatePlanDialog::prepareCall() {
  if (!isLoaded()) return {};
  v1::EvaluatePlanRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId());
  req.set_version(version());
  for (const QComboBox* combo : outcomes_) {
    v1::ConditionResult* r = req.add_conditions();
    r->set_item_id(combo->property("itemId").toString().toStdString());
    r->set_outcome(static_cast<v1::ConditionOutcome>(combo->currentData().toInt()));
  }
  const auto decision = static_cast<v1::EvaluationDecision>(decision_->currentData().toInt());
  req.set_decision(decision);
  if (decision == v1::EVALUATION_DECISION_CONFIRM) {
    *req.mutable_next_evaluation_date() = DateOfEdit(next_date_);
  }
  req.set_notes(notes_->toPlainText().trimmed().toStdString());
  req.set_notes_sensitivity(SensitivityOfCombo(notes_sensitivity_));
  setDoneText(decision == v1::EVALUATION_DECISION_CONFIRM
                  ? tr("De evaluatie is vastgelegd; het plan blijft van kracht.")
                  : tr("De evaluatie is vastgelegd; een nieuw concept is gestart."));
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::EvaluatePlanResponse resp;
    return client::StubOf<v1::SafetyPlanService>(*channel)->EvaluatePlan(ctx, req, &resp);
  };
}

}  // namespace schakel::desktop
