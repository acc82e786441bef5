// The main window against a real in-process host: the connection banner when the server goes
// away and comes back, the UI thread kept free while every view waits on a silent server, and a
// handover proposed from a case window through the inbox part's dialog.
#include <algorithm>
#include <optional>
#include <string>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>
#include <QComboBox>
#include <QEventLoop>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include "client/desktop/case_window.h"
#include "client/desktop/handover_dialogs.h"
#include "client/desktop/main_window.h"
#include "client/desktop/my_cases_view.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/sign_in_dialog.h"
#include "client/lib/server_addresses.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace)
namespace world = schakel::testing::plan_world;

// A TCP proxy on the UI thread's event loop: each connection to `port()` is piped to `target`.
// stop() drops every connection and stops listening (the server "goes away"); start() again on
// the same port brings it back.
class TcpProxy : public QObject {
 public:
  explicit TcpProxy(quint16 target) : target_(target) {
    QObject::connect(&server_, &QTcpServer::newConnection, this, &TcpProxy::accept);
  }
  bool start(quint16 port = 0) {
    return server_.listen(QHostAddress::LocalHost, port == 0 ? port_ : port) &&
           (port_ = server_.serverPort()) != 0;
  }
  void stop() {
    server_.close();
    for (QTcpSocket* s : sockets_) {
      if (s != nullptr) s->abort();
    }
    sockets_.clear();
  }
  quint16 port() const { return port_; }

 private:
  void accept() {
    while (QTcpSocket* in = server_.nextPendingConnection()) {
      auto* out = new QTcpSocket(this);
      in->setParent(this);
      sockets_ << in << out;
      out->connectToHost(QHostAddress::LocalHost, target_);
      QObject::connect(in, &QTcpSocket::readyRead, out, [in, out] { out->write(in->readAll()); });
      QObject::connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
      QObject::connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
      QObject::connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
    }
  }

  quint16 target_;
  quint16 port_ = 0;
  QTcpServer server_;
  QList<QPointer<QTcpSocket>> sockets_;
};

TEST_F(DesktopTest, TheWindowSaysWhenTheServerIsGoneAndRecoversByItself) {
  const std::string address = world_.host().address();
  const auto target = static_cast<quint16>(std::stoi(address.substr(address.rfind(':') + 1)));
  TcpProxy proxy(target);
  ASSERT_TRUE(proxy.start());
  SignInDialog dialog;
  Fill(dialog,
       QStringLiteral("%1:%2")
           .arg(QString::fromStdString(address.substr(0, address.rfind(':'))))
           .arg(proxy.port()),
       WriteIdentity("dir", world::kTeam));
  ASSERT_TRUE(ClickSignIn(dialog)) << StatusOf(dialog).toStdString();
  MainWindow window(*dialog.session());
  window.show();
  auto* banner = window.findChild<QLabel*>(QStringLiteral("windowConnectionBanner"));
  ASSERT_NE(banner, nullptr);
  QTest::qWait(1500);
  EXPECT_FALSE(banner->isVisible()) << "connected: no banner";

  proxy.stop();
  ASSERT_TRUE(WaitUntil([&] { return banner->isVisible(); }, std::chrono::seconds(20)))
      << "the server went away: the banner shows";
  EXPECT_EQ(banner->text(),
            QStringLiteral("Geen verbinding met de server. Schakel probeert het steeds opnieuw; "
                           "wat u ziet kan verouderd zijn."));

  ASSERT_TRUE(proxy.start());  // the same port again
  EXPECT_TRUE(WaitUntil([&] { return !banner->isVisible(); }, std::chrono::seconds(40)))
      << "the server is back: the banner goes by itself";
}

TEST_F(DesktopTest, TheUiThreadIsNeverBlockedLongDuringSlowCalls) {
  // A server that takes connections and never answers: every call of every view lasts until its
  // deadline, on worker threads.
  QTcpServer silent;
  ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
  std::optional<Session> real = SignInAs("vt");  // for a WhoAmI with roles
  ASSERT_TRUE(real.has_value());
  Session slow = *real;
  slow.me.add_roles(v1::ROLE_SUPERVISOR);
  slow.me.add_roles(v1::ROLE_AUDITOR);
  slow.me.add_roles(v1::ROLE_CASE_DIRECTOR);
  slow.server = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());
  slow.channels = std::make_shared<const client::Channels>(
      grpc::CreateChannel(slow.server.toStdString(), grpc::InsecureChannelCredentials()));
  MainWindow window(slow);
  window.show();
  ASSERT_EQ(window.views().size(), 6u);

  // A 20 ms timer on the UI thread: the longest gap between two of its ticks is the longest the
  // thread was kept from its events while every view is opened, refreshed and drawn. (A call
  // made on this thread would show as a gap of its whole deadline; so did Qt's painting when the
  // calls ran on the global thread pool, which the raster engine borrows threads from.)
  QElapsedTimer clock;
  clock.start();
  qint64 last = 0;
  qint64 longest = 0;
  QTimer ticker;
  ticker.setInterval(20);
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    longest = std::max(longest, clock.elapsed() - last);
    last = clock.elapsed();
  });
  int opened = 0;
  QTimer step;
  step.setInterval(300);
  QObject::connect(&step, &QTimer::timeout, [&] {
    if (opened < 6) {
      window.showView(opened);
      window.refreshCurrent();
      window.repaint();
      ++opened;
    }
  });
  ticker.start();
  step.start();
  QEventLoop loop;
  QTimer::singleShot(3000, &loop, &QEventLoop::quit);
  loop.exec();
  EXPECT_EQ(opened, 6);
  EXPECT_LT(longest, 100) << "the UI thread was kept from its events for " << longest << " ms";
  // The calls are still waiting for the silent server, on their own threads.
  EXPECT_GT(CallPool().activeThreadCount(), 0);
}

TEST_F(DesktopTest, TheCaseWindowProposesAHandoverThroughTheDialog) {
  const std::string case_id = world_.MakeCase();
  world_.Flush();                                   // the responsibility ledger knows the case
  std::optional<Session> session = SignInAs("vt");  // Veilig Thuis leads the new case
  ASSERT_TRUE(session.has_value());
  MainWindow window(*session);
  window.show();
  auto* cases = qobject_cast<MyCasesView*>(window.page(View::kMyCases));
  ASSERT_NE(cases, nullptr);
  CaseWindow* case_window = nullptr;
  QObject::connect(cases, &MyCasesView::caseWindowOpened,
                   [&](CaseWindow* opened) { case_window = opened; });
  window.showView(1);
  auto* table = cases->findChild<QTableWidget*>(QStringLiteral("casesTable"));
  ASSERT_TRUE(WaitUntil([&] { return table->rowCount() == 1; }));
  table->selectRow(0);
  cases->findChild<QPushButton*>(QStringLiteral("openCase"))->click();
  ASSERT_NE(case_window, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return case_window->allLoaded(); }));
  auto* banner = case_window->findChild<QWidget*>(QStringLiteral("handoverPendingBanner"));
  ASSERT_NE(banner, nullptr);
  EXPECT_TRUE(banner->isHidden());  // on the responsibility tab, not shown: no handover pending

  case_window->findChild<QPushButton*>(QStringLiteral("proposeHandover"))->click();
  auto* dialog = case_window->findChild<ProposeHandoverDialog*>();
  ASSERT_NE(dialog, nullptr) << "the button opens the propose dialog";
  auto* to_org = dialog->findChild<QComboBox*>(QStringLiteral("toOrganisation"));
  ASSERT_TRUE(WaitUntil([&] { return to_org->findData(QString::fromLatin1(world::kGgz2)) >= 0; }));
  to_org->setCurrentIndex(to_org->findData(QString::fromLatin1(world::kGgz2)));
  auto* phase = dialog->findChild<QComboBox*>(QStringLiteral("phase"));
  phase->setCurrentIndex(phase->findData(static_cast<int>(v1::PHASE_STABLE_SAFETY)));
  dialog->findChild<QPlainTextEdit*>(QStringLiteral("summary"))
      ->setPlainText(QStringLiteral("Traumabehandeling van moeder"));
  dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();

  // The ledger has the proposal, and the case window shows it without being asked.
  v1::GetResponsibilityRequest get;
  get.set_case_id(case_id);
  ASSERT_TRUE(WaitUntil([&] {
    v1::GetResponsibilityResponse ledger;
    return world_.H("vt")->GetResponsibility(schakel::testing::PCtx().get(), get, &ledger).ok() &&
           ledger.responsibility().has_pending_handover();
  }));
  EXPECT_TRUE(WaitUntil([&] { return !banner->isHidden(); }))
      << "the window refreshes after the proposal and shows the pending handover";
  WaitUntil([] { return CallPool().activeThreadCount() == 0; });
}

}  // namespace
}  // namespace schakel::desktop
