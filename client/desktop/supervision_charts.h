// Toezicht: the handover report's charts (Qt Charts) — the time to accept (median and 90th
// percentile, in hours) and, per organisation, the handovers received, accepted, declined and
// overdue. The header keeps Qt Charts to itself: the view and the tests see QWidgets.
#ifndef SCHAKEL_CLIENT_DESKTOP_SUPERVISION_CHARTS_H_
#define SCHAKEL_CLIENT_DESKTOP_SUPERVISION_CHARTS_H_

#include <vector>

#include <QList>
#include <QString>
#include <QStringList>

#include "client/desktop/supervision_tables.h"
#include "schakel/v1/handover.pb.h"

class QWidget;

namespace schakel::desktop {

// An empty chart (a QChartView) with `object_name` and `accessible_name`.
QWidget* NewChart(QWidget* parent, const QString& object_name, const QString& accessible_name);

// Shows, in a chart made by NewChart, the report's time to accept: one bar for the median and one
// for the 90th percentile ("90% binnen": nine in ten accepted within it), in hours.
void ShowTimeToAccept(QWidget* chart, const v1::HandoverReport& report);

// Shows, in a chart made by NewChart, per organisation the handovers it received, accepted,
// declined, and let run late.
void ShowOrganisationCounts(QWidget* chart, const v1::HandoverReport& report,
                            const OrganisationName& name_of);

// Empties a chart made by NewChart (a failed call shows no old figures).
void ClearChart(QWidget* chart);

// What a chart shows, for tests and the accessible description: its title, the categories along
// its axis, and each bar set with its values.
struct ChartBars {
  QString label;
  QList<double> values;
};
struct ChartContent {
  QString title;
  QStringList categories;
  std::vector<ChartBars> sets;
};
ChartContent ChartContentOf(const QWidget* chart);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SUPERVISION_CHARTS_H_
