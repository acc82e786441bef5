#include "client/desktop/field_errors.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QVariant>

namespace schakel::desktop {

namespace {

// Whether `violation` is about `field` or something inside it.
bool Covers(const std::string& field, const std::string& violation) {
  if (violation.compare(0, field.size(), field) != 0) return false;
  return violation.size() == field.size() || violation[field.size()] == '.' ||
         violation[field.size()] == '[';
}

}  // namespace

QString FieldErrorText(const std::string& description) {
  const QString d = QString::fromStdString(description);
  struct Known {
    const char* english;
    const char* text;
  };
  // The services' most frequent descriptions (services/common/validation.cc and the rules).
  static const Known kKnown[] = {
      {"must be set", QT_TRANSLATE_NOOP("FieldError", "Vul dit veld in.")},
      {"must not be empty", QT_TRANSLATE_NOOP("FieldError", "Dit veld mag niet leeg zijn.")},
      {"must not be negative", QT_TRANSLATE_NOOP("FieldError", "Mag niet negatief zijn.")},
      {"must be positive", QT_TRANSLATE_NOOP("FieldError", "Moet groter dan nul zijn.")},
      {"must not be in the future",
       QT_TRANSLATE_NOOP("FieldError", "Mag niet in de toekomst liggen.")},
      {"must be a valid time", QT_TRANSLATE_NOOP("FieldError", "Geen geldig tijdstip.")},
      {"must be a valid date", QT_TRANSLATE_NOOP("FieldError", "Geen geldige datum.")},
      {"is not a calendar date", QT_TRANSLATE_NOOP("FieldError", "Deze datum bestaat niet.")},
      {"must not contain control characters",
       QT_TRANSLATE_NOOP("FieldError", "Bevat tekens die niet zijn toegestaan.")},
      {"must be valid UTF-8",
       QT_TRANSLATE_NOOP("FieldError", "Bevat tekens die niet zijn toegestaan.")},
      {"is not a valid BSN (9 digits passing the elfproef)",
       QT_TRANSLATE_NOOP("FieldError", "Geen geldig BSN (9 cijfers die de elfproef doorstaan).")},
      {"must be set to the etag you read",
       QT_TRANSLATE_NOOP("FieldError", "Gegevens zijn niet actueel; laad ze opnieuw.")},
      {"no active professional with this id",
       QT_TRANSLATE_NOOP("FieldError", "Geen actieve professional met deze code.")},
      {"no organisation with this id",
       QT_TRANSLATE_NOOP("FieldError", "Geen organisatie met deze code.")},
      {"is not on the case team", QT_TRANSLATE_NOOP("FieldError", "Staat niet in het casusteam.")},
      {"no person with this id on this case",
       QT_TRANSLATE_NOOP("FieldError", "Deze persoon hoort niet bij de casus.")},
      {"must be one of the 28 regions",
       QT_TRANSLATE_NOOP("FieldError", "Kies een van de 28 regio's.")},
      {"must not be before the acceptance",
       QT_TRANSLATE_NOOP("FieldError", "Mag niet voor de acceptatie liggen.")},
      {"must not be before from",
       QT_TRANSLATE_NOOP("FieldError", "Mag niet voor de begindatum liggen.")},
      {"must name at least one person",
       QT_TRANSLATE_NOOP("FieldError", "Noem ten minste één persoon.")},
      {"must name at least one kind of violence",
       QT_TRANSLATE_NOOP("FieldError", "Noem ten minste één vorm van geweld.")},
      {"name at least one attendee",
       QT_TRANSLATE_NOOP("FieldError", "Noem ten minste één aanwezige.")},
      {"must be one of the person roles", QT_TRANSLATE_NOOP("FieldError", "Kies een rol.")},
      {"must be PARTNER, EX_PARTNER, PARENT_OF, SIBLING or HOUSEHOLD_MEMBER",
       QT_TRANSLATE_NOOP("FieldError", "Kies het soort relatie.")},
      {"a person cannot be related to themselves",
       QT_TRANSLATE_NOOP("FieldError", "Een persoon kan geen relatie met zichzelf hebben.")},
      {"must be CORE_TEAM or INVOLVED",
       QT_TRANSLATE_NOOP("FieldError", "Kies kernteam of betrokken.")},
      {"is not met; meet it, or explain in deviation why the case closes anyway",
       QT_TRANSLATE_NOOP("FieldError",
                         "Hieraan is niet voldaan: voldoe eraan, of leg bij de afwijking uit "
                         "waarom de casus toch sluit.")},
      {"cannot hand the director role to yourself",
       QT_TRANSLATE_NOOP("FieldError",
                         "U kunt de rol van casusregisseur niet aan uzelf overdragen.")},
      {"has no case-work role (CASE_DIRECTOR, PROFESSIONAL or VT_INTAKE)",
       QT_TRANSLATE_NOOP("FieldError",
                         "Deze persoon heeft geen rol voor casuswerk (casusregisseur, "
                         "professional of Veilig Thuis-intake).")},
      {"is the case director (a case always has one); transfer the director role first",
       QT_TRANSLATE_NOOP("FieldError",
                         "Dit is de casusregisseur (een casus heeft er altijd een); draag die "
                         "rol eerst over.")},
      {"is not the professional's organisation",
       QT_TRANSLATE_NOOP("FieldError", "Dit is niet de organisatie van deze professional.")},
      {"the operator never sees client data",
       QT_TRANSLATE_NOOP("FieldError", "De beheerder ziet nooit cliëntgegevens.")},
  };
  for (const Known& k : kKnown) {
    if (d == QLatin1String(k.english)) return QCoreApplication::translate("FieldError", k.text);
  }
  static const QRegularExpression kAtMost(
      QStringLiteral("^must be at most (\\d+) characters(?: \\(has (\\d+)\\))?$"));
  if (const auto m = kAtMost.match(d); m.hasMatch()) {
    return m.captured(2).isEmpty()
               ? QCoreApplication::translate("FieldError", "Hoogstens %1 tekens.")
                     .arg(m.captured(1))
               : QCoreApplication::translate("FieldError", "Hoogstens %1 tekens (nu %2).")
                     .arg(m.captured(1), m.captured(2));
  }
  return QCoreApplication::translate("FieldError", "Ongeldige waarde: %1").arg(d);
}

bool IsStaleEtag(const grpc::Status& status) {
  if (status.error_code() == grpc::StatusCode::ABORTED) return true;
  if (status.error_code() != grpc::StatusCode::FAILED_PRECONDITION &&
      status.error_code() != grpc::StatusCode::INVALID_ARGUMENT) {
    return false;
  }
  for (const client::FieldError& f : client::DecodeCallError(status).field_errors) {
    if (f.field == "etag" || f.field.ends_with(".etag")) return true;
  }
  return status.error_code() == grpc::StatusCode::FAILED_PRECONDITION &&
         status.error_message().find("etag") != std::string::npos;
}

bool AskReloadAfterStaleEtag(QWidget* parent) {
  QMessageBox box(
      QMessageBox::Question, QCoreApplication::translate("FieldError", "Intussen gewijzigd"),
      QCoreApplication::translate(
          "FieldError",
          "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen. "
          "Wilt u de actuele gegevens opnieuw laden?"),
      QMessageBox::NoButton, parent);
  box.setObjectName(QStringLiteral("staleEtagQuestion"));
  QPushButton* reload = box.addButton(QCoreApplication::translate("FieldError", "&Opnieuw laden"),
                                      QMessageBox::AcceptRole);
  box.addButton(QCoreApplication::translate("FieldError", "&Annuleren"), QMessageBox::RejectRole);
  box.setDefaultButton(reload);
  box.exec();
  return box.clickedButton() == reload;
}

void FieldMarks::Bind(std::string field, QWidget* widget) {
  fields_.push_back(Bound{std::move(field), widget, {}, {}, {}, false});
}

QStringList FieldMarks::Show(const client::CallError& error) {
  Clear();
  std::vector<QStringList> texts(fields_.size());
  QStringList rest;
  for (const client::FieldError& f : error.field_errors) {
    int best = -1;
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (fields_[i].widget.isNull() || !Covers(fields_[i].field, f.field)) continue;
      if (best < 0 || fields_[i].field.size() > fields_[best].field.size()) {
        best = static_cast<int>(i);
      }
    }
    const QString text = FieldErrorText(f.description);
    if (best < 0) {
      rest << QStringLiteral("%1: %2").arg(QString::fromStdString(f.field), text);
    } else {
      texts[best] << text;
    }
  }
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (texts[i].isEmpty()) continue;
    Bound& b = fields_[i];
    b.style = b.widget->styleSheet();
    b.tooltip = b.widget->toolTip();
    b.description = b.widget->accessibleDescription();
    b.marked = true;
    const QString joined = texts[i].join(QLatin1Char('\n'));
    b.widget->setStyleSheet(b.style + QStringLiteral(";border: 2px solid #c0392b;"));
    b.widget->setToolTip(joined);
    b.widget->setAccessibleDescription(joined);
    b.widget->setProperty("fieldError", true);
  }
  return rest;
}

void FieldMarks::Clear() {
  for (Bound& b : fields_) {
    if (!b.marked || b.widget.isNull()) continue;
    b.widget->setStyleSheet(b.style);
    b.widget->setToolTip(b.tooltip);
    b.widget->setAccessibleDescription(b.description);
    b.widget->setProperty("fieldError", false);
    b.marked = false;
  }
}

bool FieldMarks::IsMarked(const QWidget* widget) {
  return widget != nullptr && widget->property("fieldError").toBool();
}

}  // namespace schakel::desktop
