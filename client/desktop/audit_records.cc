#include "client/desktop/audit_records.h"

#include <string>
#include <utility>

#include <QCoreApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>

#include "client/desktop/display.h"
#include "client/desktop/field_errors.h"
#include "client/lib/errors.h"

namespace schakel::desktop {

QString AuditActionName(v1::AuditAction action) {
  switch (action) {
    case v1::AUDIT_ACTION_CREATE:
      return QCoreApplication::translate("AuditRecords", "Aanmaken");
    case v1::AUDIT_ACTION_READ:
      return QCoreApplication::translate("AuditRecords", "Lezen");
    case v1::AUDIT_ACTION_UPDATE:
      return QCoreApplication::translate("AuditRecords", "Wijzigen");
    case v1::AUDIT_ACTION_DELETE:
      return QCoreApplication::translate("AuditRecords", "Verwijderen");
    case v1::AUDIT_ACTION_EXECUTE:
      return QCoreApplication::translate("AuditRecords", "Uitvoeren");
    default:
      return QCoreApplication::translate("AuditRecords", "Onbekend");
  }
}

QString AuditOutcomeText(const v1::AuditRecord& record) {
  QString text;
  switch (record.outcome()) {
    case v1::AUDIT_OUTCOME_SUCCESS:
      text = QCoreApplication::translate("AuditRecords", "Geslaagd");
      break;
    case v1::AUDIT_OUTCOME_DENIED:
      text = QCoreApplication::translate("AuditRecords", "Geweigerd");
      break;
    case v1::AUDIT_OUTCOME_FAILED:
      text = QCoreApplication::translate("AuditRecords", "Mislukt");
      break;
    default:
      text = QCoreApplication::translate("AuditRecords", "Onbekend");
      break;
  }
  if (!record.outcome_detail().empty()) {
    text += QStringLiteral(" (%1)").arg(QString::fromStdString(record.outcome_detail()));
  }
  return text;
}

QString AuditCheckName(v1::AuditCheck check) {
  switch (check) {
    case v1::AUDIT_CHECK_PASSED:
      return QCoreApplication::translate("AuditRecords", "geslaagd");
    case v1::AUDIT_CHECK_FAILED:
      return QCoreApplication::translate("AuditRecords", "niet geslaagd");
    case v1::AUDIT_CHECK_NOT_APPLICABLE:
      return QCoreApplication::translate("AuditRecords", "n.v.t.");
    default:
      return QCoreApplication::translate("AuditRecords", "niet vastgelegd");
  }
}

QString AuditActorText(const v1::AuditActor& actor) {
  const QString id = QString::fromStdString(actor.principal_id());
  if (actor.name().empty() || actor.name() == actor.principal_id()) return id;
  return QStringLiteral("%1 (%2)").arg(QString::fromStdString(actor.name()), id);
}

QString AuditActionText(const v1::AuditRecord& record) {
  return QStringLiteral("%1 — %2").arg(AuditActionName(record.action()),
                                       QString::fromStdString(record.event_type()));
}

QString AuditObjectsText(const v1::AuditRecord& record) {
  QStringList parts;
  for (int i = 0; i < record.objects_size(); ++i) {
    const v1::AuditObject& o = record.objects(i);
    parts << QStringLiteral("%1 %2").arg(QString::fromStdString(o.type()),
                                         QString::fromStdString(o.id()));
  }
  return parts.join(QStringLiteral(", "));
}

QString AuditGroundsText(const v1::AuditRecord& record) {
  QStringList parts;
  if (!record.purpose_of_use().empty()) {
    parts << QCoreApplication::translate("AuditRecords", "doel: %1")
                 .arg(QString::fromStdString(record.purpose_of_use()));
  }
  const v1::AuditChecks& c = record.checks();
  parts << QCoreApplication::translate("AuditRecords", "autorisatie: %1")
               .arg(AuditCheckName(c.authorisation()))
        << QCoreApplication::translate("AuditRecords", "zorgrelatie: %1")
               .arg(AuditCheckName(c.care_relationship()))
        << QCoreApplication::translate("AuditRecords", "toestemming: %1")
               .arg(AuditCheckName(c.consent()))
        << QCoreApplication::translate("AuditRecords", "noodtoegang: %1")
               .arg(AuditCheckName(c.emergency_access()));
  return parts.join(QStringLiteral("; "));
}

QStringList QueryRowCells(const v1::QueriedEntry& entry) {
  if (entry.shredded()) {
    return {QString(),
            QString(),
            QString(),
            QString(),
            QCoreApplication::translate(
                "AuditRecords", "Niet meer leesbaar: de sleutel van deze periode is vernietigd."),
            QString()};
  }
  const v1::AuditRecord& r = entry.record();
  return {FormatAmsterdam(r.event_time()),
          AuditActorText(r.user()),
          QString::fromStdString(r.user().organisation_id()),
          AuditActionText(r),
          AuditObjectsText(r),
          AuditOutcomeText(r)};
}

QStringList OverviewRowCells(const v1::AuditRecord& record) {
  return {FormatAmsterdam(record.event_time()), AuditActorText(record.user()),
          QString::fromStdString(record.user().organisation_id()), AuditActionText(record),
          AuditGroundsText(record)};
}

void FillTable(QTableWidget* table, const std::vector<QStringList>& rows,
               const std::vector<qint64>& indexes) {
  table->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    for (int col = 0; col < rows[r].size() && col < table->columnCount(); ++col) {
      auto* item = new QTableWidgetItem(rows[r][col]);
      item->setToolTip(rows[r][col]);
      if (col == 0 && r < static_cast<int>(indexes.size())) {
        item->setData(Qt::UserRole, indexes[r]);
      }
      table->setItem(r, col, item);
    }
  }
  table->resizeColumnsToContents();
  table->horizontalHeader()->setStretchLastSection(true);
}

bool RequirePurpose(FieldMarks& marks, QLineEdit* purpose) {
  if (!purpose->text().trimmed().isEmpty()) return true;
  client::CallError error;
  error.field_errors.push_back({.field = "purpose", .description = "must not be empty"});
  marks.Show(error);
  purpose->setFocus();
  return false;
}

VerifierKeyField::VerifierKeyField(QLineEdit* edit)
    : edit_(edit), style_(edit->styleSheet()), tooltip_(edit->toolTip()) {}

absl::StatusOr<audit::note::Verifier> VerifierKeyField::Parse() {
  const std::string text = edit_->text().trimmed().toStdString();
  auto verifier = text.empty() ? absl::InvalidArgumentError("no verifier key")
                               : audit::note::ParseVerifierKey(text);
  if (verifier.ok()) {
    edit_->setStyleSheet(style_);
    edit_->setToolTip(tooltip_);
    edit_->setAccessibleDescription(QString());
    edit_->setProperty("fieldError", false);
    return verifier;
  }
  // Marked as FieldMarks marks a field the service names.
  const QString why =
      text.empty()
          ? QCoreApplication::translate("AuditRecords",
                                        "Vul de verificatiesleutel van het auditlog in.")
          : QCoreApplication::translate(
                "AuditRecords", "Dit is geen verificatiesleutel (naam+sleutel-id+sleutel).");
  edit_->setStyleSheet(style_ + QStringLiteral(";border: 2px solid #c0392b;"));
  edit_->setToolTip(why);
  edit_->setAccessibleDescription(why);
  edit_->setProperty("fieldError", true);
  edit_->setFocus();
  return verifier.status();
}

}  // namespace schakel::desktop
