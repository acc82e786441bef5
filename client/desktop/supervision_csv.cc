#include "client/desktop/supervision_csv.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTableWidget>

namespace schakel::desktop {

namespace {

QString CsvLine(const QStringList& fields) {
  QStringList quoted;
  quoted.reserve(fields.size());
  for (const QString& f : fields) quoted << CsvField(f);
  return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

}  // namespace

QString CsvField(const QString& value) {
  static const QString kSpecial = QStringLiteral(",\"\n\r");
  bool special = false;
  for (QChar c : value) special = special || kSpecial.contains(c);
  if (!special) return value;
  QString doubled = value;
  doubled.replace(QLatin1Char('"'), QStringLiteral("\"\""));
  return QLatin1Char('"') + doubled + QLatin1Char('"');
}

CsvTable CsvTableOf(const QTableWidget& table, const QString& title) {
  CsvTable out;
  out.title = title;
  for (int c = 0; c < table.columnCount(); ++c) {
    const QTableWidgetItem* h = table.horizontalHeaderItem(c);
    out.header << (h != nullptr ? h->text() : QString());
  }
  for (int r = 0; r < table.rowCount(); ++r) {
    QStringList row;
    for (int c = 0; c < table.columnCount(); ++c) {
      const QTableWidgetItem* item = table.item(r, c);
      row << (item != nullptr ? item->text() : QString());
    }
    out.rows << row;
  }
  return out;
}

QString CsvText(const std::vector<CsvTable>& tables) {
  QString text;
  for (const CsvTable& t : tables) {
    text += CsvLine({t.title});
    text += CsvLine(t.header);
    for (const QStringList& row : t.rows) text += CsvLine(row);
    text += QLatin1Char('\n');
  }
  return text;
}

QString WriteCsvFile(const QString& path, const std::vector<CsvTable>& tables) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    return QCoreApplication::translate("SupervisionCsv",
                                       "Het bestand %1 kon niet worden geopend: %2")
        .arg(path, file.errorString());
  }
  const QByteArray bytes = CsvText(tables).toUtf8();
  if (file.write(bytes) != bytes.size() || !file.commit()) {
    return QCoreApplication::translate("SupervisionCsv",
                                       "Het bestand %1 kon niet worden geschreven: %2")
        .arg(path, file.errorString());
  }
  return {};
}

}  // namespace schakel::desktop
