// The rest of a triage worker's day in the Triage view, against a real in-process host with the
// intake service (IntakeWorld) over mutual TLS, signed in through the dialog: converting an
// advice request and completing an investigation through their dialogs, a report handed over to
// a care partner answered by the receiver, a bad field marked with nothing written, OK twice done
// once, stopping the queue's read, and professionals and organisations shown by name.
#include "client/desktop/intake_proto.h"  // first: the intake protos before Qt's keyword macros

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>

#include "client/desktop/field_errors.h"
#include "client/desktop/form_dialog.h"
#include "client/desktop/rpc_runner.h"
#include "client/desktop/triage_actions.h"
#include "client/desktop/triage_feedback.h"
#include "client/desktop/triage_handed.h"
#include "client/desktop/triage_queue.h"
#include "client/desktop/triage_report_panel.h"
#include "client/desktop/triage_view.h"
#include "services/common/ids.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/intake_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::IntakeWorld;
using test_support::DesktopSignIn;
using test_support::WaitUntil;
namespace iw = schakel::testing::intake_world;

class TriageFlowTest : public ::testing::Test {
 protected:
  void TearDown() override {
    // Calls still under way (names looked up, a stopped read) end before the world does.
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }

  // A Triage view for `id` of `org`, its queue read once.
  std::unique_ptr<TriageView> OpenTriage(const std::string& id, const std::string& org = iw::kVt) {
    std::optional<Session> session = sign_in_.SignInAs(id, org);
    if (!session.has_value()) return nullptr;
    auto view = std::make_unique<TriageView>(*session);
    EXPECT_TRUE(ReadQueue(*view));
    return view;
  }

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

  // Shows `report_id` through "Melding tonen" and waits until the panel has it.
  static bool OpenReport(TriageView& view, const std::string& report_id) {
    bool done = false;
    auto conn = QObject::connect(view.reportPanel(), &TriageReportPanel::loaded,
                                 [&](bool ok, const v1::Report& r) {
                                   if (ok && r.id() == report_id) done = true;
                                 });
    Child<QLineEdit>(view, "openReportEdit")->setText(QString::fromStdString(report_id));
    Child<QPushButton>(view, "openReportButton")->click();
    const bool answered = WaitUntil([&] { return done; });
    QObject::disconnect(conn);
    return answered;
  }

  template <typename W>
  static W* Child(const QObject& root, const char* name) {
    W* w = root.findChild<W*>(QLatin1String(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
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

  // Clicks OK twice in a row and waits for the answer; how many answers came (and whether the
  // first succeeded, in `ok`).
  static int ClickOkTwice(FormDialog& dialog, bool* ok) {
    std::optional<bool> result;
    int answers = 0;
    auto conn = QObject::connect(&dialog, &FormDialog::callFinished, [&](bool r) {
      result = r;
      ++answers;
    });
    auto* button = Child<QPushButton>(dialog, "okButton");
    button->click();
    button->click();
    EXPECT_TRUE(WaitUntil([&] { return result.has_value(); })) << "no answer";
    // Time for a second answer, were one coming.
    WaitUntil([] { return false; }, std::chrono::milliseconds(300));
    QObject::disconnect(conn);
    *ok = result.value_or(false);
    return answers;
  }

  static QString StatusOf(const QWidget& dialog) {
    return dialog.findChild<QLabel*>(QStringLiteral("formStatus"))->text();
  }

  static void Choose(QComboBox* box, int data) { box->setCurrentIndex(box->findData(data)); }

  // An advice request of a GP.
  static v1::ReportInput Advice() {
    v1::ReportInput in = testing::ProfessionalReport();
    in.set_kind(v1::REPORT_KIND_ADVICE);
    return in;
  }

  // A report assessed by "vt1" with the route INVESTIGATION, "vt1" investigating.
  std::string ReportUnderInvestigation() {
    const std::string id = world_.Submit("vt1", testing::ProfessionalReport());
    v1::SafetyAssessment a = testing::Assessment(v1::ASSESSMENT_ROUTE_INVESTIGATION);
    a.mutable_investigation()->set_investigator_id("vt1");
    EXPECT_TRUE(testing::Assess(world_, "vt1", id, a).ok());
    return id;
  }

  // A report assessed by "vt1" with the route HANDOVER to the mental health care partner.
  std::string HandedToGgz() {
    const std::string id = world_.Submit("vt1", testing::ProfessionalReport());
    v1::SafetyAssessment a = testing::Assessment(v1::ASSESSMENT_ROUTE_HANDOVER);
    a.mutable_handover()->set_receiving_organisation_id(iw::kGgz);
    a.mutable_handover()->set_note("Moeder staat open voor traumabehandeling.");
    const grpc::Status st = testing::Assess(world_, "vt1", id, a);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return id;
  }

  v1::ListFeedbackTasksResponse FeedbackTasks(const std::string& who) {
    v1::ListFeedbackTasksRequest req;
    req.set_include_done(true);
    v1::ListFeedbackTasksResponse resp;
    const grpc::Status st = world_.I(who)->ListFeedbackTasks(testing::ICtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
  }

  static int InvestigationTasks(const v1::ListFeedbackTasksResponse& tasks) {
    int n = 0;
    for (const v1::FeedbackTask& t : tasks.tasks()) {
      if (t.occasion() == v1::FEEDBACK_OCCASION_INVESTIGATION) ++n;
    }
    return n;
  }

  IntakeWorld world_;
  DesktopSignIn sign_in_{world_.host()};
};

TEST_F(TriageFlowTest, AnAdviceRequestIsConvertedThroughTheDialog) {
  const std::string id = world_.Submit("vt1", Advice());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  auto* table = Child<QTableWidget>(*view, "queueTable");
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_TRUE(table->item(0, TriageQueue::kKind)->text().startsWith(QStringLiteral("Advies")));
  bool shown = false;
  QObject::connect(view->reportPanel(), &TriageReportPanel::loaded,
                   [&](bool ok, const v1::Report& r) { shown = ok && r.id() == id; });
  view->queue()->selectReport(QString::fromStdString(id));
  ASSERT_TRUE(WaitUntil([&] { return shown; }));

  auto* convert = Child<QPushButton>(*view, "convertAdviceButton");
  EXPECT_FALSE(Child<QPushButton>(*view, "completeInvestigationButton")->isEnabled());
  ASSERT_TRUE(convert->isEnabled());
  const std::string etag = view->reportPanel()->report().etag();  // as read: the dialog sends it
  ASSERT_FALSE(etag.empty());
  convert->click();
  QPointer<ConvertAdviceDialog> dialog =
      view->findChild<ConvertAdviceDialog*>(QStringLiteral("convertAdviceDialog"));
  ASSERT_FALSE(dialog.isNull());
  auto* reason = Child<QPlainTextEdit>(*dialog, "convertReason");

  // No reason: the field is marked and the advice stays advice.
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(reason));
  EXPECT_EQ(testing::Get(world_, "vt1", id).input().kind(), v1::REPORT_KIND_ADVICE);

  reason->setPlainText(QStringLiteral("Huisarts ziet letsel; Veilig Thuis neemt het over."));
  const std::string request_id = dialog->requestId();
  bool ok = false;
  EXPECT_EQ(ClickOkTwice(*dialog, &ok), 1);
  ASSERT_TRUE(ok) << (dialog.isNull() ? std::string() : StatusOf(*dialog).toStdString());
  EXPECT_TRUE(WaitUntil([&] { return dialog.isNull(); }));  // closed and deleted

  // The service: a report now, its term running from the conversion.
  const v1::Report converted = testing::Get(world_, "vt1", id);
  EXPECT_EQ(converted.input().kind(), v1::REPORT_KIND_REPORT);
  EXPECT_TRUE(converted.has_converted_at());
  EXPECT_TRUE(converted.has_assessment_due());
  // The same request again (a retry after a lost answer) changes nothing.
  v1::ConvertAdviceRequest again;
  again.set_request_id(request_id);
  again.set_report_id(id);
  again.set_reason("Huisarts ziet letsel; Veilig Thuis neemt het over.");
  again.set_etag(etag);
  v1::ConvertAdviceResponse resp;
  const grpc::Status replayed = world_.I("vt1")->ConvertAdvice(testing::ICtx().get(), again, &resp);
  EXPECT_TRUE(replayed.ok()) << replayed.error_message();
  EXPECT_EQ(testing::Get(world_, "vt1", id).converted_at().seconds(),
            converted.converted_at().seconds());

  // The view: the queue reads it as a report, the panel as converted.
  EXPECT_TRUE(WaitUntil([&] {
    return table->rowCount() == 1 &&
           table->item(0, TriageQueue::kKind)->text().startsWith(QStringLiteral("Melding"));
  }));
  auto* text = Child<QTextBrowser>(*view, "reportText");
  EXPECT_TRUE(WaitUntil([&] { return text->toPlainText().contains("Omgezet in melding:"); }))
      << text->toPlainText().toStdString();
  EXPECT_FALSE(convert->isEnabled());
}

// An advice request, once advised, is closed by hand: it leaves the queue and its retention term
// starts.
TEST_F(TriageFlowTest, AnAdviceRequestIsClosedThroughTheDialog) {
  const std::string id = world_.Submit("vt1", Advice());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  auto* table = Child<QTableWidget>(*view, "queueTable");
  ASSERT_EQ(table->rowCount(), 1);
  ASSERT_TRUE(OpenReport(*view, id));
  auto* close = Child<QPushButton>(*view, "closeReportButton");
  ASSERT_TRUE(close->isEnabled());
  close->click();
  QPointer<CloseReportDialog> dialog =
      view->findChild<CloseReportDialog*>(QStringLiteral("closeReportDialog"));
  ASSERT_FALSE(dialog.isNull());
  auto* reason = Child<QPlainTextEdit>(*dialog, "closeReason");

  // No reason: the field is marked and the advice stays open.
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(reason));
  EXPECT_EQ(testing::Get(world_, "vt1", id).state(), v1::REPORT_STATE_OPEN);

  reason->setPlainText(QStringLiteral("Advies gegeven: de huisarts verwijst naar het wijkteam."));
  bool ok = false;
  EXPECT_EQ(ClickOkTwice(*dialog, &ok), 1);
  ASSERT_TRUE(ok) << (dialog.isNull() ? std::string() : StatusOf(*dialog).toStdString());
  const v1::Report closed = testing::Get(world_, "vt1", id);
  EXPECT_EQ(closed.state(), v1::REPORT_STATE_CLOSED);
  EXPECT_EQ(closed.closure().reason(), "Advies gegeven: de huisarts verwijst naar het wijkteam.");

  // The queue lets it go (as an assessed report); opened by its number, the panel shows who
  // closed it, and offers nothing more.
  EXPECT_TRUE(WaitUntil([&] { return table->rowCount() == 0; }));
  ASSERT_TRUE(OpenReport(*view, id));
  auto* text = Child<QTextBrowser>(*view, "reportText");
  EXPECT_TRUE(WaitUntil([&] {
    return text->toPlainText().contains("Dossier afgesloten") &&
           text->toPlainText().contains("Afgesloten door: Professional vt1");
  })) << text->toPlainText().toStdString();
  EXPECT_FALSE(close->isEnabled());
  EXPECT_FALSE(Child<QPushButton>(*view, "convertAdviceButton")->isEnabled());
}

TEST_F(TriageFlowTest, AnInvestigationIsCompletedThroughTheDialog) {
  const std::string id = ReportUnderInvestigation();
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  // Assessed, it left the queue: shown by its number.
  EXPECT_EQ(Child<QTableWidget>(*view, "queueTable")->rowCount(), 0);
  ASSERT_TRUE(OpenReport(*view, id));
  auto* text = Child<QTextBrowser>(*view, "reportText");
  // The investigator by name, not by id.
  EXPECT_TRUE(WaitUntil([&] {
    return text->toPlainText().contains("Onderzoeker: Professional vt1");
  })) << text->toPlainText().toStdString();
  EXPECT_FALSE(Child<QPushButton>(*view, "convertAdviceButton")->isEnabled());
  auto* complete = Child<QPushButton>(*view, "completeInvestigationButton");
  ASSERT_TRUE(complete->isEnabled());
  const std::string etag = view->reportPanel()->report().etag();  // as read: the dialog sends it
  ASSERT_FALSE(etag.empty());
  complete->click();
  QPointer<CompleteInvestigationDialog> dialog =
      view->findChild<CompleteInvestigationDialog*>(QStringLiteral("completeInvestigationDialog"));
  ASSERT_FALSE(dialog.isNull());
  auto* conclusion = Child<QPlainTextEdit>(*dialog, "investigationConclusion");
  auto* follow_up = Child<QComboBox>(*dialog, "investigationFollowUp");

  // Nothing filled in: both required fields marked, nothing recorded.
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(conclusion));
  EXPECT_TRUE(FieldMarks::IsMarked(follow_up));
  EXPECT_FALSE(FieldMarks::IsMarked(Child<QPlainTextEdit>(*dialog, "investigationFollowUpNote")));
  EXPECT_FALSE(testing::Get(world_, "vt1", id).has_investigation_end());
  EXPECT_EQ(InvestigationTasks(FeedbackTasks("vt1")), 0);

  conclusion->setPlainText(
      QStringLiteral("Onveiligheid bevestigd; moeder en kind veilig bij oma."));
  Choose(follow_up, v1::INVESTIGATION_FOLLOW_UP_HANDOVER);
  Child<QPlainTextEdit>(*dialog, "investigationFollowUpNote")
      ->setPlainText(QStringLiteral("Wijkteam Duinoord neemt over."));
  const std::string request_id = dialog->requestId();
  bool ok = false;
  EXPECT_EQ(ClickOkTwice(*dialog, &ok), 1);
  ASSERT_TRUE(ok) << (dialog.isNull() ? std::string() : StatusOf(*dialog).toStdString());

  // The service recorded the end once, and opened one feedback task for it.
  const v1::Report done = testing::Get(world_, "vt1", id);
  ASSERT_TRUE(done.has_investigation_end());
  EXPECT_EQ(done.investigation_end().conclusion(),
            "Onveiligheid bevestigd; moeder en kind veilig bij oma.");
  EXPECT_EQ(done.investigation_end().follow_up(), v1::INVESTIGATION_FOLLOW_UP_HANDOVER);
  EXPECT_EQ(done.investigation_end().follow_up_note(), "Wijkteam Duinoord neemt over.");
  EXPECT_EQ(done.investigation_end().completed_by(), "vt1");
  EXPECT_EQ(InvestigationTasks(FeedbackTasks("vt1")), 1);
  v1::CompleteInvestigationRequest again;
  again.set_request_id(request_id);
  again.set_report_id(id);
  again.set_conclusion("Onveiligheid bevestigd; moeder en kind veilig bij oma.");
  again.set_follow_up(v1::INVESTIGATION_FOLLOW_UP_HANDOVER);
  again.set_follow_up_note("Wijkteam Duinoord neemt over.");
  again.set_etag(etag);
  v1::CompleteInvestigationResponse resp;
  const grpc::Status replayed =
      world_.I("vt1")->CompleteInvestigation(testing::ICtx().get(), again, &resp);
  EXPECT_TRUE(replayed.ok()) << replayed.error_message();
  EXPECT_EQ(InvestigationTasks(FeedbackTasks("vt1")), 1);

  // The panel shows the end, by name, and offers no second completion.
  EXPECT_TRUE(WaitUntil([&] {
    return text->toPlainText().contains("Onderzoek afgerond") &&
           text->toPlainText().contains("Afgerond door: Professional vt1");
  })) << text->toPlainText().toStdString();
  EXPECT_FALSE(complete->isEnabled());
  // The feedback task it opened is on the feedback tab.
  auto* feedback = Child<QTableWidget>(*view, "feedbackTable");
  ASSERT_TRUE(WaitUntil([&] { return feedback->rowCount() == 2; }));
  // Its assignee (who decided) by name; activating the task shows its report.
  EXPECT_TRUE(WaitUntil([&] {
    return feedback->item(0, TriageFeedbackPanel::kAssignee)->text() ==
           QStringLiteral("Professional vt1");
  })) << feedback->item(0, TriageFeedbackPanel::kAssignee)->text().toStdString();
  view->reportPanel()->showReport({});
  EXPECT_TRUE(view->reportPanel()->reportId().isEmpty());
  emit feedback->itemActivated(feedback->item(0, TriageFeedbackPanel::kReport));
  EXPECT_EQ(view->reportPanel()->reportId().toStdString(), id);
  EXPECT_TRUE(WaitUntil([&] { return view->reportPanel()->report().id() == id; }));
}

TEST_F(TriageFlowTest, AHandedReportIsAnsweredByTheReceiver) {
  const std::string declined = HandedToGgz();
  world_.clock().Advance(absl::Minutes(5));
  const std::string accepted = HandedToGgz();

  // Veilig Thuis (VT_INTAKE only) has no such tab: it hands over, it does not receive.
  auto vt = OpenTriage("vt1");
  ASSERT_NE(vt, nullptr);
  EXPECT_EQ(vt->handedPanel(), nullptr);

  std::optional<Session> session = sign_in_.SignInAs("ggz1", iw::kGgz);
  ASSERT_TRUE(session.has_value());
  TriageView view(*session);
  TriageHandedPanel* panel = view.handedPanel();
  ASSERT_NE(panel, nullptr);
  auto* tabs = Child<QTabWidget>(view, "triageTabs");
  EXPECT_EQ(tabs->tabText(tabs->indexOf(panel)), QStringLiteral("Over&gedragen meldingen"));
  bool loaded = false;
  QObject::connect(panel, &TriageHandedPanel::loaded, [&](bool ok) { loaded = ok; });
  panel->refresh();
  ASSERT_TRUE(WaitUntil([&] { return loaded; }));
  auto* table = Child<QTableWidget>(*panel, "handedTable");
  ASSERT_EQ(table->rowCount(), 2);
  // From Veilig Thuis by name, assessed by name.
  EXPECT_TRUE(WaitUntil([&] {
    return table->item(0, TriageHandedPanel::kFrom)->text() ==
               QStringLiteral("Organisatie vt-haaglanden") &&
           table->item(0, TriageHandedPanel::kAssessed)->text().startsWith("Professional vt1");
  })) << table->item(0, TriageHandedPanel::kFrom)->text().toStdString();
  EXPECT_EQ(table->item(0, TriageHandedPanel::kState)->text(), QStringLiteral("Wacht op antwoord"));

  // Declining needs a reason: marked, and the handover still waits.
  panel->selectReport(QString::fromStdString(declined));
  const QString details = Child<QTextBrowser>(*panel, "handedDetails")->toPlainText();
  EXPECT_TRUE(details.contains(QStringLiteral("Moeder staat open voor traumabehandeling.")));
  EXPECT_TRUE(details.contains(QStringLiteral("Fatma Özdemir")));
  EXPECT_FALSE(details.contains(QStringLiteral("Dr. P. de Wit")));  // never the reporter
  auto* answer = Child<QPushButton>(*panel, "handedAnswerButton");
  ASSERT_TRUE(answer->isEnabled());
  answer->click();
  QPointer<AnswerHandedReportDialog> dialog =
      panel->findChild<AnswerHandedReportDialog*>(QStringLiteral("answerHandedDialog"));
  ASSERT_FALSE(dialog.isNull());
  Child<QRadioButton>(*dialog, "handedDecline")->setChecked(true);
  auto* reason = Child<QPlainTextEdit>(*dialog, "handedDeclineReason");
  EXPECT_TRUE(reason->isEnabled());
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(reason));
  EXPECT_EQ(testing::Get(world_, "vt1", declined).handover().state(),
            v1::REPORT_HANDOVER_STATE_PROPOSED);
  reason->setPlainText(QStringLiteral("Geen plek binnen zes weken; liever het wijkteam."));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  v1::Report back = testing::Get(world_, "vt1", declined);
  EXPECT_EQ(back.handover().state(), v1::REPORT_HANDOVER_STATE_DECLINED);
  EXPECT_EQ(back.handover().decline_reason(), "Geen plek binnen zes weken; liever het wijkteam.");
  EXPECT_EQ(back.handover().answered_by(), "ggz1");
  // Answered, it leaves the list of those waiting.
  EXPECT_TRUE(WaitUntil([&] { return table->rowCount() == 1; }));

  // The other is accepted.
  panel->selectReport(QString::fromStdString(accepted));
  ASSERT_EQ(panel->selectedReportId().toStdString(), accepted);
  answer->click();
  dialog = panel->findChild<AnswerHandedReportDialog*>(QStringLiteral("answerHandedDialog"));
  ASSERT_FALSE(dialog.isNull());
  EXPECT_TRUE(Child<QRadioButton>(*dialog, "handedAccept")->isChecked());
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  EXPECT_EQ(testing::Get(world_, "vt1", accepted).handover().state(),
            v1::REPORT_HANDOVER_STATE_ACCEPTED);
  EXPECT_TRUE(WaitUntil([&] { return table->rowCount() == 0; }));
  // With the answered ones, both show their answer.
  Child<QCheckBox>(*panel, "handedIncludeAnswered")->setChecked(true);
  EXPECT_TRUE(WaitUntil([&] { return table->rowCount() == 2; }));

  // Veilig Thuis reads the answer in the report panel, the receiver by name.
  ASSERT_TRUE(OpenReport(*vt, declined));
  auto* text = Child<QTextBrowser>(*vt, "reportText");
  EXPECT_TRUE(WaitUntil([&] {
    return text->toPlainText().contains("Stand van de overdracht: Geweigerd") &&
           text->toPlainText().contains("Aan: Organisatie ggz") &&
           text->toPlainText().contains("Beantwoord door: Professional ggz1");
  })) << text->toPlainText().toStdString();
}

TEST_F(TriageFlowTest, StoppingTheQueueReadLeavesTheViewUsable) {
  world_.Submit("vt1", testing::ProfessionalReport());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  TriageQueue* queue = view->queue();
  auto* table = Child<QTableWidget>(*view, "queueTable");
  auto* status = Child<QLabel>(*view, "queueStatus");
  auto* stop = Child<QPushButton>(*view, "queueStopButton");
  auto* progress = Child<QProgressBar>(*view, "queueProgress");
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_FALSE(stop->isVisibleTo(queue));
  const std::string second = world_.Submit("vt1", testing::ProfessionalReport(true));

  int answers = 0;
  int stopped = 0;
  QObject::connect(queue, &TriageQueue::loaded, [&](bool) { ++answers; });
  QObject::connect(queue, &TriageQueue::loadCancelled, [&] { ++stopped; });
  // While it reads: progress and a way to stop.
  queue->refresh();
  EXPECT_TRUE(queue->loading());
  EXPECT_TRUE(progress->isVisibleTo(queue));
  EXPECT_TRUE(stop->isVisibleTo(queue));
  EXPECT_TRUE(status->text().startsWith(QStringLiteral("Wachtrij laden")));
  stop->click();
  EXPECT_FALSE(queue->loading());
  EXPECT_EQ(stopped, 1);
  // Its answer, however it ended, is not shown: no error, the previous queue stays.
  EXPECT_TRUE(WaitUntil([] { return CallPool().activeThreadCount() == 0; }));
  WaitUntil([] { return false; }, std::chrono::milliseconds(300));
  EXPECT_EQ(answers, 0);
  EXPECT_FALSE(stop->isVisibleTo(queue));
  EXPECT_FALSE(progress->isVisibleTo(queue));
  EXPECT_EQ(status->text(), QStringLiteral("Laden gestopt; de wachtrij toont de vorige stand."));
  EXPECT_FALSE(status->text().contains(QStringLiteral("kon niet")));
  EXPECT_EQ(table->rowCount(), 1);

  // A newer read replaces one under way: one answer, the queue as it is now.
  queue->refresh();
  queue->refresh();
  EXPECT_TRUE(WaitUntil([&] { return answers >= 1 && !queue->loading(); }));
  WaitUntil([] { return false; }, std::chrono::milliseconds(300));
  EXPECT_EQ(answers, 1);
  EXPECT_EQ(table->rowCount(), 2);

  // Still usable: a claim goes through, by name.
  queue->selectReport(QString::fromStdString(second));
  auto* claim = Child<QPushButton>(*view, "claimButton");
  ASSERT_TRUE(claim->isEnabled());
  claim->click();
  const int row = 0;  // the acute report first
  EXPECT_TRUE(WaitUntil([&] {
    return table->item(row, TriageQueue::kReport)->text().toStdString() == second &&
           table->item(row, TriageQueue::kHolder)->text().startsWith("Professional vt1 (u)");
  })) << table->item(row, TriageQueue::kHolder)->text().toStdString();
  EXPECT_EQ(world_.Queue("vt2").rows(0).claimed_by(), "vt1");
}

TEST_F(TriageFlowTest, HoldersAndAddresseesShowByName) {
  const std::string id = world_.Submit("vt1", testing::ProfessionalReport());
  ASSERT_TRUE(world_.Claim("vt2", id).ok());
  auto view = OpenTriage("vt1");
  ASSERT_NE(view, nullptr);
  auto* table = Child<QTableWidget>(*view, "queueTable");
  ASSERT_EQ(table->rowCount(), 1);
  // The colleague by name; the id stays in the tooltip.
  EXPECT_TRUE(WaitUntil([&] {
    return table->item(0, TriageQueue::kHolder)->text().startsWith("Professional vt2 sinds");
  })) << table->item(0, TriageQueue::kHolder)->text().toStdString();
  EXPECT_EQ(table->item(0, TriageQueue::kHolder)->toolTip(), QStringLiteral("vt2"));
  view->queue()->selectReport(QString::fromStdString(id));
  auto* text = Child<QTextBrowser>(*view, "reportText");
  EXPECT_TRUE(WaitUntil([&] {
    return text->toPlainText().contains("In behandeling bij: Professional vt2");
  })) << text->toPlainText().toStdString();
}

}  // namespace
}  // namespace schakel::desktop
