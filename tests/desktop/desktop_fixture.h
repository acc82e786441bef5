// What the desktop client's tests share: waiting on the event loop, reading the widget tree, and
// signing in through the real sign-in dialog with certificate files made by a test host's PKI.
#ifndef SCHAKEL_TESTS_DESKTOP_DESKTOP_FIXTURE_H_
#define SCHAKEL_TESTS_DESKTOP_DESKTOP_FIXTURE_H_

// First: the test worlds include the intake service, whose generated code has a field named
// `signals` that Qt's keyword macro would rewrite; the wrapper reads it with the macro set aside.
#include "client/desktop/intake_proto.h"  // IWYU pragma: keep

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QThread>

#include "client/desktop/main_window.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/session.h"
#include "client/desktop/sign_in_dialog.h"
#include "client/desktop/views.h"
#include "tests/integration/safetyplan_fixture.h"
#include "tests/support/test_env.h"

namespace schakel::desktop::test_support {

// Spins the event loop until `done()` or `timeout`; true when done.
inline bool WaitUntil(const std::function<bool()>& done,
                      std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    if (clock.elapsed() > timeout.count()) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(5);
  }
  return true;
}

// How the test hosts name an organisation (TestHost::AddOrganisation): what the views show once
// DirectoryNames has the directory's answer.
inline QString OrgName(const char* id) {
  return QStringLiteral("Organisatie ") + QString::fromLatin1(id);
}

inline std::vector<QString> SideBarTexts(const MainWindow& window) {
  std::vector<QString> texts;
  auto* bar = window.findChild<QListWidget*>(QStringLiteral("sideBar"));
  if (bar == nullptr) return texts;
  for (int i = 0; i < bar->count(); ++i) texts.push_back(bar->item(i)->text());
  return texts;
}

inline std::vector<QString> TitlesOf(const std::vector<View>& views) {
  std::vector<QString> titles;
  for (View v : views) titles.push_back(ViewTitle(v));
  return titles;
}

// Column `col` of every row of `table`.
inline std::vector<QString> Column(const QTableWidget& table, int col) {
  std::vector<QString> cells;
  for (int r = 0; r < table.rowCount(); ++r) {
    cells.push_back(table.item(r, col) != nullptr ? table.item(r, col)->text() : QString());
  }
  return cells;
}

// Every text a person could read in `root` and its children: labels, buttons, line and text
// edits, group box titles, tab titles, combo box entries, every cell and header of every item
// view's model, tooltips, and window titles. For tests that a text is (or is not) on screen.
inline QStringList AllTextIn(const QWidget& root) {
  QStringList texts;
  QList<const QWidget*> widgets{&root};
  for (QWidget* w : root.findChildren<QWidget*>()) widgets.push_back(w);
  for (const QWidget* w : widgets) {
    texts << w->toolTip() << w->windowTitle() << w->accessibleName();
    if (auto* l = qobject_cast<const QLabel*>(w)) texts << l->text();
    if (auto* b = qobject_cast<const QAbstractButton*>(w)) texts << b->text();
    if (auto* e = qobject_cast<const QLineEdit*>(w)) texts << e->text();
    if (auto* e = qobject_cast<const QTextEdit*>(w)) texts << e->toPlainText();
    if (auto* e = qobject_cast<const QPlainTextEdit*>(w)) texts << e->toPlainText();
    if (auto* g = qobject_cast<const QGroupBox*>(w)) texts << g->title();
    if (auto* t = qobject_cast<const QTabWidget*>(w)) {
      for (int i = 0; i < t->count(); ++i) texts << t->tabText(i);
    }
    if (auto* c = qobject_cast<const QComboBox*>(w)) {
      for (int i = 0; i < c->count(); ++i) texts << c->itemText(i);
    }
    if (auto* v = qobject_cast<const QAbstractItemView*>(w); v != nullptr && v->model()) {
      const QAbstractItemModel* m = v->model();
      std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int r = 0; r < m->rowCount(parent); ++r) {
          for (int c = 0; c < m->columnCount(parent); ++c) {
            const QModelIndex i = m->index(r, c, parent);
            texts << m->data(i, Qt::DisplayRole).toString()
                  << m->data(i, Qt::ToolTipRole).toString();
            if (c == 0) walk(i);
          }
        }
      };
      walk(QModelIndex());
      for (int c = 0; c < m->columnCount(); ++c) {
        texts << m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
      }
    }
  }
  texts.removeAll(QString());
  return texts;
}

// Signs in through the real SignInDialog as a professional of `host`'s PKI: certificate, key and
// CA written as PEM files under a temporary directory of its own.
class DesktopSignIn {
 public:
  explicit DesktopSignIn(schakel::testing::TestHost& host) : host_(host) {}

  // Writes `id`'s certificate, key and the CA as PEM files; returns their directory.
  QString WriteIdentity(const std::string& id, const std::string& org) {
    const TlsMaterial m = host_.pki().Client(id, org);
    const QString dir = files_.path() + QStringLiteral("/") + QString::fromStdString(id);
    QDir().mkpath(dir);
    auto write = [&](const char* name, const std::string& pem) {
      std::ofstream(QString(dir + QStringLiteral("/") + QLatin1String(name)).toStdString()) << pem;
    };
    write("user.crt", m.cert_pem);
    write("user.key", m.key_pem);
    std::filesystem::permissions(
        (dir + QStringLiteral("/user.key")).toStdString(),
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    write("ca.crt", m.ca_pem);
    return dir;
  }

  static void Fill(SignInDialog& dialog, const QString& server, const QString& dir) {
    dialog.findChild<QLineEdit*>(QStringLiteral("server"))->setText(server);
    dialog.findChild<QLineEdit*>(QStringLiteral("certificate"))->setText(dir + "/user.crt");
    dialog.findChild<QLineEdit*>(QStringLiteral("key"))->setText(dir + "/user.key");
    dialog.findChild<QLineEdit*>(QStringLiteral("ca"))->setText(dir + "/ca.crt");
  }

  // Clicks "Aanmelden" and waits for the answer; true when signed in.
  static bool ClickSignIn(SignInDialog& dialog) {
    bool finished = false;
    bool ok = false;
    auto conn = QObject::connect(&dialog, &SignInDialog::signInFinished, [&](bool result) {
      finished = true;
      ok = result;
    });
    dialog.findChild<QPushButton*>(QStringLiteral("signIn"))->click();
    EXPECT_TRUE(WaitUntil([&] { return finished; })) << "no answer to the sign-in";
    QObject::disconnect(conn);
    return ok;
  }

  static QString StatusOf(const SignInDialog& dialog) {
    return dialog.findChild<QLabel*>(QStringLiteral("status"))->text();
  }

  // Signs in as `id` of `org` through the dialog; the session, or a failed test.
  std::optional<Session> SignInAs(const std::string& id, const std::string& org) {
    SignInDialog dialog;
    Fill(dialog, QString::fromStdString(host_.address()), WriteIdentity(id, org));
    if (!ClickSignIn(dialog)) {
      ADD_FAILURE() << id << " could not sign in: " << StatusOf(dialog).toStdString();
      return std::nullopt;
    }
    return dialog.session();
  }

  const QTemporaryDir& files() const { return files_; }

 private:
  schakel::testing::TestHost& host_;
  QTemporaryDir files_;
};

// A test against the safety plan tests' world (directory, audit log, cases, handover, safety
// plans; one MDA++ case with a team — see tests/integration/safetyplan_fixture.h).
class DesktopTest : public ::testing::Test {
 protected:
  QString WriteIdentity(const std::string& id, const std::string& org) {
    return sign_in_.WriteIdentity(id, org);
  }
  std::optional<Session> SignInAs(const std::string& id) {
    return sign_in_.SignInAs(id, world_.OrgOf(id));
  }
  static void Fill(SignInDialog& dialog, const QString& server, const QString& dir) {
    DesktopSignIn::Fill(dialog, server, dir);
  }
  static bool ClickSignIn(SignInDialog& dialog) { return DesktopSignIn::ClickSignIn(dialog); }
  static QString StatusOf(const SignInDialog& dialog) { return DesktopSignIn::StatusOf(dialog); }

  schakel::testing::PlanWorld world_;
  DesktopSignIn sign_in_{world_.host()};
};

}  // namespace schakel::desktop::test_support

#endif  // SCHAKEL_TESTS_DESKTOP_DESKTOP_FIXTURE_H_
