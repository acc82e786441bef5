// Toezicht: the report tables as CSV (RFC 4180: a field with a comma, a quote or a line break is
// quoted, its quotes doubled), one file with each table under its title, for a spreadsheet.
#ifndef SCHAKEL_CLIENT_DESKTOP_SUPERVISION_CSV_H_
#define SCHAKEL_CLIENT_DESKTOP_SUPERVISION_CSV_H_

#include <vector>

#include <QList>
#include <QString>
#include <QStringList>

class QTableWidget;

namespace schakel::desktop {

// One table: its title, its column headers and its rows as shown.
struct CsvTable {
  QString title;
  QStringList header;
  QList<QStringList> rows;
};

// `value` as one CSV field: as it is, or quoted with its quotes doubled when it holds a comma, a
// quote or a line break.
QString CsvField(const QString& value);

// The header and the cells of `table` as shown (an empty cell for a missing item).
CsvTable CsvTableOf(const QTableWidget& table, const QString& title);

// The tables one after the other: a line with the title, the header, the rows, then an empty line.
// Lines end in "\n".
QString CsvText(const std::vector<CsvTable>& tables);

// Writes CsvText(tables) to `path` as UTF-8, replacing the file only once it is written whole.
// Returns an empty string, or the sentence that says why the file could not be written.
QString WriteCsvFile(const QString& path, const std::vector<CsvTable>& tables);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SUPERVISION_CSV_H_
