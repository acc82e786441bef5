// The dialogs that change a case's family system (the Gezin tab): add or correct a person, record
// a relation between two persons, and remove a person or relation entered by mistake (with the
// reason the service requires). Each is a FormDialog: one request id for its whole life, the call
// off the UI thread, the fields the service names marked, a refusal in one Dutch sentence.
//
// CaseEditDialog, their base, is shared with the team dialogs (case_team_dialogs.h).
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_DIALOGS_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_DIALOGS_H_

#include <memory>
#include <string>

#include <QString>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "client/desktop/form_dialog.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace schakel::desktop {

// The sentence for a refused change to a case: who may do it (only the case director; the
// director and the core team; oversight reads only), the case closed or open, a team member
// already there or gone, a relation recorded already, the consent a human-trafficking case needs;
// a case one may not see reads as one that does not exist (CaseErrorText); anything else as
// CallErrorText.
QString CaseEditRefusalText(const grpc::Status& status);

// A FormDialog about one case: refusals read as CaseEditRefusalText; after a stale etag the
// person chose to reload, reloadRequested() asks the window to read the case again.
class CaseEditDialog : public FormDialog {
  Q_OBJECT

 public:
  CaseEditDialog(client::ChannelsPtr channel, QString case_id, const QString& title,
                 const QString& ok_text, QWidget* parent = nullptr);

  const QString& caseId() const { return case_id_; }

 signals:
  // Someone changed the case meanwhile and the person chose to reload.
  void reloadRequested();

 protected:
  QString refusalText(const grpc::Status& status) const override;
  QString staleText() const override;
  void reload() override;

 private:
  const QString case_id_;
};

// "Persoon toevoegen" (AddPerson) or, given a person as read, "Persoon wijzigen" (UpdatePerson,
// with the person's etag). The BSN is never shown back: the field starts empty; on a correction
// an empty field keeps the stored BSN, "BSN wissen" clears it, and the masked form says whether
// one is known.
// Object name "personDialog"; fields "personName", "personRole", "personBirthKnown" (check box),
// "personBirthDate", "personBsn", "personClearBsn" (correction only), "personStreet",
// "personHouseNumber", "personPostcode", "personCity"; "personBsnKnown" (the masked BSN label).
class PersonDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  // To add a person.
  PersonDialog(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);
  // To correct `person` (as GetCase returned it).
  PersonDialog(client::ChannelsPtr channel, QString case_id, const v1::Person& person,
               QWidget* parent = nullptr);

  bool editing() const { return editing_; }
  // The person as the service answered (empty until the call succeeded).
  const v1::Person& result() const { return result_; }

 protected:
  Call prepareCall() override;
  void succeeded() override;
  void reload() override;

 private:
  void build();
  void fill(const v1::Person& person);

  const bool editing_;
  v1::Person person_;  // as read (correction only): id, etag and notes go back unchanged
  QLineEdit* name_;
  QComboBox* role_;
  QCheckBox* birth_known_;
  QDateEdit* birth_;
  QLineEdit* bsn_;
  QLabel* bsn_known_;
  QCheckBox* clear_bsn_ = nullptr;
  QLineEdit* street_;
  QLineEdit* house_number_;
  QLineEdit* postcode_;
  QLineEdit* city_;
  std::shared_ptr<v1::Person> answer_;  // filled off the UI thread
  v1::Person result_;
};

// "Relatie toevoegen": two of the case's persons, picked by name, and the kind of relation.
// Object name "relationDialog"; fields "relationFrom", "relationType", "relationTo" (combo boxes;
// a person's id is the item's data).
class RelationDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  RelationDialog(client::ChannelsPtr channel, QString case_id, const v1::Case& c,
                 QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  QComboBox* from_;
  QComboBox* type_;
  QComboBox* to_;
};

// "Persoon verwijderen" or "Relatie verwijderen" (case director only; the service decides): what
// is removed, the reason and its sensitivity (unset: the strictest one the caller's organisation
// implies).
// Object names "removePersonDialog" / "removeRelationDialog"; fields "removalWhat" (label),
// "removalReason", "removalSensitivity".
class FamilyRemovalDialog : public CaseEditDialog {
  Q_OBJECT

 public:
  enum class Kind { kPerson, kRelation };

  // `id` is the person's or relation's id, `what` how it reads ("Tom Visser", "Sanne Visser —
  // ouder van — Tom Visser").
  FamilyRemovalDialog(client::ChannelsPtr channel, QString case_id, Kind kind, QString id,
                      const QString& what, QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  const Kind kind_;
  const QString id_;
  QPlainTextEdit* reason_;
  QComboBox* sensitivity_;
};

// A combo box of sensitivities for a reason's text: first "Standaard" (unset: the service takes
// the strictest one the caller's organisation implies), then Algemeen, Zorg, Justitie; the value
// is the item's data.
QComboBox* NewReasonSensitivityBox(const QString& object_name, const QString& accessible,
                                   QWidget* parent);

// A multi-line field for a reason (Tab moves on).
QPlainTextEdit* NewReasonEdit(const QString& object_name, const QString& accessible,
                              QWidget* parent);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_FAMILY_DIALOGS_H_
