// Screenshots of every main view of schakel-desktop, in Dutch and in English, against a real host
// with a case, a safety plan, a pending handover and reports in the triage queue. Run under a
// virtual X server (xvfb-run; tests/CMakeLists.txt), so the windows are drawn as on a desktop.
//
// Each picture is written to $SCHAKEL_SCREENSHOT_DIR/<language>/<view>.png (default: the working
// directory's screenshots/) and checked: not blank (many colours, not one) and its window showing
// the view's title (read from the widget tree, not from the pixels). SCHAKEL_SCREENSHOT_WIDTH
// scales the pictures down (docs/screenshots.sh makes the README's small ones).
#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTabWidget>
#include <QTest>
#include <QThreadPool>

#include "client/desktop/case_window.h"
#include "client/desktop/intake_proto.h"
#include "client/desktop/main_window.h"
#include "client/desktop/my_cases_view.h"
#include "client/desktop/translation.h"
#include "client/desktop/view_page.h"
#include "client/desktop/views.h"
#include "services/common/ids.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/intake_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace)
using schakel::testing::PlanWorld;
namespace world = schakel::testing::plan_world;

// Distinct colours of `image` (sampled on a grid): a blank or one-colour window has one or two.
int ColoursOf(const QImage& image) {
  std::set<QRgb> colours;
  for (int y = 0; y < image.height(); y += 4) {
    for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
  }
  return static_cast<int>(colours.size());
}

QString ShotDir() {
  const QString dir = qEnvironmentVariable("SCHAKEL_SCREENSHOT_DIR");
  return dir.isEmpty() ? QDir::currentPath() + QStringLiteral("/screenshots") : dir;
}

class ScreenshotTest : public ::testing::Test {
 protected:
  ScreenshotTest() : world_(Options()), sign_in_(world_.host()) {}

  static schakel::testing::PlanWorldOptions Options() {
    schakel::testing::PlanWorldOptions o;
    o.with_intake = true;
    return o;
  }

  // The work of a day: a case with a signed-off plan and a pending handover to another care
  // organisation, and two reports in the Veilig Thuis queue (one acute).
  void SetUp() override {
    case_id_ = world_.MakeCase();
    AddFamily();
    world_.ActivePlan(case_id_);
    world_.Flush();
    v1::ProposeHandoverRequest propose;
    propose.set_request_id(NewRandomId());
    propose.set_case_id(case_id_);
    propose.set_to_organisation_id(world::kGgz2);
    propose.set_phase(v1::PHASE_STABLE_SAFETY);
    propose.mutable_content()->set_summary("Traumabehandeling van moeder; regie naar de ggz.");
    v1::ProposeHandoverResponse proposed;
    const grpc::Status st =
        world_.H("vt")->ProposeHandover(schakel::testing::PCtx().get(), propose, &proposed);
    EXPECT_TRUE(st.ok()) << st.error_message();
    auto intake = v1::IntakeService::NewStub(world_.ChannelOf("vt"));
    for (bool acute : {true, false}) {
      v1::SubmitReportRequest req;
      req.set_request_id(NewRandomId());
      *req.mutable_report() = schakel::testing::ProfessionalReport(acute);
      v1::SubmitReportResponse resp;
      const grpc::Status submitted =
          intake->SubmitReport(schakel::testing::PCtx().get(), req, &resp);
      EXPECT_TRUE(submitted.ok()) << submitted.error_message();
    }
  }

  // The victim's partner and their child, and how they are related.
  void AddFamily() {
    auto cases = world_.C("dir");
    std::vector<std::string> ids = {world_.person_id()};
    for (const auto& [name, role] :
         {std::pair{"Mark de Boer", v1::PERSON_ROLE_SUSPECTED_PERPETRATOR},
          std::pair{"Noor de Boer", v1::PERSON_ROLE_CHILD}}) {
      v1::AddPersonRequest add;
      add.set_request_id(NewRandomId());
      add.set_case_id(case_id_);
      add.mutable_person()->set_name(name);
      add.mutable_person()->set_role(role);
      v1::AddPersonResponse added;
      const grpc::Status st = cases->AddPerson(schakel::testing::PCtx().get(), add, &added);
      ASSERT_TRUE(st.ok()) << st.error_message();
      ids.push_back(added.person().id());
    }
    for (const auto& [from, type, to] : {std::tuple{0, v1::RELATION_TYPE_PARTNER, 1},
                                         std::tuple{0, v1::RELATION_TYPE_PARENT_OF, 2},
                                         std::tuple{1, v1::RELATION_TYPE_PARENT_OF, 2}}) {
      v1::AddRelationRequest rel;
      rel.set_request_id(NewRandomId());
      rel.set_case_id(case_id_);
      rel.mutable_relation()->set_from_person_id(ids[from]);
      rel.mutable_relation()->set_to_person_id(ids[to]);
      rel.mutable_relation()->set_type(type);
      v1::AddRelationResponse related;
      const grpc::Status st = cases->AddRelation(schakel::testing::PCtx().get(), rel, &related);
      ASSERT_TRUE(st.ok()) << st.error_message();
    }
  }

  // Signs in as `who`, opens `view` in a main window (on its tab `tab`, for a view with tabs),
  // lets it load, and writes and checks the picture `name` in `language`.
  void Shoot(const std::string& who, View view, const QString& language, const QString& name,
             int tab = -1) {
    SCOPED_TRACE(name.toStdString() + " (" + language.toStdString() + ")");
    std::optional<Session> session = sign_in_.SignInAs(who, world_.OrgOf(who));
    ASSERT_TRUE(session.has_value());
    MainWindow window(*session);
    window.resize(1100, 700);
    const auto& views = window.views();
    const auto at = std::find(views.begin(), views.end(), view);
    ASSERT_NE(at, views.end()) << who << " has no such view";
    window.show();
    window.showView(static_cast<int>(at - views.begin()));
    if (tab >= 0) {
      auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("supervisionTabs"));
      ASSERT_NE(tabs, nullptr) << "no tabs in this view";
      tabs->setCurrentIndex(tab);
    }
    // Let the view's calls answer and the window draw.
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
    QTest::qWait(400);
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });

    EXPECT_TRUE(AllTextIn(window).contains(ViewTitle(view)))
        << "the window does not show the title " << ViewTitle(view).toStdString();
    Save(window.grab().toImage(), language, name);
  }

  // The case window of the day's case, as its director opens it from Mijn casussen, on `tab`.
  void ShootCase(const QString& language, int tab, const QString& name) {
    SCOPED_TRACE(name.toStdString() + " (" + language.toStdString() + ")");
    std::optional<Session> session = sign_in_.SignInAs("dir", world_.OrgOf("dir"));
    ASSERT_TRUE(session.has_value());
    MyCasesView cases(session->channels);
    CaseWindow* window = cases.openCase(QString::fromStdString(case_id_), QStringLiteral("…"));
    ASSERT_NE(window, nullptr);
    window->resize(1100, 700);
    window->show();
    ASSERT_TRUE(WaitUntil([&] { return window->allLoaded(); }));
    auto* tabs = window->findChild<QTabWidget*>(QString(), Qt::FindDirectChildrenOnly);
    ASSERT_NE(tabs, nullptr);
    tabs->setCurrentIndex(tab);
    QTest::qWait(300);
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("MDA-")))
        << window->windowTitle().toStdString();
    Save(window->grab().toImage(), language, name);
  }

  static void Save(QImage image, const QString& language, const QString& name) {
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(ColoursOf(image), 8) << "the picture is (nearly) blank";
    const int width = qEnvironmentVariableIntValue("SCHAKEL_SCREENSHOT_WIDTH");
    if (width > 0 && image.width() > width) {
      image = image.scaledToWidth(width, Qt::SmoothTransformation);
    }
    const QString dir = ShotDir() + QLatin1Char('/') + language;
    ASSERT_TRUE(QDir().mkpath(dir));
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    EXPECT_TRUE(image.save(path, "PNG")) << path.toStdString();
  }

  void ShootAll(const QString& language) {
    ShootCase(language, 0, QStringLiteral("casus-gezin"));
    ShootCase(language, 5, QStringLiteral("casus-veiligheidsplan"));
    ShootCase(language, 6, QStringLiteral("casus-verantwoordelijkheid"));
    Shoot("vt", View::kTriage, language, QStringLiteral("triage"));
    Shoot("dir", View::kMyCases, language, QStringLiteral("mijn-casussen"));
    Shoot("ontvanger", View::kInbox, language, QStringLiteral("inbox"));
    Shoot("vtsup", View::kSupervision, language, QStringLiteral("toezicht"));
    Shoot("vtsup", View::kSupervision, language, QStringLiteral("toezicht-vernietiging"), 3);
    Shoot("wtaud", View::kAudit, language, QStringLiteral("audit"));
  }

  PlanWorld world_;
  DesktopSignIn sign_in_;
  std::string case_id_;
};

TEST_F(ScreenshotTest, EveryMainViewInDutch) { ShootAll(QStringLiteral("nl")); }

TEST_F(ScreenshotTest, EveryMainViewInEnglish) {
  ASSERT_TRUE(InstallTranslation(*QCoreApplication::instance(), QStringLiteral("en")));
  ShootAll(QStringLiteral("en"));
  RemoveTranslation(*QCoreApplication::instance());
}

}  // namespace
}  // namespace schakel::desktop
