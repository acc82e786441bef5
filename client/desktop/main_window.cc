#include "client/desktop/main_window.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include "client/desktop/audit_view.h"
#include "client/desktop/case_window.h"
#include "client/desktop/display.h"
#include "client/desktop/handover_dialogs.h"
#include "client/desktop/inbox_view.h"
#include "client/desktop/my_cases_view.h"
#include "client/desktop/supervision_view.h"
#include "client/desktop/triage_handed.h"
#include "client/desktop/triage_view.h"
#include "client/desktop/view_page.h"

namespace schakel::desktop {

namespace {

// Ctrl+1 ... Ctrl+6 open the side bar's views.
constexpr int kJumpShortcuts = 6;

const char* PageName(View view) {
  switch (view) {
    case View::kTriage:
      return "triagePage";
    case View::kMyCases:
      return "myCasesPage";
    case View::kInbox:
      return "inboxPage";
    case View::kHandedReports:
      return "handedReportsPage";
    case View::kSupervision:
      return "supervisionPage";
    case View::kAudit:
      return "auditPage";
  }
  return "page";
}

}  // namespace

MainWindow::MainWindow(Session session, QWidget* parent)
    : QMainWindow(parent), session_(std::move(session)) {
  setWindowTitle(tr("Schakel"));
  views_ = ViewsForRoles(RolesOf(session_.me));

  identity_ = new QLabel(IdentitySummary(session_.me), this);
  identity_->setObjectName(QStringLiteral("identity"));
  identity_->setAccessibleName(tr("Aangemeld als"));
  identity_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  side_bar_ = new QListWidget(this);
  side_bar_->setObjectName(QStringLiteral("sideBar"));
  side_bar_->setAccessibleName(tr("Onderdelen"));
  side_bar_->setMaximumWidth(220);
  stack_ = new QStackedWidget(this);
  stack_->setObjectName(QStringLiteral("pages"));

  for (size_t i = 0; i < views_.size(); ++i) {
    auto* item = new QListWidgetItem(ViewTitle(views_[i]), side_bar_);
    if (i < kJumpShortcuts) item->setToolTip(tr("Ctrl+%1").arg(i + 1));
    ViewPage* p = makePage(views_[i]);
    p->setObjectName(QString::fromLatin1(PageName(views_[i])));
    pages_.push_back(p);
    stack_->addWidget(p);
  }
  if (views_.empty()) {
    auto* none = new QLabel(tr("Uw rollen geven geen toegang tot een onderdeel van deze "
                               "toepassing. Neem contact op met uw beheerder."),
                            this);
    none->setWordWrap(true);
    stack_->addWidget(none);
  }
  connect(side_bar_, &QListWidget::currentRowChanged, this, &MainWindow::showView);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(side_bar_);
  splitter->addWidget(stack_);
  splitter->setStretchFactor(1, 1);

  connection_banner_ = new QLabel(
      tr("Geen verbinding met de server. Schakel probeert het steeds opnieuw; wat u ziet kan "
         "verouderd zijn."),
      this);
  connection_banner_->setObjectName(QStringLiteral("windowConnectionBanner"));
  connection_banner_->setAccessibleName(tr("Verbindingsstatus"));
  connection_banner_->setWordWrap(true);
  connection_banner_->setStyleSheet(
      QStringLiteral("background: #fdecea; color: #8a1c12; padding: 6px; font-weight: bold;"));
  connection_banner_->hide();
  auto* connection_timer = new QTimer(this);
  connection_timer->setInterval(1000);
  connect(connection_timer, &QTimer::timeout, this, &MainWindow::checkConnection);
  connection_timer->start();

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->addWidget(identity_);
  layout->addWidget(connection_banner_);
  layout->addWidget(splitter, 1);
  setCentralWidget(central);
  statusBar()->showMessage(tr("Verbonden met %1").arg(session_.server));

  auto* refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
  connect(refresh, &QShortcut::activated, this, &MainWindow::refreshCurrent);
  for (int i = 0; i < kJumpShortcuts; ++i) {
    auto* jump = new QShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
    connect(jump, &QShortcut::activated, this, [this, i] { showView(i); });
  }
  if (!views_.empty()) side_bar_->setCurrentRow(0);
  resize(1000, 640);
}

ViewPage* MainWindow::makePage(View view) {
  switch (view) {
    case View::kMyCases: {
      auto* cases = new MyCasesView(session_.channels, stack_);
      // "Overdracht voorstellen" in a case window: the inbox part's dialog, over that window;
      // once proposed, the window shows the pending handover.
      connect(cases, &MyCasesView::caseWindowOpened, this, [this](CaseWindow* window) {
        connect(window, &CaseWindow::proposeHandoverRequested, window,
                [this, window](const QString& case_id) {
                  auto* dialog = new ProposeHandoverDialog(session_.channels, case_id, window);
                  dialog->setAttribute(Qt::WA_DeleteOnClose);
                  connect(dialog, &ProposeHandoverDialog::proposed, window, &CaseWindow::refresh);
                  dialog->open();
                });
      });
      return cases;
    }
    case View::kInbox:
      return new InboxView(session_.channels, stack_);
    case View::kHandedReports:
      return new TriageHandedPanel(session_.channels, nullptr, stack_);
    case View::kTriage:
      return new TriageView(session_, stack_);
    case View::kSupervision:
      return new SupervisionView(session_, stack_);
    case View::kAudit:
      return new AuditView(session_, stack_);
  }
  return nullptr;
}

ViewPage* MainWindow::page(View view) const {
  for (size_t i = 0; i < views_.size(); ++i) {
    if (views_[i] == view) return pages_[i];
  }
  return nullptr;
}

void MainWindow::showView(int index) {
  if (index < 0 || index >= static_cast<int>(pages_.size())) return;
  if (side_bar_->currentRow() != index) {
    side_bar_->setCurrentRow(index);  // comes back here through currentRowChanged
    return;
  }
  const bool first_visit = !pages_[index]->property("visited").toBool();
  stack_->setCurrentWidget(pages_[index]);
  if (first_visit) {
    pages_[index]->setProperty("visited", true);
    pages_[index]->refresh();
  }
}

void MainWindow::checkConnection() {
  if (!session_.channels) return;
  // Never blocks: the state as it is now; an idle channel starts connecting. With a channel per
  // service, one that fails is enough for the banner, and all must be ready to take it away.
  bool failing = false;
  bool ready = true;
  for (const auto& channel : session_.channels->All()) {
    const grpc_connectivity_state state = channel->GetState(/*try_to_connect=*/true);
    failing = failing || state == GRPC_CHANNEL_TRANSIENT_FAILURE;
    ready = ready && state == GRPC_CHANNEL_READY;
  }
  if (failing) {
    if (connection_banner_->isHidden()) {
      connection_banner_->show();
      statusBar()->showMessage(tr("Geen verbinding met %1").arg(session_.server));
    }
  } else if (ready && !connection_banner_->isHidden()) {
    connection_banner_->hide();
    statusBar()->showMessage(tr("Verbonden met %1").arg(session_.server));
  }
}

void MainWindow::refreshCurrent() {
  if (auto* current = qobject_cast<ViewPage*>(stack_->currentWidget())) current->refresh();
}

}  // namespace schakel::desktop
