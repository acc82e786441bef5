// The Triage view against a real in-process host with the intake service (IntakeWorld) over mutual
// TLS, signed in through the dialog as Veilig Thuis intake staff: the queue in the service's order
// with the acute report marked, claiming through the button and a colleague seeing who holds it,
// the radar hit of a second report about the same person, the assessment form (a missing field
// marked, the route's fields following the route, an assessed report leaving the queue), feedback
// to the reporter, and the countdown of the time left.
#include "client/desktop/intake_proto.h"  // first: the intake protos before Qt's keyword macros

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimeZone>

#include "client/desktop/field_errors.h"
#include "client/desktop/triage_assessment_form.h"
#include "client/desktop/triage_feedback.h"
#include "client/desktop/triage_queue.h"
#include "client/desktop/triage_report_panel.h"
#include "client/desktop/triage_signals.h"
#include "client/desktop/triage_view.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/intake_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::IntakeWorld;
using test_support::Column;
using test_support::DesktopSignIn;
using test_support::WaitUntil;
namespace iw = schakel::testing::intake_world;

class TriageTest : public ::testing::Test {
 protected:
  std::optional<Session> SignInAs(const std::string& id) { return sign_in_.SignInAs(id, iw::kVt); }

  // A Triage view for `id`, its queue read once.
  std::unique_ptr<TriageView> OpenTriage(const std::string& id) {
    std::optional<Session> session = SignInAs(id);
    if (!session.has_value()) return nullptr;
    auto view = std::make_unique<TriageView>(*session);
    ReadQueue(*view);
    return view;
  }

  // Reads the queue again and waits for the answer; false when it did not come or failed.
  static bool ReadQueue(TriageView& view) {
    bool done = false;
    bool ok = false;
    auto conn = QObject::connect(view.queue(), &TriageQueue::loaded, [&](bool result) {
      done = true;
      ok = result;
    });
    view.queue()->refresh();
    const bool answered = WaitUntil([&] { return done; });
    QObject::disconnect(conn);
    return answered && ok;
  }

  static QTableWidget* QueueTable(const TriageView& view) {
    return view.findChild<QTableWidget*>(QStringLiteral("queueTable"));
  }

  static int RowOf(const QTableWidget& table, const std::string& report_id) {
    for (int r = 0; r < table.rowCount(); ++r) {
      if (table.item(r, TriageQueue::kReport)->data(Qt::UserRole).toString().toStdString() ==
          report_id) {
        return r;
      }
    }
    return -1;
  }

  // Selects `report_id` in the queue and waits until its report (and radar) is on screen.
  static bool SelectReport(TriageView& view, const std::string& report_id) {
    bool done = false;
    auto conn = QObject::connect(view.reportPanel(), &TriageReportPanel::loaded,
                                 [&](bool ok, const v1::Report& r) {
                                   if (ok && r.id() == report_id) done = true;
                                 });
    view.queue()->selectReport(QString::fromStdString(report_id));
    const bool answered = WaitUntil([&] { return done; });
    QObject::disconnect(conn);
    return answered;
  }

  // Clicks "Beoordeling vastleggen" and waits for the answer; whether it was taken.
  static bool SubmitAssessment(TriageView& view) {
    bool done = false;
    bool ok = false;
    auto conn =
        QObject::connect(view.assessmentForm(), &TriageAssessmentForm::submitted, [&](bool result) {
          done = true;
          ok = result;
        });
    view.findChild<QPushButton*>(QStringLiteral("submitAssessment"))->click();
    EXPECT_TRUE(WaitUntil([&] { return done; })) << "no answer to the assessment";
    QObject::disconnect(conn);
    return ok;
  }

  // Chooses `route` in the route combo, as a person would.
  static void ChooseRoute(TriageView& view, v1::AssessmentRoute route) {
    auto* combo = view.findChild<QComboBox*>(QStringLiteral("routeCombo"));
    combo->setCurrentIndex(combo->findData(static_cast<int>(route)));
  }

  template <typename W>
  static W* Child(const QWidget& root, const char* name) {
    W* w = root.findChild<W*>(QLatin1String(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
  }

  // The object names of every marked field under `root`.
  static QStringList MarkedFields(const QWidget& root) {
    QStringList marked;
    for (const QWidget* w : root.findChildren<QWidget*>()) {
      if (FieldMarks::IsMarked(w)) marked << w->objectName();
    }
    return marked;
  }

  std::vector<std::string> QueueIds(const std::string& who) {
    std::vector<std::string> ids;
    const v1::ListTriageQueueResponse queue = world_.Queue(who);
    for (const v1::TriageRow& r : queue.rows()) ids.push_back(r.report_id());
    return ids;
  }

  static std::vector<std::string> ShownIds(const QTableWidget& table) {
    std::vector<std::string> ids;
    for (const QString& id : Column(table, TriageQueue::kReport)) ids.push_back(id.toStdString());
    return ids;
  }

  IntakeWorld world_;
  DesktopSignIn sign_in_{world_.host()};
};

TEST_F(TriageTest, TheQueueIsInTheServicesOrderWithTheAcuteReportMarked) {
  const std::string plain = world_.Submit("vt1", testing::ProfessionalReport(false));
  world_.clock().Advance(absl::Minutes(10));
  const std::string police =
      world_.Submit("agent", testing::PoliceReport("ZM-1", "Jan de Vries", "2511 AB", "7"));
  world_.clock().Advance(absl::Minutes(10));
  const std::string acute = world_.Submit("vt1", testing::ProfessionalReport(true));
  const std::vector<std::string> expected = QueueIds("vt1");
  ASSERT_EQ(expected.size(), 3u);
  ASSERT_EQ(expected.front(), acute);  // the service puts acute reports first

  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  QTableWidget* table = QueueTable(*view);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(ShownIds(*table), expected);
  const int acute_row = RowOf(*table, acute);
  ASSERT_GE(acute_row, 0);
  EXPECT_TRUE(table->item(acute_row, TriageQueue::kSignal)->text().contains("ACUUT"));
  EXPECT_TRUE(table->item(acute_row, TriageQueue::kReport)->font().bold());
  for (const std::string& id : {plain, police}) {
    const int row = RowOf(*table, id);
    ASSERT_GE(row, 0);
    EXPECT_FALSE(table->item(row, TriageQueue::kSignal)->text().contains("ACUUT"));
    EXPECT_FALSE(table->item(row, TriageQueue::kReport)->font().bold());
  }
  EXPECT_EQ(table->item(RowOf(*table, police), TriageQueue::kKind)->text(),
            QStringLiteral("Melding, Politie (zorgmelding)"));
  EXPECT_TRUE(table->item(RowOf(*table, plain), TriageQueue::kViolence)
                  ->text()
                  .contains(QStringLiteral("Partnergeweld")));
  EXPECT_EQ(Child<QLabel>(*view, "queueStatus")->text(),
            QStringLiteral("Open meldingen in de wachtrij: 3"));
}

TEST_F(TriageTest, AClaimThroughTheButtonShowsWhoHoldsTheReport) {
  const std::string id = world_.Submit("vt1", testing::ProfessionalReport());
  auto mine = OpenTriage("vt1");
  ASSERT_NE(mine, nullptr);
  QTableWidget* table = QueueTable(*mine);
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_TRUE(table->item(0, TriageQueue::kHolder)->text().isEmpty());
  ASSERT_TRUE(SelectReport(*mine, id));
  auto* claim = Child<QPushButton>(*mine, "claimButton");
  EXPECT_EQ(claim->text(), QStringLiteral("&Oppakken"));
  ASSERT_TRUE(claim->isEnabled());
  claim->click();
  // The holder by name (the directory's), once the name has been looked up.
  ASSERT_TRUE(WaitUntil([&] {
    return table->rowCount() == 1 &&
           table->item(0, TriageQueue::kHolder)->text().startsWith("Professional vt1");
  }));
  EXPECT_TRUE(table->item(0, TriageQueue::kHolder)->text().contains(QStringLiteral("(u)")));
  // The service agrees, and the report panel shows the holder too.
  EXPECT_EQ(world_.Queue("vt2").rows(0).claimed_by(), "vt1");
  auto* text = Child<QTextBrowser>(*mine, "reportText");
  EXPECT_TRUE(WaitUntil([&] {
    return text->toPlainText().contains("In behandeling bij: Professional vt1");
  })) << text->toPlainText().toStdString();

  // A colleague sees who holds it, and cannot take it over.
  auto theirs = OpenTriage("vt2");
  ASSERT_NE(theirs, nullptr);
  QTableWidget* their_table = QueueTable(*theirs);
  ASSERT_EQ(their_table->rowCount(), 1);
  EXPECT_TRUE(WaitUntil([&] {
    return their_table->item(0, TriageQueue::kHolder)->text().startsWith("Professional vt1");
  }));
  EXPECT_FALSE(their_table->item(0, TriageQueue::kHolder)->text().contains("(u)"));
  ASSERT_TRUE(SelectReport(*theirs, id));
  Child<QPushButton>(*theirs, "claimButton")->click();
  auto* status = Child<QLabel>(*theirs, "queueStatus");
  EXPECT_TRUE(WaitUntil([&] { return status->text().startsWith("Oppakken lukte niet"); }))
      << status->text().toStdString();
  EXPECT_EQ(world_.Queue("vt1").rows(0).claimed_by(), "vt1");

  // The holder releases it.
  auto* release = Child<QPushButton>(*mine, "releaseButton");
  EXPECT_EQ(release->text(), QStringLiteral("&Vrijgeven"));
  ASSERT_TRUE(release->isEnabled());
  release->click();
  EXPECT_TRUE(WaitUntil([&] { return table->item(0, TriageQueue::kHolder)->text().isEmpty(); }));
  EXPECT_EQ(world_.Queue("vt1").rows(0).claimed_by(), "");
}

TEST_F(TriageTest, TheRadarShowsAnEarlierReportAboutTheSamePerson) {
  const std::string first = world_.Submit("vt1", testing::ProfessionalReport());
  world_.clock().Advance(absl::Hours(2));
  const std::string second = world_.Submit("vt1", testing::ProfessionalReport());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  ASSERT_TRUE(SelectReport(*view, second));

  // The report as the service gives it.
  const QString report = Child<QTextBrowser>(*view, "reportText")->toPlainText();
  EXPECT_TRUE(report.contains(QStringLiteral("Fatma Özdemir"))) << report.toStdString();
  EXPECT_TRUE(report.contains(QStringLiteral("Moeder vertelt over slaan door partner")));
  EXPECT_TRUE(report.contains(QStringLiteral("Huisartsenpraktijk Duinoord")));
  EXPECT_TRUE(report.contains(QStringLiteral("Getuige van partnergeweld")));
  EXPECT_FALSE(report.contains(QStringLiteral("111222333")));  // the BSN only masked

  auto* radar = Child<QTableWidget>(*view, "radarTable");
  ASSERT_GT(radar->rowCount(), 0);
  bool bsn_hit = false;
  for (int r = 0; r < radar->rowCount(); ++r) {
    EXPECT_EQ(radar->item(r, TriageReportPanel::kEarlier)->text().toStdString(), first);
    if (radar->item(r, TriageReportPanel::kAbout)->text().startsWith("Fatma Özdemir") &&
        radar->item(r, TriageReportPanel::kMatched)->text().contains("BSN")) {
      bsn_hit = true;
    }
  }
  EXPECT_TRUE(bsn_hit);
  EXPECT_TRUE(Child<QLabel>(*view, "radarSummary")
                  ->text()
                  .startsWith(QStringLiteral("Eerdere meldingen: 1 ")))
      << Child<QLabel>(*view, "radarSummary")->text().toStdString();
  // The queue's radar column says so as well.
  QTableWidget* table = QueueTable(*view);
  EXPECT_EQ(table->item(RowOf(*table, second), TriageQueue::kRadar)->text(),
            QStringLiteral("1 eerder"));
}

TEST_F(TriageTest, AMissingFieldIsMarkedAndAFullAssessmentLeavesTheQueue) {
  const std::string id = world_.Submit("vt1", testing::ProfessionalReport());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  ASSERT_TRUE(SelectReport(*view, id));
  ChooseRoute(*view, v1::ASSESSMENT_ROUTE_INVESTIGATION);
  Child<QCheckBox>(*view, "structuralUnsafety")->setChecked(true);
  Child<QPlainTextEdit>(*view, "reasoningEdit")
      ->setPlainText(QStringLiteral("Herhaald partnergeweld; kind getuige."));
  Child<QPlainTextEdit>(*view, "riskFactorsEdit")
      ->setPlainText(QStringLiteral("eerdere politiemeldingen\nalcoholgebruik"));
  auto* investigator = Child<QLineEdit>(*view, "investigatorEdit");

  // No investigator: exactly that field is marked, and nothing is assessed.
  EXPECT_FALSE(SubmitAssessment(*view));
  EXPECT_EQ(MarkedFields(*view), QStringList{QStringLiteral("investigatorEdit")});
  EXPECT_TRUE(FieldMarks::IsMarked(investigator));
  EXPECT_EQ(investigator->toolTip(), QStringLiteral("Vul dit veld in."));
  EXPECT_TRUE(Child<QLabel>(*view, "assessmentStatus")
                  ->text()
                  .startsWith(QStringLiteral("Niet vastgelegd")));
  EXPECT_EQ(testing::Get(world_, "vt1", id).state(), v1::REPORT_STATE_OPEN);
  EXPECT_EQ(QueueIds("vt1"), std::vector<std::string>{id});

  // Filled in: assessed with the route, and out of the queue.
  investigator->setText(QStringLiteral("vt2"));
  EXPECT_TRUE(SubmitAssessment(*view));
  EXPECT_TRUE(MarkedFields(*view).isEmpty());
  const v1::Report assessed = testing::Get(world_, "vt1", id);
  EXPECT_EQ(assessed.state(), v1::REPORT_STATE_ASSESSED);
  EXPECT_EQ(assessed.assessment().route(), v1::ASSESSMENT_ROUTE_INVESTIGATION);
  EXPECT_EQ(assessed.assessment().investigation().investigator_id(), "vt2");
  ASSERT_EQ(assessed.assessment().risk_factors_size(), 2);
  EXPECT_EQ(assessed.assessment().risk_factors(1), "alcoholgebruik");
  QTableWidget* table = QueueTable(*view);
  EXPECT_TRUE(WaitUntil([&] { return table->rowCount() == 0; }));
  EXPECT_TRUE(QueueIds("vt1").empty());
  EXPECT_EQ(Child<QLabel>(*view, "assessmentStatus")->text(),
            QStringLiteral("Beoordeling vastgelegd: Onderzoek door Veilig Thuis."));
  EXPECT_FALSE(view->assessmentForm()->isEnabled());  // nothing selected any more
}

TEST_F(TriageTest, TheFieldsFollowTheChosenRoute) {
  world_.Submit("vt1", testing::ProfessionalReport());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  const TriageAssessmentForm& form = *view->assessmentForm();
  auto* investigator = Child<QLineEdit>(form, "investigatorEdit");
  auto* receiver = Child<QLineEdit>(form, "handoverOrgEdit");
  auto* reasoning = Child<QPlainTextEdit>(form, "reasoningEdit");

  ChooseRoute(*view, v1::ASSESSMENT_ROUTE_INVESTIGATION);
  EXPECT_TRUE(investigator->isVisibleTo(&form));
  EXPECT_FALSE(receiver->isVisibleTo(&form));
  EXPECT_TRUE(reasoning->isVisibleTo(&form));

  ChooseRoute(*view, v1::ASSESSMENT_ROUTE_HANDOVER);
  EXPECT_FALSE(investigator->isVisibleTo(&form));
  EXPECT_TRUE(receiver->isVisibleTo(&form));
  EXPECT_TRUE(reasoning->isVisibleTo(&form));

  ChooseRoute(*view, v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS);
  EXPECT_FALSE(receiver->isVisibleTo(&form));
  EXPECT_TRUE(Child<QPlainTextEdit>(form, "mdaReasonEdit")->isVisibleTo(&form));
}

TEST_F(TriageTest, AHiddenRoutesFieldIsNotSent) {
  const std::string id = world_.Submit("vt1", testing::ProfessionalReport());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  ASSERT_TRUE(SelectReport(*view, id));
  // Typed under one route, then another chosen: the service never sees the first route's field
  // (it would refuse "is for the route INVESTIGATION").
  ChooseRoute(*view, v1::ASSESSMENT_ROUTE_INVESTIGATION);
  Child<QLineEdit>(*view, "investigatorEdit")->setText(QStringLiteral("vt2"));
  ChooseRoute(*view, v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  Child<QPlainTextEdit>(*view, "reasoningEdit")->setPlainText(QStringLiteral("Geen onveiligheid."));
  EXPECT_TRUE(SubmitAssessment(*view))
      << Child<QLabel>(*view, "assessmentStatus")->text().toStdString();
  const v1::Report assessed = testing::Get(world_, "vt1", id);
  EXPECT_EQ(assessed.assessment().route(), v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  EXPECT_FALSE(assessed.assessment().has_investigation());
}

TEST_F(TriageTest, TheTimeLeftCountsDownAndAPassedTermShowsLate) {
  const std::string id = world_.Submit("vt1", testing::ProfessionalReport(true));
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  QTableWidget* table = QueueTable(*view);
  ASSERT_EQ(table->rowCount(), 1);
  const QString first = table->item(0, TriageQueue::kTimeLeft)->text();
  // An acute report: 24 clock hours from receipt, just received.
  EXPECT_TRUE(first.startsWith(QStringLiteral("23:59:")) || first == QStringLiteral("1 d 00:00:00"))
      << first.toStdString();
  EXPECT_TRUE(WaitUntil([&] { return table->item(0, TriageQueue::kTimeLeft)->text() != first; },
                        std::chrono::seconds(5)));
  EXPECT_FALSE(table->item(0, TriageQueue::kSignal)->text().contains("TE LAAT"));

  // Past the acute term at the server: late, in text and in colour.
  world_.clock().Advance(absl::Hours(25));
  ASSERT_TRUE(ReadQueue(*view));
  ASSERT_EQ(RowOf(*table, id), 0);
  EXPECT_TRUE(table->item(0, TriageQueue::kTimeLeft)->text().startsWith("te laat 01:00:"))
      << table->item(0, TriageQueue::kTimeLeft)->text().toStdString();
  EXPECT_EQ(table->item(0, TriageQueue::kSignal)->text(), QStringLiteral("ACUUT, TE LAAT"));
  EXPECT_EQ(table->item(0, TriageQueue::kReport)->foreground().color(), QColor(0xb0, 0x00, 0x20));
}

TEST_F(TriageTest, FeedbackToTheReporterIsRecorded) {
  const std::string id = world_.Submit("vt1", testing::ProfessionalReport());
  v1::SafetyAssessment a = testing::Assessment(v1::ASSESSMENT_ROUTE_INVESTIGATION);
  a.mutable_investigation()->set_investigator_id("vt1");
  ASSERT_TRUE(testing::Assess(world_, "vt1", id, a).ok());
  world_.clock().Advance(absl::Hours(1));

  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  TriageFeedbackPanel* panel = view->feedback();
  bool loaded = false;
  QObject::connect(panel, &TriageFeedbackPanel::loaded, [&](bool ok) { loaded = ok; });
  panel->refresh();
  ASSERT_TRUE(WaitUntil([&] { return loaded; }));
  auto* table = Child<QTableWidget>(*panel, "feedbackTable");
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_EQ(table->item(0, TriageFeedbackPanel::kReport)->text().toStdString(), id);
  EXPECT_EQ(table->item(0, TriageFeedbackPanel::kState)->text(), QStringLiteral("Open"));
  table->selectRow(0);

  // When: the fake clock's now, as Amsterdam wall-clock time.
  const QDateTime now = QDateTime::fromSecsSinceEpoch(absl::ToUnixSeconds(world_.clock().Now()),
                                                      QTimeZone("Europe/Amsterdam"));
  Child<QDateTimeEdit>(*panel, "feedbackGivenAt")->setDateTime(QDateTime(now.date(), now.time()));
  auto* method = Child<QComboBox>(*panel, "feedbackMethod");
  method->setCurrentIndex(method->findData(static_cast<int>(v1::FEEDBACK_METHOD_PHONE)));
  Child<QCheckBox>(*panel, "feedbackFollowUp")->setChecked(true);

  auto record = [&] {
    bool done = false;
    bool ok = false;
    auto conn = QObject::connect(panel, &TriageFeedbackPanel::recorded, [&](bool result) {
      done = true;
      ok = result;
    });
    Child<QPushButton>(*panel, "recordFeedback")->click();
    EXPECT_TRUE(WaitUntil([&] { return done; }));
    QObject::disconnect(conn);
    return ok;
  };
  // What was said is required: that field alone is marked.
  EXPECT_FALSE(record());
  EXPECT_EQ(MarkedFields(*panel), QStringList{QStringLiteral("feedbackNote")});

  Child<QPlainTextEdit>(*panel, "feedbackNote")
      ->setPlainText(QStringLiteral("Huisarts gebeld: onderzoek is gestart."));
  EXPECT_TRUE(record()) << Child<QLabel>(*panel, "feedbackStatus")->text().toStdString();
  EXPECT_TRUE(MarkedFields(*panel).isEmpty());
  Child<QCheckBox>(*panel, "includeDone")->setChecked(true);
  EXPECT_TRUE(WaitUntil([&] {
    return table->rowCount() == 1 &&
           table->item(0, TriageFeedbackPanel::kState)->text().startsWith("Gegeven");
  }));
}

TEST_F(TriageTest, TheRemindersOfTheTermsAreListed) {
  const std::string id = world_.Submit("vt1", testing::ProfessionalReport(true));
  // 4 hours before the acute term ends, the team is reminded (nobody holds the report).
  world_.clock().Advance(absl::Hours(21));
  ASSERT_GE(testing::Scan(world_), 1);
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  bool loaded = false;
  QObject::connect(view->signalsPanel(), &TriageSignalsPanel::loaded,
                   [&](bool ok) { loaded = ok; });
  view->signalsPanel()->refresh();
  ASSERT_TRUE(WaitUntil([&] { return loaded; }));
  auto* table = Child<QTableWidget>(*view, "signalsTable");
  ASSERT_GE(table->rowCount(), 1);
  bool reminded = false;
  for (int r = 0; r < table->rowCount(); ++r) {
    if (table->item(r, 0)->text().toStdString() == id &&
        table->item(r, 1)->text() == QStringLiteral("Acuut (24 uur)") &&
        table->item(r, 2)->text() == QStringLiteral("Herinnering") &&
        table->item(r, 4)->text() == QStringLiteral("het team")) {
      reminded = true;
      // The Dutch half of the service's text only.
      EXPECT_FALSE(table->item(r, 6)->text().contains(QStringLiteral(" / ")));
      EXPECT_FALSE(table->item(r, 6)->text().isEmpty());
    }
  }
  EXPECT_TRUE(reminded);
}

}  // namespace
}  // namespace schakel::desktop
