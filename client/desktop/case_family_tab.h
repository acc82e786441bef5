// Gezin: the family system of a case — persons (name, role, date of birth, as GetCase returns
// them) and their relations, as tables and as a small diagram (a box per person, a line per
// relation with its kind).
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

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
  CaseFamilyTab(std::shared_ptr<grpc::Channel> channel, QString case_id, QWidget* parent = nullptr);

  void showCase(const v1::Case& c);
  void clear();

 signals:
  // Something in the case was changed from this tab: the case should be read again.
  void caseChanged();

 private:
  std::shared_ptr<grpc::Channel> channel_;
  QString case_id_;
  void drawDiagram(const v1::Case& c);

  QTableWidget* persons_;
  QTableWidget* relations_;
  QGraphicsScene* scene_;
  QGraphicsView* diagram_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_
