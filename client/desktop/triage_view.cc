#include "client/desktop/triage_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "client/desktop/triage_assessment_form.h"
#include "client/desktop/triage_feedback.h"
#include "client/desktop/triage_queue.h"
#include "client/desktop/triage_report_panel.h"
#include "client/desktop/triage_signals.h"

namespace schakel::desktop {

TriageView::TriageView(const Session& session, QWidget* parent)
    : ViewPage(parent), session_(session) {
  auto* title = new QLabel(tr("<h2>Triage</h2>"), this);
  auto* refresh_button = new QPushButton(tr("&Vernieuwen (F5)"), this);
  refresh_button->setAccessibleName(tr("Triage vernieuwen"));
  connect(refresh_button, &QPushButton::clicked, this, &TriageView::refresh);
  auto* top = new QHBoxLayout;
  top->addWidget(title);
  top->addStretch();
  top->addWidget(refresh_button);

  queue_ = new TriageQueue(session_, this);
  report_ = new TriageReportPanel(session_.channel, this);
  form_ = new TriageAssessmentForm(session_.channel, this);
  feedback_ = new TriageFeedbackPanel(session_.channel, this);
  signals_panel_ = new TriageSignalsPanel(session_.channel, this);

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
}

}  // namespace schakel::desktop
