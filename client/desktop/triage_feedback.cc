#include "client/desktop/triage_feedback.h"

#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_text.h"
#include "client/lib/connection.h"
#include "client/lib/errors.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

constexpr v1::FeedbackMethod kMethods[] = {
    v1::FEEDBACK_METHOD_UNSPECIFIED, v1::FEEDBACK_METHOD_PHONE, v1::FEEDBACK_METHOD_MAIL,
    v1::FEEDBACK_METHOD_LETTER, v1::FEEDBACK_METHOD_IN_PERSON};

const QTimeZone& Amsterdam() {
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  return kAmsterdam;
}

}  // namespace

TriageFeedbackPanel::TriageFeedbackPanel(client::ChannelsPtr channel, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)) {
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("feedbackSummary"));
  include_done_ = new QCheckBox(tr("Ook &afgeronde (laatste 30 dagen)"), this);
  include_done_->setObjectName(QStringLiteral("includeDone"));
  connect(include_done_, &QCheckBox::toggled, this, &TriageFeedbackPanel::refresh);
  auto* top = new QHBoxLayout;
  top->addWidget(summary_, 1);
  top->addWidget(include_done_);

  table_ = new QTableWidget(0, kColumnCount, this);
  table_->setObjectName(QStringLiteral("feedbackTable"));
  table_->setAccessibleName(tr("Terugkoppeltaken"));
  table_->setHorizontalHeaderLabels({tr("Melding"), tr("Moment"), tr("Melder"), tr("Uiterlijk"),
                                     tr("Nog"), tr("Toegewezen aan"), tr("Stand")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  connect(table_, &QTableWidget::itemSelectionChanged, this, &TriageFeedbackPanel::taskSelected);
  connect(table_, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
    const QTableWidgetItem* id = table_->item(item->row(), kReport);
    if (id != nullptr) emit reportActivated(id->data(Qt::UserRole).toString());
  });
  table_->setToolTip(tr("Dubbelklik om de melding te tonen."));

  given_at_ = new QDateTimeEdit(this);
  given_at_->setObjectName(QStringLiteral("feedbackGivenAt"));
  given_at_->setAccessibleName(tr("Wanneer teruggekoppeld"));
  given_at_->setDisplayFormat(QStringLiteral("dd-MM-yyyy HH:mm"));
  given_at_->setCalendarPopup(true);
  method_ = new QComboBox(this);
  method_->setObjectName(QStringLiteral("feedbackMethod"));
  method_->setAccessibleName(tr("Hoe teruggekoppeld"));
  for (v1::FeedbackMethod m : kMethods)
    method_->addItem(FeedbackMethodName(m), static_cast<int>(m));
  follow_up_ = new QCheckBox(tr("Er is &vervolg gestart"), this);
  follow_up_->setObjectName(QStringLiteral("feedbackFollowUp"));
  taken_over_by_ = new QLineEdit(this);
  taken_over_by_->setObjectName(QStringLiteral("feedbackTakenOverBy"));
  taken_over_by_->setAccessibleName(tr("Wie het heeft overgenomen"));
  reporter_part_ = new QPlainTextEdit(this);
  reporter_part_->setObjectName(QStringLiteral("feedbackReporterPart"));
  reporter_part_->setAccessibleName(tr("Het deel van de melder in de afspraken"));
  reporter_part_->setTabChangesFocus(true);
  note_ = new QPlainTextEdit(this);
  note_->setObjectName(QStringLiteral("feedbackNote"));
  note_->setAccessibleName(tr("Wat is gezegd"));
  note_->setTabChangesFocus(true);
  for (QPlainTextEdit* e : {reporter_part_, note_}) {
    e->setFixedHeight(e->fontMetrics().lineSpacing() * 3 + 12);
  }
  auto* form = new QFormLayout;
  form->addRow(tr("&Wanneer:"), given_at_);
  form->addRow(tr("&Hoe:"), method_);
  form->addRow(QString(), follow_up_);
  form->addRow(tr("&Overgenomen door:"), taken_over_by_);
  form->addRow(tr("&Deel van de melder:"), reporter_part_);
  form->addRow(tr("Wat is &gezegd:"), note_);

  record_ = new QPushButton(tr("&Terugkoppeling vastleggen"), this);
  record_->setObjectName(QStringLiteral("recordFeedback"));
  record_->setAccessibleName(tr("Terugkoppeling aan de melder vastleggen"));
  connect(record_, &QPushButton::clicked, this, &TriageFeedbackPanel::record);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("feedbackStatus"));
  status_->setWordWrap(true);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(record_);
  bottom->addWidget(status_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(table_, 2);
  layout->addLayout(form);
  layout->addLayout(bottom);

  marks_.Bind("feedback.given_at", given_at_);
  marks_.Bind("feedback.method", method_);
  marks_.Bind("feedback.taken_over_by", taken_over_by_);
  marks_.Bind("feedback.reporter_part", reporter_part_);
  marks_.Bind("feedback.note", note_);
  taskSelected();
}

void TriageFeedbackPanel::setNames(DirectoryNames* names) {
  names_ = names;
  if (names_ != nullptr) {
    connect(names_, &DirectoryNames::namesChanged, this, &TriageFeedbackPanel::showAssignees);
  }
  showAssignees();
}

void TriageFeedbackPanel::showAssignees() {
  for (int r = 0; r < static_cast<int>(tasks_.size()) && r < table_->rowCount(); ++r) {
    QTableWidgetItem* item = table_->item(r, kAssignee);
    const QString name = NameOfProfessional(names_, tasks_[r].assignee());
    if (item != nullptr && item->text() != name) item->setText(name);
  }
}

void TriageFeedbackPanel::refresh() {
  if (busy_) {
    again_ = true;  // asked again meanwhile (another filter, a task just recorded)
    return;
  }
  busy_ = true;
  summary_->setText(tr("Terugkoppeltaken laden…"));
  v1::ListFeedbackTasksRequest req;
  req.set_include_done(include_done_->isChecked());
  RunOffUiThread(
      this,
      [channel = channel_, req]() {
        CallResult<v1::ListFeedbackTasksResponse> out;
        out.status = client::StubOf<v1::IntakeService>(*channel)->ListFeedbackTasks(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this](CallResult<v1::ListFeedbackTasksResponse> out) {
        busy_ = false;
        if (!out.status.ok()) {
          summary_->setText(tr("De terugkoppeltaken konden niet worden opgehaald: %1")
                                .arg(CallErrorText(out.status)));
          summary_->setToolTip(TechnicalDetail(out.status));
        } else {
          showTasks(out.response);
        }
        emit loaded(out.status.ok());
        if (again_) {
          again_ = false;
          refresh();
        }
      });
}

void TriageFeedbackPanel::showTasks(const v1::ListFeedbackTasksResponse& tasks) {
  const v1::FeedbackTask* before = selectedTask();
  const std::string selected = before != nullptr ? before->report_id() : std::string();
  const int selected_occasion = before != nullptr ? before->occasion() : 0;
  tasks_.assign(tasks.tasks().begin(), tasks.tasks().end());
  const QSignalBlocker block(table_);
  table_->clearSelection();
  table_->setRowCount(static_cast<int>(tasks_.size()));
  int reselect = -1;
  for (int r = 0; r < static_cast<int>(tasks_.size()); ++r) {
    const v1::FeedbackTask& t = tasks_[r];
    if (t.report_id() == selected && t.occasion() == selected_occasion) reselect = r;
    QString state =
        t.done() ? tr("Gegeven %1").arg(FormatAmsterdam(t.given().given_at())) : tr("Open");
    if (t.overdue()) state = tr("TE LAAT");
    const QStringList cells = {
        QString::fromStdString(t.report_id()),
        FeedbackOccasionName(t.occasion()),
        tr("%1 (%2)").arg(ReporterTypeName(t.reporter_type()), FeedbackScopeName(t.scope())),
        FormatDeadline(t.due()),
        t.done() ? QString() : TimeLeftText(t.seconds_left()),
        NameOfProfessional(names_, t.assignee()),
        state};
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      if (col == kReport) item->setData(Qt::UserRole, QString::fromStdString(t.report_id()));
      item->setToolTip(DutchPart(t.text()));
      if (t.overdue()) {
        item->setForeground(Qt::red);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
      }
      table_->setItem(r, col, item);
    }
  }
  table_->resizeColumnsToContents();
  if (reselect >= 0) table_->selectRow(reselect);
  summary_->setText(
      tr("Open terugkoppelingen: %1, waarvan te laat: %2").arg(tasks.open()).arg(tasks.overdue()));
  summary_->setToolTip({});
  taskSelected();
}

const v1::FeedbackTask* TriageFeedbackPanel::selectedTask() const {
  const QList<QTableWidgetItem*> selected = table_->selectedItems();
  if (selected.isEmpty()) return nullptr;
  const int row = selected.first()->row();
  return row < static_cast<int>(tasks_.size()) ? &tasks_[row] : nullptr;
}

void TriageFeedbackPanel::taskSelected() {
  const v1::FeedbackTask* task = selectedTask();
  const bool open = task != nullptr && !task->done();
  for (QWidget* w : std::initializer_list<QWidget*>{given_at_, method_, follow_up_, taken_over_by_,
                                                    reporter_part_, note_}) {
    w->setEnabled(open);
  }
  // A citizen is told only whether follow-up started (the service's scope of the task).
  const bool full = open && task->scope() != v1::FEEDBACK_SCOPE_LIMITED;
  taken_over_by_->setEnabled(full);
  reporter_part_->setEnabled(full);
  record_->setEnabled(open && !recording_);
  request_id_.clear();
  marks_.Clear();
  if (open) {
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(Amsterdam());
    given_at_->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())));
  }
}

void TriageFeedbackPanel::record() {
  const v1::FeedbackTask* task = selectedTask();
  if (task == nullptr || task->done() || recording_) return;
  recording_ = true;
  record_->setEnabled(false);
  status_->setText(tr("Terugkoppeling vastleggen…"));
  status_->setToolTip({});
  if (request_id_.empty()) request_id_ = client::NewRequestId();
  v1::RecordFeedbackRequest req;
  req.set_request_id(request_id_);
  req.set_report_id(task->report_id());
  req.set_occasion(task->occasion());
  v1::FeedbackGiven* given = req.mutable_feedback();
  // The edit shows Amsterdam wall-clock time.
  const QDateTime at(given_at_->date(), given_at_->time(), Amsterdam());
  given->mutable_given_at()->set_seconds(at.toSecsSinceEpoch());
  given->set_method(static_cast<v1::FeedbackMethod>(method_->currentData().toInt()));
  given->set_follow_up_started(follow_up_->isChecked());
  if (taken_over_by_->isEnabled()) {
    given->set_taken_over_by(taken_over_by_->text().trimmed().toStdString());
    given->set_reporter_part(reporter_part_->toPlainText().trimmed().toStdString());
  }
  given->set_note(note_->toPlainText().trimmed().toStdString());
  RunOffUiThread(
      this,
      [channel = channel_, req]() {
        CallResult<v1::RecordFeedbackResponse> out;
        out.status = client::StubOf<v1::IntakeService>(*channel)->RecordFeedback(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this](CallResult<v1::RecordFeedbackResponse> out) {
        recording_ = false;
        const grpc::StatusCode code = out.status.error_code();
        if (code != grpc::StatusCode::UNAVAILABLE && code != grpc::StatusCode::DEADLINE_EXCEEDED) {
          request_id_.clear();
        }
        const v1::FeedbackTask* now_selected = selectedTask();
        record_->setEnabled(now_selected != nullptr && !now_selected->done());
        if (out.status.ok()) {
          marks_.Clear();
          note_->clear();
          taken_over_by_->clear();
          reporter_part_->clear();
          status_->setText(tr("Terugkoppeling vastgelegd."));
          refresh();
          emit recorded(true);
          return;
        }
        status_->setToolTip(TechnicalDetail(out.status));
        if (code == grpc::StatusCode::INVALID_ARGUMENT) {
          const QStringList rest = marks_.Show(client::DecodeCallError(out.status));
          QString text = tr("Niet vastgelegd: verbeter de gemarkeerde velden.");
          if (!rest.isEmpty()) text += QLatin1Char('\n') + rest.join(QLatin1Char('\n'));
          status_->setText(text);
        } else if (code == grpc::StatusCode::FAILED_PRECONDITION) {
          status_->setText(
              tr("Niet vastgelegd: deze terugkoppeling is al vastgelegd of hoort "
                 "niet bij deze melding."));
          refresh();
        } else {
          status_->setText(tr("Niet vastgelegd: %1").arg(CallErrorText(out.status)));
        }
        emit recorded(false);
      });
}

}  // namespace schakel::desktop
