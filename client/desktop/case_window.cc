#include "client/desktop/case_window.h"

#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QStringList>
#include <QTabWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/case_family_tab.h"
#include "client/desktop/case_meetings_tab.h"
#include "client/desktop/case_notes_tab.h"
#include "client/desktop/case_plan_tab.h"
#include "client/desktop/case_responsibility_tab.h"
#include "client/desktop/case_team_tab.h"
#include "client/desktop/case_timeline_tab.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"

namespace schakel::desktop {

namespace {

// The loads a refresh waits for: the case, the timeline, the plan, the responsibility ledger.
constexpr int kCaseLoad = 1;
constexpr int kTimelineLoad = 2;
constexpr int kPlanLoad = 4;
constexpr int kResponsibilityLoad = 8;
constexpr int kAllLoads = kCaseLoad | kTimelineLoad | kPlanLoad | kResponsibilityLoad;

}  // namespace

CaseWindow::CaseWindow(client::ChannelsPtr channel, const QString& case_id,
                       const QString& reference, QWidget* parent)
    : QWidget(parent, Qt::Window), channel_(std::move(channel)), case_id_(case_id) {
  setObjectName(QStringLiteral("caseWindow"));
  setWindowTitle(tr("Casus %1 — Schakel").arg(reference));
  setAccessibleName(tr("Casus %1").arg(reference));
  resize(1000, 700);

  notices_ = new QLabel(this);
  notices_->setObjectName(QStringLiteral("caseNotices"));
  notices_->setWordWrap(true);
  notices_->setStyleSheet(
      QStringLiteral("background: #fff3cd; color: #5c3c00; padding: 6px; font-weight: bold;"));
  notices_->hide();

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("caseStatus"));
  status_->setWordWrap(true);

  family_ = new CaseFamilyTab(channel_, case_id_, this);
  team_ = new CaseTeamTab(channel_, case_id_, this);
  notes_ = new CaseNotesTab(channel_, case_id_, this);
  meetings_ = new CaseMeetingsTab(channel_, case_id_, this);
  timeline_ = new CaseTimelineTab(channel_, case_id_, this);
  plan_ = new CasePlanTab(channel_, case_id_, this);
  responsibility_ = new CaseResponsibilityTab(channel_, case_id_, this);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("caseTabs"));
  tabs_->setAccessibleName(tr("Onderdelen van de casus"));
  tabs_->addTab(family_, tr("&Gezin"));
  tabs_->addTab(team_, tr("&Team"));
  tabs_->addTab(notes_, tr("&Notities"));
  tabs_->addTab(meetings_, tr("&Overleggen en acties"));
  tabs_->addTab(timeline_, tr("T&ijdlijn"));
  tabs_->addTab(plan_, tr("Veiligheids&plan"));
  tabs_->addTab(responsibility_, tr("Ve&rantwoordelijkheid"));

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(notices_);
  layout->addWidget(tabs_, 1);
  layout->addWidget(status_);

  connect(notes_, &CaseNotesTab::caseChanged, this, [this] {
    loadCase();
    timeline_->refresh();
  });
  // A change made in one tab shows in the others: the case and the timeline are read again (and
  // the responsibility ledger, which an incident's phase change moves).
  const auto case_changed = [this] {
    loadCase();
    timeline_->refresh();
  };
  connect(meetings_, &CaseMeetingsTab::caseChanged, this, case_changed);
  connect(family_, &CaseFamilyTab::caseChanged, this, case_changed);
  connect(team_, &CaseTeamTab::caseChanged, this, case_changed);
  connect(plan_, &CasePlanTab::caseChanged, this, [this, case_changed] {
    case_changed();
    responsibility_->refresh();
  });
  connect(timeline_, &CaseTimelineTab::loaded, this, [this] { oneLoaded(kTimelineLoad); });
  connect(plan_, &CasePlanTab::loaded, this, [this] { oneLoaded(kPlanLoad); });
  connect(responsibility_, &CaseResponsibilityTab::loaded, this,
          [this] { oneLoaded(kResponsibilityLoad); });
  connect(responsibility_, &CaseResponsibilityTab::proposeHandoverRequested, this,
          [this] { emit proposeHandoverRequested(case_id_); });

  auto* f5 = new QShortcut(QKeySequence::Refresh, this);
  connect(f5, &QShortcut::activated, this, &CaseWindow::refresh);
  auto* close = new QShortcut(QKeySequence::Close, this);
  connect(close, &QShortcut::activated, this, &QWidget::close);

  refresh();
}

void CaseWindow::refresh() {
  if (waiting_ != 0) return;  // a refresh is under way
  waiting_ = kAllLoads;
  loadCase();
  timeline_->refresh();
  plan_->refresh();
  responsibility_->refresh();
}

void CaseWindow::oneLoaded(int load) {
  if ((waiting_ & load) == 0) return;  // a tab reloaded on its own
  waiting_ &= ~load;
  if (waiting_ == 0) emit loaded();
}

void CaseWindow::loadCase() {
  if (case_busy_) return;
  case_busy_ = true;
  status_->setText(tr("Casus laden…"));
  const std::string id = case_id_.toStdString();
  RunOffUiThread(
      this,
      [channel = channel_, id]() {
        v1::GetCaseRequest req;
        req.set_case_id(id);
        CallResult<v1::GetCaseResponse> out;
        out.status = client::StubOf<v1::CaseService>(*channel)->GetCase(NewCallContext().get(), req,
                                                                        &out.response);
        return out;
      },
      [this](CallResult<v1::GetCaseResponse> out) {
        case_busy_ = false;
        if (!out.status.ok()) {
          status_->setText(CaseErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          family_->clear();
          team_->clear();
          notes_->clear();
          meetings_->clear();
        } else {
          status_->clear();
          status_->setToolTip({});
          showCase(out.response.case_());
        }
        oneLoaded(kCaseLoad);
      });
}

void CaseWindow::showCase(const v1::Case& c) {
  const QString reference = QString::fromStdString(c.reference());
  setWindowTitle(tr("Casus %1 — Schakel").arg(reference));
  setAccessibleName(tr("Casus %1").arg(reference));
  QStringList notices;
  for (const std::string& n : c.notices()) notices << DutchPart(n);
  notices_->setText(notices.join(QStringLiteral("\n")));
  notices_->setVisible(!notices.isEmpty());
  family_->showCase(c);
  team_->showCase(c);
  notes_->showCase(c);
  meetings_->showCase(c);
}

}  // namespace schakel::desktop
