// The sign-in dialog: the server and the certificate, key and CA files (PEM) — or a PKCS#12 file
// (.p12, .pfx) with its password instead of certificate and key — remembered for next time (the
// paths, never a key or password); "Aanmelden" connects and asks the server who I am (WhoAmI), off
// the UI thread.
#ifndef SCHAKEL_CLIENT_DESKTOP_SIGN_IN_DIALOG_H_
#define SCHAKEL_CLIENT_DESKTOP_SIGN_IN_DIALOG_H_

#include <chrono>
#include <optional>

#include <QDialog>

#include "client/desktop/rpc_runner.h"
#include "client/desktop/session.h"

class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;

namespace schakel::desktop {

// Child object names, for tests and screen-reader tooling: "server", "certificate", "key", "ca",
// "password" (shown for a .p12/.pfx certificate file, in place of the key), "signIn", "status".
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
  // Whether the certificate file is PKCS#12 (by its name: .p12 or .pfx).
  bool isPkcs12() const;
  // Shows the key field for PEM, the password field for PKCS#12.
  void showFormatFields();
  // A Dutch sentence naming the first file that does not exist or cannot be read; empty if all can.
  QString checkFiles() const;

  QLineEdit* server_;
  QLineEdit* cert_;
  QLineEdit* key_;
  QLineEdit* ca_;
  QLineEdit* password_;
  QFormLayout* form_;
  QLayout* key_row_ = nullptr;
  QLabel* status_;
  QPushButton* sign_in_;
  QPushButton* cancel_;
  std::chrono::milliseconds deadline_ = kCallDeadline;
  std::optional<Session> session_;
};

}  // namespace schakel::desktop

#endif  // SCHAKEL_CLIENT_DESKTOP_SIGN_IN_DIALOG_H_
