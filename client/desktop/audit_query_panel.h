// The Audit view's query: the audit log's records matching filters (period, who acted, their
// organisation, a case/report/person reference, an event type), asked with the purpose the
// auditor states (doelbinding: required; the service records it with the query), shown a page at
// a time; and the offline verification of the selected entry.
#ifndef SCHAKEL_CLIENT_DESKTOP_AUDIT_QUERY_PANEL_H_
#define SCHAKEL_CLIENT_DESKTOP_AUDIT_QUERY_PANEL_H_

#include <memory>
#include <string>
#include <vector>

#include <QWidget>

#include "client/desktop/field_errors.h"
#include "client/desktop/session.h"
#include "schakel/v1/audit.pb.h"

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

class VerifierKeyField;

// Child object names: "purpose", "objectFilter", "actorFilter", "organisationFilter",
// "eventTypeFilter", "periodFilter" (check box), "periodFrom", "periodTo", "search",
// "previousPage", "nextPage", "entriesTable", "queryStatus", "verifyEntry", "verifyResult".
class AuditQueryPanel : public QWidget {
  Q_OBJECT

 public:
  AuditQueryPanel(const Session& session, VerifierKeyField* key, QWidget* parent = nullptr);

 signals:
  // After each answer to a query (ok false: refused or failed, its sentence shown).
  void queried(bool ok);
  // After each verification of an entry (ok: verified).
  void verified(bool ok);

 public slots:
  // A new query from the first page (nothing is sent without a purpose).
  void search();
  // The last page asked for again (F5); nothing when no query ran yet.
  void refresh();

 private:
  void ask(int page);
  void verifySelected();
  void updateButtons();

  Session session_;
  VerifierKeyField* key_;
  QLineEdit* purpose_;
  QLineEdit* object_;
  QLineEdit* actor_;
  QLineEdit* organisation_;
  QLineEdit* event_type_;
  QCheckBox* period_;
  QDateEdit* from_;
  QDateEdit* to_;
  QPushButton* search_;
  QPushButton* previous_;
  QPushButton* next_;
  QTableWidget* table_;
  QLabel* status_;
  QPushButton* verify_;
  QLabel* verify_result_;
  FieldMarks marks_;
  // The request of the query shown, and the page token of each page reached (page 0: "").
  v1::QueryEntriesRequest request_;
  std::vector<std::string> page_tokens_;
  int page_ = -1;
  std::string next_token_;
  bool busy_ = false;
  bool verifying_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_AUDIT_QUERY_PANEL_H_
