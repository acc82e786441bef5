#include "client/desktop/supervision_view.h"

#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/supervision_charts.h"
#include "client/desktop/supervision_tables.h"
#include "client/lib/errors.h"

namespace schakel::desktop {

namespace {

QDate TodayInAmsterdam() {
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  return QDateTime::currentDateTime().toTimeZone(kAmsterdam).date();
}

QDateEdit* NewDateEdit(QWidget* parent, const QString& object_name, const QString& accessible_name,
                       const QDate& date) {
  auto* edit = new QDateEdit(date, parent);
  edit->setObjectName(object_name);
  edit->setAccessibleName(accessible_name);
  edit->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
  edit->setCalendarPopup(true);
  return edit;
}

QLabel* NewStatusLabel(QWidget* parent, const QString& object_name) {
  auto* label = new QLabel(parent);
  label->setObjectName(object_name);
  label->setWordWrap(true);
  label->setTextFormat(Qt::PlainText);
  return label;
}

// A label's text in `colour`, bold.
void SetColoured(QLabel* label, const QString& text, const QColor& colour) {
  label->setText(text);
  label->setStyleSheet(
      QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour.name()));
}

}  // namespace

SupervisionView::SupervisionView(const Session& session, QWidget* parent)
    : ViewPage(parent), session_(session), names_(new DirectoryNames(session.channels, this)) {
  // Organisations by name once the directory answered.
  names_->loadOrganisations();
  connect(names_, &DirectoryNames::namesChanged, this, [this] {
    if (!handover_ok_) return;
    FillOrganisations(*organisations_, shown_report_, organisationName());
    ShowOrganisationCounts(organisation_chart_, shown_report_, organisationName());
  });
  auto* title = new QLabel(tr("<h2>Toezicht</h2>"), this);

  const QDate today = TodayInAmsterdam();
  from_ = NewDateEdit(this, QStringLiteral("periodFrom"), tr("Periode vanaf"), today.addMonths(-3));
  to_ = NewDateEdit(this, QStringLiteral("periodTo"), tr("Periode tot en met"), today);
  auto* from_label = new QLabel(tr("&Periode van"), this);
  from_label->setBuddy(from_);
  auto* to_label = new QLabel(tr("t&ot en met"), this);
  to_label->setBuddy(to_);
  period_marks_.Bind("from", from_);
  period_marks_.Bind("proposed_from", from_);
  period_marks_.Bind("to", to_);
  period_marks_.Bind("proposed_to", to_);

  refresh_button_ = new QPushButton(tr("&Vernieuwen (F5)"), this);
  refresh_button_->setObjectName(QStringLiteral("refreshButton"));
  refresh_button_->setAccessibleName(tr("Toezicht vernieuwen"));
  connect(refresh_button_, &QPushButton::clicked, this, &SupervisionView::refresh);
  export_button_ = new QPushButton(tr("E&xporteren naar CSV…"), this);
  export_button_->setObjectName(QStringLiteral("exportButton"));
  export_button_->setAccessibleName(tr("Rapport exporteren naar CSV"));
  connect(export_button_, &QPushButton::clicked, this, &SupervisionView::exportCsv);
  cancel_button_ = new QPushButton(tr("&Annuleren"), this);
  cancel_button_->setObjectName(QStringLiteral("cancelButton"));
  cancel_button_->setAccessibleName(tr("Ophalen annuleren"));
  cancel_button_->setEnabled(false);
  connect(cancel_button_, &QPushButton::clicked, this, &SupervisionView::cancel);

  auto* top = new QHBoxLayout;
  top->addWidget(title);
  top->addStretch();
  auto* controls = new QHBoxLayout;
  controls->addWidget(from_label);
  controls->addWidget(from_);
  controls->addWidget(to_label);
  controls->addWidget(to_);
  controls->addWidget(refresh_button_);
  controls->addWidget(export_button_);
  controls->addWidget(cancel_button_);
  controls->addStretch();

  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("progress"));
  progress_->setAccessibleName(tr("Bezig met ophalen"));
  progress_->setRange(0, 0);  // busy: the services do not say how far they are
  progress_->setMaximumHeight(8);
  progress_->setTextVisible(false);
  progress_->hide();
  status_ = NewStatusLabel(this, QStringLiteral("supervisionStatus"));

  // Overdrachten: the report's measures and its organisations, the charts below.
  auto* handover_page = new QWidget(this);
  handover_status_ = NewStatusLabel(handover_page, QStringLiteral("handoverStatus"));
  handover_summary_ = NewReportTable(handover_page, QStringLiteral("handoverSummary"),
                                     tr("Overdrachtsrapport"), {tr("Maatstaf"), tr("Waarde")});
  organisations_ = NewReportTable(handover_page, QStringLiteral("organisationTable"),
                                  tr("Overdrachten per organisatie"),
                                  {tr("Organisatie"), tr("Ontvangen"), tr("Geaccepteerd"),
                                   tr("Afgewezen"), tr("Te laat"), tr("Verzonden")});
  time_chart_ = NewChart(handover_page, QStringLiteral("timeToAcceptChart"),
                         tr("Grafiek tijd tot acceptatie"));
  organisation_chart_ = NewChart(handover_page, QStringLiteral("organisationChart"),
                                 tr("Grafiek overdrachten per organisatie"));
  handover_summary_->setMinimumWidth(380);
  time_chart_->setMinimumWidth(320);
  auto* tables = new QHBoxLayout;
  tables->addWidget(handover_summary_, 1);
  tables->addWidget(organisations_, 2);
  auto* charts = new QHBoxLayout;
  charts->addWidget(time_chart_, 1);
  charts->addWidget(organisation_chart_, 2);
  auto* handover_layout = new QVBoxLayout(handover_page);
  handover_layout->addWidget(handover_status_);
  handover_layout->addLayout(tables, 1);
  handover_layout->addLayout(charts, 1);

  // Gaten: open cases without a lead (or with two) at any time.
  auto* gap_page = new QWidget(this);
  gap_status_ = NewStatusLabel(gap_page, QStringLiteral("gapStatus"));
  gaps_ = NewReportTable(gap_page, QStringLiteral("gapList"), tr("Gaten"),
                         {tr("Casus"), tr("Soort"), tr("Begin"), tr("Einde")});
  auto* gap_layout = new QVBoxLayout(gap_page);
  gap_layout->addWidget(gap_status_);
  gap_layout->addWidget(gaps_, 1);

  // Intake: the norms, then the period's measures.
  auto* intake_page = new QWidget(this);
  intake_status_ = NewStatusLabel(intake_page, QStringLiteral("intakeStatus"));
  norm_assessments_ = NewStatusLabel(intake_page, QStringLiteral("normAssessments"));
  norm_investigations_ = NewStatusLabel(intake_page, QStringLiteral("normInvestigations"));
  norms_ = NewReportTable(intake_page, QStringLiteral("normTable"), tr("Normen"),
                          {tr("Norm"), tr("Gemeten"), tr("Op tijd"), tr("Te laat"),
                           tr("Percentage op tijd"), tr("Norm (minimaal)"), tr("Oordeel")});
  intake_summary_ = NewReportTable(intake_page, QStringLiteral("intakeSummary"),
                                   tr("Intakecijfers"), {tr("Maatstaf"), tr("Waarde")});
  auto* intake_layout = new QVBoxLayout(intake_page);
  intake_layout->addWidget(intake_status_);
  intake_layout->addWidget(norm_assessments_);
  intake_layout->addWidget(norm_investigations_);
  intake_layout->addWidget(norms_);
  intake_layout->addWidget(intake_summary_, 1);

  // Vernietiging: the Veilig Thuis files the daily job destroys in the coming month.
  auto* retention_page = new QWidget(this);
  retention_status_ = NewStatusLabel(retention_page, QStringLiteral("retentionStatus"));
  retention_ = NewReportTable(retention_page, QStringLiteral("retentionTable"),
                              tr("Te vernietigen dossiers"),
                              {tr("Melding"), tr("Soort"), tr("Ontvangen"), tr("Afgesloten"),
                               tr("Vernietigd op"), tr("Juridische blokkade")});
  // And the MDA++ cases (of the supervisor's organisation's teams).
  case_retention_status_ = NewStatusLabel(retention_page, QStringLiteral("caseRetentionStatus"));
  case_retention_ = NewReportTable(
      retention_page, QStringLiteral("caseRetentionTable"), tr("Te vernietigen casussen"),
      {tr("Casus"), tr("Gesloten"), tr("Vernietigd op"), tr("Juridische blokkade")});
  auto* retention_layout = new QVBoxLayout(retention_page);
  retention_layout->addWidget(retention_status_);
  retention_layout->addWidget(retention_, 1);
  retention_layout->addWidget(case_retention_status_);
  retention_layout->addWidget(case_retention_, 1);
  // With nothing due both tables hide: their sentences stay at the top.
  retention_layout->addStretch();

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("supervisionTabs"));
  tabs_->setAccessibleName(tr("Onderdelen van het toezicht"));
  tabs_->addTab(handover_page, tr("Over&drachten"));
  tabs_->addTab(gap_page, tr("&Gaten"));
  tabs_->addTab(intake_page, tr("&Intake"));
  tabs_->addTab(retention_page, tr("&Vernietiging"));

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(controls);
  layout->addWidget(progress_);
  layout->addWidget(status_);
  layout->addWidget(tabs_, 1);

  setTabOrder(from_, to_);
  setTabOrder(to_, refresh_button_);
  setTabOrder(refresh_button_, export_button_);
  setTabOrder(export_button_, cancel_button_);
  setTabOrder(cancel_button_, tabs_);
  clearIntake();
}

SupervisionPeriod SupervisionView::period() const { return {from_->date(), to_->date()}; }

void SupervisionView::refresh() { start(Purpose::kShow, {}); }

void SupervisionView::exportCsv() {
  const SupervisionPeriod p = period();
  const QString suggested =
      QDir::home().filePath(QStringLiteral("toezicht-%1-%2.csv")
                                .arg(p.from.toString(QStringLiteral("yyyy-MM-dd")),
                                     p.to.toString(QStringLiteral("yyyy-MM-dd"))));
  const QString path = QFileDialog::getSaveFileName(this, tr("Rapport exporteren"), suggested,
                                                    tr("CSV-bestanden (*.csv)"));
  if (path.isEmpty()) return;
  exportCsvTo(path);
}

void SupervisionView::exportCsvTo(const QString& path) {
  if (busy_) {
    const QString message = tr("Wacht tot het ophalen klaar is, of annuleer het.");
    status_->setText(message);
    emit exported(false, message);
    return;
  }
  start(Purpose::kExport, path);
}

void SupervisionView::start(Purpose purpose, const QString& path) {
  if (busy_) return;
  period_marks_.Clear();
  pending_ = purpose;
  const int fetch = ++fetch_;
  canceller_ = std::make_shared<CallCanceller>();
  setBusy(true, purpose == Purpose::kExport ? tr("Exporteren…") : tr("Laden…"));
  const SupervisionPeriod p = period();
  RunOffUiThread(
      this,
      [channel = session_.channels, p, csv = purpose == Purpose::kExport,
       canceller = canceller_]() { return FetchSupervision(channel, p, csv, *canceller); },
      [this, fetch, purpose, path, p](SupervisionOutcome out) {
        if (fetch != fetch_) return;  // cancelled meanwhile
        finish(purpose, path, p, out);
      });
}

void SupervisionView::cancel() {
  if (!busy_) return;
  canceller_->Cancel();
  ++fetch_;  // its answer, when it comes, is dropped
  setBusy(false, tr("Geannuleerd. De tabellen tonen wat ze eerder toonden."));
  if (pending_ == Purpose::kExport) {
    emit exported(false, tr("Export geannuleerd."));
  } else {
    emit loaded(false);
  }
}

void SupervisionView::setBusy(bool busy, const QString& text) {
  busy_ = busy;
  progress_->setVisible(busy);
  cancel_button_->setEnabled(busy);
  refresh_button_->setEnabled(!busy);
  export_button_->setEnabled(!busy);
  if (!text.isEmpty()) {
    status_->setText(text);
    status_->setToolTip({});
  }
}

void SupervisionView::finish(Purpose purpose, const QString& path, const SupervisionPeriod& p,
                             const SupervisionOutcome& out) {
  setBusy(false, {});
  showHandover(out.handover_status, p, out.handover);
  showIntake(out.intake_status, out.handover_status.ok(), out.intake);
  showRetention(out.retention_status, out.handover_status.ok(), out.retention);
  showCaseRetention(out.case_retention_status, out.case_retention);
  if (handover_ok_) {
    status_->setText(
        tr("Bijgewerkt op %1.").arg(FormatAmsterdam(out.handover.report().generated_at())));
    status_->setToolTip({});
  } else {
    status_->setText(CallErrorText(out.handover_status));
    status_->setToolTip(TechnicalDetail(out.handover_status));
  }
  if (purpose == Purpose::kExport) {
    bool ok = false;
    QString message;
    if (!handover_ok_) {
      message = tr("Niet geëxporteerd: %1").arg(CallErrorText(out.handover_status));
    } else if (const QString error = WriteCsvFile(path, csvTables()); !error.isEmpty()) {
      message = error;
    } else {
      ok = true;
      message = tr("Geëxporteerd naar %1.").arg(QDir::toNativeSeparators(path));
    }
    status_->setText(message);
    emit exported(ok, message);
  }
  emit loaded(handover_ok_);
}

void SupervisionView::showHandover(const grpc::Status& status, const SupervisionPeriod& p,
                                   const v1::GetHandoverReportResponse& answer) {
  handover_ok_ = status.ok();
  if (!status.ok()) {
    const QStringList rest = period_marks_.Show(client::DecodeCallError(status));
    handover_status_->setText(
        CallErrorText(status) +
        (rest.isEmpty() ? QString() : QStringLiteral("\n") + rest.join('\n')));
    handover_status_->setToolTip(TechnicalDetail(status));
    gap_status_->setText(tr("Niet bekend: het overdrachtsrapport kon niet worden opgehaald."));
    gap_status_->setStyleSheet({});
    handover_summary_->setRowCount(0);
    organisations_->setRowCount(0);
    gaps_->setRowCount(0);
    ClearChart(time_chart_);
    ClearChart(organisation_chart_);
    tabs_->setTabText(1, tr("&Gaten"));
    return;
  }
  const v1::HandoverReport& report = answer.report();
  handover_status_->setText(
      tr("Overdrachten voorgesteld van %1 tot en met %2; de gaten over alle casussen.")
          .arg(p.from.toString(QStringLiteral("dd-MM-yyyy")),
               p.to.toString(QStringLiteral("dd-MM-yyyy"))));
  handover_status_->setToolTip({});
  FillHandoverSummary(*handover_summary_, report);
  shown_report_ = report;
  FillOrganisations(*organisations_, report, organisationName());
  FillGaps(*gaps_, report);
  ShowTimeToAccept(time_chart_, report);
  ShowOrganisationCounts(organisation_chart_, report, organisationName());
  if (report.gaps_size() == 0) {
    SetColoured(gap_status_,
                tr("Er zijn geen gaten: geen open casus zat zonder leidende organisatie, of met "
                   "twee."),
                QColor(0x1e, 0x7e, 0x34));
    tabs_->setTabText(1, tr("&Gaten"));
  } else {
    SetColoured(gap_status_,
                tr("%n gat(en): een open casus zat zonder leidende organisatie, of met twee. "
                   "Zoek uit wie de leiding heeft.",
                   nullptr, report.gaps_size()),
                QColor(0xb0, 0x2a, 0x37));
    tabs_->setTabText(1, tr("&Gaten (%1)").arg(report.gaps_size()));
  }
}

void SupervisionView::clearIntake() {
  intake_ok_ = false;
  for (QWidget* w :
       {static_cast<QWidget*>(norm_assessments_), static_cast<QWidget*>(norm_investigations_),
        static_cast<QWidget*>(norms_), static_cast<QWidget*>(intake_summary_)}) {
    w->hide();
  }
  norm_assessments_->clear();
  norm_investigations_->clear();
  norms_->setRowCount(0);
  intake_summary_->setRowCount(0);
}

void SupervisionView::showIntake(const grpc::Status& status, bool handover_ok,
                                 const v1::GetIntakeReportResponse& answer) {
  if (!status.ok()) {
    clearIntake();
    intake_status_->setToolTip(TechnicalDetail(status));
    if (status.error_code() == grpc::StatusCode::PERMISSION_DENIED && handover_ok) {
      // A supervisor the intake figures are not for (the service gives them to Veilig Thuis's).
      intake_status_->setText(
          tr("Het intakeoverzicht is er alleen voor toezichthouders van Veilig Thuis; voor uw "
             "organisatie zijn er geen intakecijfers."));
    } else if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
      intake_status_->setText(tr("Het intakeoverzicht wordt op deze server niet aangeboden."));
    } else if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
      const QStringList rest = period_marks_.Show(client::DecodeCallError(status));
      intake_status_->setText(
          tr("De periode is niet geldig; zie de gemarkeerde datum.") +
          (rest.isEmpty() ? QString() : QStringLiteral("\n") + rest.join('\n')));
    } else {
      intake_status_->setText(CallErrorText(status));
    }
    return;
  }
  intake_ok_ = true;
  const v1::IntakeReport& report = answer.report();
  intake_status_->setText(tr("Meldingen en adviesvragen ontvangen van %1 tot en met %2.")
                              .arg(FormatDate(report.from()), FormatDate(report.to())));
  intake_status_->setToolTip({});
  SetColoured(norm_assessments_, NormLine(AssessmentNormName(), report.assessments()),
              NormColour(report.assessments()));
  SetColoured(norm_investigations_, NormLine(InvestigationNormName(), report.investigations()),
              NormColour(report.investigations()));
  FillNorms(*norms_, report);
  // As high as its two rows: the measures below get the room.
  norms_->setMaximumHeight(norms_->horizontalHeader()->sizeHint().height() +
                           norms_->verticalHeader()->length() + 2 * norms_->frameWidth() + 2);
  FillIntakeSummary(*intake_summary_, report);
  for (QWidget* w :
       {static_cast<QWidget*>(norm_assessments_), static_cast<QWidget*>(norm_investigations_),
        static_cast<QWidget*>(norms_), static_cast<QWidget*>(intake_summary_)}) {
    w->show();
  }
}

void SupervisionView::showRetention(const grpc::Status& status, bool handover_ok,
                                    const v1::ListRetentionResponse& answer) {
  if (!status.ok()) {
    retention_->setRowCount(0);
    retention_->hide();
    retention_status_->setToolTip(TechnicalDetail(status));
    if (status.error_code() == grpc::StatusCode::PERMISSION_DENIED && handover_ok) {
      retention_status_->setText(
          tr("De bewaartermijnen van Veilig Thuis-dossiers zijn er alleen voor toezichthouders "
             "van Veilig Thuis."));
    } else {
      retention_status_->setText(CallErrorText(status));
    }
    return;
  }
  retention_status_->setToolTip({});
  FillRetention(*retention_, answer);
  retention_->setVisible(answer.items_size() > 0);
  if (answer.items_size() == 0) {
    retention_status_->setText(
        tr("De komende %1 dagen wordt geen dossier vernietigd (bewaartermijn: %2 jaar na "
           "afsluiting).")
            .arg(kRetentionDays)
            .arg(answer.retention_years()));
  } else {
    retention_status_->setText(
        tr("%n dossier(s) bereiken de komende %1 dagen het einde van hun bewaartermijn (%2 jaar "
           "na afsluiting) en worden dan vernietigd, behalve bij een juridische blokkade.",
           nullptr, answer.items_size())
            .arg(kRetentionDays)
            .arg(answer.retention_years()) +
        (answer.next_page_token().empty()
             ? QString()
             : tr(" De lijst toont de eerste %1; er zijn er meer.").arg(kRetentionRows)));
  }
}

void SupervisionView::showCaseRetention(const grpc::Status& status,
                                        const v1::ListCaseRetentionResponse& answer) {
  if (!status.ok()) {
    case_retention_->setRowCount(0);
    case_retention_->hide();
    case_retention_status_->setToolTip(TechnicalDetail(status));
    case_retention_status_->setText(CallErrorText(status));
    return;
  }
  case_retention_status_->setToolTip({});
  FillCaseRetention(*case_retention_, answer);
  case_retention_->setVisible(answer.items_size() > 0);
  if (answer.items_size() == 0) {
    case_retention_status_->setText(
        tr("De komende %1 dagen wordt geen MDA++-casus van uw organisatie vernietigd "
           "(bewaartermijn: %2 jaar na sluiting).")
            .arg(kRetentionDays)
            .arg(answer.retention_years()));
    return;
  }
  case_retention_status_->setText(
      tr("%n MDA++-casus(sen) waarin uw organisatie zat, bereiken de komende %1 dagen het einde "
         "van hun bewaartermijn (%2 jaar na sluiting) en worden dan vernietigd, met hun "
         "veiligheidsplan en overdrachten, behalve bij een juridische blokkade.",
         nullptr, answer.items_size())
          .arg(kRetentionDays)
          .arg(answer.retention_years()) +
      (answer.next_page_token().empty()
           ? QString()
           : tr(" De lijst toont de eerste %1; er zijn er meer.").arg(kRetentionRows)));
}

std::vector<CsvTable> SupervisionView::csvTables() const {
  std::vector<CsvTable> tables;
  if (!handover_ok_) return tables;
  tables.push_back(CsvTableOf(*handover_summary_, tr("Overdrachten")));
  tables.push_back(CsvTableOf(*organisations_, tr("Overdrachten per organisatie")));
  tables.push_back(CsvTableOf(*gaps_, tr("Gaten")));
  if (intake_ok_) {
    tables.push_back(CsvTableOf(*norms_, tr("Intake: normen")));
    tables.push_back(CsvTableOf(*intake_summary_, tr("Intake: cijfers")));
  }
  if (retention_->rowCount() > 0) tables.push_back(CsvTableOf(*retention_, tr("Vernietiging")));
  if (case_retention_->rowCount() > 0) {
    tables.push_back(CsvTableOf(*case_retention_, tr("Vernietiging: casussen")));
  }
  return tables;
}

}  // namespace schakel::desktop
