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
#include <QVBoxLayout>

#include "client/desktop/audit_view.h"
#include "client/desktop/display.h"
#include "client/desktop/inbox_view.h"
#include "client/desktop/my_cases_view.h"
#include "client/desktop/supervision_view.h"
#include "client/desktop/triage_view.h"
#include "client/desktop/view_page.h"

namespace schakel::desktop {

namespace {

const char* PageName(View view) {
  switch (view) {
    case View::kTriage:
      return "triagePage";
    case View::kMyCases:
      return "myCasesPage";
    case View::kInbox:
      return "inboxPage";
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
    if (i < 5) item->setToolTip(tr("Ctrl+%1").arg(i + 1));
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

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->addWidget(identity_);
  layout->addWidget(splitter, 1);
  setCentralWidget(central);
  statusBar()->showMessage(tr("Verbonden met %1").arg(session_.server));

  auto* refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
  connect(refresh, &QShortcut::activated, this, &MainWindow::refreshCurrent);
  for (int i = 0; i < 5; ++i) {
    auto* jump = new QShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
    connect(jump, &QShortcut::activated, this, [this, i] { showView(i); });
  }
  if (!views_.empty()) side_bar_->setCurrentRow(0);
  resize(1000, 640);
}

ViewPage* MainWindow::makePage(View view) {
  switch (view) {
    case View::kMyCases:
      return new MyCasesView(session_.channel, stack_);
    case View::kInbox:
      return new InboxView(session_.channel, stack_);
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

void MainWindow::refreshCurrent() {
  if (auto* current = qobject_cast<ViewPage*>(stack_->currentWidget())) current->refresh();
}

}  // namespace schakel::desktop
