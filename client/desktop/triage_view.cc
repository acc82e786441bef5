#include "client/desktop/triage_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "client/desktop/triage_assessment_form.h"
#include "client/desktop/triage_feedback.h"
#include "client/desktop/triage_handed.h"
#include "client/desktop/triage_queue.h"
#include "client/desktop/triage_report_panel.h"
#include "client/desktop/triage_signals.h"
#include "client/desktop/triage_text.h"

namespace schakel::desktop {

namespace {

// The roles ListHandedReports answers (the receiving organisation's).
bool ReceivesHandedReports(const v1::WhoAmIResponse& me) {
  for (int role : me.roles()) {
    if (role == v1::ROLE_PROFESSIONAL || role == v1::ROLE_CASE_DIRECTOR ||
        role == v1::ROLE_SUPERVISOR) {
      return true;
    }
  }
  return false;
}

}  // namespace

TriageView::TriageView(const Session& session, QWidget* parent)
    : ViewPage(parent), session_(session) {
  auto* title = new QLabel(tr("<h2>Triage</h2>"), this);
  auto* refresh_button = new QPushButton(tr("&Vernieuwen (F5)"), this);
  refresh_button->setAccessibleName(tr("Triage vernieuwen"));
  connect(refresh_button, &QPushButton::clicked, this, &TriageView::refresh);
  open_edit_ = new QLineEdit(this);
  open_edit_->setObjectName(QStringLiteral("openReportEdit"));
  open_edit_->setAccessibleName(tr("Meldingnummer om te tonen"));
  open_edit_->setPlaceholderText(tr("Meldingnummer"));
  open_edit_->setClearButtonEnabled(true);
  auto* open_label = new QLabel(tr("Meldingn&ummer:"), this);
  open_label->setBuddy(open_edit_);
  auto* open_button = new QPushButton(tr("To&nen"), this);
  open_button->setObjectName(QStringLiteral("openReportButton"));
  open_button->setAccessibleName(tr("Melding met dit nummer tonen"));
  auto open = [this] {
    const QString id = open_edit_->text().trimmed();
    if (!id.isEmpty()) openReport(id);
  };
  connect(open_button, &QPushButton::clicked, this, open);
  connect(open_edit_, &QLineEdit::returnPressed, this, open);
  auto* top = new QHBoxLayout;
  top->addWidget(title);
  top->addStretch();
  top->addWidget(open_label);
  top->addWidget(open_edit_);
  top->addWidget(open_button);
  top->addWidget(refresh_button);

  queue_ = new TriageQueue(session_, this);
  report_ = new TriageReportPanel(session_.channels, this);
  form_ = new TriageAssessmentForm(session_.channels, this);
  feedback_ = new TriageFeedbackPanel(session_.channels, this);
  signals_panel_ = new TriageSignalsPanel(session_.channels, this);
  names_ = new DirectoryNames(session_.channels, this);
  queue_->setNames(names_);
  report_->setNames(names_);
  feedback_->setNames(names_);
  signals_panel_->setNames(names_);
  if (ReceivesHandedReports(session_.me)) {
    handed_ = new TriageHandedPanel(session_.channels, names_, this);
    handed_->setObjectName(QStringLiteral("handedPanel"));
  }

  report_tabs_ = new QTabWidget(this);
  report_tabs_->setObjectName(QStringLiteral("reportTabs"));
  report_tabs_->addTab(report_, tr("&Melding en radar"));
  report_tabs_->addTab(form_, tr("&Beoordeling"));

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(queue_);
  splitter->addWidget(report_tabs_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("triageTabs"));
  tabs_->addTab(splitter, tr("&Wachtrij"));
  tabs_->addTab(feedback_, tr("&Terugkoppeling"));
  tabs_->addTab(signals_panel_, tr("&Signalen"));
  if (handed_ != nullptr) tabs_->addTab(handed_, tr("Over&gedragen meldingen"));

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(tabs_, 1);

  // The selected report shows in the panel and is the one the form assesses.
  connect(queue_, &TriageQueue::reportSelected, this, [this](const QString& id) {
    report_->showReport(id);
    form_->setReport(id);
  });
  // A claim changes who holds the report: show it as the service has it now.
  connect(queue_, &TriageQueue::claimChanged, this, [this](const QString& id) {
    if (report_->reportId() == id) report_->showReport(id);
  });
  // A converted advice request or a completed investigation: its term and tasks changed.
  connect(report_, &TriageReportPanel::reportChanged, this, [this] {
    queue_->refresh();
    feedback_->refresh();
  });
  connect(feedback_, &TriageFeedbackPanel::reportActivated, this, &TriageView::openReport);
  connect(signals_panel_, &TriageSignalsPanel::reportActivated, this, &TriageView::openReport);
  // An assessed report leaves the queue and opens a feedback task.
  connect(form_, &TriageAssessmentForm::assessed, this, [this] {
    queue_->refresh();
    feedback_->refresh();
  });
}

void TriageView::refresh() {
  queue_->refresh();
  feedback_->refresh();
  signals_panel_->refresh();
  if (handed_ != nullptr) handed_->refresh();
}

void TriageView::openReport(const QString& report_id) {
  tabs_->setCurrentIndex(0);
  report_tabs_->setCurrentWidget(report_);
  queue_->selectReport(report_id);  // selects it, or clears the selection (and the panel)
  if (report_->reportId() != report_id) {
    report_->showReport(report_id);
    form_->setReport(report_id);
  }
}

}  // namespace schakel::desktop
