#include "client/desktop/triage_signals.h"

#include <string>
#include <utility>

#include <QCoreApplication>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_text.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

QString ClockName(const std::string& clock) {
  if (clock == "acute") return QCoreApplication::translate("TriageSignalsPanel", "Acuut (24 uur)");
  if (clock == "assessment")
    return QCoreApplication::translate("TriageSignalsPanel",
                                       "Veiligheidsbeoordeling (5 werkdagen)");
  if (clock == "investigation")
    return QCoreApplication::translate("TriageSignalsPanel", "Onderzoek (10 weken)");
  if (clock == "feedback")
    return QCoreApplication::translate("TriageSignalsPanel", "Terugkoppeling aan de melder");
  if (clock == "feedback_investigation")
    return QCoreApplication::translate("TriageSignalsPanel", "Terugkoppeling na onderzoek");
  if (clock == "handover") return QCoreApplication::translate("TriageSignalsPanel", "Overdracht");
  return QString::fromStdString(clock);
}

QString SignalName(const std::string& signal) {
  if (signal == "reminder") return QCoreApplication::translate("TriageSignalsPanel", "Herinnering");
  if (signal == "escalation") return QCoreApplication::translate("TriageSignalsPanel", "Escalatie");
  return QString::fromStdString(signal);
}

}  // namespace

TriageSignalsPanel::TriageSignalsPanel(client::ChannelsPtr channel, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)) {
  table_ = new QTableWidget(0, 7, this);
  table_->setObjectName(QStringLiteral("signalsTable"));
  table_->setAccessibleName(tr("Herinneringen en escalaties"));
  table_->setHorizontalHeaderLabels({tr("Melding"), tr("Termijn"), tr("Soort"), tr("Uiterlijk"),
                                     tr("Aan"), tr("Gemaakt"), tr("Tekst")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  table_->setToolTip(tr("Dubbelklik om de melding te tonen."));
  connect(table_, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
    const QTableWidgetItem* id = table_->item(item->row(), 0);
    if (id != nullptr) emit reportActivated(id->text());
  });
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("signalsStatus"));
  status_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);
}

void TriageSignalsPanel::refresh() {
  if (busy_) return;
  busy_ = true;
  status_->setText(tr("Signalen laden…"));
  RunOffUiThread(
      this,
      [channel = channel_]() {
        CallResult<v1::ListSignalsResponse> out;
        out.status = client::StubOf<v1::IntakeService>(*channel)->ListSignals(
            NewCallContext().get(), v1::ListSignalsRequest(), &out.response);
        return out;
      },
      [this](CallResult<v1::ListSignalsResponse> out) {
        busy_ = false;
        if (!out.status.ok()) {
          status_->setText(
              tr("De signalen konden niet worden opgehaald: %1").arg(CallErrorText(out.status)));
          status_->setToolTip(TechnicalDetail(out.status));
          emit loaded(false);
          return;
        }
        const auto& answered = SignalsOf(out.response);
        shown_.assign(answered.begin(), answered.end());
        showSignals();
        status_->setText(
            shown_.empty()
                ? tr("Geen herinneringen of escalaties in de laatste 30 dagen.")
                : tr("Herinneringen en escalaties: %1").arg(static_cast<int>(shown_.size())));
        status_->setToolTip({});
        emit loaded(true);
      });
}

void TriageSignalsPanel::setNames(DirectoryNames* names) {
  names_ = names;
  if (names_ != nullptr) {
    connect(names_, &DirectoryNames::namesChanged, this, &TriageSignalsPanel::showSignals);
  }
  showSignals();
}

void TriageSignalsPanel::showSignals() {
  table_->setRowCount(static_cast<int>(shown_.size()));
  for (int r = 0; r < static_cast<int>(shown_.size()); ++r) {
    const v1::Signal& s = shown_[r];
    const QString to =
        s.addressee().empty() ? tr("het team") : NameOfProfessional(names_, s.addressee());
    const QStringList cells = {QString::fromStdString(s.report_id()),
                               ClockName(s.clock()),
                               SignalName(s.signal()),
                               FormatDeadline(s.due()),
                               s.signal() == "escalation" ? tr("toezichthouders") : to,
                               FormatAmsterdam(s.create_time()),
                               DutchPart(s.text())};
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      item->setToolTip(cells[col]);
      if (s.signal() == "escalation") {
        item->setForeground(Qt::red);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
      }
      table_->setItem(r, col, item);
    }
  }
  table_->resizeColumnsToContents();
}

}  // namespace schakel::desktop
