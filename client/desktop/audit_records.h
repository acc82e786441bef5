// How the Audit view writes the audit log's NEN 7513 records for people (actions, outcomes, the
// four checks, who acted, what it concerned, on what grounds), and what its panels share: the
// required purpose of a look at the log, and the verifier key the auditor trusts.
#ifndef SCHAKEL_CLIENT_DESKTOP_AUDIT_RECORDS_H_
#define SCHAKEL_CLIENT_DESKTOP_AUDIT_RECORDS_H_

#include <vector>

#include <QString>
#include <QStringList>

#include "absl/status/statusor.h"
#include "schakel/v1/audit.pb.h"
#include "services/transparency/note.h"

class QLineEdit;
class QTableWidget;

namespace schakel::desktop {

class FieldMarks;

// "Aanmaken", "Lezen", "Wijzigen", "Verwijderen", "Uitvoeren" (NEN 7513's C/R/U/D/E).
QString AuditActionName(v1::AuditAction action);
// "Geslaagd", "Geweigerd", "Mislukt"; a detail (a status code name) after it in parentheses.
QString AuditOutcomeText(const v1::AuditRecord& record);
// One of the four checks: "geslaagd", "niet geslaagd", "n.v.t.".
QString AuditCheckName(v1::AuditCheck check);
// "Name (principal id)"; the id alone when the record has no name.
QString AuditActorText(const v1::AuditActor& actor);
// The action in words with the event type: "Lezen — case.read".
QString AuditActionText(const v1::AuditRecord& record);
// What the event concerned: "case 7f3…, person 1a2…".
QString AuditObjectsText(const v1::AuditRecord& record);
// On what grounds: the stated purpose (when there is one) and the four checks.
QString AuditGroundsText(const v1::AuditRecord& record);

// The cells of one row of the query table: time (Amsterdam), who, organisation, action, subject,
// outcome. A shredded entry says so instead.
QStringList QueryRowCells(const v1::QueriedEntry& entry);
// The cells of one row of a person's overview: time, who, organisation, action, grounds.
QStringList OverviewRowCells(const v1::AuditRecord& record);

// Fills `table` with `rows` (read-only cells, each with its text as tooltip); column 0 of row r
// carries `indexes[r]` as Qt::UserRole (the log index), when given.
void FillTable(QTableWidget* table, const std::vector<QStringList>& rows,
               const std::vector<qint64>& indexes = {});

// The purpose of a look at the log is required (the service records it): when `purpose` is
// empty, marks it through `marks` as the service would ("purpose": must not be empty), focuses it
// and returns false.
bool RequirePurpose(FieldMarks& marks, QLineEdit* purpose);

// The field with the checkpoint verifier key the auditor trusts ("<name>+<key id>+<key>", from
// the log's operator), which every check in the view uses.
class VerifierKeyField {
 public:
  explicit VerifierKeyField(QLineEdit* edit);

  // The key parsed; the field is marked (red frame, Dutch tooltip) and focused when it is empty
  // or not a verifier key, and the mark cleared when it is one.
  absl::StatusOr<audit::note::Verifier> Parse();
  QLineEdit* edit() const { return edit_; }

 private:
  QLineEdit* edit_;
  QString style_;
  QString tooltip_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_AUDIT_RECORDS_H_
