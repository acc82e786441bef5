// Changing a case from its window, against a real in-process host over mutual TLS, signed in
// through the dialog: recording a meeting with its decisions and actions (RecordMeetingDialog), and
// working the safety plan (start, edit, propose, sign off as each signing organisation, record an
// incident, evaluate). Each test checks what the service now holds (read back with a stub as a
// fixture person) and what the window shows; a refusal reads as one Dutch sentence and changes
// nothing.
// First: the intake protos (the fixture reads them) before Qt's keyword macros.
#include "client/desktop/intake_proto.h"  // IWYU pragma: keep

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>

#include "client/desktop/case_common.h"
#include "client/desktop/case_meeting_dialog.h"
#include "client/desktop/case_meetings_tab.h"
#include "client/desktop/case_plan_dialogs.h"
#include "client/desktop/case_plan_tab.h"
#include "client/desktop/case_window.h"
#include "client/desktop/field_errors.h"
#include "client/desktop/form_dialog.h"
#include "client/desktop/my_cases_view.h"
#include "tests/desktop/case_window_fixture.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::ItemsOf;
using schakel::testing::PCtx;
using test_support::AllTextIn;
using test_support::Column;
using test_support::WaitUntil;
namespace world = schakel::testing::plan_world;

class CasePlanEditTest : public test_support::CaseWindowFixture {
 protected:
  v1::Case GetCase(const std::string& who = "dir") {
    v1::GetCaseRequest req;
    req.set_case_id(case_id_);
    v1::GetCaseResponse resp;
    const grpc::Status st = world_.C(who)->GetCase(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.case_();
  }

  v1::GetPlanResponse GetPlan(int version = 0, const std::string& who = "dir") {
    v1::GetPlanResponse resp;
    const grpc::Status st = world_.Get(who, case_id_, version, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp;
  }

  // Fills the meeting dialog: yesterday, a chair, "dir" and "agent" attending, minutes.
  static void FillMeeting(RecordMeetingDialog& d) {
    Child<QDateEdit>(d, "meetingDate")->setDate(CaseToday().addDays(-1));
    Child<QLineEdit>(d, "meetingChair")->setText(QStringLiteral("Mevr. J. de Vries"));
    auto* attendees = Child<QListWidget>(d, "meetingAttendees");
    for (int i = 0; i < attendees->count(); ++i) {
      const QString who = attendees->item(i)->data(Qt::UserRole).toString();
      if (who == QStringLiteral("dir") || who == QStringLiteral("agent")) {
        attendees->item(i)->setCheckState(Qt::Checked);
      }
    }
    Child<QPlainTextEdit>(d, "meetingMinutes")->setPlainText(QStringLiteral("MDO na melding."));
    auto* minutes = Child<QComboBox>(d, "meetingMinutesSensitivity");
    minutes->setCurrentIndex(minutes->findData(int{v1::SENSITIVITY_GENERAL}));
  }

  // Adds a decision row creating an action owned by `owner_org`, due in `days`.
  static QWidget* AddDecision(RecordMeetingDialog& d, const QString& text, const QString& action,
                              const char* owner_org, int days) {
    d.decisions()->addButton()->click();
    QWidget* row = d.decisions()->row(d.decisions()->count() - 1);
    Child<QPlainTextEdit>(*row, "decisionText")->setPlainText(text);
    // The action's sensitivity follows the decision's.
    auto* sensitivity = Child<QComboBox>(*row, "decisionSensitivity");
    sensitivity->setCurrentIndex(sensitivity->findData(int{v1::SENSITIVITY_GENERAL}));
    Child<QCheckBox>(*row, "decisionHasAction")->setChecked(true);
    Child<QLineEdit>(*row, "actionDescription")->setText(action);
    auto* owner = Child<QComboBox>(*row, "actionOwner");
    owner->setCurrentIndex(owner->findData(QString::fromLatin1(owner_org)));
    EXPECT_GE(owner->currentIndex(), 0) << owner_org;
    Child<QDateEdit>(*row, "actionDue")->setDate(CaseToday().addDays(days));
    return row;
  }

  // Adds a row to `section` of the draft editor and returns it.
  static QWidget* AddItemRow(PlanDraftDialog& d, v1::PlanSection section) {
    EditableRowList* list = d.sectionList(section);
    EXPECT_NE(list, nullptr);
    list->addButton()->click();
    return list->row(list->count() - 1);
  }
};

TEST_F(CasePlanEditTest, RecordsAMeetingWithTwoActions) {
  MakeCase();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CaseMeetingsTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog = Open<RecordMeetingDialog>(*tab, "recordMeeting", "recordMeetingDialog");
  ASSERT_NE(dialog, nullptr);
  FillMeeting(*dialog);
  AddDecision(*dialog, QStringLiteral("Het wijkteam gaat wekelijks op huisbezoek."),
              QStringLiteral("Huisbezoek bij moeder plannen"), world::kTeam, 7);
  AddDecision(*dialog, QStringLiteral("De politie rijdt extra surveillance."),
              QStringLiteral("Surveillance in de straat inplannen"), world::kPolice, 14);
  // A third row, added and removed again: it is not sent.
  dialog->decisions()->addButton()->click();
  ASSERT_EQ(dialog->decisions()->count(), 3);
  dialog->decisions()->removeRow(2);
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  // The service holds the meeting, its decisions and both actions.
  const v1::Case c = GetCase();
  ASSERT_EQ(c.meetings_size(), 1);
  const v1::Meeting& m = c.meetings(0);
  EXPECT_EQ(m.chair(), "Mevr. J. de Vries");
  EXPECT_EQ(m.date().day(), CaseToday().addDays(-1).day());
  ASSERT_EQ(m.attendees_size(), 2);
  EXPECT_EQ(m.minutes().text(), "MDO na melding.");
  ASSERT_EQ(m.decisions_size(), 2);
  EXPECT_EQ(m.decisions(1).text().text(), "De politie rijdt extra surveillance.");
  ASSERT_EQ(c.actions_size(), 2);
  bool team_action = false;
  bool police_action = false;
  for (const v1::Action& a : c.actions()) {
    if (a.description().text() == "Huisbezoek bij moeder plannen") {
      EXPECT_EQ(a.description().sensitivity(), v1::SENSITIVITY_GENERAL) << "follows the decision";
      team_action = a.owner_organisation_id() == world::kTeam &&
                    FromProtoDate(a.due_date()) == CaseToday().addDays(7);
    }
    if (a.description().text() == "Surveillance in de straat inplannen") {
      police_action = a.owner_organisation_id() == world::kPolice &&
                      FromProtoDate(a.due_date()) == CaseToday().addDays(14);
    }
  }
  EXPECT_TRUE(team_action);
  EXPECT_TRUE(police_action);

  // The tab shows them once the window read the case again.
  auto* meetings = Child<QTableWidget>(*tab, "meetingsTable");
  auto* actions = Child<QTableWidget>(*tab, "actionsTable");
  ASSERT_TRUE(WaitUntil([&] { return meetings->rowCount() == 1 && actions->rowCount() == 2; }));
  EXPECT_EQ(meetings->item(0, 1)->text(), QStringLiteral("Mevr. J. de Vries"));
  const std::vector<QString> descriptions = Column(*actions, 0);
  EXPECT_NE(std::find(descriptions.begin(), descriptions.end(),
                      QStringLiteral("Huisbezoek bij moeder plannen")),
            descriptions.end());
  EXPECT_NE(std::find(descriptions.begin(), descriptions.end(),
                      QStringLiteral("Surveillance in de straat inplannen")),
            descriptions.end());
  EXPECT_TRUE(Child<QLabel>(*tab, "meetingsStatus")->text().contains(QStringLiteral("vastgelegd")));
}

TEST_F(CasePlanEditTest, ABadFieldIsMarkedAndNothingIsWritten) {
  MakeCase();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CaseMeetingsTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog = Open<RecordMeetingDialog>(*tab, "recordMeeting", "recordMeetingDialog");
  ASSERT_NE(dialog, nullptr);
  FillMeeting(*dialog);
  // A meeting in the future, and an action without a description.
  Child<QDateEdit>(*dialog, "meetingDate")->setDate(CaseToday().addDays(3));
  QWidget* row =
      AddDecision(*dialog, QStringLiteral("Er komt een actie."), QString(), world::kTeam, 7);
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(Child<QDateEdit>(*dialog, "meetingDate")))
      << StatusOf(*dialog).toStdString();
  EXPECT_TRUE(FieldMarks::IsMarked(Child<QLineEdit>(*row, "actionDescription")))
      << StatusOf(*dialog).toStdString();
  EXPECT_FALSE(FieldMarks::IsMarked(Child<QLineEdit>(*dialog, "meetingChair")));
  EXPECT_EQ(GetCase().meetings_size(), 0);
  EXPECT_EQ(GetCase().actions_size(), 0);
  EXPECT_TRUE(dialog->isVisible());

  // Corrected, the same dialog records it (with the marks gone).
  Child<QDateEdit>(*dialog, "meetingDate")->setDate(CaseToday());
  Child<QLineEdit>(*row, "actionDescription")->setText(QStringLiteral("Huisbezoek plannen"));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  EXPECT_EQ(GetCase().meetings_size(), 1);
  EXPECT_EQ(GetCase().actions_size(), 1);
}

TEST_F(CasePlanEditTest, OkTwiceRecordsOneMeeting) {
  MakeCase();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CaseMeetingsTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog = Open<RecordMeetingDialog>(*tab, "recordMeeting", "recordMeetingDialog");
  ASSERT_NE(dialog, nullptr);
  FillMeeting(*dialog);
  AddDecision(*dialog, QStringLiteral("Huisbezoek."), QStringLiteral("Huisbezoek plannen"),
              world::kTeam, 7);
  std::optional<bool> result;
  QObject::connect(dialog, &FormDialog::callFinished, [&](bool ok) { result = ok; });
  auto* ok = Child<QPushButton>(*dialog, "okButton");
  QPointer<QPushButton> after(ok);  // the dialog goes once it succeeded
  ok->click();
  ok->click();  // while the first is under way
  ASSERT_TRUE(WaitUntil([&] { return result.has_value(); }));
  ASSERT_TRUE(*result) << StatusOf(*dialog).toStdString();
  if (!after.isNull() && after->isVisible()) after->click();  // done: it sends nothing more
  WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  EXPECT_EQ(GetCase().meetings_size(), 1);
  EXPECT_EQ(GetCase().actions_size(), 1);
}

TEST_F(CasePlanEditTest, StartEditProposeAndSignOffAsEachOrganisation) {
  MakeCase();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  // No plan yet: a draft can be started, nothing else about versions.
  EXPECT_FALSE(Child<QPushButton>(*tab, "editDraft")->isEnabled());
  EXPECT_FALSE(Child<QPushButton>(*tab, "signOffVersion")->isEnabled());
  auto* start = Open<PlanStepDialog>(*tab, "startDraft", "startDraftDialog");
  ASSERT_NE(start, nullptr);
  ASSERT_TRUE(ClickOk(*start)) << StatusOf(*start).toStdString();
  ASSERT_EQ(GetPlan().version().state(), v1::PLAN_VERSION_STATE_DRAFT);

  auto* edit = Open<PlanDraftDialog>(*tab, "editDraft", "planDraftDialog");
  ASSERT_NE(edit, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return edit->isLoaded(); })) << StatusOf(*edit).toStdString();
  Child<QPlainTextEdit>(*AddItemRow(*edit, v1::PLAN_SECTION_WORRIES), "field_text")
      ->setPlainText(QStringLiteral("Vader slaat moeder als hij gedronken heeft."));
  Child<QPlainTextEdit>(*AddItemRow(*edit, v1::PLAN_SECTION_CONDITIONS), "field_text")
      ->setPlainText(QStringLiteral("Er is geen fysiek geweld in het gezin."));
  // A row added by mistake and removed.
  AddItemRow(*edit, v1::PLAN_SECTION_CONDITIONS);
  edit->sectionList(v1::PLAN_SECTION_CONDITIONS)->removeRow(1);
  QWidget* agreement = AddItemRow(*edit, v1::PLAN_SECTION_AGREEMENTS);
  Child<QPlainTextEdit>(*agreement, "field_what")
      ->setPlainText(QStringLiteral("Wijkteam bezoekt moeder elke maandag."));
  auto* owner = Child<QComboBox>(*agreement, "field_owner");
  owner->setCurrentIndex(owner->findData(QStringList{"wt", world::kTeam}));
  ASSERT_GT(owner->currentIndex(), 0);
  Child<QDateEdit>(*agreement, "field_due")->setDate(CaseToday().addDays(10));
  Child<QLineEdit>(*agreement, "field_checked_by")->setText(QStringLiteral("Oma (netwerk)"));
  QWidget* signal = AddItemRow(*edit, v1::PLAN_SECTION_WARNING_SIGNALS);
  Child<QPlainTextEdit>(*signal, "field_signal")
      ->setPlainText(QStringLiteral("Vader komt dronken thuis."));
  Child<QPlainTextEdit>(*signal, "field_action")
      ->setPlainText(QStringLiteral("Moeder gaat met de kinderen naar oma."));
  Child<QLineEdit>(*signal, "field_call")->setText(QStringLiteral("112"));
  Child<QDateEdit>(*edit, "planEvaluationDate")->setDate(CaseToday().addDays(42));
  ASSERT_TRUE(ClickOk(*edit)) << StatusOf(*edit).toStdString();

  const v1::GetPlanResponse draft = GetPlan();
  const v1::PlanContent& content = draft.version().content();
  ASSERT_EQ(ItemsOf(content, v1::PLAN_SECTION_CONDITIONS).size(), 1u);
  EXPECT_EQ(ItemsOf(content, v1::PLAN_SECTION_CONDITIONS)[0].text(),
            "Er is geen fysiek geweld in het gezin.");
  const auto agreements = ItemsOf(content, v1::PLAN_SECTION_AGREEMENTS);
  ASSERT_EQ(agreements.size(), 1u);
  EXPECT_EQ(agreements[0].agreement().owner_professional_id(), "wt");
  EXPECT_EQ(agreements[0].agreement().owner_organisation_id(), world::kTeam);
  EXPECT_EQ(FromProtoDate(agreements[0].agreement().due()), CaseToday().addDays(10));
  const auto signals_ = ItemsOf(content, v1::PLAN_SECTION_WARNING_SIGNALS);
  ASSERT_EQ(signals_.size(), 1u);
  EXPECT_EQ(signals_[0].warning_signal().call(), "112");
  EXPECT_EQ(FromProtoDate(content.evaluation_date()), CaseToday().addDays(42));

  // Edited again: the stored items come back in their rows (with their ids) and one changes.
  edit = Open<PlanDraftDialog>(*tab, "editDraft", "planDraftDialog");
  ASSERT_NE(edit, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return edit->isLoaded(); })) << StatusOf(*edit).toStdString();
  ASSERT_EQ(edit->sectionList(v1::PLAN_SECTION_AGREEMENTS)->count(), 1);
  auto* worry =
      Child<QPlainTextEdit>(*edit->sectionList(v1::PLAN_SECTION_WORRIES)->row(0), "field_text");
  EXPECT_EQ(worry->toPlainText(), QStringLiteral("Vader slaat moeder als hij gedronken heeft."));
  worry->setPlainText(QStringLiteral("Vader slaat moeder; de kinderen zien het."));
  ASSERT_TRUE(ClickOk(*edit)) << StatusOf(*edit).toStdString();
  const auto worries = ItemsOf(GetPlan().version().content(), v1::PLAN_SECTION_WORRIES);
  ASSERT_EQ(worries.size(), 1u);
  EXPECT_EQ(worries[0].text(), "Vader slaat moeder; de kinderen zien het.");
  EXPECT_EQ(worries[0].id(), ItemsOf(content, v1::PLAN_SECTION_WORRIES)[0].id());

  auto* propose = Open<PlanStepDialog>(*tab, "proposeVersion", "proposeVersionDialog");
  ASSERT_NE(propose, nullptr);
  ASSERT_TRUE(ClickOk(*propose)) << StatusOf(*propose).toStdString();
  EXPECT_EQ(GetPlan().version().state(), v1::PLAN_VERSION_STATE_PROPOSED);

  // The case director signs; the first plan's safety conditions are new, so Veilig Thuis too.
  auto* sign = Open<PlanStepDialog>(*tab, "signOffVersion", "signOffDialog");
  ASSERT_NE(sign, nullptr);
  ASSERT_TRUE(ClickOk(*sign)) << StatusOf(*sign).toStdString();
  EXPECT_EQ(GetPlan().version().state(), v1::PLAN_VERSION_STATE_PROPOSED);
  EXPECT_EQ(GetPlan().version().sign_offs_size(), 1);

  CaseWindow* vt_window = OpenAs("vt");
  ASSERT_NE(vt_window, nullptr);
  auto* vt_tab = vt_window->findChild<CasePlanTab*>();
  ASSERT_NE(vt_tab, nullptr);
  auto* vt_sign = Open<PlanStepDialog>(*vt_tab, "signOffVersion", "signOffDialog");
  ASSERT_NE(vt_sign, nullptr);
  ASSERT_TRUE(ClickOk(*vt_sign)) << StatusOf(*vt_sign).toStdString();

  const v1::GetPlanResponse active = GetPlan();
  EXPECT_EQ(active.version().state(), v1::PLAN_VERSION_STATE_ACTIVE);
  EXPECT_EQ(active.version().sign_offs_size(), 2);
  auto* summary = Child<QLabel>(*vt_tab, "planSummary");
  const QString in_force = PlanVersionStateName(v1::PLAN_VERSION_STATE_ACTIVE);
  EXPECT_TRUE(WaitUntil([&] { return summary->text().contains(in_force); }))
      << summary->text().toStdString();
  EXPECT_TRUE(
      WaitUntil([&] { return Child<QTableWidget>(*vt_tab, "signOffsTable")->rowCount() == 2; }));
  // Now the plan is in force: it can be evaluated, and a new draft started.
  EXPECT_TRUE(WaitUntil([&] { return Child<QPushButton>(*vt_tab, "evaluatePlan")->isEnabled(); }));
  EXPECT_FALSE(Child<QPushButton>(*vt_tab, "signOffVersion")->isEnabled());
}

TEST_F(CasePlanEditTest, ABadItemInTheDraftIsMarked) {
  MakeCase();
  v1::PlanVersion draft;
  ASSERT_TRUE(world_.Start("dir", case_id_, &draft).ok());
  CaseWindow* window = OpenAs("wt");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* edit = Open<PlanDraftDialog>(*tab, "editDraft", "planDraftDialog");
  ASSERT_NE(edit, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return edit->isLoaded(); })) << StatusOf(*edit).toStdString();
  QWidget* good = AddItemRow(*edit, v1::PLAN_SECTION_CONDITIONS);
  Child<QPlainTextEdit>(*good, "field_text")->setPlainText(QStringLiteral("Geen geweld."));
  QWidget* empty = AddItemRow(*edit, v1::PLAN_SECTION_CONDITIONS);
  EXPECT_FALSE(ClickOk(*edit));
  EXPECT_TRUE(FieldMarks::IsMarked(Child<QPlainTextEdit>(*empty, "field_text")))
      << StatusOf(*edit).toStdString();
  EXPECT_FALSE(FieldMarks::IsMarked(Child<QPlainTextEdit>(*good, "field_text")));
  EXPECT_TRUE(ItemsOf(GetPlan().version().content(), v1::PLAN_SECTION_CONDITIONS).empty());
}

TEST_F(CasePlanEditTest, AnItemHiddenFromTheEditorStaysAsItWas) {
  MakeCase();
  world_.ActivePlan(case_id_);  // FirstPlan: one of its two conditions is CARE
  v1::PlanVersion draft;
  ASSERT_TRUE(world_.Start("dir", case_id_, &draft).ok());
  CaseWindow* window = OpenAs("agent");  // police: does not see CARE
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* edit = Open<PlanDraftDialog>(*tab, "editDraft", "planDraftDialog");
  ASSERT_NE(edit, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return edit->isLoaded(); })) << StatusOf(*edit).toStdString();
  EditableRowList* conditions = edit->sectionList(v1::PLAN_SECTION_CONDITIONS);
  ASSERT_EQ(conditions->count(), 2);
  EXPECT_EQ(edit->findChildren<QLabel*>(QStringLiteral("hiddenItem")).size(), 1);
  const QString all = AllTextIn(*edit).join(QLatin1Char('\n'));
  EXPECT_FALSE(all.contains(QStringLiteral("verslavingszorg"))) << "the CARE item leaked";
  auto* worry =
      Child<QPlainTextEdit>(*edit->sectionList(v1::PLAN_SECTION_WORRIES)->row(0), "field_text");
  worry->setPlainText(QStringLiteral("Vader slaat moeder als hij gedronken heeft."));
  ASSERT_TRUE(ClickOk(*edit)) << StatusOf(*edit).toStdString();

  const v1::PlanContent content = GetPlan(draft.version()).version().content();
  const auto stored = ItemsOf(content, v1::PLAN_SECTION_CONDITIONS);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[1].text(), "Vader volgt zijn behandeling bij de verslavingszorg.");
  EXPECT_EQ(stored[1].sensitivity(), v1::SENSITIVITY_CARE);
  EXPECT_EQ(ItemsOf(content, v1::PLAN_SECTION_WORRIES)[0].text(),
            "Vader slaat moeder als hij gedronken heeft.");
}

TEST_F(CasePlanEditTest, RecordsAnIncident) {
  MakeCase();
  world_.ActivePlan(case_id_);
  CaseWindow* window = OpenAs("agent");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog = Open<RecordIncidentDialog>(*tab, "recordIncident", "incidentDialog");
  ASSERT_NE(dialog, nullptr);
  Child<QPlainTextEdit>(*dialog, "incidentWhat")
      ->setPlainText(QStringLiteral("Vader kwam dronken thuis en sloeg de deur in."));
  Child<QLineEdit>(*dialog, "incidentPoliceReference")->setText(QStringLiteral("PL0900-2026-1"));
  Child<QComboBox>(*dialog, "incidentReportedBy")->setCurrentText(QStringLiteral("politie"));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  const v1::GetPlanResponse plan = GetPlan();
  ASSERT_EQ(plan.incidents_size(), 1);
  EXPECT_EQ(plan.incidents(0).what(), "Vader kwam dronken thuis en sloeg de deur in.");
  EXPECT_EQ(plan.incidents(0).police_reference(), "PL0900-2026-1");
  EXPECT_EQ(plan.incidents(0).reported_by(), "politie");
  auto* incidents = Child<QTableWidget>(*tab, "incidentsTable");
  EXPECT_TRUE(WaitUntil([&] { return incidents->rowCount() == 1; }));
  EXPECT_TRUE(AllTextIn(*tab).join(QLatin1Char('\n')).contains(QStringLiteral("sloeg de deur in")));
  EXPECT_TRUE(Child<QLabel>(*tab, "planStatus")
                  ->text()
                  .contains(QStringLiteral("Het incident is vastgelegd")))
      << Child<QLabel>(*tab, "planStatus")->text().toStdString();
}

TEST_F(CasePlanEditTest, EvaluatesThePlanInForce) {
  MakeCase();
  const v1::PlanVersion plan = world_.ActivePlan(case_id_);
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog = Open<EvaluatePlanDialog>(*tab, "evaluatePlan", "evaluatePlanDialog");
  ASSERT_NE(dialog, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return dialog->isLoaded(); })) << StatusOf(*dialog).toStdString();
  const QList<QComboBox*> outcomes =
      dialog->findChildren<QComboBox*>(QStringLiteral("conditionOutcome"));
  ASSERT_EQ(outcomes.size(), 2);
  outcomes[1]->setCurrentIndex(outcomes[1]->findData(int{v1::CONDITION_OUTCOME_PARTLY_MET}));
  auto* decision = Child<QComboBox>(*dialog, "evaluationDecision");
  decision->setCurrentIndex(decision->findData(int{v1::EVALUATION_DECISION_CONFIRM}));
  Child<QDateEdit>(*dialog, "nextEvaluationDate")->setDate(CaseToday().addDays(30));
  Child<QPlainTextEdit>(*dialog, "evaluationNotes")
      ->setPlainText(QStringLiteral("Het gaat beter; vader volgt zijn behandeling."));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  const v1::GetPlanResponse after = GetPlan();
  ASSERT_EQ(after.evaluations_size(), 1);
  const v1::Evaluation& e = after.evaluations(0);
  EXPECT_EQ(e.version(), plan.version());
  EXPECT_EQ(e.decision(), v1::EVALUATION_DECISION_CONFIRM);
  ASSERT_EQ(e.conditions_size(), 2);
  EXPECT_EQ(e.conditions(1).outcome(), v1::CONDITION_OUTCOME_PARTLY_MET);
  EXPECT_EQ(FromProtoDate(after.next_evaluation_date()), CaseToday().addDays(30));
  auto* evaluations = Child<QTableWidget>(*tab, "evaluationsTable");
  EXPECT_TRUE(WaitUntil([&] { return evaluations->rowCount() == 1; }));
}

TEST_F(CasePlanEditTest, SomeoneNotAllowedGetsASentenceAndNothingChanges) {
  MakeCase();
  world_.ActivePlan(case_id_);
  // Involved (not core team): may not start a draft.
  CaseWindow* window = OpenAs("ggz");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* start = Open<PlanStepDialog>(*tab, "startDraft", "startDraftDialog");
  ASSERT_NE(start, nullptr);
  EXPECT_FALSE(ClickOk(*start));
  EXPECT_EQ(StatusOf(*start), QStringLiteral("Alleen de casusregisseur en het kernteam kunnen het "
                                             "veiligheidsplan wijzigen."));
  EXPECT_FALSE(StatusOf(*start).contains(QStringLiteral("only"))) << "no service English";
  EXPECT_EQ(GetPlan().versions_size(), 1);

  // The police officer on the core team may not evaluate.
  CaseWindow* agent_window = OpenAs("agent");
  ASSERT_NE(agent_window, nullptr);
  auto* agent_tab = agent_window->findChild<CasePlanTab*>();
  ASSERT_NE(agent_tab, nullptr);
  auto* evaluate = Open<EvaluatePlanDialog>(*agent_tab, "evaluatePlan", "evaluatePlanDialog");
  ASSERT_NE(evaluate, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return evaluate->isLoaded(); }));
  EXPECT_FALSE(ClickOk(*evaluate));
  EXPECT_EQ(StatusOf(*evaluate),
            QStringLiteral("Alleen de casusregisseur evalueert het veiligheidsplan."));
  EXPECT_EQ(GetPlan().evaluations_size(), 0);

  // An involved member may not record a meeting either.
  auto* meetings = window->findChild<CaseMeetingsTab*>();
  ASSERT_NE(meetings, nullptr);
  auto* dialog = Open<RecordMeetingDialog>(*meetings, "recordMeeting", "recordMeetingDialog");
  ASSERT_NE(dialog, nullptr);
  FillMeeting(*dialog);
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_EQ(
      StatusOf(*dialog),
      QStringLiteral("Alleen de casusregisseur en het kernteam kunnen een overleg vastleggen."));
  EXPECT_EQ(GetCase().meetings_size(), 0);
}

}  // namespace
}  // namespace schakel::desktop
