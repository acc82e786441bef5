#include "client/desktop/widgets.h"

#include <QHeaderView>
#include <QTableWidget>

namespace schakel::desktop {

QTableWidget* NewTable(const QStringList& headers, const QString& name, const QString& accessible,
                       QWidget* parent) {
  auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
  t->setObjectName(name);
  t->setAccessibleName(accessible);
  t->setHorizontalHeaderLabels(headers);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionBehavior(QAbstractItemView::SelectRows);
  t->setSelectionMode(QAbstractItemView::SingleSelection);
  t->setWordWrap(true);
  t->horizontalHeader()->setStretchLastSection(true);
  t->verticalHeader()->setVisible(false);
  return t;
}

}  // namespace schakel::desktop
