#include "client/desktop/inbox_view.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <QDate>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/inbox_watcher.h"
#include "client/desktop/rpc_runner.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

// One row of the merged inbox.
struct InboxRow {
  QString kind;
  QString case_label;
  QString due_text;
  QDateTime due;  // for ordering; invalid sorts last
  QString text;   // the Dutch part
  bool overdue = false;
};

struct InboxOutcome {
  grpc::Status handover_status;
  grpc::Status plan_status;
  v1::ListInboxResponse handovers;
  v1::ListPlanInboxResponse plans;
};

QString HandoverKindName(v1::InboxItemKind kind) {
  switch (kind) {
    case v1::INBOX_ITEM_KIND_HANDOVER_WAITING:
      return QCoreApplication::translate("InboxKind", "Overdracht wacht op antwoord");
    case v1::INBOX_ITEM_KIND_REMINDER:
      return QCoreApplication::translate("InboxKind", "Herinnering overdracht");
    case v1::INBOX_ITEM_KIND_ESCALATION_NOT_ACCEPTED:
      return QCoreApplication::translate("InboxKind", "Escalatie: niet op tijd geaccepteerd");
    case v1::INBOX_ITEM_KIND_ESCALATION_NO_FIRST_CONTACT:
      return QCoreApplication::translate("InboxKind", "Escalatie: geen eerste contact");
    case v1::INBOX_ITEM_KIND_FIRST_CONTACT_DUE:
      return QCoreApplication::translate("InboxKind", "Eerste contact bevestigen");
    default:
      return QCoreApplication::translate("InboxKind", "Overdracht");
  }
}

QString PlanKindName(v1::PlanInboxItemKind kind) {
  switch (kind) {
    case v1::PLAN_INBOX_ITEM_KIND_REMINDER:
      return QCoreApplication::translate("InboxKind", "Herinnering veiligheidsplan");
    case v1::PLAN_INBOX_ITEM_KIND_ESCALATION:
      return QCoreApplication::translate("InboxKind", "Escalatie veiligheidsplan");
    case v1::PLAN_INBOX_ITEM_KIND_INCIDENT:
      return QCoreApplication::translate("InboxKind", "Incident");
    default:
      return QCoreApplication::translate("InboxKind", "Veiligheidsplan");
  }
}

InboxOutcome FetchInbox(const std::shared_ptr<grpc::Channel>& channel) {
  InboxOutcome out;
  out.handover_status = v1::HandoverService::NewStub(channel)->ListInbox(
      NewCallContext().get(), v1::ListInboxRequest(), &out.handovers);
  out.plan_status = v1::SafetyPlanService::NewStub(channel)->ListPlanInbox(
      NewCallContext().get(), v1::ListPlanInboxRequest(), &out.plans);
  return out;
}

std::vector<InboxRow> MergeInbox(const v1::ListInboxResponse& handovers,
                                 const v1::ListPlanInboxResponse& plans) {
  std::vector<InboxRow> rows;
  for (const v1::InboxItem& item : handovers.items()) {
    rows.push_back({.kind = HandoverKindName(item.kind()),
                    .case_label = QString::fromStdString(
                        item.case_reference().empty() ? item.case_id() : item.case_reference()),
                    .due_text = FormatDeadline(item.due()),
                    .due = AmsterdamTime(item.due()),
                    .text = DutchPart(item.text()),
                    .overdue = item.overdue()});
  }
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  for (const v1::PlanInboxItem& item : plans.items()) {
    const QDate day(item.due().year(), item.due().month(), item.due().day());
    rows.push_back({.kind = PlanKindName(item.kind()),
                    .case_label = QString::fromStdString(item.case_id()),
                    .due_text = FormatDate(item.due()),
                    .due = day.isValid() ? QDateTime(day, QTime(23, 59), kAmsterdam) : QDateTime(),
                    .text = DutchPart(item.text()),
                    .overdue = item.overdue()});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const InboxRow& a, const InboxRow& b) {
    if (a.due.isValid() != b.due.isValid()) return a.due.isValid();
    return a.due < b.due;
  });
  return rows;
}

}  // namespace

InboxView::InboxView(std::shared_ptr<grpc::Channel> channel, QWidget* parent)
    : ViewPage(parent), channel_(std::move(channel)) {
  auto* title = new QLabel(tr("<h2>Inbox</h2>"), this);
  auto* refresh_button = new QPushButton(tr("&Vernieuwen (F5)"), this);
  refresh_button->setAccessibleName(tr("Inbox vernieuwen"));
  connect(refresh_button, &QPushButton::clicked, this, &InboxView::refresh);
  auto* top = new QHBoxLayout;
  top->addWidget(title);
  top->addStretch();
  top->addWidget(refresh_button);

  table_ = new QTableWidget(0, 4, this);
  table_->setObjectName(QStringLiteral("inboxTable"));
  table_->setAccessibleName(tr("Inbox"));
  table_->setHorizontalHeaderLabels(
      {tr("Soort"), tr("Casus"), tr("Uiterlijk"), tr("Omschrijving")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("inboxStatus"));
  status_->setWordWrap(true);

  banner_ = new QLabel(tr("Verbinding met de server verbroken; opnieuw verbinden…"), this);
  banner_->setObjectName(QStringLiteral("connectionBanner"));
  banner_->setWordWrap(true);
  banner_->setStyleSheet(
      QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 6px; }"));
  banner_->hide();

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(banner_);
  layout->addLayout(top);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);

  watcher_ = new InboxWatcher(channel_, this);
  connect(watcher_, &InboxWatcher::inboxChanged, this, &InboxView::onWatched);
  connect(
      watcher_, &InboxWatcher::connectionLost, this,
      [this](const grpc::Status& status, std::chrono::milliseconds) { onConnectionLost(status); });
  watcher_->start();
}

void InboxView::onWatched(const v1::ListInboxResponse& inbox) {
  ++watched_;
  banner_->hide();
  handovers_ = inbox;
  handover_status_ = grpc::Status::OK;
  render();
  fetchPlans();
}

void InboxView::onConnectionLost(const grpc::Status& status) {
  banner_->setToolTip(TechnicalDetail(status));
  banner_->show();
}

void InboxView::fetchPlans() {
  if (plans_busy_) {
    plans_again_ = true;
    return;
  }
  plans_busy_ = true;
  RunOffUiThread(
      this,
      [channel = channel_]() {
        CallResult<v1::ListPlanInboxResponse> out;
        out.status = v1::SafetyPlanService::NewStub(channel)->ListPlanInbox(
            NewCallContext().get(), v1::ListPlanInboxRequest(), &out.response);
        return out;
      },
      [this](CallResult<v1::ListPlanInboxResponse> out) {
        plans_busy_ = false;
        plan_status_ = out.status;
        if (out.status.ok()) plans_ = std::move(out.response);
        render();
        emit loaded(handover_status_.ok() && plan_status_.ok());
        if (plans_again_) {
          plans_again_ = false;
          fetchPlans();
        }
      });
}

void InboxView::refresh() {
  if (busy_) return;
  busy_ = true;
  status_->setText(tr("Laden…"));
  const int watched_before = watched_;
  RunOffUiThread(
      this, [channel = channel_]() { return FetchInbox(channel); },
      [this, watched_before](InboxOutcome out) {
        busy_ = false;
        // A message of the stream that came meanwhile is at least as new as this answer.
        if (watched_ == watched_before) {
          handover_status_ = out.handover_status;
          if (out.handover_status.ok()) handovers_ = std::move(out.handovers);
        }
        plan_status_ = out.plan_status;
        if (out.plan_status.ok()) plans_ = std::move(out.plans);
        render();
        emit loaded(handover_status_.ok() && plan_status_.ok());
      });
}

void InboxView::render() {
  const std::vector<InboxRow> rows = MergeInbox(handovers_, plans_);
  table_->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const InboxRow& row = rows[r];
    const QString due = row.overdue ? tr("%1 (te laat)").arg(row.due_text) : row.due_text;
    const QStringList cells = {row.kind, row.case_label, due, row.text};
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      item->setToolTip(cells[col]);  // the description is often wider than its column
      if (row.overdue) {
        item->setForeground(Qt::red);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
      }
      table_->setItem(r, col, item);
    }
  }
  table_->resizeColumnsToContents();
  const bool ok = handover_status_.ok() && plan_status_.ok();
  if (busy_) {
    // The F5 answer is still to come; its render sets the status line.
  } else if (ok) {
    status_->setText(rows.empty() ? tr("Er wacht niets op u.")
                                  : tr("Aantal items: %1").arg(rows.size()));
    status_->setToolTip({});
  } else {
    const grpc::Status& failed = handover_status_.ok() ? plan_status_ : handover_status_;
    status_->setText(tr("Niet alles kon worden opgehaald: %1").arg(CallErrorText(failed)));
    status_->setToolTip(TechnicalDetail(failed));
  }
}

}  // namespace schakel::desktop
