#include "client/desktop/triage_handed.h"

#include <string>
#include <utility>

#include <QButtonGroup>
#include <QCheckBox>
#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/widgets.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

QString HandedEsc(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

// "<b>label</b> value<br>" when `value` is not empty.
QString HandedLine(const QString& label, const QString& value) {
  if (value.isEmpty()) return {};
  return QStringLiteral("<b>%1</b> %2<br>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

// "<h4>title</h4><ul><li>…</li></ul>" for a non-empty list.
QString HandedList(const QString& title,
                   const google::protobuf::RepeatedPtrField<std::string>& items) {
  if (items.empty()) return {};
  QString html = QStringLiteral("<h4>%1</h4><ul>").arg(title.toHtmlEscaped());
  for (const std::string& item : items) html += QStringLiteral("<li>%1</li>").arg(HandedEsc(item));
  return html + QStringLiteral("</ul>");
}

}  // namespace

// --- TriageHandedPanel ------------------------------------------------------------------------

TriageHandedPanel::TriageHandedPanel(client::ChannelsPtr channel, DirectoryNames* names,
                                     QWidget* parent)
    : ViewPage(parent), channel_(std::move(channel)), names_(names) {
  if (names_ == nullptr) names_ = new DirectoryNames(channel_, this);  // standing alone
  auto* intro = new QLabel(
      tr("Meldingen die Veilig Thuis aan uw organisatie overdraagt. Veilig Thuis blijft "
         "verantwoordelijk tot u accepteert; bij weigeren beoordeelt Veilig Thuis opnieuw."),
      this);
  intro->setWordWrap(true);
  include_answered_ = new QCheckBox(tr("Ook beantwoor&de (laatste 90 dagen)"), this);
  include_answered_->setObjectName(QStringLiteral("handedIncludeAnswered"));
  connect(include_answered_, &QCheckBox::toggled, this, &TriageHandedPanel::refresh);

  table_ = NewTable({tr("Melding"), tr("Van"), tr("Beoordeeld"), tr("Geweld"), tr("Stand"),
                     tr("Antwoord uiterlijk")},
                    QStringLiteral("handedTable"), tr("Overgedragen meldingen"), this);
  connect(table_, &QTableWidget::itemSelectionChanged, this, &TriageHandedPanel::showSelected);

  details_ = new QTextBrowser(this);
  details_->setObjectName(QStringLiteral("handedDetails"));
  details_->setAccessibleName(tr("Gegevens van de overgedragen melding"));
  details_->setOpenLinks(false);

  answer_ = new QPushButton(tr("&Beantwoorden…"), this);
  answer_->setObjectName(QStringLiteral("handedAnswerButton"));
  answer_->setAccessibleName(tr("Overgedragen melding accepteren of weigeren"));
  connect(answer_, &QPushButton::clicked, this, &TriageHandedPanel::answer);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("handedStatus"));
  status_->setWordWrap(true);

  auto* top = new QHBoxLayout;
  top->addWidget(intro, 1);
  top->addWidget(include_answered_);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(answer_);
  bottom->addWidget(status_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(table_, 2);
  layout->addWidget(details_, 3);
  layout->addLayout(bottom);
  setTabOrder(include_answered_, table_);
  setTabOrder(table_, answer_);
  setTabOrder(answer_, details_);

  if (names_ != nullptr) {
    connect(names_, &DirectoryNames::namesChanged, this, [this] { showReports(); });
  }
  showSelected();
}

QString TriageHandedPanel::selectedReportId() const {
  const v1::HandedReport* r = selected();
  return r != nullptr ? QString::fromStdString(r->report_id()) : QString();
}

void TriageHandedPanel::selectReport(const QString& report_id) {
  for (int r = 0; r < static_cast<int>(reports_.size()); ++r) {
    if (QString::fromStdString(reports_[r].report_id()) == report_id) {
      table_->selectRow(r);
      return;
    }
  }
  table_->clearSelection();
}

const v1::HandedReport* TriageHandedPanel::selected() const {
  const QList<QTableWidgetItem*> items = table_->selectedItems();
  if (items.isEmpty()) return nullptr;
  const int row = items.first()->row();
  return row < static_cast<int>(reports_.size()) ? &reports_[row] : nullptr;
}

void TriageHandedPanel::refresh() {
  if (busy_) {
    again_ = true;  // asked again meanwhile (another filter, an answer just given)
    return;
  }
  busy_ = true;
  status_->setText(tr("Overgedragen meldingen laden…"));
  status_->setToolTip({});
  v1::ListHandedReportsRequest req;
  req.set_include_answered(include_answered_->isChecked());
  RunOffUiThread(
      this,
      [channel = channel_, req]() {
        CallResult<v1::ListHandedReportsResponse> out;
        out.status = client::StubOf<v1::IntakeService>(*channel)->ListHandedReports(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this](CallResult<v1::ListHandedReportsResponse> out) {
        busy_ = false;
        if (!out.status.ok()) {
          status_->setText(tr("De overgedragen meldingen konden niet worden opgehaald: %1")
                               .arg(CallErrorText(out.status)));
          status_->setToolTip(TechnicalDetail(out.status));
        } else {
          reports_.assign(out.response.reports().begin(), out.response.reports().end());
          showReports();
          int waiting = 0;
          for (const v1::HandedReport& r : reports_) {
            if (r.handover().state() == v1::REPORT_HANDOVER_STATE_PROPOSED) ++waiting;
          }
          status_->setText(reports_.empty() ? tr("Geen overgedragen meldingen.")
                                            : tr("Wachten op uw antwoord: %1").arg(waiting));
        }
        emit loaded(out.status.ok());
        if (again_) {
          again_ = false;
          refresh();
        }
      });
}

void TriageHandedPanel::showReports() {
  const QString before = selectedReportId();
  {
    const QSignalBlocker block(table_);
    table_->clearSelection();
    table_->setRowCount(static_cast<int>(reports_.size()));
    for (int r = 0; r < static_cast<int>(reports_.size()); ++r) {
      const v1::HandedReport& h = reports_[r];
      QString state = ReportHandoverStateName(h.handover().state());
      if (h.overdue()) state = tr("%1, TE LAAT").arg(state);
      const QString assessed = tr("%1, %2").arg(NameOfProfessional(names_, h.assessed_by()),
                                                FormatAmsterdam(h.assess_time()));
      const QStringList cells = {QString::fromStdString(h.report_id()),
                                 NameOfOrganisation(names_, h.from_organisation_id()),
                                 assessed,
                                 ViolenceKindNames(h.violence_kinds()),
                                 state,
                                 h.handover().state() == v1::REPORT_HANDOVER_STATE_PROPOSED
                                     ? FormatDeadline(h.handover().accept_due())
                                     : QString()};
      for (int col = 0; col < cells.size(); ++col) {
        auto* item = new QTableWidgetItem(cells[col]);
        if (col == kReport) item->setData(Qt::UserRole, QString::fromStdString(h.report_id()));
        if (h.overdue() || h.acute()) {
          QFont bold = item->font();
          bold.setBold(true);
          item->setFont(bold);
        }
        if (h.overdue()) item->setForeground(Qt::red);
        table_->setItem(r, col, item);
      }
    }
    table_->resizeColumnsToContents();
    selectReport(before);
  }
  showSelected();
}

void TriageHandedPanel::showSelected() {
  const v1::HandedReport* h = selected();
  answer_->setEnabled(h != nullptr && h->handover().state() == v1::REPORT_HANDOVER_STATE_PROPOSED);
  if (h == nullptr) {
    details_->setHtml(
        QStringLiteral("<p>%1</p>").arg(tr("Kies een overgedragen melding.").toHtmlEscaped()));
    return;
  }
  const v1::ReportHandover& ho = h->handover();
  QString html = QStringLiteral("<h3>%1</h3>")
                     .arg(tr("Overgedragen melding %1")
                              .arg(QString::fromStdString(h->report_id()))
                              .toHtmlEscaped());
  if (h->acute()) {
    html += QStringLiteral("<p style=\"color:#b00020\"><b>%1</b></p>")
                .arg(tr("ACUUT gemeld.").toHtmlEscaped());
  }
  html += HandedLine(tr("Van:"), NameOfOrganisation(names_, h->from_organisation_id()));
  html += HandedLine(tr("Aan:"), NameOfOrganisation(names_, ho.to_organisation_id()));
  html += HandedLine(tr("Beoordeeld door:"), NameOfProfessional(names_, h->assessed_by()));
  html += HandedLine(tr("Beoordeeld op:"), FormatAmsterdam(h->assess_time()));
  html += HandedLine(tr("Voorgesteld op:"), FormatAmsterdam(ho.proposed_at()));
  html += HandedLine(tr("Stand:"), ReportHandoverStateName(ho.state()));
  if (ho.state() == v1::REPORT_HANDOVER_STATE_PROPOSED) {
    html += HandedLine(tr("Antwoord uiterlijk:"), FormatDeadline(ho.accept_due()));
  }
  html += HandedLine(tr("Beantwoord door:"), NameOfProfessional(names_, ho.answered_by()));
  html += HandedLine(tr("Beantwoord op:"), FormatAmsterdam(ho.answered_at()));
  html += HandedLine(tr("Reden van weigeren:"), QString::fromStdString(ho.decline_reason()));
  html += HandedLine(tr("Notitie van Veilig Thuis:"), QString::fromStdString(ho.note()));
  html += HandedLine(tr("Geweld:"), ViolenceKindNames(h->violence_kinds()));
  html += HandedLine(tr("Acuut onveilig:"), h->acute_unsafety() ? tr("ja") : tr("nee"));
  html += HandedLine(tr("Structureel onveilig:"), h->structural_unsafety() ? tr("ja") : tr("nee"));
  html += HandedLine(tr("Onderbouwing:"), QString::fromStdString(h->reasoning()));
  html += HandedList(tr("Risicofactoren"), h->risk_factors());
  html += HandedList(tr("Beschermende factoren"), h->protective_factors());
  html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Personen").toHtmlEscaped());
  for (const v1::ReportedPerson& p : h->persons()) {
    QStringList parts = {ReportedRoleName(p.role())};
    if (const QString dob = FormatDate(p.date_of_birth()); !dob.isEmpty()) {
      parts << tr("geboren %1").arg(dob);
    }
    if (!p.bsn_masked().empty()) parts << tr("BSN %1").arg(QString::fromStdString(p.bsn_masked()));
    html += QStringLiteral("<li><b>%1</b> — %2</li>")
                .arg(HandedEsc(p.name()), parts.join(QStringLiteral(", ")).toHtmlEscaped());
  }
  html += QStringLiteral("</ul>");
  details_->setHtml(html);
}

void TriageHandedPanel::answer() {
  const v1::HandedReport* h = selected();
  if (h == nullptr) return;
  auto* dialog = new AnswerHandedReportDialog(channel_, *h, names_, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &AnswerHandedReportDialog::answered, this,
          [this](const QString& report_id, bool accepted) {
            status_->setText(accepted ? tr("Overdracht van melding %1 geaccepteerd.").arg(report_id)
                                      : tr("Overdracht van melding %1 geweigerd.").arg(report_id));
            emit answered(report_id, accepted);
            refresh();
          });
  dialog->open();
}

// --- AnswerHandedReportDialog -----------------------------------------------------------------

AnswerHandedReportDialog::AnswerHandedReportDialog(client::ChannelsPtr channel,
                                                   const v1::HandedReport& report,
                                                   DirectoryNames* names, QWidget* parent)
    : FormDialog(std::move(channel), tr("Overgedragen melding beantwoorden"), tr("&Versturen"),
                 parent),
      report_(report) {
  setObjectName(QStringLiteral("answerHandedDialog"));
  auto* details = new QLabel(tr("Melding %1 van %2, beoordeeld door %3.")
                                 .arg(QString::fromStdString(report.report_id()),
                                      NameOfOrganisation(names, report.from_organisation_id()),
                                      NameOfProfessional(names, report.assessed_by())),
                             this);
  details->setObjectName(QStringLiteral("handedAnswerDetails"));
  details->setWordWrap(true);
  details->setTextFormat(Qt::PlainText);
  form()->addRow(details);
  accept_ = new QRadioButton(tr("&Accepteren: wij nemen de melding over"), this);
  accept_->setObjectName(QStringLiteral("handedAccept"));
  accept_->setAccessibleName(tr("Accepteren"));
  decline_ = new QRadioButton(tr("&Weigeren: terug naar Veilig Thuis"), this);
  decline_->setObjectName(QStringLiteral("handedDecline"));
  decline_->setAccessibleName(tr("Weigeren"));
  auto* group = new QButtonGroup(this);
  group->addButton(accept_);
  group->addButton(decline_);
  accept_->setChecked(true);
  reason_ = new QPlainTextEdit(this);
  reason_->setObjectName(QStringLiteral("handedDeclineReason"));
  reason_->setAccessibleName(tr("Reden van weigeren"));
  reason_->setTabChangesFocus(true);
  reason_->setMinimumHeight(reason_->fontMetrics().lineSpacing() * 4 + 12);
  reason_->setEnabled(false);
  connect(decline_, &QRadioButton::toggled, reason_, &QWidget::setEnabled);
  form()->addRow(accept_);
  form()->addRow(decline_);
  form()->addRow(tr("&Reden (bij weigeren verplicht):"), reason_);
  marks().Bind("decline_reason", reason_);
  setTabOrder(accept_, decline_);
  setTabOrder(decline_, reason_);
  setTabOrder(reason_, okButton());
}

FormDialog::Call AnswerHandedReportDialog::prepareCall() {
  v1::AnswerReportHandoverRequest req;
  req.set_request_id(requestId());
  req.set_report_id(report_.report_id());
  req.set_accept(accept_->isChecked());
  if (!req.accept()) req.set_decline_reason(reason_->toPlainText().trimmed().toStdString());
  sent_accept_ = req.accept();
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::AnswerReportHandoverResponse resp;
    return client::StubOf<v1::IntakeService>(*channel)->AnswerReportHandover(ctx, req, &resp);
  };
}

void AnswerHandedReportDialog::succeeded() {
  emit answered(QString::fromStdString(report_.report_id()), sent_accept_);
}

QString AnswerHandedReportDialog::refusalText(const grpc::Status& status) const {
  switch (status.error_code()) {
    case grpc::StatusCode::FAILED_PRECONDITION:
      return tr("Deze overdracht is al beantwoord.");
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
      return tr("U mag deze overdracht niet beantwoorden, of de melding bestaat niet.");
    default:
      return CallErrorText(status);
  }
}

}  // namespace schakel::desktop
