// Gezin: the family system of a case — persons (name, role, date of birth, as GetCase returns
// them) and their relations, as tables and as a small diagram (a box per person, a line per
// relation with its kind).
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_

#include <QWidget>

class QGraphicsScene;
class QGraphicsView;
class QTableWidget;

namespace schakel::v1 {
class Case;
}

namespace schakel::desktop {

// Children: "personsTable", "relationsTable", "familyDiagram" (a QGraphicsView; each person's box
// is a QGraphicsRectItem whose data(0) is the person's id, each relation a QGraphicsLineItem whose
// data(0) is the relation's id).
class CaseFamilyTab : public QWidget {
  Q_OBJECT

 public:
  explicit CaseFamilyTab(QWidget* parent = nullptr);

  void showCase(const v1::Case& c);
  void clear();

 private:
  void drawDiagram(const v1::Case& c);

  QTableWidget* persons_;
  QTableWidget* relations_;
  QGraphicsScene* scene_;
  QGraphicsView* diagram_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_
