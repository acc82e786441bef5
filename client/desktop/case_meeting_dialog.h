// "Overleg vastleggen": a multidisciplinary meeting (MDO) of the case with everything
// CaseService.RecordMeeting takes — the date, who attended (from the case team), the independent
// chair, whether the family took part, the minutes and the decisions, each of which may create an
// action with its owning organisation and due date. The decisions are an editable list of rows.
//
// Also here, because the safety plan's dialogs (case_plan_dialogs.h) use them too: the list of
// rows a person adds and removes (EditableRowList), a sensitivity picker and the date helpers.
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_MEETING_DIALOG_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_MEETING_DIALOG_H_

#include <functional>
#include <memory>
#include <vector>

#include <QDate>
#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/form_dialog.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/common.pb.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace schakel::desktop {

// Today in Europe/Amsterdam.
QDate CaseToday();
v1::Date ToProtoDate(const QDate& date);
// Invalid for an unset date.
QDate FromProtoDate(const v1::Date& date);

// A date picker in Dutch notation (dd-MM-yyyy) with a calendar. With `optional`, its lowest date
// reads "geen datum" and means no date (DateOfEdit then returns an unset date).
QDateEdit* NewCaseDateEdit(QWidget* parent, const QString& object_name, const QString& accessible,
                           const QDate& date, bool optional = false);
// The date of an edit made by NewCaseDateEdit; unset for "geen datum".
v1::Date DateOfEdit(const QDateEdit* edit);
bool HasDate(const QDateEdit* edit);

// A sensitivity picker: Algemeen, Zorg, Justitie after a first entry that means unset — with
// `writer_default` "Standaard van mijn organisatie" (the service applies the writer's strictest
// default), else "Kies de gevoeligheid" (the service requires one); `current` selected.
QComboBox* NewSensitivityCombo(QWidget* parent, const QString& object_name,
                               const QString& accessible,
                               v1::Sensitivity current = v1::SENSITIVITY_UNSPECIFIED,
                               bool writer_default = true);
v1::Sensitivity SensitivityOfCombo(const QComboBox* combo);

// A list of rows a person adds to and removes from: each row is a widget made by the factory,
// with a "Verwijderen" button beside it; "Toevoegen" under the list adds one.
//
// Children: "addRow" (the add button), per row a frame "editableRow" holding the factory's
// widget and "removeRow".
class EditableRowList : public QWidget {
  Q_OBJECT

 public:
  using Factory = std::function<QWidget*(QWidget* parent)>;
  EditableRowList(const QString& add_text, const QString& row_name, Factory factory,
                  QWidget* parent = nullptr);

  // Adds a row (the factory's widget) at the end and returns it.
  QWidget* addRow() { return addRow(factory_); }
  // Adds a row made by `make` (e.g. for a stored value) at the end and returns it.
  QWidget* addRow(const Factory& make);
  void removeRow(int index);
  int count() const { return static_cast<int>(rows_.size()); }
  // The factory's widget of row `index`.
  QWidget* row(int index) const { return rows_[index].content; }
  QPushButton* addButton() const { return add_; }

 signals:
  void rowsChanged();

 private:
  struct Row {
    QWidget* frame;
    QWidget* content;
  };
  QString row_name_;
  Factory factory_;
  std::vector<Row> rows_;
  QVBoxLayout* rows_layout_;
  QPushButton* add_;
};

// Object name "recordMeetingDialog". Fields: "meetingDate", "meetingChair", "meetingFamily",
// "meetingAttendees" (a list of the case team's current members, checkable; an item's Qt::UserRole
// the professional id, Qt::UserRole + 1 the organisation id), "meetingMinutes",
// "meetingMinutesSensitivity", "meetingDecisions" (an EditableRowList; each row holds
// "decisionText", "decisionSensitivity", "decisionHasAction", "actionDescription", "actionOwner"
// (the team's organisations; Qt::UserRole the id), "actionDue", "actionSensitivity").
class RecordMeetingDialog : public FormDialog {
  Q_OBJECT

 public:
  // `c`: the case as last read (its team fills the attendees and the action owners).
  RecordMeetingDialog(client::ChannelsPtr channel, const v1::Case& c, QWidget* parent = nullptr);

  EditableRowList* decisions() const { return decisions_; }

 protected:
  Call prepareCall() override;
  QString refusalText(const grpc::Status& status) const override;

 private:
  QWidget* newDecisionRow(QWidget* parent);

  std::string case_id_;
  std::vector<std::string> organisations_;  // the team's organisations, for the action owners
  QDateEdit* date_;
  QLineEdit* chair_;
  QCheckBox* family_;
  QListWidget* attendees_;
  QPlainTextEdit* minutes_;
  QComboBox* minutes_sensitivity_;
  EditableRowList* decisions_;
};

// The sentence for a refused change to a case's meetings and actions (the cases service's
// refusals in words).
QString MeetingRefusalText(const grpc::Status& status);

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_MEETING_DIALOG_H_
