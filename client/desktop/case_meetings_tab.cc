#include "client/desktop/case_meetings_tab.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/case_meeting_dialog.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/widgets.h"
#include "client/lib/connection.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"

namespace schakel::desktop {

CaseMeetingsTab::CaseMeetingsTab(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)), case_id_(std::move(case_id)) {
  meetings_ = NewTable({tr("Datum"), tr("Voorzitter"), tr("Gezin aanwezig"), tr("Aanwezigen"),
                        tr("Verslag"), tr("Besluiten")},
                       QStringLiteral("meetingsTable"), tr("Overleggen"), this);
  actions_ = NewTable({tr("Actie"), tr("Eigenaar"), tr("Uiterlijk"), tr("Status"), tr("Te laat"),
                       tr("Statusnotitie")},
                      QStringLiteral("actionsTable"), tr("Acties"), this);
  connect(actions_, &QTableWidget::itemSelectionChanged, this, &CaseMeetingsTab::updateButton);

  record_ = new QPushButton(tr("Overleg &vastleggen…"), this);
  record_->setObjectName(QStringLiteral("recordMeeting"));
  record_->setAccessibleName(tr("Overleg vastleggen"));
  record_->setEnabled(false);
  connect(record_, &QPushButton::clicked, this, &CaseMeetingsTab::recordMeeting);

  done_ = new QPushButton(tr("Actie &afgerond"), this);
  done_->setObjectName(QStringLiteral("markActionDone"));
  done_->setAccessibleName(tr("Geselecteerde actie als afgerond markeren"));
  done_->setEnabled(false);
  connect(done_, &QPushButton::clicked, this, &CaseMeetingsTab::markDone);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("meetingsStatus"));
  status_->setWordWrap(true);

  auto* meetings_label = new QLabel(tr("Over&leggen"), this);
  meetings_label->setBuddy(meetings_);
  auto* actions_label = new QLabel(tr("A&cties"), this);
  actions_label->setBuddy(actions_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(record_);
  buttons->addStretch();
  buttons->addWidget(done_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(meetings_label);
  layout->addWidget(meetings_, 1);
  layout->addWidget(actions_label);
  layout->addWidget(actions_, 1);
  layout->addLayout(buttons);
  layout->addWidget(status_);
  setTabOrder(record_, meetings_);
  setTabOrder(meetings_, actions_);
  setTabOrder(actions_, done_);
}

void CaseMeetingsTab::clear() {
  case_.Clear();
  meetings_->setRowCount(0);
  actions_->setRowCount(0);
  updateButton();
}

void CaseMeetingsTab::showCase(const v1::Case& c) {
  case_ = c;
  meetings_->setRowCount(case_.meetings_size());
  for (int row = 0; row < case_.meetings_size(); ++row) {
    const v1::Meeting& m = case_.meetings(row);
    QStringList attendees;
    for (const v1::Attendee& a : m.attendees()) {
      attendees << QStringLiteral("%1 (%2)").arg(QString::fromStdString(a.professional_id()),
                                                 QString::fromStdString(a.organisation_id()));
    }
    QStringList decisions;
    for (const v1::Decision& d : m.decisions()) decisions << NoteText(d.text());
    const QStringList cells = {FormatDate(m.date()),
                               QString::fromStdString(m.chair()),
                               m.family_took_part() ? tr("ja") : tr("nee"),
                               attendees.join(QStringLiteral(", ")),
                               m.has_minutes() ? NoteText(m.minutes()) : QString(),
                               decisions.join(QStringLiteral("\n"))};
    for (int col = 0; col < cells.size(); ++col) {
      meetings_->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
  }
  meetings_->resizeRowsToContents();

  actions_->setRowCount(case_.actions_size());
  for (int row = 0; row < case_.actions_size(); ++row) {
    const v1::Action& a = case_.actions(row);
    const QStringList cells = {NoteText(a.description()),
                               QString::fromStdString(a.owner_organisation_id()),
                               a.has_due_date() ? FormatDate(a.due_date()) : QString(),
                               ActionStatusName(a.status()),
                               a.overdue() ? tr("Te laat") : QString(),
                               QString::fromStdString(a.status_note())};
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      if (col == 0) item->setData(Qt::UserRole, QString::fromStdString(a.id()));
      if (a.overdue()) {
        item->setForeground(QColor(0xc0, 0x39, 0x2b));
        if (col == 4) {
          QFont bold = item->font();
          bold.setBold(true);
          item->setFont(bold);
        }
      }
      actions_->setItem(row, col, item);
    }
  }
  actions_->resizeRowsToContents();
  updateButton();
}

void CaseMeetingsTab::recordMeeting() {
  if (case_.id().empty() || findChild<RecordMeetingDialog*>() != nullptr) return;
  auto* dialog = new RecordMeetingDialog(channel_, case_, this);
  connect(dialog, &FormDialog::callFinished, this, [this](bool ok) {
    if (!ok) return;
    status_->setText(tr("Het overleg is vastgelegd."));
    status_->setToolTip({});
    emit caseChanged();
  });
  connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
  dialog->open();
}

void CaseMeetingsTab::updateButton() {
  record_->setEnabled(!case_.id().empty());
  const int row = actions_->currentRow();
  const bool open = row >= 0 && row < case_.actions_size() &&
                    case_.actions(row).status() == v1::ACTION_STATUS_OPEN &&
                    !case_.actions(row).description().hidden();
  done_->setEnabled(open && !busy_);
}

void CaseMeetingsTab::markDone() {
  const int row = actions_->currentRow();
  if (busy_ || row < 0 || row >= case_.actions_size()) return;
  const v1::Action& a = case_.actions(row);
  v1::UpdateActionRequest req;
  req.set_request_id(client::NewRequestId());
  req.set_case_id(case_id_.toStdString());
  req.set_action_id(a.id());
  req.set_status(v1::ACTION_STATUS_DONE);
  req.set_etag(a.etag());
  busy_ = true;
  done_->setEnabled(false);
  status_->setText(tr("Actie bijwerken…"));
  RunOffUiThread(
      this,
      [channel = channel_, req]() {
        CallResult<v1::UpdateActionResponse> out;
        out.status = client::StubOf<v1::CaseService>(*channel)->UpdateAction(NewCallContext().get(),
                                                                             req, &out.response);
        return out;
      },
      [this](CallResult<v1::UpdateActionResponse> out) {
        busy_ = false;
        updateButton();
        if (!out.status.ok()) {
          status_->setText(out.status.error_code() == grpc::StatusCode::ABORTED
                               ? tr("De actie is intussen gewijzigd; de gegevens worden opnieuw "
                                    "geladen.")
                               : CaseErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          if (out.status.error_code() == grpc::StatusCode::ABORTED) emit caseChanged();
          return;
        }
        status_->setText(tr("De actie is als afgerond gemarkeerd."));
        status_->setToolTip({});
        emit caseChanged();
      });
}

}  // namespace schakel::desktop
