// What the Veiligheidsplan tab records beside the plan's versions: the family's agreement to a
// version (RecordFamilyAgreement) and a risk assessment with a Dutch risk-taxation instrument
// (RecordRiskInstrument), and the case's risk assessments (ListRiskInstruments) in a table. The
// dialogs are PlanFormDialogs: one request id per dialog, the call off the UI thread, the fields
// the service names marked, a refusal in one Dutch sentence. The service decides who may record.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_RECORDS_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_RECORDS_H_

#include <memory>
#include <string>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/case_plan_dialogs.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/common.pb.h"
#include "schakel/v1/safetyplan.pb.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace schakel::desktop {

class DirectoryNames;

// The outcome levels RecordRiskInstrument accepts for `kind` (as common.proto lists them, e.g.
// "LOW", "MEDIUM", "HIGH"); empty for an unknown instrument.
QStringList RiskOutcomeLevels(v1::RiskInstrumentKind kind);
// An outcome level in Dutch words ("laag", "midden", ...); an unknown one as it is.
QString RiskOutcomeLevelName(const std::string& level);
QString AgreementChannelName(v1::AgreementChannel channel);

// "Afspraak met gezin vastleggen" (RecordFamilyAgreement) for version `version` of the plan: which
// person of the case agreed (read from GetCase), how, and when (Europe/Amsterdam; default now).
// Object name "familyAgreementDialog"; fields "agreementPerson" (data: the person id),
// "agreementChannel" (data: the AgreementChannel), "agreementAt"; the explanation "agreementText".
// `loaded(ok)` says when the case's people have been read.
class RecordFamilyAgreementDialog : public PlanFormDialog {
  Q_OBJECT

 public:
  RecordFamilyAgreementDialog(client::ChannelsPtr channel, QString case_id, int version,
                              QWidget* parent = nullptr);
  bool isLoaded() const { return loaded_; }

 signals:
  void loaded(bool ok);

 protected:
  Call prepareCall() override;
  void reload() override { loadPersons(); }
  QString refusalText(const grpc::Status& status) const override;

 private:
  void loadPersons();

  int version_;
  bool loaded_ = false;
  QComboBox* person_;
  QComboBox* channel_;
  QDateTimeEdit* at_;
};

// "Risicotaxatie vastleggen" (RecordRiskInstrument): the instrument, its version, when it was
// assessed (Europe/Amsterdam, not in the future: the service checks), the outcome level (the
// instrument's levels), notes and their sensitivity. Object name "riskInstrumentDialog"; fields
// "riskInstrument" (data: the RiskInstrumentKind), "riskInstrumentVersion", "riskAssessedAt",
// "riskOutcome" (data: the level, e.g. "HIGH"), "riskNotes", "riskNotesSensitivity".
class RecordRiskInstrumentDialog : public PlanFormDialog {
  Q_OBJECT

 public:
  RecordRiskInstrumentDialog(client::ChannelsPtr channel, QString case_id,
                             QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;

 private:
  // Offers the levels of the instrument chosen.
  void fillLevels();

  QComboBox* instrument_;
  QLineEdit* instrument_version_;
  QDateTimeEdit* assessed_at_;
  QComboBox* outcome_;
  QPlainTextEdit* notes_;
  QComboBox* notes_sensitivity_;
};

// The case's risk assessments (ListRiskInstruments, newest first) in table "riskTable":
// instrument, version, assessed, by whom (professional and organisation), outcome, notes; and the
// line "riskStatus" when they could not be read.
class CasePlanRiskPanel : public QWidget {
  Q_OBJECT

 public:
  CasePlanRiskPanel(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

 signals:
  void loaded(bool ok);

 public slots:
  void refresh();

 private:
  // Draws the assessments read last (again when the directory's names arrive).
  void draw();

  client::ChannelsPtr channel_;
  std::string case_id_;
  DirectoryNames* names_;
  v1::ListRiskInstrumentsResponse shown_;
  bool busy_ = false;
  bool again_ = false;
  QTableWidget* table_;
  QLabel* status_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_PLAN_RECORDS_H_
