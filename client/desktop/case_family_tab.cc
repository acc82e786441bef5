#include "client/desktop/case_family_tab.h"

#include <cmath>
#include <map>
#include <numbers>
#include <string>
#include <utility>

#include <QBrush>
#include <QFont>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QPen>
#include <QSplitter>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/display.h"
#include "client/desktop/widgets.h"
#include "schakel/v1/cases.pb.h"

namespace schakel::desktop {

namespace {

constexpr double kBoxWidth = 170;
constexpr double kBoxHeight = 54;

void SetRow(QTableWidget* t, int row, const QStringList& cells) {
  for (int col = 0; col < cells.size(); ++col)
    t->setItem(row, col, new QTableWidgetItem(cells[col]));
}

}  // namespace

CaseFamilyTab::CaseFamilyTab(std::shared_ptr<grpc::Channel> channel, QString case_id,
                             QWidget* parent)
    : QWidget(parent), channel_(std::move(channel)), case_id_(std::move(case_id)) {
  persons_ = NewTable({tr("Naam"), tr("Rol"), tr("Geboortedatum"), tr("BSN"), tr("Notities")},
                      QStringLiteral("personsTable"), tr("Personen"), this);
  relations_ = NewTable({tr("Van"), tr("Relatie"), tr("Naar")}, QStringLiteral("relationsTable"),
                        tr("Relaties"), this);

  scene_ = new QGraphicsScene(this);
  diagram_ = new QGraphicsView(scene_, this);
  diagram_->setObjectName(QStringLiteral("familyDiagram"));
  diagram_->setAccessibleName(tr("Gezinsdiagram"));
  diagram_->setAccessibleDescription(
      tr("Een vak per persoon en een lijn per relatie; dezelfde gegevens staan in de tabellen."));
  diagram_->setRenderHint(QPainter::Antialiasing);
  diagram_->setFocusPolicy(Qt::NoFocus);

  auto* tables = new QWidget(this);
  auto* tables_layout = new QVBoxLayout(tables);
  tables_layout->setContentsMargins(0, 0, 0, 0);
  auto* persons_label = new QLabel(tr("Per&sonen"), tables);
  persons_label->setBuddy(persons_);
  auto* relations_label = new QLabel(tr("Re&laties"), tables);
  relations_label->setBuddy(relations_);
  tables_layout->addWidget(persons_label);
  tables_layout->addWidget(persons_, 2);
  tables_layout->addWidget(relations_label);
  tables_layout->addWidget(relations_, 1);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(tables);
  split->addWidget(diagram_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  // The diagram as wide as the tables to begin with (their size hint would take it all).
  diagram_->setMinimumWidth(240);
  split->setSizes({500, 500});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);
  setTabOrder(persons_, relations_);
}

void CaseFamilyTab::clear() {
  persons_->setRowCount(0);
  relations_->setRowCount(0);
  scene_->clear();
}

void CaseFamilyTab::showCase(const v1::Case& c) {
  std::map<std::string, QString> names;
  persons_->setRowCount(c.persons_size());
  for (int i = 0; i < c.persons_size(); ++i) {
    const v1::Person& p = c.persons(i);
    names[p.id()] = QString::fromStdString(p.name());
    QStringList notes;
    for (const v1::Note& n : p.notes()) notes << NoteText(n);
    SetRow(persons_, i,
           {QString::fromStdString(p.name()), PersonRoleName(p.role()),
            p.has_date_of_birth() ? FormatDate(p.date_of_birth()) : QString(),
            QString::fromStdString(p.bsn_masked()), notes.join(QStringLiteral("; "))});
    persons_->item(i, 0)->setData(Qt::UserRole, QString::fromStdString(p.id()));
  }
  persons_->resizeColumnsToContents();
  auto name_of = [&](const std::string& id) {
    auto it = names.find(id);
    return it != names.end() ? it->second : tr("(onbekende persoon)");
  };
  relations_->setRowCount(c.relations_size());
  for (int i = 0; i < c.relations_size(); ++i) {
    const v1::Relation& r = c.relations(i);
    SetRow(relations_, i,
           {name_of(r.from_person_id()), RelationTypeName(r.type()), name_of(r.to_person_id())});
  }
  relations_->resizeColumnsToContents();
  drawDiagram(c);
}

void CaseFamilyTab::drawDiagram(const v1::Case& c) {
  scene_->clear();
  const int n = c.persons_size();
  if (n == 0) return;
  // The persons on a circle, big enough that the boxes do not overlap.
  const double radius =
      n == 1 ? 0.0 : std::max(140.0, n * (kBoxWidth + 30) / (2 * std::numbers::pi));
  std::map<std::string, QPointF> centre;
  for (int i = 0; i < n; ++i) {
    const double angle = 2 * std::numbers::pi * i / n - std::numbers::pi / 2;
    centre[c.persons(i).id()] = QPointF(radius * std::cos(angle), radius * std::sin(angle));
  }
  QPen line_pen(QColor(0x44, 0x44, 0x44));
  line_pen.setWidthF(2);
  for (int i = 0; i < c.relations_size(); ++i) {
    const v1::Relation& r = c.relations(i);
    auto from = centre.find(r.from_person_id());
    auto to = centre.find(r.to_person_id());
    if (from == centre.end() || to == centre.end()) continue;
    auto* line = scene_->addLine(QLineF(from->second, to->second), line_pen);
    line->setZValue(0);
    line->setData(0, QString::fromStdString(r.id()));
    auto* label = scene_->addSimpleText(RelationTypeName(r.type()));
    const QPointF mid = (from->second + to->second) / 2;
    const QRectF box = label->boundingRect();
    label->setPos(mid - QPointF(box.width() / 2, box.height() / 2));
    label->setZValue(2);
    auto* back = scene_->addRect(label->sceneBoundingRect().adjusted(-2, -1, 2, 1), Qt::NoPen,
                                 QBrush(QColor(0xff, 0xff, 0xff, 0xdd)));
    back->setZValue(1);
  }
  for (int i = 0; i < n; ++i) {
    const v1::Person& p = c.persons(i);
    const QPointF at = centre[p.id()];
    auto* box = scene_->addRect(
        QRectF(at.x() - kBoxWidth / 2, at.y() - kBoxHeight / 2, kBoxWidth, kBoxHeight),
        QPen(QColor(0x1f, 0x4e, 0x79), 2), QBrush(QColor(0xdd, 0xeb, 0xf7)));
    box->setZValue(3);
    box->setData(0, QString::fromStdString(p.id()));
    QString text =
        QString::fromStdString(p.name()) + QStringLiteral("\n") + PersonRoleName(p.role());
    if (p.has_date_of_birth()) text += QStringLiteral(", ") + FormatDate(p.date_of_birth());
    box->setToolTip(text);
    auto* label = new QGraphicsSimpleTextItem(text, box);
    const QRectF lb = label->boundingRect();
    label->setPos(at - QPointF(lb.width() / 2, lb.height() / 2));
  }
  scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

}  // namespace schakel::desktop
