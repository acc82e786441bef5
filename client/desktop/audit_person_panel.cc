#include "client/desktop/audit_person_panel.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/audit_records.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/errors.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/audit.grpc.pb.h"

namespace schakel::desktop {

namespace {

// Enough for any one client's file: 20 pages of the service's largest page.
constexpr int kMaxPages = 20;
constexpr int kOverviewPageSize = 1000;

struct Overview {
  grpc::Status status;
  std::vector<v1::AuditRecord> records;  // oldest first
  int shredded = 0;                      // entries of a shredded period (no longer readable)
  bool complete = true;                  // false when there were more than kMaxPages pages
};

Overview FetchOverview(const client::ChannelsPtr& channel, v1::QueryEntriesRequest req) {
  Overview out;
  auto stub = client::StubOf<v1::AuditService>(*channel);
  req.set_page_size(kOverviewPageSize);
  for (int page = 0; page < kMaxPages; ++page) {
    v1::QueryEntriesResponse resp;
    out.status = stub->QueryEntries(NewCallContext().get(), req, &resp);
    if (!out.status.ok()) return out;
    for (int i = 0; i < resp.entries_size(); ++i) {
      if (resp.entries(i).shredded()) {
        ++out.shredded;
      } else {
        out.records.push_back(resp.entries(i).record());
      }
    }
    if (resp.next_page_token().empty()) break;
    if (page + 1 == kMaxPages) out.complete = false;
    req.set_page_token(resp.next_page_token());
  }
  std::stable_sort(out.records.begin(), out.records.end(),
                   [](const v1::AuditRecord& a, const v1::AuditRecord& b) {
                     if (a.event_time().seconds() != b.event_time().seconds()) {
                       return a.event_time().seconds() < b.event_time().seconds();
                     }
                     return a.event_time().nanos() < b.event_time().nanos();
                   });
  return out;
}

}  // namespace

AuditPersonPanel::AuditPersonPanel(const Session& session, QWidget* parent)
    : QWidget(parent), session_(session) {
  auto* intro = new QLabel(
      tr("Het chronologische overzicht (NEN 7513) van wie het dossier van een cliënt heeft "
         "ingezien of gewijzigd: wanneer, van welke organisatie, welke handeling en op welke "
         "grond."),
      this);
  intro->setWordWrap(true);

  person_ = new QLineEdit(this);
  person_->setObjectName(QStringLiteral("personId"));
  person_->setAccessibleName(tr("Persoon-id van de cliënt"));
  person_->setPlaceholderText(tr("het id van de persoon in de casus"));
  person_->setClearButtonEnabled(true);
  purpose_ = new QLineEdit(this);
  purpose_->setObjectName(QStringLiteral("personPurpose"));
  purpose_->setAccessibleName(tr("Doel van de raadpleging"));
  purpose_->setPlaceholderText(tr("bijvoorbeeld: inzageverzoek van de cliënt (verplicht)"));
  purpose_->setMaxLength(500);
  auto* form = new QFormLayout;
  auto* person_label = new QLabel(tr("&Persoon:"), this);
  person_label->setBuddy(person_);
  form->addRow(person_label, person_);
  auto* purpose_label = new QLabel(tr("&Doel:"), this);
  purpose_label->setBuddy(purpose_);
  form->addRow(purpose_label, purpose_);

  show_ = new QPushButton(tr("&Overzicht tonen"), this);
  show_->setObjectName(QStringLiteral("showOverview"));
  show_->setAccessibleName(tr("Overzicht tonen van wie dit dossier heeft bekeken"));
  connect(show_, &QPushButton::clicked, this, &AuditPersonPanel::showOverview);
  connect(person_, &QLineEdit::returnPressed, this, &AuditPersonPanel::showOverview);
  connect(purpose_, &QLineEdit::returnPressed, this, &AuditPersonPanel::showOverview);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(show_);
  buttons->addStretch();

  table_ = new QTableWidget(0, 5, this);
  table_->setObjectName(QStringLiteral("overviewTable"));
  table_->setAccessibleName(tr("Wie heeft dit dossier bekeken"));
  table_->setHorizontalHeaderLabels(
      {tr("Wanneer"), tr("Wie"), tr("Organisatie"), tr("Handeling"), tr("Grond")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setStretchLastSection(true);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("overviewStatus"));
  status_->setWordWrap(true);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addLayout(buttons);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);

  setTabOrder(person_, purpose_);
  setTabOrder(purpose_, show_);
  setTabOrder(show_, table_);

  marks_.Bind("object_id", person_);
  marks_.Bind("purpose", purpose_);
}

void AuditPersonPanel::showOverview() {
  if (busy_) return;
  marks_.Clear();
  if (person_->text().trimmed().isEmpty()) {
    client::CallError error;
    error.field_errors.push_back({.field = "object_id", .description = "must be set"});
    marks_.Show(error);
    person_->setFocus();
    status_->setText(tr("Vul het id van de persoon in; er is niets gevraagd."));
    return;
  }
  if (!RequirePurpose(marks_, purpose_)) {
    status_->setText(tr("Vul eerst het doel van uw raadpleging in; er is niets gevraagd."));
    return;
  }
  v1::QueryEntriesRequest req;
  req.set_object_id(person_->text().trimmed().toStdString());
  req.set_purpose(purpose_->text().trimmed().toStdString());
  busy_ = true;
  show_->setEnabled(false);
  status_->setText(tr("Overzicht laden…"));
  status_->setToolTip(QString());
  RunOffUiThread(
      this, [channel = session_.channels, req]() { return FetchOverview(channel, req); },
      [this](Overview out) {
        busy_ = false;
        show_->setEnabled(true);
        if (!out.status.ok()) {
          QString text = CallErrorText(out.status);
          if (out.status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
            const QStringList rest = marks_.Show(client::DecodeCallError(out.status));
            if (!rest.isEmpty()) text += QLatin1Char('\n') + rest.join(QLatin1Char('\n'));
          }
          status_->setText(text);
          status_->setToolTip(TechnicalDetail(out.status));
          emit loaded(false);
          return;
        }
        std::vector<QStringList> rows;
        rows.reserve(out.records.size());
        for (const v1::AuditRecord& r : out.records) rows.push_back(OverviewRowCells(r));
        FillTable(table_, rows);
        QStringList text;
        text << (rows.empty() ? tr("Niemand heeft dit dossier bekeken of gewijzigd, voor zover "
                                   "het auditlog het vastlegde.")
                              : tr("%1 vermeldingen, de oudste eerst.").arg(rows.size()));
        if (out.shredded > 0) {
          text << tr("%1 vermeldingen zijn niet meer leesbaar: de sleutel van hun periode is "
                     "vernietigd.")
                      .arg(out.shredded);
        }
        if (!out.complete) text << tr("Alleen de eerste vermeldingen zijn getoond.");
        text << tr("Uw raadpleging is vastgelegd met uw doel.");
        status_->setText(text.join(QLatin1Char(' ')));
        emit loaded(true);
      });
}

}  // namespace schakel::desktop
