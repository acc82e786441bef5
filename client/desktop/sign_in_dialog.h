// The sign-in dialog: the server and the certificate, key and CA files (PEM), remembered for next
// time; "Aanmelden" connects and asks the server who I am (WhoAmI), off the UI thread.
#ifndef SCHAKEL_CLIENT_DESKTOP_SIGN_IN_DIALOG_H_
#define SCHAKEL_CLIENT_DESKTOP_SIGN_IN_DIALOG_H_

#include <chrono>
#include <optional>

#include <QDialog>

#include "client/desktop/rpc_runner.h"
#include "client/desktop/session.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace schakel::desktop {

// Child object names, for tests and screen-reader tooling: "server", "certificate", "key", "ca",
// "signIn", "status".
class SignInDialog : public QDialog {
  Q_OBJECT

 public:
  // Fills the fields from QSettings ("signIn/..."): the paths only, never a key's contents.
  explicit SignInDialog(QWidget* parent = nullptr);

  // The session after a successful sign-in (the dialog is then accepted); empty before.
  const std::optional<Session>& session() const { return session_; }

  // Fills in what is given (non-empty), over what was remembered: the command line's --server,
  // --cert, --key and --ca.
  void prefill(const QString& server, const QString& cert, const QString& key, const QString& ca);

  // The deadline of the WhoAmI call (tests shorten it).
  void setCallDeadline(std::chrono::milliseconds deadline) { deadline_ = deadline; }

 signals:
  // After each attempt: `ok` with the session stored, or not with the message shown.
  void signInFinished(bool ok);

 public slots:
  void signIn();

 private:
  void browse(QLineEdit* field, const QString& title);
  void showError(const QString& message, const QString& detail = {});
  void setBusy(bool busy);
  // A Dutch sentence naming the first file that does not exist or cannot be read; empty if all can.
  QString checkFiles() const;

  QLineEdit* server_;
  QLineEdit* cert_;
  QLineEdit* key_;
  QLineEdit* ca_;
  QLabel* status_;
  QPushButton* sign_in_;
  QPushButton* cancel_;
  std::chrono::milliseconds deadline_ = kCallDeadline;
  std::optional<Session> session_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SIGN_IN_DIALOG_H_
