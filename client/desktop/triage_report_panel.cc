#include "client/desktop/triage_report_panel.h"

#include <map>
#include <string>
#include <utility>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_actions.h"
#include "client/desktop/triage_text.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

struct ReportOutcome {
  grpc::Status status;
  v1::Report report;
  grpc::Status radar_status;
  v1::GetRadarResponse radar;
};

ReportOutcome FetchReport(const client::ChannelsPtr& channel, const std::string& report_id) {
  ReportOutcome out;
  auto stub = client::StubOf<v1::IntakeService>(*channel);
  v1::GetReportRequest req;
  req.set_report_id(report_id);
  req.set_purpose("triage");
  v1::GetReportResponse resp;
  out.status = stub->GetReport(NewCallContext().get(), req, &resp);
  if (!out.status.ok()) return out;
  out.report = resp.report();
  v1::GetRadarRequest radar_req;
  radar_req.set_report_id(report_id);
  out.radar_status = stub->GetRadar(NewCallContext().get(), radar_req, &out.radar);
  return out;
}

QString Esc(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

// "<b>label</b> value<br>" when `value` is not empty.
QString Line(const QString& label, const QString& value) {
  if (value.isEmpty()) return {};
  return QStringLiteral("<b>%1</b> %2<br>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString AddressText(const v1::Address& a) {
  QStringList parts;
  const QString street =
      QStringLiteral("%1 %2")
          .arg(QString::fromStdString(a.street()), QString::fromStdString(a.house_number()))
          .trimmed();
  if (!street.isEmpty()) parts << street;
  const QString place =
      QStringLiteral("%1 %2")
          .arg(QString::fromStdString(a.postcode()), QString::fromStdString(a.city()))
          .trimmed();
  if (!place.isEmpty()) parts << place;
  return parts.join(QStringLiteral(", "));
}

}  // namespace

TriageReportPanel::TriageReportPanel(client::ChannelsPtr channel, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)) {
  text_ = new QTextBrowser(this);
  text_->setObjectName(QStringLiteral("reportText"));
  text_->setAccessibleName(tr("Melding"));
  text_->setOpenLinks(false);

  auto* radar_title = new QLabel(tr("<b>Radar: eerdere meldingen over dezelfde personen of "
                                    "adressen</b>"),
                                 this);
  radar_summary_ = new QLabel(this);
  radar_summary_->setObjectName(QStringLiteral("radarSummary"));
  radar_summary_->setWordWrap(true);

  radar_ = new QTableWidget(0, kColumnCount, this);
  radar_->setObjectName(QStringLiteral("radarTable"));
  radar_->setAccessibleName(tr("Radar"));
  radar_->setHorizontalHeaderLabels({tr("Over"), tr("Eerdere melding"), tr("Soort"),
                                     tr("Ontvangen"), tr("Stand"), tr("Overeenkomst")});
  radar_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  radar_->setSelectionBehavior(QAbstractItemView::SelectRows);
  radar_->horizontalHeader()->setStretchLastSection(true);
  radar_->verticalHeader()->setVisible(false);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("reportStatus"));
  status_->setWordWrap(true);

  convert_ = new QPushButton(tr("Om&zetten in melding…"), this);
  convert_->setObjectName(QStringLiteral("convertAdviceButton"));
  convert_->setAccessibleName(tr("Adviesvraag omzetten in melding"));
  convert_->setToolTip(tr("De adviesvraag wordt een melding; de termijn van 5 werkdagen begint."));
  connect(convert_, &QPushButton::clicked, this, &TriageReportPanel::convertAdvice);
  complete_ = new QPushButton(tr("Onderzoek a&fronden…"), this);
  complete_->setObjectName(QStringLiteral("completeInvestigationButton"));
  complete_->setAccessibleName(tr("Onderzoek afronden"));
  connect(complete_, &QPushButton::clicked, this, &TriageReportPanel::completeInvestigation);
  close_ = new QPushButton(tr("&Dossier afsluiten…"), this);
  close_->setObjectName(QStringLiteral("closeReportButton"));
  close_->setAccessibleName(tr("Dossier afsluiten"));
  close_->setToolTip(
      tr("Voor een adviesvraag na het advies, en voor Voorwaarden & Vervolg na het toezicht."));
  connect(close_, &QPushButton::clicked, this, &TriageReportPanel::closeReport);
  auto* actions = new QHBoxLayout;
  actions->addWidget(convert_);
  actions->addWidget(complete_);
  actions->addWidget(close_);
  actions->addStretch();

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(text_, 3);
  layout->addLayout(actions);
  layout->addWidget(radar_title);
  layout->addWidget(radar_summary_);
  layout->addWidget(radar_, 2);
  layout->addWidget(status_);
  setTabOrder(text_, convert_);
  setTabOrder(convert_, complete_);
  setTabOrder(complete_, close_);
  setTabOrder(close_, radar_);
  clear(tr("Kies een melding in de wachtrij."));
}

void TriageReportPanel::setNames(DirectoryNames* names) {
  names_ = names;
  if (names_ != nullptr) {
    connect(names_, &DirectoryNames::namesChanged, this, &TriageReportPanel::rerender);
  }
}

void TriageReportPanel::rerender() {
  if (!report_.id().empty()) text_->setHtml(reportHtml(report_));
}

void TriageReportPanel::updateActions() {
  const bool shown = !report_.id().empty();
  // Offered for the reports the actions are for; the service still decides.
  convert_->setEnabled(shown && report_.input().kind() == v1::REPORT_KIND_ADVICE &&
                       report_.state() == v1::REPORT_STATE_OPEN);
  complete_->setEnabled(shown && report_.has_investigation_due() &&
                        !report_.has_investigation_end());
  close_->setEnabled(shown && CloseReportDialog::ClosesByHand(report_));
}

void TriageReportPanel::openAction(TriageReportDialog* dialog) {
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &TriageReportDialog::reportChanged, this, [this](const v1::Report& r) {
    const QString id = QString::fromStdString(r.id());
    if (id == report_id_) showReport(id);
    emit reportChanged(id);
  });
  dialog->open();
}

void TriageReportPanel::convertAdvice() {
  if (report_.id().empty()) return;
  openAction(new ConvertAdviceDialog(channel_, report_, names_, this));
}

void TriageReportPanel::completeInvestigation() {
  if (report_.id().empty()) return;
  openAction(new CompleteInvestigationDialog(channel_, report_, names_, this));
}

void TriageReportPanel::closeReport() {
  if (report_.id().empty()) return;
  openAction(new CloseReportDialog(channel_, report_, names_, this));
}

void TriageReportPanel::clear(const QString& status) {
  report_.Clear();
  radar_answer_.Clear();
  updateActions();
  text_->clear();
  radar_summary_->clear();
  radar_->setRowCount(0);
  status_->setText(status);
  status_->setToolTip({});
}

void TriageReportPanel::showReport(const QString& report_id) {
  report_id_ = report_id;
  const int generation = ++generation_;
  if (report_id.isEmpty()) {
    clear(tr("Kies een melding in de wachtrij."));
    return;
  }
  status_->setText(tr("Melding laden…"));
  RunOffUiThread(
      this,
      [channel = channel_, id = report_id.toStdString()]() { return FetchReport(channel, id); },
      [this, generation](ReportOutcome out) {
        if (generation != generation_) return;  // another report was chosen meanwhile
        if (!out.status.ok()) {
          clear(tr("De melding kon niet worden opgehaald: %1").arg(CallErrorText(out.status)));
          status_->setToolTip(TechnicalDetail(out.status));
          emit loaded(false, v1::Report());
          return;
        }
        report_ = out.report;
        radar_answer_ = out.radar;
        updateActions();
        render(out.report, out.radar);
        if (out.radar_status.ok()) {
          status_->clear();
          status_->setToolTip({});
        } else {
          radar_summary_->setText(
              tr("De radar kon niet worden opgehaald: %1").arg(CallErrorText(out.radar_status)));
          radar_summary_->setToolTip(TechnicalDetail(out.radar_status));
          status_->clear();
        }
        emit loaded(true, out.report);
      });
}

void TriageReportPanel::render(const v1::Report& report, const v1::GetRadarResponse& radar) {
  const v1::ReportInput& in = report.input();
  text_->setHtml(reportHtml(report));
  std::map<std::string, QString> names;  // person id → name, for the radar
  for (const v1::ReportedPerson& p : in.persons()) names[p.id()] = QString::fromStdString(p.name());

  // The radar: one row per earlier report per person or address it matched on.
  QStringList summary;
  summary << tr("Eerdere meldingen: %1 (laatste 12 maanden: %2).")
                 .arg(radar.earlier_ever())
                 .arg(radar.earlier_last_12_months());
  if (radar.repeat()) summary << tr("HERHAALDE MELDING: twee of meer in de laatste 12 maanden.");
  if (radar.open_mda_case()) summary << tr("Er loopt een MDA++-casus uit een eerdere melding.");
  radar_summary_->setText(summary.join(QLatin1Char(' ')));
  radar_summary_->setToolTip({});
  radar_->setRowCount(0);
  auto add = [this](const QString& about, const v1::RadarHit& hit) {
    QStringList matched;
    for (const std::string& m : hit.matched_on()) matched << RadarMatchName(m);
    QString state = ReportStateName(hit.state());
    if (hit.open_mda_case()) state += tr(", lopende MDA++-casus");
    const QStringList cells = {about,
                               QString::fromStdString(hit.report_id()),
                               ReportKindName(hit.kind()),
                               FormatAmsterdam(hit.received_at()),
                               state,
                               matched.join(QStringLiteral(", "))};
    const int row = radar_->rowCount();
    radar_->insertRow(row);
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      item->setToolTip(cells[col]);
      radar_->setItem(row, col, item);
    }
  };
  for (const v1::PersonRadar& p : radar.persons()) {
    const auto name = names.find(p.person_id());
    const QString who = name != names.end() && !name->second.isEmpty()
                            ? tr("%1 (%2)").arg(name->second, ReportedRoleName(p.role()))
                            : ReportedRoleName(p.role());
    for (const v1::RadarHit& hit : p.hits()) add(who, hit);
  }
  for (const v1::AddressRadar& a : radar.addresses()) {
    for (const v1::RadarHit& hit : a.hits()) {
      add(tr("adres %1").arg(QString::fromStdString(a.address())), hit);
    }
  }
  radar_->resizeColumnsToContents();
}

QString TriageReportPanel::reportHtml(const v1::Report& report) {
  const v1::ReportInput& in = report.input();
  QString html;
  html += QStringLiteral("<h3>%1</h3>")
              .arg(tr("%1 %2").arg(ReportKindName(in.kind()), Esc(report.id())));
  if (in.acute()) {
    html +=
        QStringLiteral("<p style=\"color:#b00020\"><b>%1</b></p>")
            .arg(
                tr("ACUUT: de melder schat de situatie nu als acuut onveilig in.").toHtmlEscaped());
  }
  html += Line(tr("Kanaal:"), ReportChannelName(in.channel()));
  html += Line(tr("Ontvangen:"), FormatAmsterdam(in.received_at()));
  html += Line(tr("Beoordeling uiterlijk:"), FormatDeadline(report.assessment_due()));
  html += Line(tr("Acuut uiterlijk:"), FormatAmsterdam(report.acute_due()));
  html += Line(tr("Stand:"), ReportStateName(report.state()));
  html += Line(tr("In behandeling bij:"), NameOfProfessional(names_, report.claimed_by()));
  if (report.has_converted_at()) {
    html += Line(tr("Omgezet in melding:"), FormatAmsterdam(report.converted_at()));
  }
  html += Line(tr("Kenmerk melder:"), QString::fromStdString(in.external_reference()));

  const v1::Reporter& r = in.reporter();
  html += QStringLiteral("<h4>%1</h4>").arg(tr("Melder").toHtmlEscaped());
  html += Line(tr("Soort:"), ReporterTypeName(r.type()));
  html += Line(tr("Organisatie:"), QString::fromStdString(r.organisation_name()));
  html += Line(tr("Beroep:"), QString::fromStdString(r.profession()));
  html += Line(tr("Naam:"), QString::fromStdString(r.name()));
  html += Line(tr("Contact:"), QString::fromStdString(r.contact()));
  html += Line(tr("Politiekenmerk:"), QString::fromStdString(r.police_reference()));
  if (r.anonymous()) html += Line(tr("Anoniem:"), tr("ja (geen terugkoppeling)"));
  if (r.anonymous_towards_family()) {
    html += Line(tr("Anoniem naar het gezin:"), tr("ja, noem de melder niet tegenover het gezin"));
  }

  html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Personen").toHtmlEscaped());
  for (const v1::ReportedPerson& p : in.persons()) {
    QStringList parts = {ReportedRoleName(p.role())};
    if (const QString dob = FormatDate(p.date_of_birth()); !dob.isEmpty()) {
      parts << tr("geboren %1").arg(dob);
    }
    if (!p.bsn_masked().empty()) parts << tr("BSN %1").arg(QString::fromStdString(p.bsn_masked()));
    if (const QString address = AddressText(p.address()); !address.isEmpty()) parts << address;
    html += QStringLiteral("<li><b>%1</b> — %2</li>")
                .arg(Esc(p.name()), parts.join(QStringLiteral(", ")).toHtmlEscaped());
  }
  html += QStringLiteral("</ul>");
  html += Line(tr("Geweld:"), ViolenceKindNames(in.violence_kinds()));
  html += QStringLiteral("<h4>%1</h4><p>%2</p>")
              .arg(tr("Omschrijving").toHtmlEscaped(),
                   Esc(in.description()).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
  html += assessmentHtml(report);
  if (report.has_closure()) {
    const v1::ReportClosure& c = report.closure();
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Dossier afgesloten").toHtmlEscaped());
    html += Line(tr("Afgesloten door:"), NameOfProfessional(names_, c.closed_by()));
    html += Line(tr("Afgesloten op:"), FormatAmsterdam(c.close_time()));
    html += Line(tr("Reden:"), QString::fromStdString(c.reason()));
  }
  return html;
}

// The safety assessment as made, the investigation's term and end, and the handover's answer.
QString TriageReportPanel::assessmentHtml(const v1::Report& report) {
  if (!report.has_assessment()) return {};
  const v1::SafetyAssessment& a = report.assessment();
  QString html = QStringLiteral("<h4>%1</h4>").arg(tr("Veiligheidsbeoordeling").toHtmlEscaped());
  html += Line(tr("Route:"), AssessmentRouteName(a.route()));
  html += Line(tr("Beoordeeld door:"), NameOfProfessional(names_, report.assessed_by()));
  html += Line(tr("Beoordeeld op:"), FormatAmsterdam(report.assess_time()));
  html += Line(tr("Acuut onveilig:"), a.acute_unsafety() ? tr("ja") : tr("nee"));
  html += Line(tr("Structureel onveilig:"), a.structural_unsafety() ? tr("ja") : tr("nee"));
  html += Line(tr("Onderbouwing:"), QString::fromStdString(a.reasoning()));
  if (a.route() == v1::ASSESSMENT_ROUTE_INVESTIGATION || report.has_investigation_due()) {
    html += Line(tr("Onderzoeker:"), NameOfProfessional(names_, report.investigator_id()));
    html += Line(tr("Onderzoek uiterlijk:"), FormatDeadline(report.investigation_due()));
  }
  if (report.has_investigation_end()) {
    const v1::InvestigationEnd& end = report.investigation_end();
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Onderzoek afgerond").toHtmlEscaped());
    html += Line(tr("Afgerond door:"), NameOfProfessional(names_, end.completed_by()));
    html += Line(tr("Afgerond op:"), FormatAmsterdam(end.complete_time()));
    html += Line(tr("Binnen de termijn:"), end.on_time() ? tr("ja") : tr("nee"));
    html += Line(tr("Conclusie:"), QString::fromStdString(end.conclusion()));
    html += Line(tr("Vervolg:"), InvestigationFollowUpName(end.follow_up()));
    html += Line(tr("Toelichting vervolg:"), QString::fromStdString(end.follow_up_note()));
  }
  if (report.has_handover()) {
    const v1::ReportHandover& h = report.handover();
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Overdracht").toHtmlEscaped());
    html += Line(tr("Aan:"), NameOfOrganisation(names_, h.to_organisation_id()));
    html += Line(tr("Stand van de overdracht:"), ReportHandoverStateName(h.state()));
    if (h.state() == v1::REPORT_HANDOVER_STATE_PROPOSED) {
      html += Line(tr("Antwoord uiterlijk:"), FormatDeadline(h.accept_due()));
    }
    html += Line(tr("Beantwoord door:"), NameOfProfessional(names_, h.answered_by()));
    html += Line(tr("Beantwoord op:"), FormatAmsterdam(h.answered_at()));
    html += Line(tr("Reden van weigeren:"), QString::fromStdString(h.decline_reason()));
  }
  if (!report.case_id().empty()) {
    html += Line(tr("MDA++-casus:"), QString::fromStdString(report.case_id()));
  }
  return html;
}

}  // namespace schakel::desktop
