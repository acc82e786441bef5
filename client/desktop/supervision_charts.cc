#include "client/desktop/supervision_charts.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QValueAxis>

namespace schakel::desktop {

namespace {

QChart* ChartOf(QWidget* widget) {
  auto* view = qobject_cast<QChartView*>(widget);
  return view != nullptr ? view->chart() : nullptr;
}

void Reset(QChart* chart) {
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
}

// Puts `series` on `chart` over `categories`, the value axis from 0 to a little above the highest
// bar (at least 1), in whole steps when `whole` (counts).
void Show(QChart* chart, QBarSeries* series, const QStringList& categories, double highest,
          bool whole) {
  chart->addSeries(series);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  chart->addAxis(x, Qt::AlignBottom);
  series->attachAxis(x);
  auto* y = new QValueAxis;
  const double top = whole ? std::max(1.0, highest) : std::max(1.0, highest * 1.1);
  y->setRange(0, top);
  if (whole) {
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTickCount(std::min(11, static_cast<int>(top) + 1));
  }
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(y);
  chart->legend()->setVisible(series->count() > 1);
  chart->legend()->setAlignment(Qt::AlignBottom);
}

void Describe(QWidget* widget) {
  const ChartContent content = ChartContentOf(widget);
  QStringList parts{content.title};
  for (const ChartBars& set : content.sets) {
    QStringList values;
    for (int i = 0; i < set.values.size() && i < content.categories.size(); ++i) {
      values << content.categories[i] + QStringLiteral(" ") + QString::number(set.values[i]);
    }
    parts << set.label + QStringLiteral(": ") + values.join(QStringLiteral(", "));
  }
  widget->setAccessibleDescription(parts.join(QStringLiteral("; ")));
}

}  // namespace

QWidget* NewChart(QWidget* parent, const QString& object_name, const QString& accessible_name) {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setMargins(QMargins(4, 4, 4, 4));
  // Numbers on the axes in Dutch notation, as in the tables.
  chart->setLocale(QLocale(QLocale::Dutch, QLocale::Netherlands));
  chart->setLocalizeNumbers(true);
  auto* view = new QChartView(chart, parent);
  view->setObjectName(object_name);
  view->setAccessibleName(accessible_name);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(220);
  return view;
}

void ShowTimeToAccept(QWidget* widget, const v1::HandoverReport& report) {
  QChart* chart = ChartOf(widget);
  if (chart == nullptr) return;
  Reset(chart);
  chart->setTitle(QCoreApplication::translate("Supervision", "Tijd tot acceptatie (uren)"));
  auto* hours = new QBarSet(QCoreApplication::translate("Supervision", "Uren"));
  *hours << report.median_hours_to_accept() << report.p90_hours_to_accept();
  auto* series = new QBarSeries;
  series->append(hours);
  Show(chart, series,
       {QCoreApplication::translate("Supervision", "Mediaan"),
        QCoreApplication::translate("Supervision", "90% binnen")},
       std::max(report.median_hours_to_accept(), report.p90_hours_to_accept()), false);
  Describe(widget);
}

void ShowOrganisationCounts(QWidget* widget, const v1::HandoverReport& report,
                            const OrganisationName& name_of) {
  QChart* chart = ChartOf(widget);
  if (chart == nullptr) return;
  Reset(chart);
  chart->setTitle(QCoreApplication::translate("Supervision", "Overdrachten per organisatie"));
  auto* received = new QBarSet(QCoreApplication::translate("Supervision", "Ontvangen"));
  auto* accepted = new QBarSet(QCoreApplication::translate("Supervision", "Geaccepteerd"));
  auto* declined = new QBarSet(QCoreApplication::translate("Supervision", "Afgewezen"));
  auto* overdue = new QBarSet(QCoreApplication::translate("Supervision", "Te laat"));
  declined->setColor(QColor(0xe0, 0x8e, 0x0b));
  overdue->setColor(QColor(0xb0, 0x2a, 0x37));
  QStringList organisations;
  int highest = 0;
  for (int i = 0; i < report.organisations_size(); ++i) {
    const v1::OrganisationFigures& f = report.organisations(i);
    organisations << name_of(f.organisation_id());
    *received << f.received();
    *accepted << f.accepted();
    *declined << f.declined();
    *overdue << f.overdue();
    highest = std::max({highest, f.received(), f.accepted(), f.declined(), f.overdue()});
  }
  auto* series = new QBarSeries;
  series->append({received, accepted, declined, overdue});
  Show(chart, series, organisations, highest, true);
  Describe(widget);
}

void ClearChart(QWidget* widget) {
  QChart* chart = ChartOf(widget);
  if (chart == nullptr) return;
  Reset(chart);
  widget->setAccessibleDescription({});
}

ChartContent ChartContentOf(const QWidget* widget) {
  ChartContent content;
  const auto* view = qobject_cast<const QChartView*>(widget);
  if (view == nullptr || view->chart() == nullptr) return content;
  const QChart* chart = view->chart();
  content.title = chart->title();
  for (QAbstractAxis* axis : chart->axes(Qt::Horizontal)) {
    if (auto* categories = qobject_cast<QBarCategoryAxis*>(axis)) {
      content.categories = categories->categories();
    }
  }
  for (QAbstractSeries* s : chart->series()) {
    auto* bars = qobject_cast<QBarSeries*>(s);
    if (bars == nullptr) continue;
    for (const QBarSet* set : bars->barSets()) {
      ChartBars out;
      out.label = set->label();
      for (int i = 0; i < set->count(); ++i) out.values << set->at(i);
      content.sets.push_back(out);
    }
  }
  return content;
}

}  // namespace schakel::desktop
