// schakel-desktop against a real in-process host (directory, audit log, cases, handover, safety
// plans) over mutual TLS: signing in through the dialog with certificate files, the side bar each
// role gets, Mijn casussen, the inbox, the Dutch message for an unknown user, the UI thread staying
// free during a call, and the English translation.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "client/desktop/case_window.h"
#include "client/desktop/display.h"
#include "client/desktop/handover_dialogs.h"
#include "client/desktop/inbox_view.h"
#include "client/desktop/main_window.h"
#include "client/desktop/my_cases_view.h"
#include "client/desktop/sign_in_dialog.h"
#include "client/desktop/translation.h"
#include "client/desktop/views.h"
#include "client/lib/server_addresses.h"
#include "services/common/ids.h"
#include "services/common/openssl_util.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::PlanWorld;
using namespace test_support;  // NOLINT(google-build-using-namespace)
namespace world = schakel::testing::plan_world;

const char kNotAccepted[] =
    "Uw certificaat wordt niet (meer) geaccepteerd. Neem contact op met uw beheerder.";

TEST(ViewsForRolesTest, EachRoleOpensItsViews) {
  using enum View;
  EXPECT_EQ(ViewsForRoles({v1::ROLE_VT_INTAKE}), (std::vector<View>{kTriage, kMyCases, kInbox}));
  EXPECT_EQ(ViewsForRoles({v1::ROLE_PROFESSIONAL}),
            (std::vector<View>{kMyCases, kInbox, kHandedReports}));
  EXPECT_EQ(ViewsForRoles({v1::ROLE_CASE_DIRECTOR}),
            (std::vector<View>{kMyCases, kInbox, kHandedReports}));
  EXPECT_EQ(ViewsForRoles({v1::ROLE_SUPERVISOR}),
            (std::vector<View>{kInbox, kHandedReports, kSupervision}));
  EXPECT_EQ(ViewsForRoles({v1::ROLE_REGIONAL_SUPERVISOR}), (std::vector<View>{kSupervision}));
  EXPECT_EQ(ViewsForRoles({v1::ROLE_AUDITOR}), (std::vector<View>{kAudit}));
  EXPECT_TRUE(ViewsForRoles({v1::ROLE_ADMIN}).empty());
  EXPECT_TRUE(ViewsForRoles({}).empty());
}

TEST(ViewsForRolesTest, SeveralRolesOpenEachViewOnceInSideBarOrder) {
  using enum View;
  EXPECT_EQ(ViewsForRoles({v1::ROLE_AUDITOR, v1::ROLE_CASE_DIRECTOR, v1::ROLE_PROFESSIONAL}),
            (std::vector<View>{kMyCases, kInbox, kHandedReports, kAudit}));
  EXPECT_EQ(ViewsForRoles({v1::ROLE_SUPERVISOR, v1::ROLE_VT_INTAKE}),
            (std::vector<View>{kTriage, kMyCases, kInbox, kHandedReports, kSupervision}));
}

TEST(DisplayTest, TimesAreAmsterdamInDutchNotation) {
  google::protobuf::Timestamp winter;
  winter.set_seconds(1767603600);  // 2026-01-05 09:00 UTC
  EXPECT_EQ(FormatAmsterdam(winter), QStringLiteral("05-01-2026 10:00"));
  google::protobuf::Timestamp summer;
  summer.set_seconds(1783242000);  // 2026-07-05 09:00 UTC
  EXPECT_EQ(FormatAmsterdam(summer), QStringLiteral("05-07-2026 11:00"));
  EXPECT_EQ(FormatAmsterdam(google::protobuf::Timestamp()), QString());
  EXPECT_EQ(DutchPart("Overdracht wacht / Handover waiting"), QStringLiteral("Overdracht wacht"));
  EXPECT_EQ(DutchPart("Alleen Nederlands"), QStringLiteral("Alleen Nederlands"));
  EXPECT_EQ(
      DutchPart("Overdracht van vt (MDA-1, fase herstel / recovery) wacht / Handover from vt"),
      QStringLiteral("Overdracht van vt (MDA-1, fase herstel / recovery) wacht"));
  google::protobuf::Timestamp end_of_day;
  end_of_day.set_seconds(1767654000);  // 2026-01-06 00:00 Amsterdam: by the end of 05-01
  EXPECT_EQ(FormatDeadline(end_of_day), QStringLiteral("05-01-2026"));
  EXPECT_EQ(FormatDeadline(winter), QStringLiteral("05-01-2026 10:00"));
}

TEST_F(DesktopTest, EachRoleSeesOnlyItsViews) {
  const struct {
    std::string id;
    std::vector<View> views;
  } people[] = {
      {"vt", {View::kTriage, View::kMyCases, View::kInbox}},          // VT_INTAKE
      {"dir", {View::kMyCases, View::kInbox, View::kHandedReports}},  // CASE_DIRECTOR, PROFESSIONAL
      {"vtsup", {View::kInbox, View::kHandedReports, View::kSupervision}},  // SUPERVISOR
      {"wtaud", {View::kAudit}},                                            // AUDITOR
  };
  for (const auto& person : people) {
    SCOPED_TRACE(person.id);
    std::optional<Session> session = SignInAs(person.id);
    ASSERT_TRUE(session.has_value());
    EXPECT_EQ(session->me.principal_id(), person.id);
    MainWindow window(*session);
    EXPECT_EQ(window.views(), person.views);
    EXPECT_EQ(SideBarTexts(window), TitlesOf(person.views));
    const QString header = window.findChild<QLabel*>(QStringLiteral("identity"))->text();
    EXPECT_TRUE(header.contains(QString::fromStdString(world_.OrgOf(person.id))))
        << header.toStdString();
    // Let the first view's call finish before the window goes.
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }
}

TEST_F(DesktopTest, AnUnknownUserGetsADutchSentence) {
  SignInDialog dialog;
  // A certificate from the right CA for a principal the directory does not know.
  Fill(dialog, QString::fromStdString(world_.host().address()),
       WriteIdentity("onbekend", world::kTeam));
  EXPECT_FALSE(ClickSignIn(dialog));
  EXPECT_EQ(StatusOf(dialog), QString::fromUtf8(kNotAccepted));
  EXPECT_FALSE(dialog.session().has_value());
  EXPECT_NE(dialog.result(), QDialog::Accepted);
}

TEST_F(DesktopTest, AMissingFileIsNamed) {
  SignInDialog dialog;
  const QString dir = WriteIdentity("dir", world::kTeam);
  Fill(dialog, QString::fromStdString(world_.host().address()), dir);
  dialog.findChild<QLineEdit*>(QStringLiteral("key"))->setText(dir + "/weg.key");
  EXPECT_FALSE(ClickSignIn(dialog));
  EXPECT_TRUE(StatusOf(dialog).contains(dir + "/weg.key")) << StatusOf(dialog).toStdString();
  EXPECT_TRUE(StatusOf(dialog).startsWith(QStringLiteral("Het sleutelbestand")));
}

TEST_F(DesktopTest, AKeyOthersMayReadIsRefusedInDutch) {
  SignInDialog dialog;
  const QString dir = WriteIdentity("dir", world::kTeam);
  std::filesystem::permissions((dir + QStringLiteral("/user.key")).toStdString(),
                               std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  Fill(dialog, QString::fromStdString(world_.host().address()), dir);
  EXPECT_FALSE(ClickSignIn(dialog));
  EXPECT_TRUE(StatusOf(dialog).startsWith(QStringLiteral("Het sleutelbestand")))
      << StatusOf(dialog).toStdString();
  EXPECT_TRUE(StatusOf(dialog).contains(QStringLiteral("chmod 600")));
}

// `id`'s certificate and key as a PKCS#12 file protected by `password` (as an organisation's
// certificate tooling hands them out), readable by its owner only; its path.
QString WritePkcs12(const TlsMaterial& m, const QString& dir, const char* password) {
  ossl::BioPtr cert_bio(BIO_new_mem_buf(m.cert_pem.data(), static_cast<int>(m.cert_pem.size())));
  ossl::BioPtr key_bio(BIO_new_mem_buf(m.key_pem.data(), static_cast<int>(m.key_pem.size())));
  ossl::Ptr<X509, X509_free> cert(PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr));
  ossl::EvpPkeyPtr key(PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr));
  EXPECT_TRUE(cert && key);
  ossl::Ptr<PKCS12, PKCS12_free> p12(
      PKCS12_create(password, "schakel", key.get(), cert.get(), nullptr, 0, 0, 0, 0, 0));
  EXPECT_TRUE(p12);
  const QString path = dir + QStringLiteral("/user.p12");
  ossl::BioPtr out(BIO_new_file(path.toStdString().c_str(), "wb"));
  EXPECT_EQ(i2d_PKCS12_bio(out.get(), p12.get()), 1);
  out.reset();
  std::filesystem::permissions(
      path.toStdString(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  return path;
}

TEST_F(DesktopTest, APkcs12FileSignsInWithItsPassword) {
  const QString dir = WriteIdentity("dir", world::kTeam);
  const QString p12 = WritePkcs12(world_.host().pki().Client("dir", world::kTeam), dir, "geheim");
  SignInDialog dialog;
  Fill(dialog, QString::fromStdString(world_.host().address()), dir);
  dialog.findChild<QLineEdit*>(QStringLiteral("certificate"))->setText(p12);
  auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
  auto* key = dialog.findChild<QLineEdit*>(QStringLiteral("key"));
  dialog.show();
  EXPECT_TRUE(password->isVisible()) << "a .p12 file asks for its password";
  EXPECT_FALSE(key->isVisible()) << "and not for a key file";
  EXPECT_EQ(password->echoMode(), QLineEdit::Password);

  password->setText(QStringLiteral("fout"));
  EXPECT_FALSE(ClickSignIn(dialog));
  EXPECT_EQ(StatusOf(dialog),
            QStringLiteral("Het PKCS#12-bestand gaat niet open: het wachtwoord is onjuist of het "
                           "bestand is geen PKCS#12-bestand."));

  password->setText(QStringLiteral("geheim"));
  ASSERT_TRUE(ClickSignIn(dialog)) << StatusOf(dialog).toStdString();
  EXPECT_EQ(dialog.session()->me.principal_id(), "dir");
  // The path is remembered, the password never.
  QSettings settings;
  EXPECT_EQ(settings.value(QStringLiteral("signIn/certificate")).toString(), p12);
  for (const QString& k : settings.allKeys()) {
    EXPECT_NE(settings.value(k).toString(), QStringLiteral("geheim")) << k.toStdString();
  }
}

TEST_F(DesktopTest, AnUnreachableServerIsSaidSo) {
  // A port nothing listens on (bound, then closed).
  QTcpServer probe;
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
  const QString address = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
  probe.close();
  SignInDialog dialog;
  Fill(dialog, address, WriteIdentity("dir", world::kTeam));
  EXPECT_FALSE(ClickSignIn(dialog));
  EXPECT_EQ(StatusOf(dialog), QStringLiteral("De server is niet bereikbaar."));
}

TEST_F(DesktopTest, TheSignInIsRemembered) {
  const QString dir = WriteIdentity("dir", world::kTeam);
  {
    SignInDialog dialog;
    Fill(dialog, QString::fromStdString(world_.host().address()), dir);
    ASSERT_TRUE(ClickSignIn(dialog));
  }
  SignInDialog again;
  EXPECT_EQ(again.findChild<QLineEdit*>(QStringLiteral("certificate"))->text(), dir + "/user.crt");
  EXPECT_EQ(again.findChild<QLineEdit*>(QStringLiteral("key"))->text(), dir + "/user.key");
  // Paths only: nothing of the key's contents is stored.
  QSettings settings;
  for (const QString& key : settings.allKeys()) {
    EXPECT_FALSE(settings.value(key).toString().contains(QStringLiteral("PRIVATE KEY")))
        << key.toStdString();
  }
}

TEST_F(DesktopTest, MyCasesShowsTheDirectorsCase) {
  const std::string case_id = world_.MakeCase();
  std::optional<Session> session = SignInAs("dir");
  ASSERT_TRUE(session.has_value());
  MainWindow window(*session);
  auto* view = qobject_cast<MyCasesView*>(window.page(View::kMyCases));
  ASSERT_NE(view, nullptr);
  auto* table = view->findChild<QTableWidget*>(QStringLiteral("casesTable"));
  // The first view opens with the window and asks at once; F5 (refresh) asks again.
  ASSERT_TRUE(WaitUntil([&] { return table->rowCount() > 0; }));
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_EQ(table->item(0, 0)->data(Qt::UserRole).toString().toStdString(), case_id);
  EXPECT_FALSE(table->item(0, 0)->text().isEmpty());
  EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("Casusregisseur"));
  EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("Open"));
  EXPECT_TRUE(QDateTime::fromString(table->item(0, 3)->text(), QStringLiteral("dd-MM-yyyy HH:mm"))
                  .isValid())
      << table->item(0, 3)->text().toStdString();

  bool reloaded = false;
  QObject::connect(view, &MyCasesView::loaded, [&](bool ok) { reloaded = ok; });
  window.refreshCurrent();
  ASSERT_TRUE(WaitUntil([&] { return reloaded; }));
  EXPECT_EQ(table->rowCount(), 1);
}

// One process per service: the sign-in takes each service's address, and every call goes to its
// service's. With the cases service's address pointing nowhere, the sign-in (the directory) works
// and Mijn casussen cannot load; with every address named right, it does.
TEST_F(DesktopTest, SignsInWithAnAddressPerService) {
  world_.MakeCase();
  QTcpServer probe;
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
  const QString nowhere = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
  probe.close();
  const QString host = QString::fromStdString(world_.host().address());
  const QString dir = sign_in_.WriteIdentity("dir", world_.OrgOf("dir"));
  auto load = [&](const QString& server, bool* loaded) {
    SignInDialog dialog;
    Fill(dialog, server, dir);
    if (!ClickSignIn(dialog)) {
      ADD_FAILURE() << StatusOf(dialog).toStdString();
      return;
    }
    MyCasesView view(dialog.session()->channels);
    bool answered = false;
    QObject::connect(&view, &MyCasesView::loaded, [&](bool ok) {
      answered = true;
      *loaded = ok;
    });
    view.refresh();
    EXPECT_TRUE(WaitUntil([&] { return answered; }, std::chrono::seconds(40)));
  };
  bool loaded = true;
  load(QStringLiteral("directory=%1,audit=%1,handover=%1,intake=%1,safetyplan=%1,cases=%2")
           .arg(host, nowhere),
       &loaded);
  EXPECT_FALSE(loaded) << "the cases service's calls went elsewhere than its address";
  loaded = false;
  load(QStringLiteral("directory=%1,audit=%1,cases=%1,handover=%1,intake=%1,safetyplan=%1")
           .arg(host),
       &loaded);
  EXPECT_TRUE(loaded);

  SignInDialog bad;
  Fill(bad, QStringLiteral("directory=%1,cases").arg(host), dir);
  EXPECT_FALSE(ClickSignIn(bad));
  EXPECT_TRUE(StatusOf(bad).startsWith(QStringLiteral("Het adres van de server klopt niet")))
      << StatusOf(bad).toStdString();
}

TEST_F(DesktopTest, TheInboxShowsAPendingHandover) {
  const std::string case_id = world_.MakeCase();
  world_.Flush();  // the responsibility ledger knows the case
  v1::ProposeHandoverRequest propose;
  propose.set_request_id(NewRandomId());
  propose.set_case_id(case_id);
  propose.set_to_organisation_id(world::kGgz2);
  propose.set_phase(v1::PHASE_STABLE_SAFETY);
  propose.mutable_content()->set_summary("Traumabehandeling van moeder");
  v1::ProposeHandoverResponse proposed;
  const grpc::Status st =
      world_.H("vt")->ProposeHandover(schakel::testing::PCtx().get(), propose, &proposed);
  ASSERT_TRUE(st.ok()) << st.error_message();

  std::optional<Session> session = SignInAs("ontvanger");
  ASSERT_TRUE(session.has_value());
  MainWindow window(*session);
  ASSERT_EQ(window.views(),
            (std::vector<View>{View::kMyCases, View::kInbox, View::kHandedReports}));
  window.showView(1);
  auto* view = qobject_cast<InboxView*>(window.page(View::kInbox));
  ASSERT_NE(view, nullptr);
  auto* table = view->findChild<QTableWidget*>(QStringLiteral("inboxTable"));
  ASSERT_TRUE(WaitUntil([&] { return table->rowCount() > 0; }));
  const std::vector<QString> kinds = Column(*table, 0);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), QStringLiteral("Overdracht wacht op antwoord")),
            kinds.end());
  const std::vector<QString> texts = Column(*table, 3);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_TRUE(texts[0].startsWith(QStringLiteral("Overdracht van"))) << texts[0].toStdString();
  EXPECT_FALSE(texts[0].contains(QStringLiteral("Handover from"))) << "only the Dutch part";
  for (const QString& due : Column(*table, 2)) EXPECT_FALSE(due.isEmpty());
}

TEST_F(DesktopTest, AHandoverProposedElsewhereAppearsWithoutARefresh) {
  const std::string case_id = world_.MakeCase();
  world_.Flush();
  std::optional<Session> session = SignInAs("ontvanger");
  ASSERT_TRUE(session.has_value());
  // The view alone: nothing calls refresh(); only the WatchInbox stream fills it.
  InboxView view(session->channels);
  auto* table = view.findChild<QTableWidget*>(QStringLiteral("inboxTable"));
  auto* banner = view.findChild<QLabel*>(QStringLiteral("connectionBanner"));
  ASSERT_NE(banner, nullptr);
  bool loaded = false;
  QObject::connect(&view, &InboxView::loaded, [&](bool ok) { loaded = ok; });
  // The stream's first message (the empty inbox), then the plan inbox fetched after it.
  ASSERT_TRUE(WaitUntil([&] { return loaded; }, std::chrono::seconds(20)));
  EXPECT_EQ(table->rowCount(), 0);
  EXPECT_TRUE(banner->isHidden());

  // Another client proposes a handover to the receiver's organisation.
  v1::ProposeHandoverRequest propose;
  propose.set_request_id(NewRandomId());
  propose.set_case_id(case_id);
  propose.set_to_organisation_id(world::kGgz2);
  propose.set_phase(v1::PHASE_STABLE_SAFETY);
  propose.mutable_content()->set_summary("Traumabehandeling van moeder");
  v1::ProposeHandoverResponse proposed;
  const grpc::Status st =
      world_.H("vt")->ProposeHandover(schakel::testing::PCtx().get(), propose, &proposed);
  ASSERT_TRUE(st.ok()) << st.error_message();

  ASSERT_TRUE(WaitUntil([&] { return table->rowCount() > 0; }, std::chrono::seconds(20)))
      << "the pushed handover did not appear";
  EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("Overdracht wacht op antwoord"));
  EXPECT_TRUE(table->item(0, 3)->text().startsWith(QStringLiteral("Overdracht van")));
  EXPECT_TRUE(banner->isHidden());
  WaitUntil([] { return CallPool().activeThreadCount() == 0; });
}

TEST_F(DesktopTest, ALostConnectionShowsTheBanner) {
  // A port nothing listens on (bound, then closed).
  QTcpServer probe;
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
  const std::string address = "127.0.0.1:" + std::to_string(probe.serverPort());
  probe.close();
  {
    InboxView view(std::make_shared<const client::Channels>(
        grpc::CreateChannel(address, grpc::InsecureChannelCredentials())));
    view.show();
    auto* banner = view.findChild<QLabel*>(QStringLiteral("connectionBanner"));
    ASSERT_NE(banner, nullptr);
    ASSERT_TRUE(WaitUntil([&] { return banner->isVisible(); }, std::chrono::seconds(10)));
    EXPECT_EQ(banner->text(),
              QStringLiteral("Verbinding met de server verbroken; opnieuw verbinden…"));
    // Destroyed while the watcher retries: it stops promptly.
  }
  QElapsedTimer clock;
  clock.start();
  {
    InboxView view(std::make_shared<const client::Channels>(
        grpc::CreateChannel(address, grpc::InsecureChannelCredentials())));
    QTest::qWait(50);
  }
  EXPECT_LT(clock.elapsed(), 5000);
}

TEST_F(DesktopTest, TheUiThreadRunsWhileASignInWaits) {
  // A server that takes the connection and never answers: the call lasts until its deadline.
  QTcpServer silent;
  ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
  SignInDialog dialog;
  dialog.setCallDeadline(std::chrono::seconds(2));
  Fill(dialog, QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()),
       WriteIdentity("dir", world::kTeam));

  int ticks = 0;
  int ticks_at_answer = -1;
  QTimer ticker;
  ticker.setInterval(50);
  QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
  QObject::connect(&dialog, &SignInDialog::signInFinished, [&](bool) { ticks_at_answer = ticks; });
  ticker.start();
  dialog.findChild<QPushButton*>(QStringLiteral("signIn"))->click();
  // click() returned before the answer: the call is not on this thread.
  EXPECT_EQ(ticks_at_answer, -1);
  EXPECT_FALSE(dialog.findChild<QPushButton*>(QStringLiteral("signIn"))->isEnabled());
  ASSERT_TRUE(WaitUntil([&] { return ticks_at_answer >= 0; }));
  // About 40 ticks fit in the 2 s; a handful proves the event loop ran meanwhile.
  EXPECT_GE(ticks_at_answer, 5);
  EXPECT_FALSE(dialog.session().has_value());
  EXPECT_TRUE(dialog.findChild<QPushButton*>(QStringLiteral("signIn"))->isEnabled());
  EXPECT_EQ(StatusOf(dialog),
            QStringLiteral("De server antwoordde niet op tijd. Probeer het later opnieuw."));
}

TEST_F(DesktopTest, ShortcutsOpenViewsAndRefresh) {
  world_.MakeCase();
  std::optional<Session> session = SignInAs("dir");
  ASSERT_TRUE(session.has_value());
  MainWindow window(*session);
  window.show();
  QApplication::setActiveWindow(&window);
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  auto* bar = window.findChild<QListWidget*>(QStringLiteral("sideBar"));
  auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
  EXPECT_EQ(bar->currentRow(), 0);
  QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
  EXPECT_EQ(bar->currentRow(), 1);
  EXPECT_EQ(pages->currentWidget(), window.page(View::kInbox));
  QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);  // no fifth view: nothing changes
  EXPECT_EQ(bar->currentRow(), 1);
  QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
  EXPECT_EQ(pages->currentWidget(), window.page(View::kHandedReports));
  QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
  EXPECT_EQ(pages->currentWidget(), window.page(View::kMyCases));

  auto* view = qobject_cast<MyCasesView*>(window.page(View::kMyCases));
  ASSERT_TRUE(WaitUntil([] { return CallPool().activeThreadCount() == 0; }));
  QCoreApplication::processEvents();
  int loads = 0;
  QObject::connect(view, &MyCasesView::loaded, [&](bool) { ++loads; });
  QTest::keyClick(&window, Qt::Key_F5);
  EXPECT_TRUE(WaitUntil([&] { return loads == 1; }));
}

TEST_F(DesktopTest, InEnglishTheSideBarIsEnglish) {
  std::optional<Session> session = SignInAs("vt");
  ASSERT_TRUE(session.has_value());
  ASSERT_TRUE(InstallTranslation(*QCoreApplication::instance(), QStringLiteral("en")));
  {
    MainWindow window(*session);
    EXPECT_EQ(SideBarTexts(window),
              (std::vector<QString>{QStringLiteral("Triage"), QStringLiteral("My cases"),
                                    QStringLiteral("Inbox")}));
    SignInDialog dialog;
    EXPECT_EQ(dialog.findChild<QPushButton*>(QStringLiteral("signIn"))->text(),
              QStringLiteral("Sign in"));
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }
  RemoveTranslation(*QCoreApplication::instance());
  EXPECT_EQ(ViewTitle(View::kMyCases), QStringLiteral("Mijn casussen"));
}

TEST(TranslationTest, TheLanguageFlagWins) {
  EXPECT_EQ(ChooseLanguage({QStringLiteral("schakel-desktop"), QStringLiteral("--lang=en")}),
            QStringLiteral("en"));
  EXPECT_EQ(ChooseLanguage({QStringLiteral("schakel-desktop"), QStringLiteral("--lang=nl")}),
            QStringLiteral("nl"));
}

}  // namespace
}  // namespace schakel::desktop
