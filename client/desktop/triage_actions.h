// The dialogs that change one report of the triage view: "Adviesvraag omzetten in melding"
// (IntakeService.ConvertAdvice: an advice request becomes a report and its 5-working-day term
// starts) and "Onderzoek afronden" (CompleteInvestigation: the conclusion and follow-up of an
// investigation by Veilig Thuis). Each is a FormDialog: one request id for the dialog's life, the
// report's etag as read, the fields the service refuses marked, a stale etag offered a reload.
// The service decides whether the report can be converted or completed; the dialog says its
// refusal in one sentence.
#ifndef SCHAKEL_CLIENT_DESKTOP_TRIAGE_ACTIONS_H_
#define SCHAKEL_CLIENT_DESKTOP_TRIAGE_ACTIONS_H_

#include <memory>

#include <QPointer>
#include <QString>
#include <QStringList>

#include <grpcpp/channel.h>

#include "client/desktop/form_dialog.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/triage_text.h"
#include "client/lib/server_addresses.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace schakel::desktop {

// What both dialogs share: the report as read (its etag goes with the call), shown in a details
// label ("reportActionDetails"); a reload after a stale etag reads it again.
class TriageReportDialog : public FormDialog {
  Q_OBJECT

 public:
  const v1::Report& report() const { return report_; }

 signals:
  // The service took the change: the report as it answered.
  void reportChanged(const v1::Report& report);

 protected:
  TriageReportDialog(client::ChannelsPtr channel, const v1::Report& report, DirectoryNames* names,
                     const QString& title, const QString& ok_text, QWidget* parent);

  void reload() override;
  void succeeded() override;
  QString refusalText(const grpc::Status& status) const override;
  QString staleText() const override;
  // The sentence for FAILED_PRECONDITION (the report is not in the state the change needs).
  virtual QString preconditionText() const = 0;
  // The report's lines for the details label.
  virtual QStringList detailLines() const;
  // Filled off the UI thread by the call: the report as the service answered.
  std::shared_ptr<v1::Report> answer() const { return answer_; }
  DirectoryNames* names() const { return names_; }
  // Shows detailLines(); subclasses call it at the end of their constructor (and names arrive).
  void showDetails();

 private:
  v1::Report report_;
  QPointer<DirectoryNames> names_;
  QLabel* details_;
  std::shared_ptr<v1::Report> answer_;
};

// "Adviesvraag omzetten in melding": why it becomes a report (required).
// Object name "convertAdviceDialog"; field "convertReason"; "okButton".
class ConvertAdviceDialog : public TriageReportDialog {
  Q_OBJECT

 public:
  ConvertAdviceDialog(client::ChannelsPtr channel, const v1::Report& report, DirectoryNames* names,
                      QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;
  QString preconditionText() const override;

 private:
  QPlainTextEdit* reason_;
};

// "Dossier afsluiten": why Veilig Thuis's involvement ended (required), for a file that does not
// close by itself (an advice request, Voorwaarden & Vervolg); its retention term starts.
// Object name "closeReportDialog"; field "closeReason"; "okButton".
class CloseReportDialog : public TriageReportDialog {
  Q_OBJECT

 public:
  CloseReportDialog(client::ChannelsPtr channel, const v1::Report& report, DirectoryNames* names,
                    QWidget* parent = nullptr);
  // Whether `report` is one a VT worker closes by hand (the service still decides).
  static bool ClosesByHand(const v1::Report& report);

 protected:
  Call prepareCall() override;
  QString preconditionText() const override;

 private:
  QPlainTextEdit* reason_;
};

// "Onderzoek afronden": the conclusion (required), the follow-up decided (required) and a note on
// who takes over or what follows (optional).
// Object name "completeInvestigationDialog"; fields "investigationConclusion",
// "investigationFollowUp" (item data: the InvestigationFollowUp value),
// "investigationFollowUpNote"; "okButton".
class CompleteInvestigationDialog : public TriageReportDialog {
  Q_OBJECT

 public:
  CompleteInvestigationDialog(client::ChannelsPtr channel, const v1::Report& report,
                              DirectoryNames* names, QWidget* parent = nullptr);

 protected:
  Call prepareCall() override;
  QString preconditionText() const override;
  QStringList detailLines() const override;

 private:
  QPlainTextEdit* conclusion_;
  QComboBox* follow_up_;
  QPlainTextEdit* note_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_TRIAGE_ACTIONS_H_
