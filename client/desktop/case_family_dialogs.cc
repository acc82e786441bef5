// The family system's dialogs: a person added or corrected, a relation recorded, a person or
// relation removed with its reason.
#include "client/desktop/case_family_dialogs.h"

#include <utility>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

#include "client/desktop/case_common.h"
#include "client/desktop/error_text.h"
#include "client/desktop/rpc_runner.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.grpc.pb.h"

namespace schakel::desktop {

namespace {

bool MessageHas(const grpc::Status& status, const char* part) {
  return status.error_message().find(part) != std::string::npos;
}

QString CaseEditText(const char* text) { return QCoreApplication::translate("CaseEditText", text); }

QLineEdit* FamilyLineEdit(const QString& object_name, const QString& accessible, QWidget* parent) {
  auto* edit = new QLineEdit(parent);
  edit->setObjectName(object_name);
  edit->setAccessibleName(accessible);
  return edit;
}

}  // namespace

QString CaseEditRefusalText(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::PERMISSION_DENIED:
      if (MessageHas(status, "only the case director may do this")) {
        return CaseEditText("Alleen de casusregisseur mag dit doen.");
      }
      if (MessageHas(status, "only the case director and the core team")) {
        return CaseEditText("Alleen de casusregisseur en het kernteam mogen de casus wijzigen.");
      }
      if (MessageHas(status, "oversight is read only")) {
        return CaseEditText(
            "U kijkt mee voor toezicht en staat niet in het casusteam; u kunt de casus niet "
            "wijzigen.");
      }
      return CaseErrorText(status);
    case grpc::StatusCode::NOT_FOUND:
      if (MessageHas(status, "no person with that id on this case")) {
        return CaseEditText("Deze persoon staat niet (meer) in de casus. Laad de casus opnieuw.");
      }
      if (MessageHas(status, "no relation with that id on this case")) {
        return CaseEditText("Deze relatie staat niet (meer) in de casus. Laad de casus opnieuw.");
      }
      return CaseErrorText(status);
    case grpc::StatusCode::ALREADY_EXISTS:
      if (MessageHas(status, "relation is already recorded")) {
        return CaseEditText("Deze relatie is al vastgelegd.");
      }
      return CallErrorText(status);
    case grpc::StatusCode::FAILED_PRECONDITION:
      if (MessageHas(status, "the case is closed")) {
        return CaseEditText("De casus is gesloten. Heropen de casus eerst.");
      }
      if (MessageHas(status, "the case is open")) return CaseEditText("De casus is al open.");
      if (MessageHas(status, "is on the team already")) {
        return CaseEditText("Deze professional staat al in het casusteam.");
      }
      if (MessageHas(status, "is not on the team")) {
        return CaseEditText("Deze professional staat niet (meer) in het casusteam.");
      }
      if (MessageHas(status, "human trafficking")) {
        return CaseEditText(
            "Mensenhandel: leg eerst de schriftelijke toestemming vast voordat de casus met een "
            "andere organisatie wordt gedeeld.");
      }
      return CallErrorText(status);
    default:
      return CaseErrorText(status);
  }
}

QComboBox* NewReasonSensitivityBox(const QString& object_name, const QString& accessible,
                                   QWidget* parent) {
  auto* box = new QComboBox(parent);
  box->setObjectName(object_name);
  box->setAccessibleName(accessible);
  box->addItem(CaseEditText("Standaard (de strengste voor uw organisatie)"),
               static_cast<int>(v1::SENSITIVITY_UNSPECIFIED));
  for (v1::Sensitivity s :
       {v1::SENSITIVITY_GENERAL, v1::SENSITIVITY_CARE, v1::SENSITIVITY_JUSTICE}) {
    box->addItem(SensitivityName(s), static_cast<int>(s));
  }
  return box;
}

QPlainTextEdit* NewReasonEdit(const QString& object_name, const QString& accessible,
                              QWidget* parent) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setObjectName(object_name);
  edit->setAccessibleName(accessible);
  edit->setTabChangesFocus(true);
  edit->setMinimumHeight(80);
  return edit;
}

// --- CaseEditDialog ---------------------------------------------------------------------------

CaseEditDialog::CaseEditDialog(client::ChannelsPtr channel, QString case_id, const QString& title,
                               const QString& ok_text, QWidget* parent)
    : FormDialog(std::move(channel), title, ok_text, parent), case_id_(std::move(case_id)) {}

QString CaseEditDialog::refusalText(const grpc::Status& status) const {
  return CaseEditRefusalText(status);
}

QString CaseEditDialog::staleText() const {
  return tr("Iemand anders heeft de casus intussen gewijzigd.");
}

void CaseEditDialog::reload() { emit reloadRequested(); }

// --- PersonDialog -----------------------------------------------------------------------------

PersonDialog::PersonDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Persoon toevoegen"),
                     tr("&Toevoegen"), parent),
      editing_(false) {
  build();
}

PersonDialog::PersonDialog(client::ChannelsPtr channel, QString case_id, const v1::Person& person,
                           QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Persoon wijzigen"), tr("&Opslaan"),
                     parent),
      editing_(true),
      person_(person) {
  build();
  fill(person_);
}

void PersonDialog::build() {
  setObjectName(QStringLiteral("personDialog"));
  name_ = FamilyLineEdit(QStringLiteral("personName"), tr("Naam"), this);
  role_ = new QComboBox(this);
  role_->setObjectName(QStringLiteral("personRole"));
  role_->setAccessibleName(tr("Rol in het gezinssysteem"));
  role_->addItem(tr("— kies een rol —"), static_cast<int>(v1::PERSON_ROLE_UNSPECIFIED));
  for (int r = v1::PERSON_ROLE_VICTIM; r <= v1::PERSON_ROLE_NETWORK; ++r) {
    if (v1::PersonRole_IsValid(r)) {
      role_->addItem(PersonRoleName(static_cast<v1::PersonRole>(r)), r);
    }
  }

  birth_known_ = new QCheckBox(tr("&Bekend"), this);
  birth_known_->setObjectName(QStringLiteral("personBirthKnown"));
  birth_known_->setAccessibleName(tr("Geboortedatum bekend"));
  birth_ = new QDateEdit(this);
  birth_->setObjectName(QStringLiteral("personBirthDate"));
  birth_->setAccessibleName(tr("Geboortedatum"));
  birth_->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
  birth_->setCalendarPopup(true);
  birth_->setMinimumDate(QDate(1900, 1, 1));
  birth_->setDate(QDate::currentDate());
  birth_->setEnabled(false);
  connect(birth_known_, &QCheckBox::toggled, birth_, &QWidget::setEnabled);
  auto* birth_row = new QHBoxLayout;
  birth_row->addWidget(birth_known_);
  birth_row->addWidget(birth_, 1);

  bsn_ = FamilyLineEdit(QStringLiteral("personBsn"), tr("BSN"), this);
  bsn_->setMaxLength(9);
  bsn_->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
  bsn_->setPlaceholderText(tr("9 cijfers, of leeg"));
  bsn_known_ = new QLabel(this);
  bsn_known_->setObjectName(QStringLiteral("personBsnKnown"));
  bsn_known_->setWordWrap(true);
  bsn_known_->hide();
  auto* bsn_column = new QVBoxLayout;
  bsn_column->addWidget(bsn_);
  bsn_column->addWidget(bsn_known_);
  if (editing_) {
    clear_bsn_ = new QCheckBox(tr("BSN &wissen"), this);
    clear_bsn_->setObjectName(QStringLiteral("personClearBsn"));
    clear_bsn_->setAccessibleName(tr("Het bekende BSN wissen"));
    bsn_column->addWidget(clear_bsn_);
  }

  street_ = FamilyLineEdit(QStringLiteral("personStreet"), tr("Straat"), this);
  house_number_ = FamilyLineEdit(QStringLiteral("personHouseNumber"), tr("Huisnummer"), this);
  postcode_ = FamilyLineEdit(QStringLiteral("personPostcode"), tr("Postcode"), this);
  city_ = FamilyLineEdit(QStringLiteral("personCity"), tr("Woonplaats"), this);
  auto* address_row = new QHBoxLayout;
  address_row->addWidget(street_, 3);
  address_row->addWidget(house_number_, 1);
  auto* place_row = new QHBoxLayout;
  place_row->addWidget(postcode_, 1);
  place_row->addWidget(city_, 3);

  form()->addRow(tr("&Naam:"), name_);
  form()->addRow(tr("&Rol:"), role_);
  // Rows of several fields: the label's mnemonic goes to the first.
  const auto labelled = [this](const QString& text, QWidget* buddy) {
    auto* label = new QLabel(text, this);
    label->setBuddy(buddy);
    return label;
  };
  form()->addRow(labelled(tr("&Geboortedatum:"), birth_known_), birth_row);
  form()->addRow(labelled(tr("B&SN:"), bsn_), bsn_column);
  form()->addRow(labelled(tr("Straat en &huisnummer:"), street_), address_row);
  form()->addRow(labelled(tr("&Postcode en woonplaats:"), postcode_), place_row);

  marks().Bind("person.name", name_);
  marks().Bind("person.role", role_);
  marks().Bind("person.date_of_birth", birth_);
  marks().Bind("person.bsn", bsn_);
  marks().Bind("person.bsn_masked", bsn_);
  marks().Bind("person.address.street", street_);
  marks().Bind("person.address.house_number", house_number_);
  marks().Bind("person.address.postcode", postcode_);
  marks().Bind("person.address.city", city_);
  if (clear_bsn_ != nullptr) marks().Bind("clear_bsn", clear_bsn_);

  setTabOrder(name_, role_);
  setTabOrder(role_, birth_known_);
  setTabOrder(birth_known_, birth_);
  setTabOrder(birth_, bsn_);
  QWidget* last = bsn_;
  if (clear_bsn_ != nullptr) {
    setTabOrder(bsn_, clear_bsn_);
    last = clear_bsn_;
  }
  setTabOrder(last, street_);
  setTabOrder(street_, house_number_);
  setTabOrder(house_number_, postcode_);
  setTabOrder(postcode_, city_);
  setTabOrder(city_, okButton());
}

void PersonDialog::fill(const v1::Person& person) {
  name_->setText(QString::fromStdString(person.name()));
  const int role = role_->findData(static_cast<int>(person.role()));
  role_->setCurrentIndex(role < 0 ? 0 : role);
  const bool known = person.has_date_of_birth() && person.date_of_birth().year() != 0;
  birth_known_->setChecked(known);
  if (known) {
    birth_->setDate(QDate(person.date_of_birth().year(), person.date_of_birth().month(),
                          person.date_of_birth().day()));
  }
  // Never the BSN itself: the service returns only its masked form.
  bsn_->clear();
  const bool has_bsn = !person.bsn_masked().empty();
  bsn_known_->setText(has_bsn ? tr("Bekend: %1. Laat het veld leeg om dit BSN te houden.")
                                    .arg(QString::fromStdString(person.bsn_masked()))
                              : tr("Geen BSN bekend."));
  bsn_known_->show();
  if (clear_bsn_ != nullptr) {
    clear_bsn_->setChecked(false);
    clear_bsn_->setEnabled(has_bsn);
  }
  street_->setText(QString::fromStdString(person.address().street()));
  house_number_->setText(QString::fromStdString(person.address().house_number()));
  postcode_->setText(QString::fromStdString(person.address().postcode()));
  city_->setText(QString::fromStdString(person.address().city()));
}

FormDialog::Call PersonDialog::prepareCall() {
  v1::Person p;
  if (editing_) {
    p.set_id(person_.id());
    p.set_etag(person_.etag());
    // The notes as read (a note hidden from the caller is kept as stored by the service).
    *p.mutable_notes() = person_.notes();
  }
  p.set_name(name_->text().toStdString());
  p.set_role(static_cast<v1::PersonRole>(role_->currentData().toInt()));
  if (birth_known_->isChecked()) {
    const QDate d = birth_->date();
    p.mutable_date_of_birth()->set_year(d.year());
    p.mutable_date_of_birth()->set_month(d.month());
    p.mutable_date_of_birth()->set_day(d.day());
  }
  p.set_bsn(bsn_->text().trimmed().toStdString());
  p.mutable_address()->set_street(street_->text().toStdString());
  p.mutable_address()->set_house_number(house_number_->text().toStdString());
  p.mutable_address()->set_postcode(postcode_->text().toStdString());
  p.mutable_address()->set_city(city_->text().toStdString());
  if (!p.has_address() || p.address().ByteSizeLong() == 0) p.clear_address();

  auto answer = std::make_shared<v1::Person>();
  answer_ = answer;
  const std::string request_id = requestId();
  const std::string case_id = caseId().toStdString();
  const bool clear_bsn = clear_bsn_ != nullptr && clear_bsn_->isChecked();
  if (editing_) {
    return [channel = channel(), request_id, case_id, p, clear_bsn,
            answer](grpc::ClientContext* ctx) {
      v1::UpdatePersonRequest req;
      req.set_request_id(request_id);
      req.set_case_id(case_id);
      *req.mutable_person() = p;
      req.set_clear_bsn(clear_bsn);
      v1::UpdatePersonResponse resp;
      grpc::Status st = client::StubOf<v1::CaseService>(*channel)->UpdatePerson(ctx, req, &resp);
      if (st.ok()) *answer = resp.person();
      return st;
    };
  }
  return [channel = channel(), request_id, case_id, p, answer](grpc::ClientContext* ctx) {
    v1::AddPersonRequest req;
    req.set_request_id(request_id);
    req.set_case_id(case_id);
    *req.mutable_person() = p;
    v1::AddPersonResponse resp;
    grpc::Status st = client::StubOf<v1::CaseService>(*channel)->AddPerson(ctx, req, &resp);
    if (st.ok()) *answer = resp.person();
    return st;
  };
}

void PersonDialog::succeeded() {
  if (answer_) result_ = *answer_;
  bsn_->clear();
}

void PersonDialog::reload() {
  CaseEditDialog::reload();  // the window reads the case again
  if (!editing_) return;
  // The person as stored now: its fields and etag replace what this dialog held.
  setStatus(tr("De actuele gegevens worden geladen…"));
  okButton()->setEnabled(false);
  RunOffUiThread(
      this,
      [channel = channel(), case_id = caseId().toStdString()]() {
        v1::GetCaseRequest req;
        req.set_case_id(case_id);
        CallResult<v1::GetCaseResponse> out;
        out.status = client::StubOf<v1::CaseService>(*channel)->GetCase(NewCallContext().get(), req,
                                                                        &out.response);
        return out;
      },
      [this](CallResult<v1::GetCaseResponse> out) {
        if (!out.status.ok()) {
          setStatus(CaseErrorText(out.status), TechnicalDetail(out.status));
          okButton()->setEnabled(true);
          return;
        }
        for (const v1::Person& p : out.response.case_().persons()) {
          if (p.id() != person_.id()) continue;
          person_ = p;
          fill(person_);
          setStatus(tr("De actuele gegevens zijn geladen. Breng uw wijziging opnieuw aan."));
          okButton()->setEnabled(true);
          return;
        }
        setStatus(tr("Deze persoon staat niet meer in de casus."));
      });
}

// --- RelationDialog ---------------------------------------------------------------------------

RelationDialog::RelationDialog(client::ChannelsPtr channel, QString case_id, const v1::Case& c,
                               QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id), tr("Relatie toevoegen"),
                     tr("&Toevoegen"), parent) {
  setObjectName(QStringLiteral("relationDialog"));
  from_ = new QComboBox(this);
  from_->setObjectName(QStringLiteral("relationFrom"));
  from_->setAccessibleName(tr("Eerste persoon van de relatie"));
  to_ = new QComboBox(this);
  to_->setObjectName(QStringLiteral("relationTo"));
  to_->setAccessibleName(tr("Tweede persoon van de relatie"));
  for (const v1::Person& p : c.persons()) {
    const QString label =
        QStringLiteral("%1 (%2)").arg(QString::fromStdString(p.name()), PersonRoleName(p.role()));
    from_->addItem(label, QString::fromStdString(p.id()));
    to_->addItem(label, QString::fromStdString(p.id()));
  }
  if (to_->count() > 1) to_->setCurrentIndex(1);
  type_ = new QComboBox(this);
  type_->setObjectName(QStringLiteral("relationType"));
  type_->setAccessibleName(tr("Soort relatie"));
  type_->addItem(tr("— kies een soort —"), static_cast<int>(v1::RELATION_TYPE_UNSPECIFIED));
  for (int t = v1::RELATION_TYPE_PARTNER; t <= v1::RELATION_TYPE_HOUSEHOLD_MEMBER; ++t) {
    if (v1::RelationType_IsValid(t)) {
      type_->addItem(RelationTypeName(static_cast<v1::RelationType>(t)), t);
    }
  }
  form()->addRow(tr("&Van:"), from_);
  form()->addRow(tr("&Relatie:"), type_);
  form()->addRow(tr("&Naar:"), to_);
  auto* hint =
      new QLabel(tr("Bij \"ouder van\" is de eerste persoon de ouder van de tweede."), this);
  hint->setWordWrap(true);
  form()->addRow(hint);
  marks().Bind("relation.from_person_id", from_);
  marks().Bind("relation.type", type_);
  marks().Bind("relation.to_person_id", to_);
  setTabOrder(from_, type_);
  setTabOrder(type_, to_);
  setTabOrder(to_, okButton());
}

FormDialog::Call RelationDialog::prepareCall() {
  v1::AddRelationRequest req;
  req.set_request_id(requestId());
  req.set_case_id(caseId().toStdString());
  req.mutable_relation()->set_from_person_id(from_->currentData().toString().toStdString());
  req.mutable_relation()->set_to_person_id(to_->currentData().toString().toStdString());
  req.mutable_relation()->set_type(static_cast<v1::RelationType>(type_->currentData().toInt()));
  return [channel = channel(), req](grpc::ClientContext* ctx) {
    v1::AddRelationResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->AddRelation(ctx, req, &resp);
  };
}

// --- FamilyRemovalDialog ----------------------------------------------------------------------

FamilyRemovalDialog::FamilyRemovalDialog(client::ChannelsPtr channel, QString case_id, Kind kind,
                                         QString id, const QString& what, QWidget* parent)
    : CaseEditDialog(std::move(channel), std::move(case_id),
                     kind == Kind::kPerson ? tr("Persoon verwijderen") : tr("Relatie verwijderen"),
                     tr("&Verwijderen"), parent),
      kind_(kind),
      id_(std::move(id)) {
  setObjectName(kind == Kind::kPerson ? QStringLiteral("removePersonDialog")
                                      : QStringLiteral("removeRelationDialog"));
  auto* label = new QLabel(this);
  label->setObjectName(QStringLiteral("removalWhat"));
  label->setWordWrap(true);
  label->setTextFormat(Qt::PlainText);
  label->setText(kind == Kind::kPerson
                     ? tr("Te verwijderen persoon: %1\nDe relaties van deze persoon worden ook "
                          "verwijderd. Alleen bedoeld voor iemand die bij de verkeerde casus is "
                          "ingevoerd.")
                           .arg(what)
                     : tr("Te verwijderen relatie: %1").arg(what));
  form()->addRow(label);
  reason_ = NewReasonEdit(QStringLiteral("removalReason"), tr("Reden van verwijderen"), this);
  sensitivity_ = NewReasonSensitivityBox(QStringLiteral("removalSensitivity"),
                                         tr("Gevoeligheid van de reden"), this);
  form()->addRow(tr("&Reden:"), reason_);
  form()->addRow(tr("&Gevoeligheid van de reden:"), sensitivity_);
  marks().Bind("reason", reason_);
  marks().Bind("sensitivity", sensitivity_);
  marks().Bind(kind == Kind::kPerson ? "person_id" : "relation_id", label);
  setTabOrder(reason_, sensitivity_);
  setTabOrder(sensitivity_, okButton());
}

FormDialog::Call FamilyRemovalDialog::prepareCall() {
  const std::string request_id = requestId();
  const std::string case_id = caseId().toStdString();
  const std::string id = id_.toStdString();
  const std::string reason = reason_->toPlainText().toStdString();
  const auto sensitivity = static_cast<v1::Sensitivity>(sensitivity_->currentData().toInt());
  if (kind_ == Kind::kPerson) {
    return [channel = channel(), request_id, case_id, id, reason,
            sensitivity](grpc::ClientContext* ctx) {
      v1::RemovePersonRequest req;
      req.set_request_id(request_id);
      req.set_case_id(case_id);
      req.set_person_id(id);
      req.set_reason(reason);
      req.set_sensitivity(sensitivity);
      v1::RemovePersonResponse resp;
      return client::StubOf<v1::CaseService>(*channel)->RemovePerson(ctx, req, &resp);
    };
  }
  return [channel = channel(), request_id, case_id, id, reason,
          sensitivity](grpc::ClientContext* ctx) {
    v1::RemoveRelationRequest req;
    req.set_request_id(request_id);
    req.set_case_id(case_id);
    req.set_relation_id(id);
    req.set_reason(reason);
    req.set_sensitivity(sensitivity);
    v1::RemoveRelationResponse resp;
    return client::StubOf<v1::CaseService>(*channel)->RemoveRelation(ctx, req, &resp);
  };
}

}  // namespace schakel::desktop
