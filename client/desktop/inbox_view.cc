#include "client/desktop/inbox_view.h"

#include <algorithm>
#include <string>
#include <vector>

#include <QDate>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

constexpr int kInboxPollMs = 30'000;

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

std::vector<InboxRow> MergeInbox(const InboxOutcome& in) {
  std::vector<InboxRow> rows;
  for (const v1::InboxItem& item : in.handovers.items()) {
    rows.push_back({.kind = HandoverKindName(item.kind()),
                    .case_label = QString::fromStdString(
                        item.case_reference().empty() ? item.case_id() : item.case_reference()),
                    .due_text = FormatDeadline(item.due()),
                    .due = AmsterdamTime(item.due()),
                    .text = DutchPart(item.text()),
                    .overdue = item.overdue()});
  }
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  for (const v1::PlanInboxItem& item : in.plans.items()) {
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

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);

  poll_ = new QTimer(this);
  poll_->setInterval(kInboxPollMs);
  connect(poll_, &QTimer::timeout, this, &InboxView::refresh);
  poll_->start();
}

void InboxView::refresh() {
  if (busy_) return;
  busy_ = true;
  status_->setText(tr("Laden…"));
  RunOffUiThread(
      this, [channel = channel_]() { return FetchInbox(channel); },
      [this](InboxOutcome out) {
        busy_ = false;
        const std::vector<InboxRow> rows = MergeInbox(out);
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
        const bool ok = out.handover_status.ok() && out.plan_status.ok();
        if (ok) {
          status_->setText(rows.empty() ? tr("Er wacht niets op u.")
                                        : tr("Aantal items: %1").arg(rows.size()));
          status_->setToolTip({});
        } else {
          const grpc::Status& failed =
              out.handover_status.ok() ? out.plan_status : out.handover_status;
          status_->setText(tr("Niet alles kon worden opgehaald: %1").arg(CallErrorText(failed)));
          status_->setToolTip(TechnicalDetail(failed));
        }
        emit loaded(ok);
      });
}

}  // namespace schakel::desktop
