#include "client/desktop/triage_assessment_form.h"

#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

#include "client/desktop/error_text.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_text.h"
#include "client/lib/connection.h"
#include "client/lib/errors.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

constexpr v1::AssessmentRoute kRoutes[] = {
    v1::ASSESSMENT_ROUTE_UNSPECIFIED,   v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT,
    v1::ASSESSMENT_ROUTE_HANDOVER,      v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP,
    v1::ASSESSMENT_ROUTE_INVESTIGATION, v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS,
};

constexpr v1::RiskInstrumentKind kInstruments[] = {
    v1::RISK_INSTRUMENT_KIND_UNSPECIFIED, v1::RISK_INSTRUMENT_KIND_RIHG,
    v1::RISK_INSTRUMENT_KIND_LIRIK,       v1::RISK_INSTRUMENT_KIND_ARIJ,
    v1::RISK_INSTRUMENT_KIND_CARE_NL,     v1::RISK_INSTRUMENT_KIND_B_SAFER,
};

std::string Text(const QPlainTextEdit* edit) { return edit->toPlainText().trimmed().toStdString(); }
std::string Text(const QLineEdit* edit) { return edit->text().trimmed().toStdString(); }

// One entry per non-empty line.
void AddLines(const QPlainTextEdit* edit, google::protobuf::RepeatedPtrField<std::string>* out) {
  for (const QString& line : edit->toPlainText().split(QLatin1Char('\n'))) {
    if (!line.trimmed().isEmpty()) out->Add(line.trimmed().toStdString());
  }
}

// "dd-mm-jjjj" dates separated by commas, semicolons or spaces, as written: the service judges
// them (a text that is no date is sent as an empty date, which it names).
void AddDates(const QLineEdit* edit, google::protobuf::RepeatedPtrField<v1::Date>* out) {
  static const QRegularExpression kSeparators(QStringLiteral("[,;\\s]+"));
  static const QRegularExpression kDate(QStringLiteral("^(\\d{1,2})-(\\d{1,2})-(\\d{4})$"));
  for (const QString& part : edit->text().split(kSeparators, Qt::SkipEmptyParts)) {
    v1::Date* d = out->Add();
    if (const auto m = kDate.match(part); m.hasMatch()) {
      d->set_day(m.captured(1).toInt());
      d->set_month(m.captured(2).toInt());
      d->set_year(m.captured(3).toInt());
    }
  }
}

QPlainTextEdit* TextBox(QWidget* parent, const char* name, const QString& accessible,
                        int lines = 3) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setObjectName(QLatin1String(name));
  edit->setAccessibleName(accessible);
  edit->setTabChangesFocus(true);
  edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
  return edit;
}

QLineEdit* LineBox(QWidget* parent, const char* name, const QString& accessible,
                   const QString& placeholder = {}) {
  auto* edit = new QLineEdit(parent);
  edit->setObjectName(QLatin1String(name));
  edit->setAccessibleName(accessible);
  edit->setPlaceholderText(placeholder);
  return edit;
}

}  // namespace

TriageAssessmentForm::TriageAssessmentForm(client::ChannelsPtr channel, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)) {
  auto* body = new QWidget(this);
  auto* form = new QFormLayout;

  acute_ = new QCheckBox(tr("&Acute onveiligheid"), body);
  acute_->setObjectName(QStringLiteral("acuteUnsafety"));
  structural_ = new QCheckBox(tr("&Structurele onveiligheid"), body);
  structural_->setObjectName(QStringLiteral("structuralUnsafety"));
  auto* judgements = new QHBoxLayout;
  judgements->addWidget(acute_);
  judgements->addWidget(structural_);
  judgements->addStretch();
  form->addRow(tr("Oordeel:"), judgements);

  reasoning_ = TextBox(body, "reasoningEdit", tr("Onderbouwing"), 5);
  form->addRow(tr("O&nderbouwing:"), reasoning_);
  risk_factors_ = TextBox(body, "riskFactorsEdit", tr("Risicofactoren, één per regel"));
  form->addRow(tr("&Risicofactoren (één per regel):"), risk_factors_);
  protective_factors_ =
      TextBox(body, "protectiveFactorsEdit", tr("Beschermende factoren, één per regel"));
  form->addRow(tr("&Beschermende factoren (één per regel):"), protective_factors_);

  instrument_ = new QComboBox(body);
  instrument_->setObjectName(QStringLiteral("instrumentCombo"));
  instrument_->setAccessibleName(tr("Risicotaxatie-instrument"));
  for (v1::RiskInstrumentKind k : kInstruments) {
    instrument_->addItem(RiskInstrumentName(k), static_cast<int>(k));
  }
  instrument_version_ =
      LineBox(body, "instrumentVersionEdit", tr("Versie van het instrument"), tr("versie"));
  instrument_outcome_ = LineBox(body, "instrumentOutcomeEdit", tr("Uitkomst van het instrument"),
                                tr("uitkomst, bijvoorbeeld hoog risico"));
  auto* instrument_row = new QHBoxLayout;
  instrument_row->addWidget(instrument_);
  instrument_row->addWidget(instrument_version_);
  instrument_row->addWidget(instrument_outcome_, 1);
  form->addRow(tr("Risicota&xatie:"), instrument_row);
  auto instrument_fields = [this] {
    const bool on = instrument_->currentData().toInt() != v1::RISK_INSTRUMENT_KIND_UNSPECIFIED;
    instrument_version_->setEnabled(on);
    instrument_outcome_->setEnabled(on);
  };
  connect(instrument_, &QComboBox::currentIndexChanged, this, instrument_fields);
  instrument_fields();

  route_ = new QComboBox(body);
  route_->setObjectName(QStringLiteral("routeCombo"));
  route_->setAccessibleName(tr("Route"));
  for (v1::AssessmentRoute r : kRoutes)
    route_->addItem(AssessmentRouteName(r), static_cast<int>(r));
  form->addRow(tr("R&oute:"), route_);

  // The fields of each route, in a group of its own; only the chosen route's group shows.
  auto group = [&](v1::AssessmentRoute route, const char* name, const QString& title) {
    auto* g = new QGroupBox(title, body);
    g->setObjectName(QLatin1String(name));
    route_groups_[route] = g;
    return new QFormLayout(g);
  };
  QFormLayout* end =
      group(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT, "endGroup", tr("Einde bemoeienis"));
  end_reason_ = TextBox(body, "endReasonEdit", tr("Reden voor einde bemoeienis"));
  end->addRow(tr("Reden (verplicht bij onveiligheid):"), end_reason_);

  QFormLayout* handover = group(v1::ASSESSMENT_ROUTE_HANDOVER, "handoverGroup", tr("Overdracht"));
  handover_org_ = LineBox(body, "handoverOrgEdit", tr("Ontvangende organisatie"),
                          tr("code van het lokale team of de hulpverlener"));
  handover->addRow(tr("Ontvangende organisatie:"), handover_org_);
  handover_note_ = TextBox(body, "handoverNoteEdit", tr("Toelichting voor de ontvanger"));
  handover->addRow(tr("Toelichting:"), handover_note_);

  QFormLayout* conditions = group(v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP, "conditionsGroup",
                                  tr("Voorwaarden en vervolg"));
  safety_conditions_ = TextBox(body, "safetyConditionsEdit", tr("Veiligheidsvoorwaarden"), 4);
  conditions->addRow(tr("Veiligheidsvoorwaarden (één per regel):"), safety_conditions_);
  plan_partner_ = LineBox(body, "planPartnerEdit", tr("Organisatie die het plan maakt"),
                          tr("code van de organisatie"));
  conditions->addRow(tr("Plan gemaakt door:"), plan_partner_);
  monitoring_dates_ =
      LineBox(body, "monitoringDatesEdit", tr("Monitoringsdata"), tr("dd-mm-jjjj, dd-mm-jjjj"));
  conditions->addRow(tr("Monitoringsdata:"), monitoring_dates_);

  QFormLayout* investigation = group(v1::ASSESSMENT_ROUTE_INVESTIGATION, "investigationGroup",
                                     tr("Onderzoek door Veilig Thuis"));
  investigator_ = LineBox(body, "investigatorEdit", tr("Onderzoeker"),
                          tr("code van een collega van Veilig Thuis"));
  investigation->addRow(tr("Onderzoeker:"), investigator_);

  QFormLayout* mda = group(v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS, "mdaGroup",
                           tr("MDA++: inclusiecriteria (ten minste één) en reden"));
  mda_structural_ = TextBox(body, "mdaStructuralEdit", tr("Structurele onveiligheid"), 2);
  mda->addRow(tr("Structurele onveiligheid:"), mda_structural_);
  mda_help_exhausted_ = TextBox(body, "mdaHelpExhaustedEdit", tr("Reguliere hulp uitgeput"), 2);
  mda->addRow(tr("Reguliere hulp uitgeput:"), mda_help_exhausted_);
  mda_no_approach_ = TextBox(body, "mdaNoApproachEdit", tr("Geen samenhangende aanpak"), 2);
  mda->addRow(tr("Geen samenhangende aanpak:"), mda_no_approach_);
  mda_repeated_ = TextBox(body, "mdaRepeatedEdit", tr("Herhaalde of voortdurende onveiligheid"), 2);
  mda->addRow(tr("Herhaalde onveiligheid:"), mda_repeated_);
  mda_reason_ = TextBox(body, "mdaReasonEdit", tr("Reden voor MDA++"));
  mda->addRow(tr("Reden voor MDA++:"), mda_reason_);
  mda_director_ = LineBox(body, "mdaDirectorEdit", tr("Casusregisseur"),
                          tr("code van de casusregisseur, als die al bekend is"));
  mda->addRow(tr("Casusregisseur:"), mda_director_);

  rvdk_request_ =
      new QCheckBox(tr("Verzoek tot onderzoek aan de Raad voor de &Kinderbescherming"), body);
  rvdk_request_->setObjectName(QStringLiteral("rvdkRequest"));
  rvdk_reason_ = TextBox(body, "rvdkReasonEdit", tr("Reden voor het verzoek aan de Raad"), 2);
  connect(rvdk_request_, &QCheckBox::toggled, rvdk_reason_, &QWidget::setEnabled);
  rvdk_reason_->setEnabled(false);

  auto* body_layout = new QVBoxLayout(body);
  body_layout->addLayout(form);
  for (const auto& [route, g] : route_groups_) body_layout->addWidget(g);
  body_layout->addWidget(rvdk_request_);
  body_layout->addWidget(rvdk_reason_);
  body_layout->addStretch();

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(body);
  scroll->setWidgetResizable(true);

  submit_ = new QPushButton(tr("Beoordeling &vastleggen"), this);
  submit_->setObjectName(QStringLiteral("submitAssessment"));
  submit_->setAccessibleName(tr("Veiligheidsbeoordeling vastleggen"));
  connect(submit_, &QPushButton::clicked, this, &TriageAssessmentForm::submit);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 0);
  progress_->setTextVisible(false);
  progress_->setMaximumWidth(120);
  progress_->hide();
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("assessmentStatus"));
  status_->setWordWrap(true);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(submit_);
  bottom->addWidget(progress_);
  bottom->addWidget(status_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll, 1);
  layout->addLayout(bottom);

  // The request's field paths, as the service names them in a refusal.
  marks_.Bind("assessment.route", route_);
  marks_.Bind("assessment.reasoning", reasoning_);
  marks_.Bind("assessment.risk_factors", risk_factors_);
  marks_.Bind("assessment.protective_factors", protective_factors_);
  marks_.Bind("assessment.instrument.kind", instrument_);
  marks_.Bind("assessment.instrument.version", instrument_version_);
  marks_.Bind("assessment.instrument.outcome", instrument_outcome_);
  marks_.Bind("assessment.end", end_reason_);
  marks_.Bind("assessment.handover.receiving_organisation_id", handover_org_);
  marks_.Bind("assessment.handover.note", handover_note_);
  marks_.Bind("assessment.conditions.safety_conditions", safety_conditions_);
  marks_.Bind("assessment.conditions.plan_partner_organisation_id", plan_partner_);
  marks_.Bind("assessment.conditions.monitoring_dates", monitoring_dates_);
  marks_.Bind("assessment.investigation.investigator_id", investigator_);
  marks_.Bind("assessment.mda", route_groups_[v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS]);
  marks_.Bind("assessment.mda.structural_unsafety", mda_structural_);
  marks_.Bind("assessment.mda.help_exhausted", mda_help_exhausted_);
  marks_.Bind("assessment.mda.no_coherent_approach", mda_no_approach_);
  marks_.Bind("assessment.mda.repeated_events", mda_repeated_);
  marks_.Bind("assessment.mda.reason", mda_reason_);
  marks_.Bind("assessment.mda.director_professional_id", mda_director_);
  marks_.Bind("assessment.rvdk_request", rvdk_request_);
  marks_.Bind("assessment.rvdk_reason", rvdk_reason_);

  connect(route_, &QComboBox::currentIndexChanged, this, &TriageAssessmentForm::showRouteFields);
  showRouteFields();
  setReport({});
}

void TriageAssessmentForm::setRoute(v1::AssessmentRoute route) {
  const int index = route_->findData(static_cast<int>(route));
  if (index >= 0) route_->setCurrentIndex(index);
}

v1::AssessmentRoute TriageAssessmentForm::route() const {
  return static_cast<v1::AssessmentRoute>(route_->currentData().toInt());
}

void TriageAssessmentForm::showRouteFields() {
  const v1::AssessmentRoute chosen = route();
  for (const auto& [r, g] : route_groups_) g->setVisible(r == chosen);
}

void TriageAssessmentForm::clearFields() {
  for (QPlainTextEdit* e : findChildren<QPlainTextEdit*>()) e->clear();
  for (QLineEdit* e : findChildren<QLineEdit*>()) e->clear();
  acute_->setChecked(false);
  structural_->setChecked(false);
  rvdk_request_->setChecked(false);
  instrument_->setCurrentIndex(0);
  route_->setCurrentIndex(0);
}

void TriageAssessmentForm::setReport(const QString& report_id) {
  if (report_id != report_id_) {
    report_id_ = report_id;
    request_id_.clear();
    marks_.Clear();
    clearFields();
    // An assessed report leaves the queue (no report selected): what was done stays readable.
    if (!report_id_.isEmpty()) {
      status_->clear();
      status_->setToolTip({});
    }
  }
  setEnabled(!report_id_.isEmpty());
  submit_->setEnabled(!report_id_.isEmpty() && !busy_);
}

v1::SafetyAssessment TriageAssessmentForm::assessment() const {
  v1::SafetyAssessment a;
  a.set_acute_unsafety(acute_->isChecked());
  a.set_structural_unsafety(structural_->isChecked());
  a.set_reasoning(Text(reasoning_));
  AddLines(risk_factors_, a.mutable_risk_factors());
  AddLines(protective_factors_, a.mutable_protective_factors());
  const auto instrument = static_cast<v1::RiskInstrumentKind>(instrument_->currentData().toInt());
  if (instrument != v1::RISK_INSTRUMENT_KIND_UNSPECIFIED) {
    a.mutable_instrument()->set_kind(instrument);
    a.mutable_instrument()->set_version(Text(instrument_version_));
    a.mutable_instrument()->set_outcome(Text(instrument_outcome_));
  }
  a.set_route(route());
  // Only the chosen route's own message: the others' fields are hidden and not sent.
  switch (a.route()) {
    case v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT:
      a.mutable_end()->set_reason(Text(end_reason_));
      break;
    case v1::ASSESSMENT_ROUTE_HANDOVER:
      a.mutable_handover()->set_receiving_organisation_id(Text(handover_org_));
      a.mutable_handover()->set_note(Text(handover_note_));
      break;
    case v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP: {
      v1::ConditionsFollowUp* c = a.mutable_conditions();
      AddLines(safety_conditions_, c->mutable_safety_conditions());
      c->set_plan_partner_organisation_id(Text(plan_partner_));
      AddDates(monitoring_dates_, c->mutable_monitoring_dates());
      break;
    }
    case v1::ASSESSMENT_ROUTE_INVESTIGATION:
      a.mutable_investigation()->set_investigator_id(Text(investigator_));
      break;
    case v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS: {
      v1::MdaPlusPlus* m = a.mutable_mda();
      m->set_structural_unsafety(Text(mda_structural_));
      m->set_help_exhausted(Text(mda_help_exhausted_));
      m->set_no_coherent_approach(Text(mda_no_approach_));
      m->set_repeated_events(Text(mda_repeated_));
      m->set_reason(Text(mda_reason_));
      m->set_director_professional_id(Text(mda_director_));
      break;
    }
    default:
      break;
  }
  a.set_rvdk_request(rvdk_request_->isChecked());
  if (rvdk_request_->isChecked()) a.set_rvdk_reason(Text(rvdk_reason_));
  return a;
}

void TriageAssessmentForm::submit() {
  if (busy_ || report_id_.isEmpty()) return;
  busy_ = true;
  submit_->setEnabled(false);
  progress_->show();
  status_->setText(tr("Beoordeling vastleggen…"));
  status_->setToolTip({});
  if (request_id_.empty()) request_id_ = client::NewRequestId();
  v1::AssessReportRequest req;
  req.set_request_id(request_id_);
  req.set_report_id(report_id_.toStdString());
  *req.mutable_assessment() = assessment();
  RunOffUiThread(
      this,
      [channel = channel_, req]() {
        CallResult<v1::AssessReportResponse> out;
        out.status = client::StubOf<v1::IntakeService>(*channel)->AssessReport(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this, id = report_id_](CallResult<v1::AssessReportResponse> out) {
        busy_ = false;
        progress_->hide();
        submit_->setEnabled(!report_id_.isEmpty());
        const grpc::StatusCode code = out.status.error_code();
        // Unanswered: a retry is the same mutation. Answered: the next submit is a new one.
        if (code != grpc::StatusCode::UNAVAILABLE && code != grpc::StatusCode::DEADLINE_EXCEEDED) {
          request_id_.clear();
        }
        if (out.status.ok()) {
          marks_.Clear();
          status_->setText(
              tr("Beoordeling vastgelegd: %1.")
                  .arg(AssessmentRouteName(out.response.report().assessment().route())));
          emit assessed(id, out.response.report());
          emit submitted(true);
          return;
        }
        status_->setToolTip(TechnicalDetail(out.status));
        if (code == grpc::StatusCode::INVALID_ARGUMENT) {
          const QStringList rest = marks_.Show(client::DecodeCallError(out.status));
          QString text = tr("Niet vastgelegd: verbeter de gemarkeerde velden.");
          if (!rest.isEmpty()) text += QLatin1Char('\n') + rest.join(QLatin1Char('\n'));
          status_->setText(text);
        } else if (code == grpc::StatusCode::FAILED_PRECONDITION) {
          marks_.Clear();
          status_->setText(
              tr("Niet vastgelegd: deze melding is al beoordeeld, of het is een "
                 "adviesvraag die eerst een melding moet worden."));
        } else {
          marks_.Clear();
          status_->setText(tr("Niet vastgelegd: %1").arg(CallErrorText(out.status)));
        }
        emit submitted(false);
      });
}

}  // namespace schakel::desktop
