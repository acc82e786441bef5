// What every dialog that changes something shares: a form with OK and Cancel whose call runs off
// the UI thread with one request id for the dialog's whole life (pressing OK again after a lost
// answer repeats the same request, which the service answers once), a busy bar while the call is
// under way (Cancel or Esc then cancels the call and closes), the bad fields marked (FieldMarks), a
// stale etag offered a reload, and a refusal in one sentence.
#ifndef SCHAKEL_CLIENT_DESKTOP_FORM_DIALOG_H_
#define SCHAKEL_CLIENT_DESKTOP_FORM_DIALOG_H_

#include <functional>
#include <memory>
#include <string>

#include <QDialog>
#include <QString>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include "client/desktop/field_errors.h"
#include "client/lib/server_addresses.h"

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace schakel::desktop {

// A dialog with a form, a status line, a busy bar and OK / Cancel. Subclasses add their fields to
// form(), bind them in marks(), and build their call in prepareCall().
//
// Child object names: "formStatus", "formBusy", "okButton" (plus the subclass's).
class FormDialog : public QDialog {
  Q_OBJECT

 public:
  FormDialog(client::ChannelsPtr channel, const QString& title, const QString& ok_text,
             QWidget* parent = nullptr);

  // The request id every attempt of this dialog sends.
  const std::string& requestId() const { return request_id_; }
  // Whether a call is under way.
  bool busy() const { return context_ != nullptr; }

  // Cancels a call under way, then closes.
  void reject() override;

 signals:
  // The call answered; the dialog is done (and accepted). `ok` false after a refusal.
  void callFinished(bool ok);

 protected:
  // The call for the current fields, run off the UI thread with `ctx` (deadline set). Copy every
  // field's value into the returned function; never touch a widget in it. Return an empty function
  // to send nothing (a message is then already in the status line).
  using Call = std::function<grpc::Status(grpc::ClientContext* ctx)>;
  virtual Call prepareCall() = 0;
  // On the UI thread after the call succeeded, before the dialog closes.
  virtual void succeeded() {}
  // A stale etag: after the person chose to reload. Default: nothing.
  virtual void reload() {}
  // The sentence for a refusal other than bad fields or a stale etag. Default: CallErrorText.
  virtual QString refusalText(const grpc::Status& status) const;
  // The sentence when someone else changed the thing meanwhile (a stale etag).
  virtual QString staleText() const;

  QFormLayout* form() const { return form_; }
  FieldMarks& marks() { return marks_; }
  QPushButton* okButton() const { return ok_; }
  const client::ChannelsPtr& channel() const { return channel_; }
  void setStatus(const QString& text, const QString& tooltip = {});

 private:
  void send();
  void finish(const grpc::Status& status);

  client::ChannelsPtr channel_;
  const std::string request_id_;
  QFormLayout* form_;
  QLabel* status_;
  QProgressBar* busy_bar_;
  QDialogButtonBox* buttons_;
  QPushButton* ok_;
  FieldMarks marks_;
  std::shared_ptr<grpc::ClientContext> context_;  // the call under way
  bool done_ = false;                             // succeeded once: OK sends nothing more
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_FORM_DIALOG_H_
