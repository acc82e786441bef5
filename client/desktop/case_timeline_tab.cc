#include "client/desktop/case_timeline_tab.h"

#include <string>
#include <vector>

#include <QHeaderView>
#include <QLabel>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"

namespace schakel::desktop {

namespace {

// A case's timeline over its 1.5 to 2 years fits in far fewer pages than this.
constexpr int kMaxPages = 50;

struct TimelineOutcome {
  grpc::Status status;
  std::vector<v1::TimelineEvent> events;
  std::vector<std::string> notices;
};

TimelineOutcome FetchTimeline(const client::ChannelsPtr& channel, const std::string& case_id) {
  TimelineOutcome out;
  auto stub = client::StubOf<v1::CaseService>(*channel);
  v1::GetTimelineRequest req;
  req.set_case_id(case_id);
  req.set_page_size(200);
  for (int page = 0; page < kMaxPages; ++page) {
    v1::GetTimelineResponse resp;
    out.status = stub->GetTimeline(NewCallContext().get(), req, &resp);
    if (!out.status.ok()) return out;
    out.events.insert(out.events.end(), resp.events().begin(), resp.events().end());
    if (page == 0) out.notices.assign(resp.notices().begin(), resp.notices().end());
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  return out;
}

}  // namespace

CaseTimelineTab::CaseTimelineTab(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)), case_id_(std::move(case_id)) {
  notices_ = new QLabel(this);
  notices_->setObjectName(QStringLiteral("timelineNotices"));
  notices_->setWordWrap(true);
  notices_->setStyleSheet(QStringLiteral("font-weight: bold; color: #5c3c00;"));
  notices_->hide();
  table_ = new QTableWidget(0, 4, this);
  table_->setObjectName(QStringLiteral("timelineTable"));
  table_->setAccessibleName(tr("Tijdlijn van de casus"));
  table_->setHorizontalHeaderLabels({tr("Tijdstip"), tr("Wat"), tr("Door"), tr("Bron")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setWordWrap(true);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  table_->verticalHeader()->setVisible(false);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("timelineStatus"));
  status_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(notices_);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);
}

void CaseTimelineTab::refresh() {
  if (busy_) {
    again_ = true;  // something changed while the last answer was under way
    return;
  }
  busy_ = true;
  status_->setText(tr("Tijdlijn laden…"));
  RunOffUiThread(
      this,
      [channel = channel_, id = case_id_.toStdString()]() { return FetchTimeline(channel, id); },
      [this](TimelineOutcome out) {
        busy_ = false;
        if (!out.status.ok()) {
          status_->setText(CaseErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          table_->setRowCount(0);
          notices_->hide();
        } else {
          QStringList notices;
          for (const std::string& n : out.notices) notices << DutchPart(n);
          notices_->setText(notices.join(QStringLiteral("\n")));
          notices_->setVisible(!notices.isEmpty());
          table_->setRowCount(static_cast<int>(out.events.size()));
          int row = 0;
          for (const v1::TimelineEvent& e : out.events) {
            const QString what = e.summary().hidden() ? HiddenText(e.summary().hidden_reason())
                                                      : DutchPart(e.summary().text());
            QString who = QString::fromStdString(e.actor_id());
            if (!e.actor_organisation_id().empty()) {
              who += QStringLiteral(" (%1)").arg(QString::fromStdString(e.actor_organisation_id()));
            }
            const QStringList cells = {FormatAmsterdam(e.time()), what, who,
                                       QString::fromStdString(e.source_service())};
            for (int col = 0; col < cells.size(); ++col) {
              auto* item = new QTableWidgetItem(cells[col]);
              if (col == 1) item->setToolTip(QString::fromStdString(e.type()));
              table_->setItem(row, col, item);
            }
            ++row;
          }
          table_->resizeColumnToContents(0);
          table_->resizeRowsToContents();
          status_->setText(tr("Aantal gebeurtenissen: %1").arg(out.events.size()));
          status_->setToolTip({});
        }
        emit loaded(out.status.ok());
        if (again_) {
          again_ = false;
          refresh();
        }
      });
}

}  // namespace schakel::desktop
