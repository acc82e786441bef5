// "Wie heeft dit dossier bekeken": for one client (a person of a case, as the services identify
// them: the person's id, which every record about them names), the chronological overview NEN
// 7513 gives a client — who, when, of which organisation, what they did, on what grounds. Asked
// with the auditor's purpose, as every look at the log.
#ifndef SCHAKEL_CLIENT_DESKTOP_AUDIT_PERSON_PANEL_H_
#define SCHAKEL_CLIENT_DESKTOP_AUDIT_PERSON_PANEL_H_

#include <QWidget>

#include "client/desktop/field_errors.h"
#include "client/desktop/session.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

// Child object names: "personId", "personPurpose", "showOverview", "overviewTable",
// "overviewStatus".
class AuditPersonPanel : public QWidget {
  Q_OBJECT

 public:
  explicit AuditPersonPanel(const Session& session, QWidget* parent = nullptr);

 signals:
  // After each answer (ok false: refused or failed, its sentence shown).
  void loaded(bool ok);

 public slots:
  void showOverview();

 private:
  Session session_;
  QLineEdit* person_;
  QLineEdit* purpose_;
  QPushButton* show_;
  QTableWidget* table_;
  QLabel* status_;
  FieldMarks marks_;
  bool busy_ = false;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_AUDIT_PERSON_PANEL_H_
