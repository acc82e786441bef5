#include "client/desktop/case_family_tab.h"

#include <algorithm>
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
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPen>
#include <QPushButton>
#include <QSplitter>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>

#include "client/desktop/case_common.h"
#include "client/desktop/case_family_dialogs.h"
#include "client/desktop/display.h"
#include "client/desktop/widgets.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"

namespace schakel::desktop {

namespace {

constexpr double kBoxWidth = 170;
constexpr double kBoxHeight = 54;

void SetRow(QTableWidget* t, int row, const QStringList& cells) {
  for (int col = 0; col < cells.size(); ++col)
    t->setItem(row, col, new QTableWidgetItem(cells[col]));
}

QPushButton* FamilyButton(const QString& text, const QString& name, const QString& accessible,
                          QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setObjectName(name);
  b->setAccessibleName(accessible);
  return b;
}

}  // namespace

CaseFamilyTab::CaseFamilyTab(client::ChannelsPtr channel, QString case_id, QWidget* parent)
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

  persons_->setContextMenuPolicy(Qt::CustomContextMenu);
  relations_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(persons_, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& pos) { showMenu(persons_, pos); });
  connect(relations_, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& pos) { showMenu(relations_, pos); });
  connect(persons_, &QTableWidget::itemSelectionChanged, this, &CaseFamilyTab::updateButtons);
  connect(relations_, &QTableWidget::itemSelectionChanged, this, &CaseFamilyTab::updateButtons);
  connect(persons_, &QTableWidget::cellDoubleClicked, this, [this](int, int) { editPerson(); });

  add_person_ = FamilyButton(tr("Persoon toevo&egen"), QStringLiteral("addPerson"),
                             tr("Persoon toevoegen aan het gezinssysteem"), this);
  edit_person_ = FamilyButton(tr("Persoon &wijzigen"), QStringLiteral("editPerson"),
                              tr("Geselecteerde persoon wijzigen"), this);
  remove_person_ = FamilyButton(tr("Persoon verwij&deren"), QStringLiteral("removePerson"),
                                tr("Geselecteerde persoon verwijderen"), this);
  add_relation_ = FamilyButton(tr("Rel&atie toevoegen"), QStringLiteral("addRelation"),
                               tr("Relatie tussen twee personen toevoegen"), this);
  remove_relation_ = FamilyButton(tr("Relatie &verwijderen"), QStringLiteral("removeRelation"),
                                  tr("Geselecteerde relatie verwijderen"), this);
  connect(add_person_, &QPushButton::clicked, this, &CaseFamilyTab::addPerson);
  connect(edit_person_, &QPushButton::clicked, this, &CaseFamilyTab::editPerson);
  connect(remove_person_, &QPushButton::clicked, this, &CaseFamilyTab::removePerson);
  connect(add_relation_, &QPushButton::clicked, this, &CaseFamilyTab::addRelation);
  connect(remove_relation_, &QPushButton::clicked, this, &CaseFamilyTab::removeRelation);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b :
       {add_person_, edit_person_, remove_person_, add_relation_, remove_relation_}) {
    buttons->addWidget(b);
  }
  buttons->addStretch();
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("familyStatus"));
  status_->setWordWrap(true);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(tables);
  split->addWidget(diagram_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  // The diagram as wide as the tables to begin with (their size hint would take it all).
  diagram_->setMinimumWidth(240);
  split->setSizes({500, 500});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split, 1);
  layout->addLayout(buttons);
  layout->addWidget(status_);
  setTabOrder(persons_, relations_);
  setTabOrder(relations_, add_person_);
  setTabOrder(add_person_, edit_person_);
  setTabOrder(edit_person_, remove_person_);
  setTabOrder(remove_person_, add_relation_);
  setTabOrder(add_relation_, remove_relation_);
  updateButtons();
}

void CaseFamilyTab::clear() {
  case_.Clear();
  have_case_ = false;
  persons_->setRowCount(0);
  relations_->setRowCount(0);
  scene_->clear();
  updateButtons();
}

void CaseFamilyTab::showCase(const v1::Case& shown) {
  case_ = shown;
  have_case_ = true;
  const v1::Case& c = case_;
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
    relations_->item(i, 0)->setData(Qt::UserRole, QString::fromStdString(r.id()));
  }
  relations_->resizeColumnsToContents();
  drawDiagram(c);
  updateButtons();
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
    QString text =
        QString::fromStdString(p.name()) + QStringLiteral("\n") + PersonRoleName(p.role());
    if (p.has_date_of_birth()) text += QStringLiteral(", ") + FormatDate(p.date_of_birth());
    auto* label = new QGraphicsSimpleTextItem(text);
    const QRectF lb = label->boundingRect();
    // As wide as its text (a long role and a date do not fit the usual box).
    const double width = std::max(kBoxWidth, lb.width() + 16);
    auto* box =
        scene_->addRect(QRectF(at.x() - width / 2, at.y() - kBoxHeight / 2, width, kBoxHeight),
                        QPen(QColor(0x1f, 0x4e, 0x79), 2), QBrush(QColor(0xdd, 0xeb, 0xf7)));
    box->setZValue(3);
    box->setData(0, QString::fromStdString(p.id()));
    box->setToolTip(text);
    label->setParentItem(box);
    label->setPos(at - QPointF(lb.width() / 2, lb.height() / 2));
  }
  scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

int CaseFamilyTab::selectedPerson() const {
  const int row = persons_->currentRow();
  if (row < 0 || row >= case_.persons_size() || persons_->selectedItems().isEmpty()) return -1;
  return row;
}

int CaseFamilyTab::selectedRelation() const {
  const int row = relations_->currentRow();
  if (row < 0 || row >= case_.relations_size() || relations_->selectedItems().isEmpty()) {
    return -1;
  }
  return row;
}

QString CaseFamilyTab::personName(const std::string& id) const {
  for (const v1::Person& p : case_.persons()) {
    if (p.id() == id) return QString::fromStdString(p.name());
  }
  return tr("(onbekende persoon)");
}

void CaseFamilyTab::updateButtons() {
  add_person_->setEnabled(have_case_);
  edit_person_->setEnabled(selectedPerson() >= 0);
  remove_person_->setEnabled(selectedPerson() >= 0);
  add_relation_->setEnabled(have_case_ && case_.persons_size() >= 2);
  remove_relation_->setEnabled(selectedRelation() >= 0);
}

void CaseFamilyTab::showMenu(QTableWidget* table, const QPoint& pos) {
  if (!have_case_) return;
  if (QTableWidgetItem* item = table->itemAt(pos)) table->selectRow(item->row());
  QMenu menu(this);
  if (table == persons_) {
    menu.addAction(tr("Persoon toevoegen…"), this, &CaseFamilyTab::addPerson);
    QAction* edit = menu.addAction(tr("Persoon wijzigen…"), this, &CaseFamilyTab::editPerson);
    QAction* remove =
        menu.addAction(tr("Persoon verwijderen…"), this, &CaseFamilyTab::removePerson);
    edit->setEnabled(selectedPerson() >= 0);
    remove->setEnabled(selectedPerson() >= 0);
  } else {
    QAction* add = menu.addAction(tr("Relatie toevoegen…"), this, &CaseFamilyTab::addRelation);
    QAction* remove =
        menu.addAction(tr("Relatie verwijderen…"), this, &CaseFamilyTab::removeRelation);
    add->setEnabled(case_.persons_size() >= 2);
    remove->setEnabled(selectedRelation() >= 0);
  }
  menu.exec(table->viewport()->mapToGlobal(pos));
}

void CaseFamilyTab::openDialog(CaseEditDialog* dialog, const QString& done_text) {
  connect(dialog, &FormDialog::callFinished, this, [this, done_text](bool ok) {
    if (!ok) return;
    status_->setText(done_text);
    emit caseChanged();
  });
  connect(dialog, &CaseEditDialog::reloadRequested, this, &CaseFamilyTab::caseChanged);
  connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
  status_->clear();
  dialog->open();
}

void CaseFamilyTab::addPerson() {
  if (!have_case_) return;
  openDialog(new PersonDialog(channel_, case_id_, this), tr("De persoon is toegevoegd."));
}

void CaseFamilyTab::editPerson() {
  const int row = selectedPerson();
  if (row < 0) return;
  openDialog(new PersonDialog(channel_, case_id_, case_.persons(row), this),
             tr("De persoon is gewijzigd."));
}

void CaseFamilyTab::removePerson() {
  const int row = selectedPerson();
  if (row < 0) return;
  const v1::Person& p = case_.persons(row);
  openDialog(new FamilyRemovalDialog(channel_, case_id_, FamilyRemovalDialog::Kind::kPerson,
                                     QString::fromStdString(p.id()),
                                     QString::fromStdString(p.name()), this),
             tr("De persoon is verwijderd."));
}

void CaseFamilyTab::addRelation() {
  if (!have_case_ || case_.persons_size() < 2) return;
  openDialog(new RelationDialog(channel_, case_id_, case_, this), tr("De relatie is vastgelegd."));
}

void CaseFamilyTab::removeRelation() {
  const int row = selectedRelation();
  if (row < 0) return;
  const v1::Relation& r = case_.relations(row);
  const QString what = QStringLiteral("%1 — %2 — %3")
                           .arg(personName(r.from_person_id()), RelationTypeName(r.type()),
                                personName(r.to_person_id()));
  openDialog(new FamilyRemovalDialog(channel_, case_id_, FamilyRemovalDialog::Kind::kRelation,
                                     QString::fromStdString(r.id()), what, this),
             tr("De relatie is verwijderd."));
}

}  // namespace schakel::desktop
