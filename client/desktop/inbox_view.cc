#include "client/desktop/inbox_view.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <QAction>
#include <QDate>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/handover_dialogs.h"
#include "client/desktop/handover_sent.h"
#include "client/desktop/inbox_watcher.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.grpc.pb.h"
#include "schakel/v1/safetyplan.grpc.pb.h"

namespace schakel::desktop {

namespace {

// What a row offers (a bit set).
enum InboxAction : int {
  kNoAction = 0,
  kAccept = 1,    // and decline: a handover waiting for my organisation's answer
  kConfirm = 2,   // first contact due
  kWithdraw = 4,  // my organisation's own open proposal
};

// Where a row's handover id and actions are kept (on its first cell).
constexpr int kHandoverIdRole = Qt::UserRole;
constexpr int kActionsRole = Qt::UserRole + 1;
constexpr int kKeyRole = Qt::UserRole + 2;

// One row of the merged inbox.
struct InboxRow {
  QString kind;
  QString case_label;
  QString due_text;
  QDateTime due;  // for ordering; invalid sorts last
  QString text;   // the Dutch part
  bool overdue = false;
  QString handover_id;
  int actions = kNoAction;
  QString key;  // kind and subject: the selection follows it across renders
};

int ActionsOf(v1::InboxItemKind kind) {
  switch (kind) {
    case v1::INBOX_ITEM_KIND_HANDOVER_WAITING:
    case v1::INBOX_ITEM_KIND_REMINDER:
      return kAccept;
    case v1::INBOX_ITEM_KIND_FIRST_CONTACT_DUE:
      return kConfirm;
    default:
      return kNoAction;
  }
}

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

InboxOutcome FetchInbox(const client::ChannelsPtr& channel) {
  InboxOutcome out;
  out.handover_status = client::StubOf<v1::HandoverService>(*channel)->ListInbox(
      NewCallContext().get(), v1::ListInboxRequest(), &out.handovers);
  out.plan_status = client::StubOf<v1::SafetyPlanService>(*channel)->ListPlanInbox(
      NewCallContext().get(), v1::ListPlanInboxRequest(), &out.plans);
  return out;
}

std::vector<InboxRow> MergeInbox(const v1::ListInboxResponse& handovers,
                                 const v1::ListPlanInboxResponse& plans,
                                 const std::vector<v1::Handover>& sent) {
  std::vector<InboxRow> rows;
  for (const v1::InboxItem& item : handovers.items()) {
    const QString id = QString::fromStdString(item.handover_id());
    rows.push_back({.kind = HandoverKindName(item.kind()),
                    .case_label = QString::fromStdString(
                        item.case_reference().empty() ? item.case_id() : item.case_reference()),
                    .due_text = FormatDeadline(item.due()),
                    .due = AmsterdamTime(item.due()),
                    .text = DutchPart(item.text()),
                    .overdue = item.overdue(),
                    .handover_id = id,
                    .actions = id.isEmpty() ? kNoAction : ActionsOf(item.kind()),
                    .key = QStringLiteral("h%1:%2").arg(static_cast<int>(item.kind())).arg(id)});
  }
  for (const v1::Handover& h : sent) {
    const QString id = QString::fromStdString(h.id());
    rows.push_back(
        {.kind = QCoreApplication::translate("InboxKind", "Voorgesteld, wacht op antwoord"),
         .case_label =
             QString::fromStdString(h.case_reference().empty() ? h.case_id() : h.case_reference()),
         .due_text = FormatDeadline(h.accept_deadline()),
         .due = AmsterdamTime(h.accept_deadline()),
         .text = QCoreApplication::translate("InboxKind",
                                             "Overdracht aan %1 (fase %2) wacht op antwoord")
                     .arg(QString::fromStdString(h.to_organisation_id()),
                          PhaseName(h.phase()).toLower()),
         .overdue = false,
         .handover_id = id,
         .actions = kWithdraw,
         .key = QStringLiteral("sent:%1").arg(id)});
  }
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  for (const v1::PlanInboxItem& item : plans.items()) {
    const QDate day(item.due().year(), item.due().month(), item.due().day());
    rows.push_back(
        {.kind = PlanKindName(item.kind()),
         .case_label = QString::fromStdString(item.case_id()),
         .due_text = FormatDate(item.due()),
         .due = day.isValid() ? QDateTime(day, QTime(23, 59), kAmsterdam) : QDateTime(),
         .text = DutchPart(item.text()),
         .overdue = item.overdue(),
         .key = QStringLiteral("p%1:%2:%3")
                    .arg(static_cast<int>(item.kind()))
                    .arg(QString::fromStdString(item.case_id()), DutchPart(item.text()))});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const InboxRow& a, const InboxRow& b) {
    if (a.due.isValid() != b.due.isValid()) return a.due.isValid();
    return a.due < b.due;
  });
  return rows;
}

}  // namespace

InboxView::InboxView(client::ChannelsPtr channel, QWidget* parent)
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

  // The actions on a handover row: buttons under the table and the table's context menu.
  auto make_action = [this](const QString& text, const QString& name, const QString& object,
                            void (InboxView::*slot)()) {
    auto* action = new QAction(text, this);
    action->setObjectName(object + QStringLiteral("Action"));
    action->setEnabled(false);
    connect(action, &QAction::triggered, this, slot);
    auto* button = new QPushButton(text, this);
    button->setObjectName(object + QStringLiteral("Button"));
    button->setAccessibleName(name);
    button->setEnabled(false);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::enabledChanged, button, &QPushButton::setEnabled);
    action_buttons_.push_back(button);
    return action;
  };
  accept_ = make_action(tr("&Accepteren"), tr("Overdracht accepteren"), QStringLiteral("accept"),
                        &InboxView::acceptSelected);
  decline_ = make_action(tr("&Weigeren"), tr("Overdracht weigeren"), QStringLiteral("decline"),
                         &InboxView::declineSelected);
  withdraw_ = make_action(tr("&Intrekken"), tr("Overdracht intrekken"), QStringLiteral("withdraw"),
                          &InboxView::withdrawSelected);
  confirm_ = make_action(tr("&Eerste contact bevestigen"), tr("Eerste contact bevestigen"),
                         QStringLiteral("confirmContact"), &InboxView::confirmContactSelected);
  auto* actions = new QHBoxLayout;
  for (QPushButton* b : action_buttons_) actions->addWidget(b);
  actions->addStretch();
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(table_, &QWidget::customContextMenuRequested, this, &InboxView::showContextMenu);
  connect(table_, &QTableWidget::itemSelectionChanged, this, &InboxView::updateActions);

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
  layout->addLayout(actions);
  layout->addWidget(status_);
  setTabOrder(refresh_button, table_);
  QWidget* previous = table_;
  for (QPushButton* b : action_buttons_) {
    setTabOrder(previous, b);
    previous = b;
  }

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
  if (!sent_.empty()) fetchSent(false);  // one of mine may have been answered
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
        out.status = client::StubOf<v1::SafetyPlanService>(*channel)->ListPlanInbox(
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
  fetchSent(true);
  if (busy_) {
    refresh_again_ = true;
    return;
  }
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
        if (refresh_again_) {
          refresh_again_ = false;
          refresh();
        }
      });
}

void InboxView::fetchSent(bool full) {
  if (sent_busy_) {
    sent_again_ = true;
    sent_again_full_ = sent_again_full_ || full;
    return;
  }
  sent_busy_ = true;
  RunOffUiThread(
      this,
      [channel = channel_, full, known = sent_]() {
        return full ? FetchSentHandovers(channel) : RecheckSentHandovers(channel, known);
      },
      [this](SentHandovers out) {
        sent_busy_ = false;
        sent_status_ = out.status;
        if (out.status.ok()) sent_ = std::move(out.handovers);
        render();
        if (sent_again_) {
          const bool full_again = sent_again_full_;
          sent_again_ = false;
          sent_again_full_ = false;
          fetchSent(full_again);
        }
      });
}

QString InboxView::selectedHandover(int action) const {
  const QList<QTableWidgetItem*> selected = table_->selectedItems();
  if (selected.isEmpty()) return {};
  const QTableWidgetItem* first = table_->item(selected.first()->row(), 0);
  if (first == nullptr || (first->data(kActionsRole).toInt() & action) == 0) return {};
  return first->data(kHandoverIdRole).toString();
}

void InboxView::updateActions() {
  accept_->setEnabled(!selectedHandover(kAccept).isEmpty());
  decline_->setEnabled(!selectedHandover(kAccept).isEmpty());
  withdraw_->setEnabled(!selectedHandover(kWithdraw).isEmpty());
  confirm_->setEnabled(!selectedHandover(kConfirm).isEmpty());
}

void InboxView::showContextMenu(const QPoint& pos) {
  if (table_->itemAt(pos) == nullptr) return;
  QMenu menu(this);
  menu.setObjectName(QStringLiteral("inboxMenu"));
  menu.addAction(accept_);
  menu.addAction(decline_);
  menu.addAction(withdraw_);
  menu.addAction(confirm_);
  menu.exec(table_->viewport()->mapToGlobal(pos));
}

template <typename Dialog>
void InboxView::openDialog(const QString& handover_id) {
  if (handover_id.isEmpty()) return;
  auto* dialog = new Dialog(channel_, handover_id, this);
  connect(dialog, &HandoverActionDialog::changed, this, [this](const QString& id) {
    emit handoverChanged(id);
    refresh();
  });
  connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
  dialog->open();
}

void InboxView::acceptSelected() { openDialog<AcceptHandoverDialog>(selectedHandover(kAccept)); }
void InboxView::declineSelected() { openDialog<DeclineHandoverDialog>(selectedHandover(kAccept)); }
void InboxView::withdrawSelected() {
  openDialog<WithdrawHandoverDialog>(selectedHandover(kWithdraw));
}
void InboxView::confirmContactSelected() {
  openDialog<ConfirmContactDialog>(selectedHandover(kConfirm));
}

void InboxView::render() {
  // The selection follows its row's subject (rows move as items come and go).
  QString selected_key;
  if (const QList<QTableWidgetItem*> sel = table_->selectedItems(); !sel.isEmpty()) {
    if (const QTableWidgetItem* first = table_->item(sel.first()->row(), 0)) {
      selected_key = first->data(kKeyRole).toString();
    }
  }
  const std::vector<InboxRow> rows = MergeInbox(handovers_, plans_, sent_);
  const QSignalBlocker quiet(table_);
  table_->clearSelection();
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
      if (col == 0) {
        item->setData(kHandoverIdRole, row.handover_id);
        item->setData(kActionsRole, row.actions);
        item->setData(kKeyRole, row.key);
      }
      table_->setItem(r, col, item);
    }
  }
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    if (!selected_key.isEmpty() && rows[r].key == selected_key) {
      table_->selectRow(r);
      break;
    }
  }
  table_->resizeColumnsToContents();
  updateActions();
  const bool ok = handover_status_.ok() && plan_status_.ok() && sent_status_.ok();
  if (busy_) {
    // The F5 answer is still to come; its render sets the status line.
  } else if (ok) {
    status_->setText(rows.empty() ? tr("Er wacht niets op u.")
                                  : tr("Aantal items: %1").arg(rows.size()));
    status_->setToolTip({});
  } else {
    const grpc::Status& failed = !handover_status_.ok() ? handover_status_
                                 : !plan_status_.ok()   ? plan_status_
                                                        : sent_status_;
    status_->setText(tr("Niet alles kon worden opgehaald: %1").arg(CallErrorText(failed)));
    status_->setToolTip(TechnicalDetail(failed));
  }
}

}  // namespace schakel::desktop
