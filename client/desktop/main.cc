// schakel-desktop: sign in, then the main window. Everything else lives in schakel_desktop_lib.
#include <QApplication>
#include <QCommandLineParser>

#include "client/desktop/main_window.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/sign_in_dialog.h"
#include "client/desktop/translation.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("Schakel"));
  QCoreApplication::setApplicationName(QStringLiteral("schakel-desktop"));
  schakel::desktop::InstallTranslation(app, schakel::desktop::ChooseLanguage(app.arguments()));

  // --server, --cert, --key and --ca fill in the sign-in dialog (deploy/local/run.sh prints them
  // for each demo user); --lang=en|nl picks the language (ChooseLanguage).
  QCommandLineParser options;
  const QCommandLineOption server(QStringLiteral("server"), QString(), QStringLiteral("HOST:PORT"));
  const QCommandLineOption cert(QStringLiteral("cert"), QString(), QStringLiteral("FILE"));
  const QCommandLineOption key(QStringLiteral("key"), QString(), QStringLiteral("FILE"));
  const QCommandLineOption ca(QStringLiteral("ca"), QString(), QStringLiteral("FILE"));
  const QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("nl|en"));
  options.addOptions({server, cert, key, ca, lang});
  options.parse(app.arguments());  // unknown options are left alone

  schakel::desktop::SignInDialog sign_in;
  sign_in.prefill(options.value(server), options.value(cert), options.value(key),
                  options.value(ca));
  if (sign_in.exec() != QDialog::Accepted || !sign_in.session()) return 1;
  schakel::desktop::MainWindow window(*sign_in.session());
  window.show();
  const int result = app.exec();
  // Calls still running post their answers to `app`: they finish (within their deadline) first.
  schakel::desktop::CallPool().waitForDone();
  return result;
}
