#include "client/desktop/triage_queue.h"

#include <algorithm>
#include <functional>
#include <mutex>
#include <utility>

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_text.h"
#include "client/lib/connection.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

// 500 a page (the service's most), so that a region's queue comes in one or two calls.
constexpr int kPageSize = 500;
constexpr int kMaxPages = 10;

struct QueueOutcome {
  grpc::Status status;
  std::vector<v1::TriageRow> rows;
  int total = 0;
};

// After each page: the rows read so far and the queue's total.
using QueueProgress = std::function<void(int loaded, int total)>;

}  // namespace

// A read of the queue under way, shared by the UI thread (which may stop it) and the call thread.
struct TriageQueueLoad {
  std::mutex mu;
  std::shared_ptr<grpc::ClientContext> call;  // the page being read
  bool cancelled = false;

  // Stops the read: the page under way is cancelled, no further page is asked.
  void Cancel() {
    std::lock_guard<std::mutex> lock(mu);
    cancelled = true;
    if (call) call->TryCancel();
  }
};

namespace {

QueueOutcome FetchQueue(const client::ChannelsPtr& channel,
                        const std::shared_ptr<TriageQueueLoad>& load,
                        const QueueProgress& progress) {
  QueueOutcome out;
  auto stub = client::StubOf<v1::IntakeService>(*channel);
  v1::ListTriageQueueRequest req;
  req.set_page_size(kPageSize);
  for (int page = 0; page < kMaxPages; ++page) {
    std::shared_ptr<grpc::ClientContext> ctx;
    {
      std::lock_guard<std::mutex> lock(load->mu);
      if (load->cancelled) {
        out.status = grpc::Status(grpc::StatusCode::CANCELLED, "stopped");
        return out;
      }
      ctx = NewCallContext();
      load->call = ctx;
    }
    v1::ListTriageQueueResponse resp;
    out.status = stub->ListTriageQueue(ctx.get(), req, &resp);
    {
      std::lock_guard<std::mutex> lock(load->mu);
      load->call.reset();
    }
    if (!out.status.ok()) return out;
    out.total = resp.total();
    for (const v1::TriageRow& r : resp.rows()) out.rows.push_back(r);
    progress(static_cast<int>(out.rows.size()), out.total);
    if (resp.next_page_token().empty()) break;
    req.set_page_token(resp.next_page_token());
  }
  return out;
}

const QColor kAcuteBackground(0xff, 0xe0, 0xb2);  // orange
const QColor kOverdueText(0xb0, 0x00, 0x20);      // dark red

}  // namespace

TriageQueue::TriageQueue(const Session& session, QWidget* parent)
    : QWidget(parent),
      channel_(session.channels),
      me_(QString::fromStdString(session.me.principal_id())) {
  table_ = new QTableWidget(0, kColumnCount, this);
  table_->setObjectName(QStringLiteral("queueTable"));
  table_->setAccessibleName(tr("Triagewachtrij"));
  QStringList headers(kColumnCount);
  headers[kSignal] = tr("Signaal");
  headers[kTimeLeft] = tr("Nog");
  headers[kKind] = tr("Soort");
  headers[kViolence] = tr("Geweld");
  headers[kRadar] = tr("Radar");
  headers[kHolder] = tr("In behandeling bij");
  headers[kReceived] = tr("Ontvangen");
  headers[kDue] = tr("Uiterlijk");
  headers[kReport] = tr("Melding");
  table_->setHorizontalHeaderLabels(headers);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    updateButtons();
    emit reportSelected(selectedReportId());
  });

  claim_button_ = new QPushButton(tr("&Oppakken"), this);
  claim_button_->setObjectName(QStringLiteral("claimButton"));
  claim_button_->setAccessibleName(tr("Geselecteerde melding oppakken"));
  claim_button_->setToolTip(
      tr("U neemt de melding in behandeling; zij blijft in de wachtrij en de termijn loopt door."));
  connect(claim_button_, &QPushButton::clicked, this, &TriageQueue::claim);
  release_button_ = new QPushButton(tr("&Vrijgeven"), this);
  release_button_->setObjectName(QStringLiteral("releaseButton"));
  release_button_->setAccessibleName(tr("Geselecteerde melding vrijgeven"));
  connect(release_button_, &QPushButton::clicked, this, &TriageQueue::release);

  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("queueProgress"));
  progress_->setAccessibleName(tr("Bezig"));
  progress_->setRange(0, 0);  // busy, without a known length
  progress_->setMaximumWidth(120);
  progress_->setTextVisible(false);
  progress_->hide();

  stop_button_ = new QPushButton(tr("Sto&ppen"), this);
  stop_button_->setObjectName(QStringLiteral("queueStopButton"));
  stop_button_->setAccessibleName(tr("Laden van de wachtrij stoppen"));
  stop_button_->hide();
  connect(stop_button_, &QPushButton::clicked, this, &TriageQueue::stopLoading);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("queueStatus"));
  status_->setWordWrap(true);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(claim_button_);
  buttons->addWidget(release_button_);
  buttons->addStretch();
  buttons->addWidget(progress_);
  buttons->addWidget(stop_button_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_, 1);
  layout->addLayout(buttons);
  layout->addWidget(status_);
  setTabOrder(table_, claim_button_);
  setTabOrder(claim_button_, release_button_);
  setTabOrder(release_button_, stop_button_);

  ticker_ = new QTimer(this);
  ticker_->setInterval(1000);
  connect(ticker_, &QTimer::timeout, this, &TriageQueue::tick);
  updateButtons();
}

QString TriageQueue::selectedReportId() const {
  const QList<QTableWidgetItem*> selected = table_->selectedItems();
  if (selected.isEmpty()) return {};
  const QTableWidgetItem* item = table_->item(selected.first()->row(), kReport);
  return item != nullptr ? item->data(Qt::UserRole).toString() : QString();
}

void TriageQueue::selectReport(const QString& report_id) {
  for (int r = 0; r < table_->rowCount(); ++r) {
    if (table_->item(r, kReport)->data(Qt::UserRole).toString() == report_id) {
      table_->selectRow(r);
      return;
    }
  }
  table_->clearSelection();
}

void TriageQueue::setNames(DirectoryNames* names) {
  names_ = names;
  if (names_ != nullptr)
    connect(names_, &DirectoryNames::namesChanged, this, &TriageQueue::showHolders);
  showHolders();
}

void TriageQueue::refresh() {
  // A newer read replaces the one under way (a claim changed the queue, or F5 again).
  if (load_) load_->Cancel();
  load_ = std::make_shared<TriageQueueLoad>();
  const int generation = ++generation_;
  reload_on_show_ = false;
  progress_->setRange(0, 0);  // busy until the first page says how many there are
  progress_->show();
  stop_button_->show();
  status_->setText(tr("Wachtrij laden…"));
  status_->setToolTip({});
  QPointer<TriageQueue> guard(this);
  QueueProgress progress = [guard, generation](int loaded, int total) {
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [guard, generation, loaded, total] {
          if (!guard.isNull() && guard->generation_ == generation) {
            guard->showProgress(loaded, total);
          }
        },
        Qt::QueuedConnection);
  };
  RunOffUiThread(
      this,
      [channel = channel_, load = load_, progress]() {
        return FetchQueue(channel, load, progress);
      },
      [this, generation](QueueOutcome out) {
        if (generation != generation_) return;  // stopped, or a newer read started
        endLoad();
        if (!out.status.ok()) {
          status_->setText(
              tr("De wachtrij kon niet worden opgehaald: %1").arg(CallErrorText(out.status)));
          status_->setToolTip(TechnicalDetail(out.status));
          notice_.clear();
        } else {
          showRows(std::move(out.rows), out.total);
        }
        emit loaded(out.status.ok());
      });
}

void TriageQueue::showProgress(int loaded, int total) {
  if (total <= 0) return;
  progress_->setRange(0, total);
  progress_->setValue(std::min(loaded, total));
  status_->setText(tr("Wachtrij laden… %1 van %2").arg(loaded).arg(total));
}

void TriageQueue::endLoad() {
  load_.reset();
  stop_button_->hide();
  progress_->setRange(0, 0);
  progress_->setVisible(changing_);
}

void TriageQueue::stopLoading() {
  if (!load_) return;
  load_->Cancel();
  ++generation_;  // its answer is no longer shown
  endLoad();
  status_->setText(rows_.empty() ? tr("Laden gestopt.")
                                 : tr("Laden gestopt; de wachtrij toont de vorige stand."));
  status_->setToolTip({});
  updateButtons();
  emit loadCancelled();
}

void TriageQueue::hideEvent(QHideEvent* event) {
  // Nobody looks at it: the read is not needed now, and is done again when it shows.
  if (load_) {
    stopLoading();
    reload_on_show_ = true;
  }
  QWidget::hideEvent(event);
}

void TriageQueue::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (reload_on_show_) refresh();
}

QString TriageQueue::holderText(const v1::TriageRow& r) const {
  if (r.claimed_by().empty()) return {};
  QString holder = NameOfProfessional(names_, r.claimed_by());
  if (QString::fromStdString(r.claimed_by()) == me_) holder = tr("%1 (u)").arg(holder);
  if (r.has_claim_time()) holder += tr(" sinds %1").arg(FormatAmsterdam(r.claim_time()));
  return holder;
}

void TriageQueue::showHolders() {
  for (int i = 0; i < static_cast<int>(rows_.size()) && i < table_->rowCount(); ++i) {
    QTableWidgetItem* item = table_->item(i, kHolder);
    const QString text = holderText(rows_[i].row);
    if (item != nullptr && item->text() != text) {
      item->setText(text);
      item->setToolTip(QString::fromStdString(rows_[i].row.claimed_by()));
    }
  }
}

void TriageQueue::showRows(std::vector<v1::TriageRow> rows, int total) {
  const QString selected = selectedReportId();
  since_answer_.start();
  rows_.clear();
  for (v1::TriageRow& r : rows) rows_.push_back(Row{std::move(r), false});
  const QSignalBlocker block(table_);  // one reportSelected at the end, not one per row
  table_->clearSelection();
  table_->setRowCount(static_cast<int>(rows_.size()));
  for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
    const v1::TriageRow& r = rows_[i].row;
    const QString holder = holderText(r);
    QString radar = r.radar_earlier() > 0 ? tr("%n eerder", nullptr, r.radar_earlier()) : QString();
    if (r.repeat()) radar += tr(" (herhaald)");
    QString kind = ReportKindName(r.kind());
    if (r.channel() != v1::REPORT_CHANNEL_UNSPECIFIED) {
      kind = tr("%1, %2").arg(kind, ReportChannelName(r.channel()));
    }
    QStringList cells(kColumnCount);  // signal and time left: tick() fills them
    cells[kKind] = kind;
    cells[kViolence] = ViolenceKindNames(r.violence_kinds());
    cells[kRadar] = radar;
    cells[kHolder] = holder;
    cells[kReceived] = FormatAmsterdam(r.received_at());
    cells[kDue] = r.has_due() ? FormatDeadline(r.due()) : tr("geen termijn");
    cells[kReport] = QString::fromStdString(r.report_id());
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      if (col == kReport) item->setData(Qt::UserRole, QString::fromStdString(r.report_id()));
      if (col == kHolder) item->setToolTip(QString::fromStdString(r.claimed_by()));
      table_->setItem(i, col, item);
    }
    rows_[i].overdue = r.overdue();
  }
  tick();
  table_->resizeColumnsToContents();
  if (!selected.isEmpty()) selectReport(selected);
  ticker_->start();
  status_->setText(rows_.empty() ? tr("De wachtrij is leeg.")
                                 : tr("Open meldingen in de wachtrij: %1").arg(total));
  status_->setToolTip({});
  if (!notice_.isEmpty()) {
    status_->setText(notice_);
    status_->setToolTip(notice_detail_);
    notice_.clear();
  }
  updateButtons();
  if (selectedReportId() != selected) emit reportSelected(selectedReportId());
}

void TriageQueue::tick() {
  const int64_t elapsed = since_answer_.isValid() ? since_answer_.elapsed() / 1000 : 0;
  for (int i = 0; i < static_cast<int>(rows_.size()) && i < table_->rowCount(); ++i) {
    const v1::TriageRow& r = rows_[i].row;
    QString left = tr("—");
    if (r.has_due()) {
      const int64_t seconds = r.seconds_left() - elapsed;
      left = TimeLeftText(seconds);
      // The term passed while on screen: the service's deadline, counted down here.
      if (seconds < 0) rows_[i].overdue = true;
    }
    table_->item(i, kTimeLeft)->setText(left);
    styleRow(i);
  }
}

void TriageQueue::styleRow(int i) {
  const v1::TriageRow& r = rows_[i].row;
  const bool overdue = rows_[i].overdue;
  QStringList marks;
  if (r.acute()) marks << tr("ACUUT");
  if (overdue) marks << tr("TE LAAT");
  const QString signal = marks.join(QStringLiteral(", "));
  QTableWidgetItem* signal_item = table_->item(i, kSignal);
  if (signal_item->text() != signal) signal_item->setText(signal);
  for (int col = 0; col < kColumnCount; ++col) {
    QTableWidgetItem* item = table_->item(i, col);
    QFont font = item->font();
    font.setBold(r.acute() || overdue);
    item->setFont(font);
    item->setBackground(r.acute() ? QBrush(kAcuteBackground) : QBrush());
    item->setForeground(overdue ? QBrush(kOverdueText) : QBrush());
  }
}

void TriageQueue::updateButtons() {
  const QString id = selectedReportId();
  QString holder;
  for (const Row& r : rows_) {
    if (QString::fromStdString(r.row.report_id()) == id) {
      holder = QString::fromStdString(r.row.claimed_by());
    }
  }
  claim_button_->setEnabled(!id.isEmpty() && !changing_ && holder != me_);
  // Releasing another's claim is for supervisors; the service decides, so it stays possible.
  release_button_->setEnabled(!id.isEmpty() && !changing_ && !holder.isEmpty());
}

void TriageQueue::claim() { changeClaim(true); }
void TriageQueue::release() { changeClaim(false); }

void TriageQueue::changeClaim(bool claim) {
  const QString id = selectedReportId();
  if (id.isEmpty() || changing_) return;
  changing_ = true;
  updateButtons();
  progress_->show();
  status_->setText(claim ? tr("Melding oppakken…") : tr("Melding vrijgeven…"));
  RunOffUiThread(
      this,
      [channel = channel_, report_id = id.toStdString(), claim]() {
        auto stub = client::StubOf<v1::IntakeService>(*channel);
        CallResult<v1::Report> out;
        // One request id for the call and gRPC's retries of it: a retry changes nothing twice.
        const std::string request_id = client::NewRequestId();
        if (claim) {
          v1::ClaimReportRequest req;
          req.set_request_id(request_id);
          req.set_report_id(report_id);
          v1::ClaimReportResponse resp;
          out.status = stub->ClaimReport(NewCallContext().get(), req, &resp);
          out.response = resp.report();
        } else {
          v1::ReleaseReportRequest req;
          req.set_request_id(request_id);
          req.set_report_id(report_id);
          v1::ReleaseReportResponse resp;
          out.status = stub->ReleaseReport(NewCallContext().get(), req, &resp);
          out.response = resp.report();
        }
        return out;
      },
      [this, id, claim](CallResult<v1::Report> out) {
        changing_ = false;
        updateButtons();
        if (out.status.ok()) {
          emit claimChanged(id);
          refresh();
          return;
        }
        if (out.status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
          notice_ = claim ? tr("Oppakken lukte niet: een collega heeft deze melding intussen "
                               "opgepakt, of zij is al beoordeeld. De wachtrij is bijgewerkt.")
                          : tr("Vrijgeven lukte niet: u houdt deze melding niet (meer) vast. De "
                               "wachtrij is bijgewerkt.");
        } else {
          notice_ = CallErrorText(out.status);
        }
        notice_detail_ = TechnicalDetail(out.status);
        refresh();  // the holder as the service has it now; the refusal is said after it
      });
}

}  // namespace schakel::desktop
