// Small widget builders every view shares.
#ifndef SCHAKEL_CLIENT_DESKTOP_WIDGETS_H_
#define SCHAKEL_CLIENT_DESKTOP_WIDGETS_H_

#include <QString>
#include <QStringList>

class QTableWidget;
class QWidget;

namespace schakel::desktop {

// A read-only table with `headers`, whole rows selected one at a time, wrapped text, the last
// column stretched and no row numbers; `name` is its object name (for tests), `accessible` its
// accessible name (for screen readers).
QTableWidget* NewTable(const QStringList& headers, const QString& name, const QString& accessible,
                       QWidget* parent);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_WIDGETS_H_
