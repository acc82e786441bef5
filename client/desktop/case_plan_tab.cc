#include "client/desktop/case_plan_tab.h"

#include <algorithm>
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/case_plan_dialogs.h"
#include "client/desktop/case_plan_diff.h"
#include "client/desktop/case_plan_records.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/widgets.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

void SetRow(QTableWidget* t, int row, const QStringList& cells) {
  for (int col = 0; col < cells.size(); ++col) {
    t->setItem(row, col, new QTableWidgetItem(cells[col]));
  }
}

QString DecisionName(v1::EvaluationDecision decision) {
  switch (decision) {
    case v1::EVALUATION_DECISION_CONFIRM:
      return QCoreApplication::translate("CaseText", "Plan bevestigd");
    case v1::EVALUATION_DECISION_NEXT_VERSION:
      return QCoreApplication::translate("CaseText", "Nieuwe versie gestart");
    default:
      return QString();
  }
}

QString PartyName(const std::string& party) {
  if (party == "CASE_DIRECTOR") return QCoreApplication::translate("CaseText", "Casusregisseur");
  if (party == "VEILIG_THUIS") return QCoreApplication::translate("CaseText", "Veilig Thuis");
  return QString::fromStdString(party);
}

bool PlanContains(const grpc::Status& status, const char* part) {
  return status.error_message().find(part) != std::string::npos;
}

}  // namespace

// PlanRefusalText and PlanStepDialog (declared in case_plan_dialogs.h) live here, beside the tab's
// buttons that open the steps, to keep case_plan_dialogs.cc near the size limit.

QString PlanRefusalText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::PERMISSION_DENIED:
      if (PlanContains(status, "only the case director and the core team")) {
        return QCoreApplication::translate(
            "CaseText",
            "Alleen de casusregisseur en het kernteam kunnen het veiligheidsplan "
            "wijzigen.");
      }
      if (PlanContains(status, "only the case director signs off")) {
        return QCoreApplication::translate(
            "CaseText",
            "Alleen de casusregisseur ondertekent het veiligheidsplan (en Veilig "
            "Thuis als de veiligheidsvoorwaarden zijn gewijzigd).");
      }
      if (PlanContains(status, "only the case director evaluates")) {
        return QCoreApplication::translate(
            "CaseText", "Alleen de casusregisseur evalueert het veiligheidsplan.");
      }
      return CaseErrorText(status);
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::ALREADY_EXISTS:
      if (PlanContains(status, "is not a draft")) {
        return QCoreApplication::translate(
            "CaseText", "Deze versie is geen concept meer; start een nieuw concept.");
      }
      if (PlanContains(status, "not proposed for sign-off")) {
        return QCoreApplication::translate("CaseText",
                                           "Deze versie ligt niet (meer) ter ondertekening voor.");
      }
      if (PlanContains(status, "already recorded")) {
        return QCoreApplication::translate("CaseText",
                                           "De ondertekening van uw organisatie is al vastgelegd.");
      }
      if (PlanContains(status, "did not change: only the case director")) {
        return QCoreApplication::translate(
            "CaseText",
            "De veiligheidsvoorwaarden zijn niet gewijzigd: alleen de "
            "casusregisseur ondertekent deze versie.");
      }
      if (PlanContains(status, "is not the plan in force")) {
        return QCoreApplication::translate("CaseText",
                                           "Alleen het geldende plan kan worden geëvalueerd.");
      }
      if (PlanContains(status, "case is closed")) {
        return QCoreApplication::translate(
            "CaseText", "De casus is gesloten; het veiligheidsplan verandert niet meer.");
      }
      if (PlanContains(status, "draft is gone")) {
        return QCoreApplication::translate("CaseText",
                                           "Het concept bestaat niet meer; laad het plan opnieuw.");
      }
      return CaseErrorText(status);
    case grpc::StatusCode::NOT_FOUND:
      return QCoreApplication::translate("CaseText", "Deze casus heeft nog geen veiligheidsplan.");
    default:
      return CaseErrorText(status);
  }
}

// ---- Start, propose, sign off ----

PlanStepDialog::PlanStepDialog(client::ChannelsPtr channel, QString case_id, Step step, int version,
                               QWidget* parent)
    : PlanFormDialog(std::move(channel), std::move(case_id),
                     step == Step::kStartDraft ? tr("Concept starten")
                     : step == Step::kPropose  ? tr("Ter ondertekening voorleggen")
                                               : tr("Ondertekenen"),
                     step == Step::kStartDraft ? tr("Concept &starten")
                     : step == Step::kPropose  ? tr("&Voorleggen")
                                               : tr("&Ondertekenen"),
                     parent),
      step_(step),
      version_(version) {
  QString text;
  switch (step) {
    case Step::kStartDraft:
      setObjectName(QStringLiteral("startDraftDialog"));
      text =
          tr("Er wordt een concept gemaakt: leeg als er nog geen plan is, anders een kopie van "
             "de nieuwste versie. Het casusteam werkt samen aan één concept.");
      setDoneText(tr("Het concept is gestart."));
      break;
    case Step::kPropose:
      setObjectName(QStringLiteral("proposeVersionDialog"));
      text = tr("Concept versie %1 wordt ter ondertekening voorgelegd. Daarna verandert deze "
                "versie niet meer.")
                 .arg(version);
      setDoneText(tr("Versie %1 ligt ter ondertekening voor.").arg(version));
      break;
    case Step::kSignOff:
      setObjectName(QStringLiteral("signOffDialog"));
      text = tr("U ondertekent versie %1 namens uw organisatie. Het plan gaat in zodra ieder die "
                "moet tekenen heeft getekend.")
                 .arg(version);
      setDoneText(tr("Uw ondertekening van versie %1 is vastgelegd.").arg(version));
      break;
  }
  addExplanation(text, QStringLiteral("planStepText"));
}

FormDialog::Call PlanStepDialog::prepareCall() {
  const std::string request_id = requestId();
  const std::string case_id = caseId();
  const int version = version_;
  switch (step_) {
    case Step::kStartDraft:
      return [channel = channel(), request_id, case_id](grpc::ClientContext* ctx) {
        v1::StartDraftRequest req;
        req.set_request_id(request_id);
        req.set_case_id(case_id);
        v1::StartDraftResponse resp;
        return client::StubOf<v1::SafetyPlanService>(*channel)->StartDraft(ctx, req, &resp);
      };
    case Step::kPropose:
      return [channel = channel(), request_id, case_id, version](grpc::ClientContext* ctx) {
        v1::ProposeVersionRequest req;
        req.set_request_id(request_id);
        req.set_case_id(case_id);
        req.set_version(version);
        v1::ProposeVersionResponse resp;
        return client::StubOf<v1::SafetyPlanService>(*channel)->ProposeVersion(ctx, req, &resp);
      };
    case Step::kSignOff:
      return [channel = channel(), request_id, case_id, version](grpc::ClientContext* ctx) {
        v1::SignOffVersionRequest req;
        req.set_request_id(request_id);
        req.set_case_id(case_id);
        req.set_version(version);
        v1::SignOffVersionResponse resp;
        return client::StubOf<v1::SafetyPlanService>(*channel)->SignOffVersion(ctx, req, &resp);
      };
  }
  return {};
}

// ---- The tab ----

CasePlanTab::CasePlanTab(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)), case_id_(std::move(case_id)) {
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("planSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);

  auto* sub = new QTabWidget(this);
  sub->setObjectName(QStringLiteral("planSubTabs"));
  sub->setAccessibleName(tr("Onderdelen van het veiligheidsplan"));

  // The content of the version shown, with its sign-offs.
  auto* content = new QWidget(sub);
  items_ = NewTable({tr("Onderdeel"), tr("Gevoeligheid"), tr("Inhoud")},
                    QStringLiteral("planItems"), tr("Inhoud van het veiligheidsplan"), content);
  sign_offs_ = NewTable({tr("Partij"), tr("Professional"), tr("Organisatie"), tr("Getekend")},
                        QStringLiteral("signOffsTable"), tr("Ondertekeningen"), content);
  auto* content_layout = new QVBoxLayout(content);
  content_layout->addWidget(items_, 3);
  auto* sign_label = new QLabel(tr("Ondertekeningen"), content);
  sign_label->setBuddy(sign_offs_);
  content_layout->addWidget(sign_label);
  content_layout->addWidget(sign_offs_, 1);
  sub->addTab(content, tr("In&houd"));

  // The versions and the comparison.
  auto* versions = new QWidget(sub);
  versions_ = NewTable(
      {tr("Versie"), tr("Status"), tr("Gebaseerd op"), tr("Aangemaakt"), tr("Van kracht sinds")},
      QStringLiteral("planVersions"), tr("Versies van het plan"), versions);
  versions_->setSelectionMode(QAbstractItemView::SingleSelection);
  show_version_ = new QPushButton(tr("Versie &bekijken"), versions);
  show_version_->setObjectName(QStringLiteral("showPlanVersion"));
  show_version_->setAccessibleName(tr("De geselecteerde versie tonen"));
  auto show_selected = [this] {
    const int row = versions_->currentRow();
    if (row >= 0 && versions_->item(row, 0) != nullptr) {
      showVersion(versions_->item(row, 0)->data(Qt::UserRole).toInt());
    }
  };
  connect(show_version_, &QPushButton::clicked, this, show_selected);
  connect(versions_, &QTableWidget::itemActivated, this, show_selected);
  diff_ = new CasePlanDiff(channel_, case_id_, versions);
  auto* versions_layout = new QVBoxLayout(versions);
  auto* versions_row = new QHBoxLayout;
  versions_row->addWidget(versions_, 1);
  versions_row->addWidget(show_version_, 0, Qt::AlignTop);
  versions_layout->addLayout(versions_row, 1);
  versions_layout->addWidget(diff_, 2);
  sub->addTab(versions, tr("Ver&sies en vergelijken"));

  // What happened since: incidents and evaluations.
  auto* events = new QWidget(sub);
  incidents_ = NewTable({tr("Wanneer"), tr("Wat"), tr("Politiekenmerk"), tr("Gemeld door"),
                         tr("Herzien uiterlijk"), tr("Herzien")},
                        QStringLiteral("incidentsTable"), tr("Incidenten"), events);
  evaluations_ = NewTable({tr("Geëvalueerd"), tr("Versie"), tr("Door"), tr("Besluit"),
                           tr("Volgende evaluatie"), tr("Notities")},
                          QStringLiteral("evaluationsTable"), tr("Evaluaties"), events);
  auto* events_layout = new QVBoxLayout(events);
  events_layout->addWidget(new QLabel(tr("Incidenten"), events));
  events_layout->addWidget(incidents_, 1);
  events_layout->addWidget(new QLabel(tr("Evaluaties"), events));
  events_layout->addWidget(evaluations_, 1);
  sub->addTab(events, tr("Incidenten en &evaluaties"));

  // The case's risk assessments.
  risk_ = new CasePlanRiskPanel(channel_, case_id_, sub);
  sub->addTab(risk_, tr("Risicota&xaties"));

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("planStatus"));
  status_->setWordWrap(true);

  auto button = [this](const QString& text, const QString& name, const QString& accessible,
                       void (CasePlanTab::*slot)()) {
    auto* b = new QPushButton(text, this);
    b->setObjectName(name);
    b->setAccessibleName(accessible);
    b->setEnabled(false);
    connect(b, &QPushButton::clicked, this, slot);
    return b;
  };
  start_ = button(tr("Concept s&tarten…"), QStringLiteral("startDraft"), tr("Concept starten"),
                  &CasePlanTab::startDraft);
  edit_ = button(tr("Concept be&werken…"), QStringLiteral("editDraft"), tr("Concept bewerken"),
                 &CasePlanTab::editDraft);
  propose_ = button(tr("Ter &ondertekening voorleggen…"), QStringLiteral("proposeVersion"),
                    tr("Ter ondertekening voorleggen"), &CasePlanTab::proposeVersion);
  sign_ = button(tr("Onder&tekenen…"), QStringLiteral("signOffVersion"), tr("Ondertekenen"),
                 &CasePlanTab::signOff);
  incident_ = button(tr("Incident &vastleggen…"), QStringLiteral("recordIncident"),
                     tr("Incident vastleggen"), &CasePlanTab::recordIncident);
  evaluate_ = button(tr("E&valueren…"), QStringLiteral("evaluatePlan"), tr("Evalueren"),
                     &CasePlanTab::evaluate);
  family_ = button(tr("Afspraak met &gezin vastleggen…"), QStringLiteral("recordFamilyAgreement"),
                   tr("Afspraak met gezin vastleggen"), &CasePlanTab::recordFamilyAgreement);
  risk_button_ = button(tr("&Risicotaxatie vastleggen…"), QStringLiteral("recordRiskInstrument"),
                        tr("Risicotaxatie vastleggen"), &CasePlanTab::recordRiskInstrument);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b :
       {start_, edit_, propose_, sign_, incident_, evaluate_, family_, risk_button_}) {
    buttons->addWidget(b);
  }
  buttons->addStretch();

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addLayout(buttons);
  layout->addWidget(sub, 1);
  layout->addWidget(status_);
  setTabOrder(start_, edit_);
  setTabOrder(edit_, propose_);
  setTabOrder(propose_, sign_);
  setTabOrder(sign_, incident_);
  setTabOrder(incident_, evaluate_);
  setTabOrder(evaluate_, family_);
  setTabOrder(family_, risk_button_);
  setTabOrder(risk_button_, sub);
}

void CasePlanTab::updateButtons() {
  const bool idle = !busy_ && findChild<PlanFormDialog*>() == nullptr;
  start_->setEnabled(idle && readable_ && draft_ == 0);
  edit_->setEnabled(idle && draft_ != 0);
  propose_->setEnabled(idle && draft_ != 0);
  sign_->setEnabled(idle && proposed_ != 0);
  incident_->setEnabled(idle && readable_);
  evaluate_->setEnabled(idle && active_ != 0);
  family_->setEnabled(idle && (active_ != 0 || proposed_ != 0));
  risk_button_->setEnabled(idle && readable_);
}

void CasePlanTab::openDialog(PlanFormDialog* dialog) {
  connect(dialog, &FormDialog::callFinished, this, [this, dialog](bool ok) {
    if (!ok) return;
    after_load_text_ = dialog->doneText();
    status_->setText(after_load_text_);
    status_->setToolTip({});
    refresh();
    emit caseChanged();
  });
  connect(dialog, &QDialog::finished, this, [this, dialog] {
    dialog->setParent(nullptr);
    dialog->deleteLater();
    updateButtons();
  });
  dialog->open();
  updateButtons();
}

void CasePlanTab::startDraft() {
  openDialog(new PlanStepDialog(channel_, case_id_, PlanStepDialog::Step::kStartDraft, 0, this));
}

void CasePlanTab::editDraft() {
  if (draft_ != 0) openDialog(new PlanDraftDialog(channel_, case_id_, draft_, this));
}

void CasePlanTab::proposeVersion() {
  if (draft_ == 0) return;
  openDialog(new PlanStepDialog(channel_, case_id_, PlanStepDialog::Step::kPropose, draft_, this));
}

void CasePlanTab::signOff() {
  if (proposed_ == 0) return;
  openDialog(
      new PlanStepDialog(channel_, case_id_, PlanStepDialog::Step::kSignOff, proposed_, this));
}

void CasePlanTab::recordIncident() {
  openDialog(new RecordIncidentDialog(channel_, case_id_, this));
}

void CasePlanTab::evaluate() {
  if (active_ != 0) openDialog(new EvaluatePlanDialog(channel_, case_id_, active_, this));
}

void CasePlanTab::recordFamilyAgreement() {
  const int version = active_ != 0 ? active_ : proposed_;
  if (version != 0) {
    openDialog(new RecordFamilyAgreementDialog(channel_, case_id_, version, this));
  }
}

void CasePlanTab::recordRiskInstrument() {
  openDialog(new RecordRiskInstrumentDialog(channel_, case_id_, this));
}

void CasePlanTab::refresh() {
  risk_->refresh();
  showVersion(0);
}

void CasePlanTab::showVersion(int version) {
  if (busy_) {
    // A change was made while a read was under way: read the plan in force once more after it.
    if (version == 0) reload_pending_ = true;
    return;
  }
  busy_ = true;
  updateButtons();
  status_->setText(tr("Veiligheidsplan laden…"));
  RunOffUiThread(
      this,
      [channel = channel_, id = case_id_.toStdString(), version]() {
        v1::GetPlanRequest req;
        req.set_case_id(id);
        req.set_version(version);
        CallResult<v1::GetPlanResponse> out;
        out.status = client::StubOf<v1::SafetyPlanService>(*channel)->GetPlan(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this](CallResult<v1::GetPlanResponse> out) {
        busy_ = false;
        if (reload_pending_) {
          reload_pending_ = false;
          showVersion(0);
          return;
        }
        const QString done = after_load_text_;
        after_load_text_.clear();
        draft_ = proposed_ = active_ = 0;
        // NOT_FOUND comes only after the access check: the case has no plan yet.
        readable_ = out.status.ok() || out.status.error_code() == grpc::StatusCode::NOT_FOUND;
        if (!out.status.ok()) {
          summary_->clear();
          items_->setRowCount(0);
          versions_->setRowCount(0);
          sign_offs_->setRowCount(0);
          incidents_->setRowCount(0);
          evaluations_->setRowCount(0);
          diff_->setVersions({});
          // NOT_FOUND comes only after the access check: the case has no plan yet.
          const QString why = out.status.error_code() == grpc::StatusCode::NOT_FOUND
                                  ? tr("Deze casus heeft nog geen veiligheidsplan.")
                                  : CaseErrorText(out.status);
          status_->setText(done.isEmpty() ? why : done + QLatin1Char(' ') + why);
          status_->setToolTip(TechnicalDetail(out.status));
          updateButtons();
          emit loaded(false);
          return;
        }
        for (const v1::PlanVersionSummary& v : out.response.versions()) {
          if (v.state() == v1::PLAN_VERSION_STATE_DRAFT) draft_ = std::max(draft_, v.version());
          if (v.state() == v1::PLAN_VERSION_STATE_PROPOSED) {
            proposed_ = std::max(proposed_, v.version());
          }
          if (v.state() == v1::PLAN_VERSION_STATE_ACTIVE) active_ = std::max(active_, v.version());
        }
        showPlan(out.response);
        status_->setText(done);
        status_->setToolTip({});
        updateButtons();
        emit loaded(true);
      });
}

void CasePlanTab::showPlan(const v1::GetPlanResponse& plan) {
  const v1::PlanVersion& v = plan.version();
  QStringList lines;
  lines << tr("Versie %1 — %2").arg(v.version()).arg(PlanVersionStateName(v.state()));
  if (v.has_activated_at())
    lines << tr("Van kracht sinds %1").arg(FormatAmsterdam(v.activated_at()));
  if (plan.has_next_evaluation_date()) {
    lines << tr("Volgende evaluatie: %1").arg(FormatDate(plan.next_evaluation_date()));
  } else if (v.content().has_evaluation_date()) {
    lines
        << tr("Evaluatiedatum van deze versie: %1").arg(FormatDate(v.content().evaluation_date()));
  }
  if (v.conditions_changed()) {
    lines << tr("De veiligheidsvoorwaarden zijn gewijzigd: Veilig Thuis tekent mee.");
  }
  summary_->setText(lines.join(QStringLiteral("\n")));

  // The items, section by section.
  int rows = 0;
  for (const v1::PlanSectionItems& s : v.content().sections()) rows += s.items_size();
  items_->setRowCount(rows);
  int row = 0;
  for (const v1::PlanSectionItems& s : v.content().sections()) {
    for (const v1::PlanItem& item : s.items()) {
      SetRow(
          items_, row,
          {PlanSectionName(s.section()), SensitivityName(item.sensitivity()), PlanItemText(item)});
      if (item.hidden()) items_->item(row, 2)->setForeground(Qt::darkGray);
      ++row;
    }
  }
  items_->resizeColumnToContents(0);
  items_->resizeRowsToContents();

  sign_offs_->setRowCount(v.sign_offs_size());
  for (int i = 0; i < v.sign_offs_size(); ++i) {
    const v1::SignOff& s = v.sign_offs(i);
    SetRow(sign_offs_, i,
           {PartyName(s.party()), QString::fromStdString(s.professional_id()),
            QString::fromStdString(s.organisation_id()), FormatAmsterdam(s.signed_at())});
  }

  std::vector<v1::PlanVersionSummary> summaries(plan.versions().begin(), plan.versions().end());
  versions_->setRowCount(static_cast<int>(summaries.size()));
  for (int i = 0; i < static_cast<int>(summaries.size()); ++i) {
    const v1::PlanVersionSummary& s = summaries[i];
    SetRow(versions_, i,
           {QString::number(s.version()), PlanVersionStateName(s.state()),
            s.based_on() == 0 ? tr("—") : QString::number(s.based_on()),
            FormatAmsterdam(s.created_at()), FormatAmsterdam(s.activated_at())});
    versions_->item(i, 0)->setData(Qt::UserRole, s.version());
    if (s.version() == v.version()) {
      for (int col = 0; col < versions_->columnCount(); ++col) {
        QFont bold = versions_->item(i, col)->font();
        bold.setBold(true);
        versions_->item(i, col)->setFont(bold);
      }
    }
  }
  versions_->resizeColumnsToContents();
  diff_->setVersions(summaries);

  incidents_->setRowCount(plan.incidents_size());
  for (int i = 0; i < plan.incidents_size(); ++i) {
    const v1::Incident& inc = plan.incidents(i);
    SetRow(
        incidents_, i,
        {FormatAmsterdam(inc.occurred_at()),
         inc.hidden() ? HiddenText(inc.hidden_reason()) : QString::fromStdString(inc.what()),
         QString::fromStdString(inc.police_reference()), QString::fromStdString(inc.reported_by()),
         FormatDate(inc.review_due()), inc.reviewed() ? tr("ja") : tr("nee")});
  }
  incidents_->resizeRowsToContents();

  evaluations_->setRowCount(plan.evaluations_size());
  for (int i = 0; i < plan.evaluations_size(); ++i) {
    const v1::Evaluation& e = plan.evaluations(i);
    SetRow(evaluations_, i,
           {FormatAmsterdam(e.evaluated_at()), QString::number(e.version()),
            QString::fromStdString(e.evaluated_by()), DecisionName(e.decision()),
            e.has_next_evaluation_date() ? FormatDate(e.next_evaluation_date()) : QString(),
            e.notes_hidden() ? HiddenText(e.notes_hidden_reason())
                             : QString::fromStdString(e.notes())});
  }
  evaluations_->resizeRowsToContents();
}

}  // namespace schakel::desktop
