#include "client/desktop/case_responsibility_tab.h"

#include <string>
#include <utility>

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/directory_names.h"
#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/widgets.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/handover.grpc.pb.h"

namespace schakel::desktop {

namespace {

// What began a period of the ledger, in words.
QString CauseText(const std::string& cause) {
  if (cause == "case.opened") return QCoreApplication::translate("CaseText", "Casus geopend");
  if (cause == "handover.accepted") {
    return QCoreApplication::translate("CaseText", "Overdracht geaccepteerd");
  }
  if (cause == "case.closed") return QCoreApplication::translate("CaseText", "Casus gesloten");
  if (cause == "case.reopened") {
    return QCoreApplication::translate("CaseText", "Casus heropend");
  }
  if (cause == "phase.changed") return QCoreApplication::translate("CaseText", "Fase gewijzigd");
  if (cause == "plan.incident") {
    return QCoreApplication::translate("CaseText", "Incident in het veiligheidsplan");
  }
  return QString::fromStdString(cause);
}

}  // namespace

CaseResponsibilityTab::CaseResponsibilityTab(client::ChannelsPtr channel, QString case_id,
                                             QWidget* parent)
    : QWidget(parent),
      channel_(std::move(channel)),
      case_id_(std::move(case_id)),
      names_(new DirectoryNames(channel_, this)) {
  // Organisations and professionals by name once the directory answered.
  connect(names_, &DirectoryNames::namesChanged, this, [this] {
    if (has_shown_) draw(shown_);
  });
  banner_ = new QLabel(this);
  banner_->setObjectName(QStringLiteral("handoverPendingBanner"));
  banner_->setWordWrap(true);
  banner_->setStyleSheet(
      QStringLiteral("background: #fde2c4; color: #6b3000; padding: 8px; font-weight: bold; "
                     "border: 1px solid #e0a060;"));
  banner_->hide();
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("leadSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);

  ledger_ = NewTable(
      {tr("Fase"), tr("Organisatie"), tr("Professional"), tr("Van"), tr("Tot"), tr("Aanleiding")},
      QStringLiteral("ledgerTable"), tr("Geschiedenis van de regie"), this);
  handovers_ = NewTable({tr("Voorgesteld"), tr("Van"), tr("Naar"), tr("Fase"), tr("Status"),
                         tr("Accepteren uiterlijk")},
                        QStringLiteral("handoversTable"), tr("Overdrachten"), this);

  propose_ = new QPushButton(tr("Overdracht &voorstellen"), this);
  propose_->setObjectName(QStringLiteral("proposeHandover"));
  propose_->setAccessibleName(tr("Overdracht van de regie voorstellen"));
  connect(propose_, &QPushButton::clicked, this, &CaseResponsibilityTab::proposeHandoverRequested);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("responsibilityStatus"));
  status_->setWordWrap(true);

  auto* ledger_label = new QLabel(tr("Ges&chiedenis van de regie"), this);
  ledger_label->setBuddy(ledger_);
  auto* handovers_label = new QLabel(tr("Over&drachten"), this);
  handovers_label->setBuddy(handovers_);
  auto* top = new QHBoxLayout;
  top->addWidget(summary_, 1);
  top->addWidget(propose_, 0, Qt::AlignTop);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(banner_);
  layout->addLayout(top);
  layout->addWidget(ledger_label);
  layout->addWidget(ledger_, 1);
  layout->addWidget(handovers_label);
  layout->addWidget(handovers_, 1);
  layout->addWidget(status_);
  setTabOrder(propose_, ledger_);
  setTabOrder(ledger_, handovers_);
}

void CaseResponsibilityTab::refresh() {
  if (busy_) return;
  busy_ = true;
  status_->setText(tr("Regie laden…"));
  RunOffUiThread(
      this,
      [channel = channel_, id = case_id_.toStdString()]() {
        v1::GetResponsibilityRequest req;
        req.set_case_id(id);
        CallResult<v1::GetResponsibilityResponse> out;
        out.status = client::StubOf<v1::HandoverService>(*channel)->GetResponsibility(
            NewCallContext().get(), req, &out.response);
        return out;
      },
      [this](CallResult<v1::GetResponsibilityResponse> out) {
        busy_ = false;
        if (!out.status.ok()) {
          status_->setText(CaseErrorText(out.status));
          status_->setToolTip(TechnicalDetail(out.status));
          banner_->hide();
          summary_->clear();
          ledger_->setRowCount(0);
          handovers_->setRowCount(0);
          has_shown_ = false;
          emit loaded(false);
          return;
        }
        shown_ = std::move(out.response);
        has_shown_ = true;
        draw(shown_);
        status_->clear();
        status_->setToolTip({});
        emit loaded(true);
      });
}

void CaseResponsibilityTab::draw(const v1::GetResponsibilityResponse& resp) {
  const auto org = [this](const std::string& id) { return names_->organisation(id); };
  const v1::Responsibility& r = resp.responsibility();
  // The pending handover.
  const bool pending = r.has_pending_handover() && !r.pending_handover().id().empty() &&
                       r.pending_handover().state() == v1::HANDOVER_STATE_PROPOSED;
  if (pending) {
    const v1::Handover& h = r.pending_handover();
    QString text = tr("Overdracht in behandeling: naar %1 (fase %2)")
                       .arg(org(h.to_organisation_id()), PhaseName(h.phase()));
    const QString deadline = FormatDeadline(h.accept_deadline());
    if (!deadline.isEmpty()) text += tr(", accepteren uiterlijk %1").arg(deadline);
    banner_->setText(text + QStringLiteral("."));
  }
  banner_->setVisible(pending);
  // The lead now.
  QStringList lines;
  lines << tr("Regie: %1").arg(org(r.lead_organisation_id()));
  if (!r.lead_professional_id().empty()) {
    lines.back() += QStringLiteral(" (%1)").arg(names_->professional(r.lead_professional_id()));
  }
  lines << tr("Fase: %1").arg(PhaseName(r.phase()));
  if (r.has_lead_since()) lines << tr("Sinds: %1").arg(FormatAmsterdam(r.lead_since()));
  if (!r.watching_organisation_id().empty()) {
    lines << tr("Houdt nog zicht: %1 (tot het eerste contact is bevestigd)")
                 .arg(org(r.watching_organisation_id()));
  }
  for (const std::string& n : r.notices()) {
    const QString dutch = DutchPart(n);
    // The pending banner says it already.
    if (!(pending && dutch.startsWith(tr("Overdracht in behandeling"), Qt::CaseInsensitive))) {
      lines << dutch;
    }
  }
  summary_->setText(lines.join(QStringLiteral("\n")));
  // The ledger.
  ledger_->setRowCount(resp.history_size());
  for (int row = 0; row < resp.history_size(); ++row) {
    const v1::LeadPeriod& p = resp.history(row);
    const bool current = !p.has_end() || p.end().seconds() == 0;
    const QStringList cells = {
        PhaseName(p.phase()),
        org(p.organisation_id()),
        p.professional_id().empty() ? QString() : names_->professional(p.professional_id()),
        FormatAmsterdam(p.start()),
        current ? tr("nu") : FormatAmsterdam(p.end()),
        CauseText(p.cause())};
    for (int col = 0; col < cells.size(); ++col) {
      auto* item = new QTableWidgetItem(cells[col]);
      if (current) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
      }
      ledger_->setItem(row, col, item);
    }
  }
  ledger_->resizeColumnsToContents();
  // The handovers.
  handovers_->setRowCount(resp.handovers_size());
  for (int row = 0; row < resp.handovers_size(); ++row) {
    const v1::Handover& h = resp.handovers(row);
    const QStringList cells = {
        FormatAmsterdam(h.proposed_at()), org(h.from_organisation_id()),
        org(h.to_organisation_id()),      PhaseName(h.phase()),
        HandoverStateName(h.state()),     FormatDeadline(h.accept_deadline())};
    for (int col = 0; col < cells.size(); ++col) {
      handovers_->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
  }
  handovers_->resizeColumnsToContents();
}

}  // namespace schakel::desktop
