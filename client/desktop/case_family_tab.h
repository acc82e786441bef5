// Gezin: the family system of a case — persons (name, role, date of birth, as GetCase returns
// them) and their relations, as tables and as a small diagram (a box per person, a line per
// relation with its kind) — and the buttons (and context menus) that change it through the
// dialogs of case_family_dialogs.h: add, correct and remove a person, add and remove a relation.
// The buttons are there for everyone who sees the case; the service decides, the dialog shows its
// answer.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"

class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QPoint;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

class CaseEditDialog;

// Children: "personsTable" (column 0's Qt::UserRole data the person's id; a double click opens
// "Persoon wijzigen"), "relationsTable" (column 0's Qt::UserRole data the relation's id),
// "familyDiagram" (a QGraphicsView; each person's box is a QGraphicsRectItem whose data(0) is the
// person's id, each relation a QGraphicsLineItem whose data(0) is the relation's id), the buttons
// "addPerson", "editPerson", "removePerson", "addRelation", "removeRelation" (opening the dialogs
// "personDialog", "removePersonDialog", "relationDialog", "removeRelationDialog" as children of
// the tab), and "familyStatus" (the last change's outcome).
class CaseFamilyTab : public QWidget {
  Q_OBJECT

 public:
  CaseFamilyTab(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

  void showCase(const v1::Case& c);
  void clear();

 public slots:
  // Open the dialogs (for the selected person or relation, where one is needed).
  void addPerson();
  void editPerson();
  void removePerson();
  void addRelation();
  void removeRelation();

 signals:
  // Something in the case was changed from this tab: the case should be read again.
  void caseChanged();

 private:
  void drawDiagram(const v1::Case& c);
  void updateButtons();
  // The selected person's / relation's index in case_, or -1.
  int selectedPerson() const;
  int selectedRelation() const;
  QString personName(const std::string& id) const;
  // Wires a dialog's answer to the tab and opens it.
  void openDialog(CaseEditDialog* dialog, const QString& done_text);
  void showMenu(QTableWidget* table, const QPoint& pos);

  client::ChannelsPtr channel_;
  QString case_id_;
  v1::Case case_;  // as last shown (the persons' etags go with a correction)
  bool have_case_ = false;

  QTableWidget* persons_;
  QTableWidget* relations_;
  QGraphicsScene* scene_;
  QGraphicsView* diagram_;
  QPushButton* add_person_;
  QPushButton* edit_person_;
  QPushButton* remove_person_;
  QPushButton* add_relation_;
  QPushButton* remove_relation_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_TAB_H_
