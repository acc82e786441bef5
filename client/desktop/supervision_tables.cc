#include "client/desktop/supervision_tables.h"

#include <utility>
#include <vector>

#include <QCoreApplication>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

#include "client/desktop/display.h"

namespace schakel::desktop {

namespace {

const QLocale& Dutch() {
  static const QLocale kDutch(QLocale::Dutch, QLocale::Netherlands);
  return kDutch;
}

QTableWidgetItem* Cell(const QString& text, bool number = false) {
  auto* item = new QTableWidgetItem(text);
  item->setToolTip(text);
  if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QTableWidgetItem* Number(int value) { return Cell(QString::number(value), true); }

// A two-column table of measures: "Maatstaf", "Waarde".
void FillMeasures(QTableWidget& table, const std::vector<std::pair<QString, QString>>& rows) {
  table.setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    table.setItem(r, 0, Cell(rows[r].first));
    table.setItem(r, 1, Cell(rows[r].second, true));
  }
}

}  // namespace

QString HandoverStateLabel(v1::HandoverState state) {
  switch (state) {
    case v1::HANDOVER_STATE_PROPOSED:
      return QCoreApplication::translate("Supervision", "Voorgesteld (wacht op antwoord)");
    case v1::HANDOVER_STATE_ACCEPTED:
      return QCoreApplication::translate("Supervision", "Geaccepteerd");
    case v1::HANDOVER_STATE_DECLINED:
      return QCoreApplication::translate("Supervision", "Afgewezen");
    case v1::HANDOVER_STATE_WITHDRAWN:
      return QCoreApplication::translate("Supervision", "Ingetrokken");
    case v1::HANDOVER_STATE_EXPIRED:
      return QCoreApplication::translate("Supervision", "Verlopen (niet op tijd geaccepteerd)");
    default:
      return QCoreApplication::translate("Supervision", "Onbekend");
  }
}

QString GapKindLabel(v1::GapKind kind) {
  switch (kind) {
    case v1::GAP_KIND_NO_LEAD:
      return QCoreApplication::translate("Supervision", "Geen leidende organisatie");
    case v1::GAP_KIND_TWO_LEADS:
      return QCoreApplication::translate("Supervision", "Twee leidende organisaties");
    default:
      return QCoreApplication::translate("Supervision", "Onbekend");
  }
}

QString FormatHours(double hours) {
  return QCoreApplication::translate("Supervision", "%1 uur").arg(Dutch().toString(hours, 'f', 1));
}

QString FormatShare(double share, int decimals) {
  return Dutch().toString(share * 100.0, 'f', decimals) + QLatin1Char('%');
}

QString NormVerdict(const v1::NormShare& share) {
  if (share.met()) return QCoreApplication::translate("Supervision", "gehaald");
  if (share.measured() == 0) return QCoreApplication::translate("Supervision", "niets gemeten");
  return QCoreApplication::translate("Supervision", "niet gehaald");
}

QColor NormColour(const v1::NormShare& share) {
  if (share.met()) return QColor(0x1e, 0x7e, 0x34);
  if (share.measured() == 0) return QColor(0x6c, 0x75, 0x7d);
  return QColor(0xb0, 0x2a, 0x37);
}

QString NormLine(const QString& name, const v1::NormShare& share) {
  return QCoreApplication::translate("Supervision", "%1: %2 op tijd (%3 van %4; norm %5) — %6")
      .arg(name, FormatShare(share.share()), QString::number(share.on_time()),
           QString::number(share.measured()), FormatShare(share.norm(), 0), NormVerdict(share));
}

QString AssessmentNormName() {
  return QCoreApplication::translate("Supervision", "Veiligheidsbeoordeling binnen 5 werkdagen");
}
QString InvestigationNormName() {
  return QCoreApplication::translate("Supervision", "Onderzoek afgerond binnen 10 weken");
}

QTableWidget* NewReportTable(QWidget* parent, const QString& object_name,
                             const QString& accessible_name, const QStringList& headers) {
  auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
  table->setObjectName(object_name);
  table->setAccessibleName(accessible_name);
  table->setHorizontalHeaderLabels(headers);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setTabKeyNavigation(false);  // Tab leaves the table: a sensible tab order
  // The first column (what a row is about) takes the room; the figures are as wide as they are.
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table->verticalHeader()->setVisible(false);
  return table;
}

void FillHandoverSummary(QTableWidget& table, const v1::HandoverReport& report) {
  std::vector<std::pair<QString, QString>> rows = {
      {QCoreApplication::translate("Supervision", "Casussen"), QString::number(report.cases())},
      {QCoreApplication::translate("Supervision", "Open casussen"),
       QString::number(report.open_cases())},
  };
  for (int i = 0; i < report.counts_size(); ++i) {
    const v1::StateCount& c = report.counts(i);
    rows.emplace_back(QCoreApplication::translate("Supervision", "Overdrachten: %1")
                          .arg(HandoverStateLabel(c.state())),
                      QString::number(c.count()));
  }
  rows.emplace_back(QCoreApplication::translate("Supervision", "Tijd tot acceptatie: mediaan"),
                    FormatHours(report.median_hours_to_accept()));
  rows.emplace_back(
      QCoreApplication::translate("Supervision", "Tijd tot acceptatie: 90e percentiel"),
      FormatHours(report.p90_hours_to_accept()));
  rows.emplace_back(QCoreApplication::translate("Supervision", "Gaten"),
                    QString::number(report.gaps_size()));
  FillMeasures(table, rows);
}

void FillOrganisations(QTableWidget& table, const v1::HandoverReport& report,
                       const OrganisationName& name_of) {
  table.setRowCount(report.organisations_size());
  for (int r = 0; r < report.organisations_size(); ++r) {
    const v1::OrganisationFigures& f = report.organisations(r);
    table.setItem(r, 0, Cell(name_of(f.organisation_id())));
    table.setItem(r, 1, Number(f.received()));
    table.setItem(r, 2, Number(f.accepted()));
    table.setItem(r, 3, Number(f.declined()));
    QTableWidgetItem* overdue = Number(f.overdue());
    if (f.overdue() > 0) overdue->setForeground(Qt::red);
    table.setItem(r, 4, overdue);
    table.setItem(r, 5, Number(f.sent()));
  }
}

void FillGaps(QTableWidget& table, const v1::HandoverReport& report) {
  table.setRowCount(report.gaps_size());
  for (int r = 0; r < report.gaps_size(); ++r) {
    const v1::Gap& g = report.gaps(r);
    const std::string& label = g.case_reference().empty() ? g.case_id() : g.case_reference();
    table.setItem(r, 0, Cell(QString::fromStdString(label)));
    table.setItem(r, 1, Cell(GapKindLabel(g.kind())));
    table.setItem(r, 2, Cell(FormatAmsterdam(g.start())));
    table.setItem(r, 3,
                  Cell(g.has_end() ? FormatAmsterdam(g.end())
                                   : QCoreApplication::translate("Supervision", "duurt nog")));
    for (int c = 0; c < table.columnCount(); ++c) table.item(r, c)->setForeground(Qt::red);
  }
}

void FillNorms(QTableWidget& table, const v1::IntakeReport& report) {
  const std::pair<QString, const v1::NormShare*> norms[] = {
      {AssessmentNormName(), &report.assessments()},
      {InvestigationNormName(), &report.investigations()}};
  table.setRowCount(2);
  int r = 0;
  for (const auto& [name, share] : norms) {
    table.setItem(r, 0, Cell(name));
    table.setItem(r, 1, Number(share->measured()));
    table.setItem(r, 2, Number(share->on_time()));
    table.setItem(r, 3, Number(share->late()));
    table.setItem(r, 4, Cell(FormatShare(share->share()), true));
    table.setItem(r, 5, Cell(FormatShare(share->norm(), 0), true));
    QTableWidgetItem* verdict = Cell(NormVerdict(*share));
    verdict->setForeground(NormColour(*share));
    QFont bold = verdict->font();
    bold.setBold(true);
    verdict->setFont(bold);
    table.setItem(r, 6, verdict);
    ++r;
  }
}

void FillIntakeSummary(QTableWidget& table, const v1::IntakeReport& report) {
  FillMeasures(
      table,
      {
          {QCoreApplication::translate("Supervision", "Meldingen en adviesvragen ontvangen"),
           QString::number(report.received())},
          {QCoreApplication::translate("Supervision", "Nu te laat: veiligheidsbeoordelingen"),
           QString::number(report.overdue_assessments())},
          {QCoreApplication::translate("Supervision", "Nu te laat: onderzoeken"),
           QString::number(report.overdue_investigations())},
          {QCoreApplication::translate("Supervision", "Nu te laat: terugkoppelingen"),
           QString::number(report.overdue_feedback())},
          {QCoreApplication::translate("Supervision", "Terugkoppeltaken"),
           QString::number(report.feedback_tasks())},
          {QCoreApplication::translate("Supervision", "Terugkoppeling gegeven"),
           QString::number(report.feedback_given())},
          {QCoreApplication::translate("Supervision", "Terugkoppeling op tijd gegeven"),
           QString::number(report.feedback_given_on_time())},
          {QCoreApplication::translate("Supervision", "Terugkoppeling open en te laat"),
           QString::number(report.feedback_overdue())},
      });
}

namespace {
// Columns `column` and the next of row `r`: the day a file goes (or that it stays under a legal
// hold) and the hold's reason with who set it.
template <typename Item>
void SetDestruction(QTableWidget& table, int r, int column, const Item& item) {
  if (item.legal_hold()) {
    table.setItem(r, column, Cell(QCoreApplication::translate("Supervision", "blijft (blokkade)")));
    table.setItem(r, column + 1,
                  Cell(QCoreApplication::translate("Supervision", "%1 (door %2)")
                           .arg(QString::fromStdString(item.legal_hold_reason()),
                                QString::fromStdString(item.legal_hold_by()))));
  } else {
    table.setItem(r, column, Cell(FormatDate(item.destroy_on())));
    table.setItem(r, column + 1, Cell(QString()));
  }
}
}  // namespace

void FillRetention(QTableWidget& table, const v1::ListRetentionResponse& answer) {
  table.setRowCount(answer.items_size());
  for (int r = 0; r < answer.items_size(); ++r) {
    const v1::RetentionItem& item = answer.items(r);
    table.setItem(r, 0, Cell(QString::fromStdString(item.report_id())));
    table.setItem(r, 1,
                  Cell(item.kind() == v1::REPORT_KIND_ADVICE
                           ? QCoreApplication::translate("Supervision", "Advies")
                           : QCoreApplication::translate("Supervision", "Melding")));
    table.setItem(r, 2, Cell(FormatAmsterdam(item.received_at())));
    table.setItem(r, 3, Cell(FormatAmsterdam(item.closed_at())));
    SetDestruction(table, r, 4, item);
  }
}

void FillCaseRetention(QTableWidget& table, const v1::ListCaseRetentionResponse& answer) {
  table.setRowCount(answer.items_size());
  for (int r = 0; r < answer.items_size(); ++r) {
    const v1::CaseRetentionItem& item = answer.items(r);
    table.setItem(r, 0, Cell(QString::fromStdString(item.reference())));
    table.setItem(r, 1, Cell(FormatAmsterdam(item.closed_at())));
    SetDestruction(table, r, 2, item);
  }
}

}  // namespace schakel::desktop
