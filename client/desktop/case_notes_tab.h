// Notities: the case's shared notes as the caller may read them (a note hidden from the caller's
// organisation shows the service's marker, "verborgen voor uw organisatie", never its text); a
// form to write a note to the case (text and sensitivity, through UpdateCase), and — for the case
// director — sharing a note with one organisation on the team (ShareNote).
#ifndef SCHAKEL_CLIENT_DESKTOP_CASE_NOTES_TAB_H_
#define SCHAKEL_CLIENT_DESKTOP_CASE_NOTES_TAB_H_

#include <memory>

#include <QString>
#include <QWidget>

#include <grpcpp/channel.h>

#include "client/desktop/field_errors.h"
#include "client/lib/server_addresses.h"
#include "schakel/v1/cases.pb.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace schakel::desktop {

// Children: "notesTable" (text, sensitivity, shared with), "noteText", "noteSensitivity",
// "noteTextError" and "noteSensitivityError" (the service's message next to the field),
// "addNote", "shareOrganisation", "shareNote", "notesStatus".
class CaseNotesTab : public QWidget {
  Q_OBJECT

 public:
  CaseNotesTab(client::ChannelsPtr channel, QString case_id, QWidget* parent = nullptr);

  void showCase(const v1::Case& c);
  void clear();

 signals:
  // A note was written or shared: the case should be read again.
  void caseChanged();

 private:
  void addNote();
  void shareNote();
  void showFieldErrors(const grpc::Status& status, int note_index);

  client::ChannelsPtr channel_;
  QString case_id_;
  v1::Case case_;
  bool have_case_ = false;
  bool busy_ = false;
  QTableWidget* table_;
  QPlainTextEdit* text_;
  QComboBox* sensitivity_;
  QLabel* text_error_;
  QLabel* sensitivity_error_;
  QPushButton* add_;
  QComboBox* share_org_;
  QPushButton* share_;
  QLabel* status_;
  FieldMarks marks_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_CASE_NOTES_TAB_H_
