// What the desktop tests that work in a case window share: a demo case, the window opened through
// Mijn casussen as a person signed in through the dialog, and driving a tab's dialogs.
#ifndef SCHAKEL_TESTS_DESKTOP_CASE_WINDOW_FIXTURE_H_
#define SCHAKEL_TESTS_DESKTOP_CASE_WINDOW_FIXTURE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>

#include "client/desktop/case_window.h"
#include "client/desktop/form_dialog.h"
#include "client/desktop/my_cases_view.h"
#include "client/desktop/rpc_runner.h"
#include "tests/desktop/desktop_fixture.h"

namespace schakel::desktop::test_support {

class CaseWindowFixture : public DesktopTest {
 protected:
  void TearDown() override {
    // Let every call under way finish before the host goes.
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }

  void MakeCase() {
    case_id_ = world_.MakeCase();
    world_.Flush();  // the responsibility ledger knows the case
  }

  // Signs in as `id`, opens Mijn casussen and the case from its row, and waits until every tab
  // has loaded.
  CaseWindow* OpenAs(const std::string& id) {
    std::optional<Session> session = SignInAs(id);
    if (!session.has_value()) return nullptr;
    views_.push_back(std::make_unique<MyCasesView>(session->channels));
    MyCasesView& view = *views_.back();
    view.refresh();
    auto* table = view.findChild<QTableWidget*>(QStringLiteral("casesTable"));
    int row = -1;
    WaitUntil([&] {
      for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->data(Qt::UserRole).toString().toStdString() == case_id_) row = r;
      }
      return row >= 0;
    });
    if (row < 0) {
      ADD_FAILURE() << id << " does not see the case in Mijn casussen";
      return nullptr;
    }
    table->setCurrentCell(row, 0);
    view.findChild<QPushButton*>(QStringLiteral("openCase"))->click();
    CaseWindow* window = view.caseWindow(QString::fromStdString(case_id_));
    if (window == nullptr) {
      ADD_FAILURE() << "no case window";
      return nullptr;
    }
    EXPECT_TRUE(WaitUntil([&] { return window->allLoaded(); })) << "the tabs did not load";
    return window;
  }

  template <typename T>
  static T* Child(const QObject& root, const char* name) {
    T* child = root.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(child, nullptr) << name;
    return child;
  }

  // Clicks `button` (enabled) and returns the dialog it opened, named `name`.
  template <typename Dialog>
  static Dialog* Open(const QWidget& tab, const char* button, const char* name) {
    auto* b = Child<QPushButton>(tab, button);
    if (b == nullptr) return nullptr;
    EXPECT_TRUE(WaitUntil([&] { return b->isEnabled(); })) << button << " stays disabled";
    b->click();
    return Child<Dialog>(tab, name);
  }

  // Clicks the dialog's OK and waits for the answer; whether the call succeeded.
  static bool ClickOk(FormDialog& dialog) {
    std::optional<bool> result;
    auto conn = QObject::connect(&dialog, &FormDialog::callFinished, [&](bool ok) { result = ok; });
    Child<QPushButton>(dialog, "okButton")->click();
    EXPECT_TRUE(WaitUntil([&] { return result.has_value(); })) << "no answer";
    QObject::disconnect(conn);
    return result.value_or(false);
  }

  static QString StatusOf(const QWidget& dialog) {
    return dialog.findChild<QLabel*>(QStringLiteral("formStatus"))->text();
  }

  std::string case_id_;
  std::vector<std::unique_ptr<MyCasesView>> views_;
};

}  // namespace schakel::desktop::test_support

#endif  // SCHAKEL_TESTS_DESKTOP_CASE_WINDOW_FIXTURE_H_
