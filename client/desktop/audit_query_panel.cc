#include "client/desktop/audit_query_panel.h"

#include <algorithm>
#include <utility>

#include <QCheckBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "client/desktop/audit_jobs.h"
#include "client/desktop/audit_records.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/errors.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/audit.grpc.pb.h"

namespace schakel::desktop {

namespace {

// Entries on one page of the table.
constexpr int kQueryPageSize = 50;

// The first moment of `day` in Europe/Amsterdam.
google::protobuf::Timestamp StartOfDay(const QDate& day) {
  static const QTimeZone kAmsterdam("Europe/Amsterdam");
  google::protobuf::Timestamp ts;
  ts.set_seconds(QDateTime(day, QTime(0, 0), kAmsterdam).toSecsSinceEpoch());
  return ts;
}

QLineEdit* Field(QWidget* parent, const char* object_name, const QString& accessible_name) {
  auto* edit = new QLineEdit(parent);
  edit->setObjectName(QLatin1String(object_name));
  edit->setAccessibleName(accessible_name);
  edit->setClearButtonEnabled(true);
  return edit;
}

}  // namespace

AuditQueryPanel::AuditQueryPanel(const Session& session, VerifierKeyField* key, QWidget* parent)
    : QWidget(parent), session_(session), key_(key) {
  purpose_ = Field(this, "purpose", tr("Doel van de raadpleging"));
  purpose_->setPlaceholderText(
      tr("Waarom raadpleegt u het auditlog? (verplicht, wordt vastgelegd)"));
  purpose_->setMaxLength(500);
  object_ = Field(this, "objectFilter", tr("Casus, melding of persoon"));
  object_->setPlaceholderText(tr("id van een casus, melding, plan, overdracht of persoon"));
  actor_ = Field(this, "actorFilter", tr("Wie handelde (gebruikers-id)"));
  organisation_ = Field(this, "organisationFilter", tr("Organisatie"));
  event_type_ = Field(this, "eventTypeFilter", tr("Soort gebeurtenis"));
  event_type_->setPlaceholderText(tr("bijvoorbeeld case.read"));

  period_ = new QCheckBox(tr("&Periode"), this);
  period_->setObjectName(QStringLiteral("periodFilter"));
  period_->setAccessibleName(tr("Alleen binnen een periode zoeken"));
  const QDate today = QDate::currentDate();
  from_ = new QDateEdit(today.addMonths(-1), this);
  from_->setObjectName(QStringLiteral("periodFrom"));
  from_->setAccessibleName(tr("Periode vanaf"));
  to_ = new QDateEdit(today, this);
  to_->setObjectName(QStringLiteral("periodTo"));
  to_->setAccessibleName(tr("Periode tot en met"));
  for (QDateEdit* d : {from_, to_}) {
    d->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
    d->setCalendarPopup(true);
    d->setEnabled(false);
  }
  connect(period_, &QCheckBox::toggled, from_, &QWidget::setEnabled);
  connect(period_, &QCheckBox::toggled, to_, &QWidget::setEnabled);
  auto* period_row = new QHBoxLayout;
  period_row->addWidget(period_);
  period_row->addWidget(from_);
  period_row->addWidget(new QLabel(tr("t/m"), this));
  period_row->addWidget(to_);
  period_row->addStretch();

  auto* form = new QFormLayout;
  auto* purpose_label = new QLabel(tr("&Doel:"), this);
  purpose_label->setBuddy(purpose_);
  form->addRow(purpose_label, purpose_);
  auto* object_label = new QLabel(tr("&Casus, melding of persoon:"), this);
  object_label->setBuddy(object_);
  form->addRow(object_label, object_);
  auto* actor_label = new QLabel(tr("&Wie:"), this);
  actor_label->setBuddy(actor_);
  form->addRow(actor_label, actor_);
  auto* org_label = new QLabel(tr("&Organisatie:"), this);
  org_label->setBuddy(organisation_);
  form->addRow(org_label, organisation_);
  auto* type_label = new QLabel(tr("Soort &gebeurtenis:"), this);
  type_label->setBuddy(event_type_);
  form->addRow(type_label, event_type_);
  form->addRow(period_row);

  search_ = new QPushButton(tr("&Zoeken"), this);
  search_->setObjectName(QStringLiteral("search"));
  search_->setAccessibleName(tr("Zoeken in het auditlog"));
  search_->setDefault(true);
  previous_ = new QPushButton(tr("&Vorige pagina"), this);
  previous_->setObjectName(QStringLiteral("previousPage"));
  next_ = new QPushButton(tr("V&olgende pagina"), this);
  next_->setObjectName(QStringLiteral("nextPage"));
  connect(search_, &QPushButton::clicked, this, &AuditQueryPanel::search);
  connect(purpose_, &QLineEdit::returnPressed, this, &AuditQueryPanel::search);
  connect(previous_, &QPushButton::clicked, this, [this] { ask(page_ - 1); });
  connect(next_, &QPushButton::clicked, this, [this] { ask(page_ + 1); });
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(search_);
  buttons->addStretch();
  buttons->addWidget(previous_);
  buttons->addWidget(next_);

  table_ = new QTableWidget(0, 6, this);
  table_->setObjectName(QStringLiteral("entriesTable"));
  table_->setAccessibleName(tr("Vermeldingen in het auditlog"));
  table_->setHorizontalHeaderLabels({tr("Tijdstip"), tr("Wie"), tr("Organisatie"), tr("Handeling"),
                                     tr("Onderwerp"), tr("Uitkomst")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setStretchLastSection(true);
  connect(table_, &QTableWidget::itemSelectionChanged, this, &AuditQueryPanel::updateButtons);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("queryStatus"));
  status_->setWordWrap(true);

  verify_ = new QPushButton(tr("Vermelding &verifiëren"), this);
  verify_->setObjectName(QStringLiteral("verifyEntry"));
  verify_->setAccessibleName(
      tr("De gekozen vermelding verifiëren: inclusiebewijs en ondertekend controlepunt"));
  connect(verify_, &QPushButton::clicked, this, &AuditQueryPanel::verifySelected);
  verify_result_ = new QLabel(this);
  verify_result_->setObjectName(QStringLiteral("verifyResult"));
  verify_result_->setWordWrap(true);
  verify_result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* verify_row = new QHBoxLayout;
  verify_row->addWidget(verify_);
  verify_row->addWidget(verify_result_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addLayout(buttons);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);
  layout->addLayout(verify_row);

  setTabOrder(purpose_, object_);
  setTabOrder(object_, actor_);
  setTabOrder(actor_, organisation_);
  setTabOrder(organisation_, event_type_);
  setTabOrder(event_type_, period_);
  setTabOrder(period_, from_);
  setTabOrder(from_, to_);
  setTabOrder(to_, search_);
  setTabOrder(search_, previous_);
  setTabOrder(previous_, next_);
  setTabOrder(next_, table_);
  setTabOrder(table_, verify_);

  marks_.Bind("purpose", purpose_);
  marks_.Bind("object_id", object_);
  marks_.Bind("principal_id", actor_);
  marks_.Bind("organisation_id", organisation_);
  marks_.Bind("event_type", event_type_);
  marks_.Bind("start_time", from_);
  marks_.Bind("end_time", to_);
  updateButtons();
}

void AuditQueryPanel::updateButtons() {
  search_->setEnabled(!busy_);
  previous_->setEnabled(!busy_ && page_ > 0);
  next_->setEnabled(!busy_ && !next_token_.empty());
  verify_->setEnabled(!verifying_ && !table_->selectedItems().isEmpty());
}

void AuditQueryPanel::search() {
  if (busy_) return;
  marks_.Clear();
  if (!RequirePurpose(marks_, purpose_)) {
    status_->setText(tr("Vul eerst het doel van uw raadpleging in; er is niets gevraagd."));
    return;
  }
  request_.Clear();
  request_.set_purpose(purpose_->text().trimmed().toStdString());
  request_.set_object_id(object_->text().trimmed().toStdString());
  request_.set_principal_id(actor_->text().trimmed().toStdString());
  request_.set_organisation_id(organisation_->text().trimmed().toStdString());
  request_.set_event_type(event_type_->text().trimmed().toStdString());
  if (period_->isChecked()) {
    *request_.mutable_start_time() = StartOfDay(from_->date());
    *request_.mutable_end_time() = StartOfDay(to_->date().addDays(1));
  }
  request_.set_page_size(kQueryPageSize);
  page_tokens_.assign(1, std::string());
  page_ = -1;
  next_token_.clear();
  ask(0);
}

void AuditQueryPanel::refresh() {
  if (page_ >= 0) ask(page_);
}

void AuditQueryPanel::ask(int page) {
  if (busy_ || page < 0 || page >= static_cast<int>(page_tokens_.size()) + 1) return;
  if (page == static_cast<int>(page_tokens_.size())) {
    if (next_token_.empty()) return;
    page_tokens_.push_back(next_token_);
  }
  busy_ = true;
  updateButtons();
  status_->setText(tr("Zoeken…"));
  status_->setToolTip(QString());
  v1::QueryEntriesRequest req = request_;
  req.set_page_token(page_tokens_[page]);
  RunOffUiThread(
      this,
      [channel = session_.channels, req]() {
        CallResult<v1::QueryEntriesResponse> out;
        out.status = client::StubOf<v1::AuditService>(*channel)->QueryEntries(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this, page](CallResult<v1::QueryEntriesResponse> out) {
        busy_ = false;
        if (!out.status.ok()) {
          // The pages after the one asked for are unknown now.
          page_tokens_.resize(std::min<size_t>(page_tokens_.size(), page + 1));
          QString text = CallErrorText(out.status);
          if (out.status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
            const QStringList rest = marks_.Show(client::DecodeCallError(out.status));
            if (!rest.isEmpty()) text += QLatin1Char('\n') + rest.join(QLatin1Char('\n'));
          }
          status_->setText(text);
          status_->setToolTip(TechnicalDetail(out.status));
          updateButtons();
          emit queried(false);
          return;
        }
        page_ = page;
        page_tokens_.resize(page + 1);
        next_token_ = out.response.next_page_token();
        std::vector<QStringList> rows;
        std::vector<qint64> indexes;
        for (int i = 0; i < out.response.entries_size(); ++i) {
          rows.push_back(QueryRowCells(out.response.entries(i)));
          indexes.push_back(out.response.entries(i).index());
        }
        FillTable(table_, rows, indexes);
        verify_result_->clear();
        status_->setText(
            rows.empty()
                ? tr("Geen vermeldingen gevonden. Uw raadpleging is vastgelegd met uw doel.")
                : tr("Pagina %1: %2 vermeldingen%3. Uw raadpleging is vastgelegd met uw doel.")
                      .arg(page + 1)
                      .arg(rows.size())
                      .arg(next_token_.empty() ? QString() : tr(" (er zijn er meer)")));
        updateButtons();
        emit queried(true);
      });
}

void AuditQueryPanel::verifySelected() {
  const QList<QTableWidgetItem*> selected = table_->selectedItems();
  if (verifying_ || selected.isEmpty()) return;
  QTableWidgetItem* first = table_->item(selected.first()->row(), 0);
  if (first == nullptr || !first->data(Qt::UserRole).isValid()) return;
  auto verifier = key_->Parse();
  if (!verifier.ok()) {
    verify_result_->setText(tr("Vul eerst een geldige verificatiesleutel in."));
    return;
  }
  const int64_t index = first->data(Qt::UserRole).toLongLong();
  verifying_ = true;
  updateButtons();
  verify_result_->setStyleSheet(QString());
  verify_result_->setToolTip(QString());
  verify_result_->setText(tr("Vermelding %1 wordt geverifieerd…").arg(index));
  RunOffUiThread(
      this,
      [channel = session_.channels, index, verifier = *verifier]() {
        return CheckEntry(channel, index, verifier);
      },
      [this](EntryCheck check) {
        verifying_ = false;
        updateButtons();
        if (!check.status.ok()) {
          verify_result_->setText(tr("Niet geverifieerd: %1").arg(CallErrorText(check.status)));
          verify_result_->setToolTip(TechnicalDetail(check.status));
          verify_result_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
          emit verified(false);
          return;
        }
        verify_result_->setText(EntryCheckText(check));
        verify_result_->setToolTip(EntryCheckDetail(check));
        verify_result_->setStyleSheet(check.verdict.ok()
                                          ? QStringLiteral("QLabel { color: #1e7b34; }")
                                          : QStringLiteral("QLabel { color: #b00020; }"));
        emit verified(check.verdict.ok());
      });
}

}  // namespace schakel::desktop
