// Overgedragen meldingen: the reports Veilig Thuis handed to the caller's organisation with the
// route HANDOVER (IntakeService.ListHandedReports — for the receiver's PROFESSIONALs,
// CASE_DIRECTORs and SUPERVISORs), waiting ones first, with what the route passes on (the persons,
// the violence, VT's judgement and reasoning, the note; never the reporter), and answering one
// (AnswerReportHandover — the receiver's PROFESSIONAL or CASE_DIRECTOR): accept, or decline with
// a reason, after which Veilig Thuis assesses the report again. The service decides who may
// answer; the dialog says its refusal.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_HANDED_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_HANDED_H_

#include <memory>
#include <vector>

#include <QPointer>
#include <QString>

#include <grpcpp/channel.h>

#include "client/desktop/form_dialog.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/triage_text.h"
#include "client/desktop/view_page.h"
#include "client/lib/server_addresses.h"

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTextBrowser;

namespace schakel::desktop {

// The list and the details of the selected report. A ViewPage, so that it can also stand as a
// view of its own for the receiving organisations.
//
// Child object names: "handedTable" (column kReport holds the report id as Qt::UserRole),
// "handedIncludeAnswered", "handedDetails", "handedAnswerButton", "handedStatus"; the answer
// dialog it opens ("answerHandedDialog") is its child.
class TriageHandedPanel : public ViewPage {
  Q_OBJECT

 public:
  enum Column { kReport = 0, kFrom, kAssessed, kViolence, kState, kDue, kColumnCount };

  // `names` (not owned) names the organisations and professionals; null: a DirectoryNames of its
  // own (the panel standing as a view by itself).
  TriageHandedPanel(client::ChannelsPtr channel, DirectoryNames* names, QWidget* parent = nullptr);

  // The report selected (empty: none).
  QString selectedReportId() const;
  void selectReport(const QString& report_id);

 signals:
  // After each answer to refresh().
  void loaded(bool ok);
  // A handover was answered through the dialog.
  void answered(const QString& report_id, bool accepted);

 public slots:
  void refresh() override;
  // Opens the answer dialog for the selected report.
  void answer();

 private:
  void showReports();
  void showSelected();
  const v1::HandedReport* selected() const;

  client::ChannelsPtr channel_;
  QPointer<DirectoryNames> names_;
  std::vector<v1::HandedReport> reports_;
  bool busy_ = false;
  bool again_ = false;
  QCheckBox* include_answered_;
  QTableWidget* table_;
  QTextBrowser* details_;
  QPushButton* answer_;
  QLabel* status_;
};

// "Overgedragen melding beantwoorden": accept, or decline with a reason (required then).
// Object name "answerHandedDialog"; fields "handedAccept", "handedDecline" (radio buttons),
// "handedDeclineReason"; "okButton".
class AnswerHandedReportDialog : public FormDialog {
  Q_OBJECT

 public:
  AnswerHandedReportDialog(client::ChannelsPtr channel, const v1::HandedReport& report,
                           DirectoryNames* names, QWidget* parent = nullptr);

 signals:
  void answered(const QString& report_id, bool accepted);

 protected:
  Call prepareCall() override;
  void succeeded() override;
  QString refusalText(const grpc::Status& status) const override;

 private:
  const v1::HandedReport report_;
  QRadioButton* accept_;
  QRadioButton* decline_;
  QPlainTextEdit* reason_;
  bool sent_accept_ = true;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_HANDED_H_
