// The desktop tests' main: a QApplication without a display and QSettings of their own.
#include <gtest/gtest.h>
#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include "client/desktop/rpc_runner.h"

int main(int argc, char** argv) {
  // Widgets without a display (ctest sets it too; gtest_discover_tests does not).
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  // QSettings of the tests go to a directory of their own, never the user's.
  QTemporaryDir settings_dir;
  qputenv("XDG_CONFIG_HOME", settings_dir.path().toUtf8());
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_dir.path());
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("SchakelTest"));
  QCoreApplication::setApplicationName(QStringLiteral("desktop_tests"));
  ::testing::InitGoogleTest(&argc, argv);
  const int result = RUN_ALL_TESTS();
  // A call still running posts its answer to the application object: let it finish before that
  // object goes (seen once under load: ASan reported a double free in a pooled thread at exit,
  // and the test hung).
  schakel::desktop::CallPool().waitForDone();
  return result;
}
