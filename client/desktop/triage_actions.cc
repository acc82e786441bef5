#include "client/desktop/triage_actions.h"

#include <string>
#include <utility>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_text.h"
#include "client/lib/server_addresses.h"

namespace schakel::desktop {

namespace {

constexpr v1::InvestigationFollowUp kFollowUps[] = {
    v1::INVESTIGATION_FOLLOW_UP_UNSPECIFIED,   v1::INVESTIGATION_FOLLOW_UP_END_OF_INVOLVEMENT,
    v1::INVESTIGATION_FOLLOW_UP_HANDOVER,      v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP,
    v1::INVESTIGATION_FOLLOW_UP_MDA_PLUS_PLUS, v1::INVESTIGATION_FOLLOW_UP_CHILD_PROTECTION_BOARD,
};

QPlainTextEdit* ActionTextBox(QWidget* parent, const QString& object_name,
                              const QString& accessible, int lines) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setObjectName(object_name);
  edit->setAccessibleName(accessible);
  edit->setTabChangesFocus(true);
  edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
  return edit;
}

}  // namespace

// --- TriageReportDialog -----------------------------------------------------------------------

TriageReportDialog::TriageReportDialog(client::ChannelsPtr channel, const v1::Report& report,
                                       DirectoryNames* names, const QString& title,
                                       const QString& ok_text, QWidget* parent)
    : FormDialog(std::move(channel), title, ok_text, parent),
      report_(report),
      names_(names),
      answer_(std::make_shared<v1::Report>()) {
  details_ = new QLabel(this);
  details_->setObjectName(QStringLiteral("reportActionDetails"));
  details_->setWordWrap(true);
  details_->setTextFormat(Qt::PlainText);
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  details_->setAccessibleName(tr("Gegevens van de melding"));
  form()->addRow(details_);
  if (names_ != nullptr) {
    connect(names_, &DirectoryNames::namesChanged, this, &TriageReportDialog::showDetails);
  }
}

QStringList TriageReportDialog::detailLines() const {
  const v1::ReportInput& in = report_.input();
  QStringList lines;
  lines << tr("%1 %2").arg(ReportKindName(in.kind()), QString::fromStdString(report_.id()));
  lines << tr("Ontvangen: %1 (%2)")
               .arg(FormatAmsterdam(in.received_at()), ReportChannelName(in.channel()));
  lines << tr("Melder: %1").arg(ReporterTypeName(in.reporter().type()));
  if (in.violence_kinds_size() > 0) {
    lines << tr("Geweld: %1").arg(ViolenceKindNames(in.violence_kinds()));
  }
  if (!report_.claimed_by().empty()) {
    lines << tr("In behandeling bij: %1").arg(NameOfProfessional(names_, report_.claimed_by()));
  }
  return lines;
}

void TriageReportDialog::showDetails() { details_->setText(detailLines().join(QLatin1Char('\n'))); }

void TriageReportDialog::reload() {
  details_->setText(tr("Melding opnieuw laden…"));
  RunOffUiThread(
      this,
      [channel = channel(), id = report_.id()]() {
        CallResult<v1::GetReportResponse> out;
        v1::GetReportRequest req;
        req.set_report_id(id);
        req.set_purpose("triage");
        out.status = client::StubOf<v1::IntakeService>(*channel)->GetReport(NewCallContext().get(),
                                                                            req, &out.response);
        return out;
      },
      [this](CallResult<v1::GetReportResponse> out) {
        if (!out.status.ok()) {
          setStatus(
              tr("De melding kon niet opnieuw worden gelezen: %1").arg(refusalText(out.status)),
              TechnicalDetail(out.status));
          showDetails();
          return;
        }
        report_ = out.response.report();
        showDetails();
        setStatus(tr("De melding is opnieuw gelezen. Controleer uw invoer en kies opnieuw OK."));
      });
}

void TriageReportDialog::succeeded() { emit reportChanged(*answer_); }

QString TriageReportDialog::refusalText(const grpc::Status& status) const {
  switch (status.error_code()) {
    case grpc::StatusCode::FAILED_PRECONDITION:
      return preconditionText();
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::NOT_FOUND:
      // The same for a report of another region and one that does not exist.
      return tr("U mag deze melding niet wijzigen, of zij bestaat niet.");
    default:
      return CallErrorText(status);
  }
}

QString TriageReportDialog::staleText() const {
  return tr("Een collega heeft deze melding intussen gewijzigd.");
}

// --- ConvertAdviceDialog ----------------------------------------------------------------------

ConvertAdviceDialog::ConvertAdviceDialog(client::ChannelsPtr channel, const v1::Report& report,
                                         DirectoryNames* names, QWidget* parent)
    : TriageReportDialog(std::move(channel), report, names, tr("Adviesvraag omzetten in melding"),
                         tr("&Omzetten"), parent) {
  setObjectName(QStringLiteral("convertAdviceDialog"));
  auto* explanation = new QLabel(
      tr("Na het omzetten is Veilig Thuis verantwoordelijk voor de veiligheid en begint de "
         "termijn van 5 werkdagen voor de veiligheidsbeoordeling."),
      this);
  explanation->setWordWrap(true);
  form()->addRow(explanation);
  reason_ = ActionTextBox(this, QStringLiteral("convertReason"),
                          tr("Waarom de adviesvraag een melding wordt"), 4);
  form()->addRow(tr("&Reden (verplicht):"), reason_);
  marks().Bind("reason", reason_);
  setTabOrder(reason_, okButton());
  showDetails();
}

FormDialog::Call ConvertAdviceDialog::prepareCall() {
  v1::ConvertAdviceRequest req;
  req.set_request_id(requestId());
  req.set_report_id(report().id());
  req.set_etag(report().etag());
  req.set_reason(reason_->toPlainText().trimmed().toStdString());
  return [channel = channel(), req, out = answer()](grpc::ClientContext* ctx) {
    v1::ConvertAdviceResponse resp;
    const grpc::Status status =
        client::StubOf<v1::IntakeService>(*channel)->ConvertAdvice(ctx, req, &resp);
    if (status.ok()) *out = resp.report();
    return status;
  };
}

QString ConvertAdviceDialog::preconditionText() const {
  return tr("Omzetten kan niet: dit is al een melding, of de adviesvraag is niet meer open.");
}

// --- CloseReportDialog ------------------------------------------------------------------------

CloseReportDialog::CloseReportDialog(client::ChannelsPtr channel, const v1::Report& report,
                                     DirectoryNames* names, QWidget* parent)
    : TriageReportDialog(std::move(channel), report, names, tr("Dossier afsluiten"),
                         tr("&Afsluiten"), parent) {
  setObjectName(QStringLiteral("closeReportDialog"));
  auto* explanation = new QLabel(
      tr("Afsluiten beëindigt de bemoeienis van Veilig Thuis met dit dossier. De bewaartermijn "
         "begint dan; daarna wordt het dossier vernietigd."),
      this);
  explanation->setWordWrap(true);
  form()->addRow(explanation);
  reason_ =
      ActionTextBox(this, QStringLiteral("closeReason"), tr("Waarom de bemoeienis eindigt"), 4);
  form()->addRow(tr("&Reden (verplicht):"), reason_);
  marks().Bind("reason", reason_);
  setTabOrder(reason_, okButton());
  showDetails();
}

bool CloseReportDialog::ClosesByHand(const v1::Report& report) {
  if (report.input().kind() == v1::REPORT_KIND_ADVICE) {
    return report.state() == v1::REPORT_STATE_OPEN;
  }
  if (report.state() != v1::REPORT_STATE_ASSESSED) return false;
  if (report.assessment().route() == v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP) return true;
  return report.has_investigation_end() &&
         report.investigation_end().follow_up() == v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP;
}

FormDialog::Call CloseReportDialog::prepareCall() {
  v1::CloseReportRequest req;
  req.set_request_id(requestId());
  req.set_report_id(report().id());
  req.set_etag(report().etag());
  req.set_reason(reason_->toPlainText().trimmed().toStdString());
  return [channel = channel(), req, out = answer()](grpc::ClientContext* ctx) {
    v1::CloseReportResponse resp;
    const grpc::Status status =
        client::StubOf<v1::IntakeService>(*channel)->CloseReport(ctx, req, &resp);
    if (status.ok()) *out = resp.report();
    return status;
  };
}

QString CloseReportDialog::preconditionText() const {
  return tr(
      "Afsluiten kan niet: dit dossier sluit vanzelf, is nog niet beoordeeld of is al "
      "afgesloten.");
}

// --- CompleteInvestigationDialog --------------------------------------------------------------

CompleteInvestigationDialog::CompleteInvestigationDialog(client::ChannelsPtr channel,
                                                         const v1::Report& report,
                                                         DirectoryNames* names, QWidget* parent)
    : TriageReportDialog(std::move(channel), report, names, tr("Onderzoek afronden"),
                         tr("&Afronden"), parent) {
  setObjectName(QStringLiteral("completeInvestigationDialog"));
  conclusion_ = ActionTextBox(this, QStringLiteral("investigationConclusion"),
                              tr("Conclusie van het onderzoek"), 5);
  follow_up_ = new QComboBox(this);
  follow_up_->setObjectName(QStringLiteral("investigationFollowUp"));
  follow_up_->setAccessibleName(tr("Besloten vervolg"));
  for (v1::InvestigationFollowUp f : kFollowUps) {
    follow_up_->addItem(InvestigationFollowUpName(f), static_cast<int>(f));
  }
  note_ = ActionTextBox(this, QStringLiteral("investigationFollowUpNote"),
                        tr("Wie het overneemt of wat er volgt"), 3);
  form()->addRow(tr("&Conclusie (verplicht):"), conclusion_);
  form()->addRow(tr("&Vervolg (verplicht):"), follow_up_);
  form()->addRow(tr("&Toelichting vervolg:"), note_);
  marks().Bind("conclusion", conclusion_);
  marks().Bind("follow_up", follow_up_);
  marks().Bind("follow_up_note", note_);
  setTabOrder(conclusion_, follow_up_);
  setTabOrder(follow_up_, note_);
  setTabOrder(note_, okButton());
  showDetails();
}

QStringList CompleteInvestigationDialog::detailLines() const {
  QStringList lines = TriageReportDialog::detailLines();
  const v1::Report& r = report();
  if (!r.investigator_id().empty()) {
    lines << tr("Onderzoeker: %1").arg(NameOfProfessional(names(), r.investigator_id()));
  }
  if (r.has_investigation_due()) {
    lines << tr("Onderzoek uiterlijk: %1").arg(FormatDeadline(r.investigation_due()));
  }
  return lines;
}

FormDialog::Call CompleteInvestigationDialog::prepareCall() {
  v1::CompleteInvestigationRequest req;
  req.set_request_id(requestId());
  req.set_report_id(report().id());
  req.set_etag(report().etag());
  req.set_conclusion(conclusion_->toPlainText().trimmed().toStdString());
  req.set_follow_up(static_cast<v1::InvestigationFollowUp>(follow_up_->currentData().toInt()));
  req.set_follow_up_note(note_->toPlainText().trimmed().toStdString());
  return [channel = channel(), req, out = answer()](grpc::ClientContext* ctx) {
    v1::CompleteInvestigationResponse resp;
    const grpc::Status status =
        client::StubOf<v1::IntakeService>(*channel)->CompleteInvestigation(ctx, req, &resp);
    if (status.ok()) *out = resp.report();
    return status;
  };
}

QString CompleteInvestigationDialog::preconditionText() const {
  return tr(
      "Afronden kan niet: bij deze melding loopt geen onderzoek door Veilig Thuis, of het "
      "onderzoek is al afgerond.");
}

}  // namespace schakel::desktop
