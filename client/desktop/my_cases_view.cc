#include "client/desktop/my_cases_view.h"

#include <string>
#include <vector>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_window.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"

namespace schakel::desktop {

namespace {

// Enough pages for any one person's cases; a region has some fifty MDA++ families a year.
constexpr int kMaxCasePages = 20;

struct MyCasesOutcome {
  grpc::Status status;
  std::vector<v1::CaseSummary> cases;
};

MyCasesOutcome FetchMyCases(const client::ChannelsPtr& channel) {
  MyCasesOutcome out;
  auto stub = client::StubOf<v1::CaseService>(*channel);
  v1::ListMyCasesRequest req;
  req.set_page_size(200);
  for (int page = 0; page < kMaxCasePages; ++page) {
    v1::ListMyCasesResponse resp;
    out.status = stub->ListMyCases(NewCallContext().get(), req, &resp);
    if (!out.status.ok()) return out;
    out.cases.insert(out.cases.end(), resp.cases().begin(), resp.cases().end());
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  return out;
}

}  // namespace

MyCasesView::MyCasesView(client::ChannelsPtr channel, QWidget* parent)
    : ViewPage(parent), channel_(std::move(channel)) {
  auto* title = new QLabel(tr("<h2>Mijn casussen</h2>"), this);
  auto* refresh_button = new QPushButton(tr("&Vernieuwen (F5)"), this);
  refresh_button->setAccessibleName(tr("Mijn casussen vernieuwen"));
  connect(refresh_button, &QPushButton::clicked, this, &MyCasesView::refresh);
  open_ = new QPushButton(tr("&Openen"), this);
  open_->setObjectName(QStringLiteral("openCase"));
  open_->setAccessibleName(tr("Geselecteerde casus openen"));
  open_->setEnabled(false);
  connect(open_, &QPushButton::clicked, this, &MyCasesView::openSelected);
  auto* top = new QHBoxLayout;
  top->addWidget(title);
  top->addStretch();
  top->addWidget(open_);
  top->addWidget(refresh_button);

  table_ = new QTableWidget(0, 6, this);
  table_->setObjectName(QStringLiteral("casesTable"));
  table_->setAccessibleName(tr("Mijn casussen"));
  table_->setHorizontalHeaderLabels({tr("Kenmerk"), tr("Mijn rol"), tr("Status"), tr("Geopend"),
                                     tr("Open acties"), tr("Te laat")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  // Double-click or Enter on a row opens the case.
  connect(table_, &QTableWidget::itemActivated, this, &MyCasesView::openSelected);
  connect(table_, &QTableWidget::itemSelectionChanged, this,
          [this] { open_->setEnabled(table_->currentRow() >= 0); });

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("casesStatus"));
  status_->setWordWrap(true);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);
  setTabOrder(table_, open_);
  setTabOrder(open_, refresh_button);
}

void MyCasesView::openSelected() {
  const int row = table_->currentRow();
  if (row < 0 || table_->item(row, 0) == nullptr) return;
  const QTableWidgetItem* item = table_->item(row, 0);
  openCase(item->data(Qt::UserRole).toString(), item->text());
}

CaseWindow* MyCasesView::openCase(const QString& case_id, const QString& reference) {
  if (CaseWindow* open = caseWindow(case_id)) {
    open->show();
    open->raise();
    open->activateWindow();
    return open;
  }
  // A window of its own, owned by this view (it goes when the session does).
  auto* window = new CaseWindow(channel_, case_id, reference, this);
  window->setAttribute(Qt::WA_DeleteOnClose);
  connect(window, &CaseWindow::proposeHandoverRequested, this,
          &MyCasesView::proposeHandoverRequested);
  windows_[case_id] = window;
  window->show();
  emit caseWindowOpened(window);
  return window;
}

CaseWindow* MyCasesView::caseWindow(const QString& case_id) const {
  auto it = windows_.find(case_id);
  return it != windows_.end() ? it->second.data() : nullptr;
}

void MyCasesView::refresh() {
  if (busy_) return;
  busy_ = true;
  status_->setText(tr("Laden…"));
  RunOffUiThread(
      this, [channel = channel_]() { return FetchMyCases(channel); },
      [this](MyCasesOutcome out) {
        busy_ = false;
        if (!out.status.ok()) {
          status_->setText(CallErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          emit loaded(false);
          return;
        }
        table_->setRowCount(static_cast<int>(out.cases.size()));
        int row = 0;
        for (const v1::CaseSummary& c : out.cases) {
          const QStringList cells = {QString::fromStdString(c.reference()),
                                     CaseRoleName(c.my_role()),
                                     CaseStatusName(c.status()),
                                     FormatAmsterdam(c.create_time()),
                                     QString::number(c.open_actions()),
                                     QString::number(c.overdue_actions() + c.overdue_follow_ups())};
          for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (col == 0) item->setData(Qt::UserRole, QString::fromStdString(c.id()));
            if (col == 5 && c.overdue_actions() + c.overdue_follow_ups() > 0) {
              item->setForeground(Qt::red);
            }
            table_->setItem(row, col, item);
          }
          ++row;
        }
        table_->resizeColumnsToContents();
        status_->setText(out.cases.empty() ? tr("U staat op geen enkele casus.")
                                           : tr("Aantal casussen: %1").arg(out.cases.size()));
        status_->setToolTip({});
        emit loaded(true);
      });
}

}  // namespace schakel::desktop
