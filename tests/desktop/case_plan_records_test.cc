// Recording beside the safety plan from the case window's Veiligheidsplan tab, against a real
// in-process host over mutual TLS, signed in through the dialog: a risk assessment
// (RecordRiskInstrumentDialog, then ListRiskInstruments and the tab's riskTable), a bad field
// marked with nothing written, and the family's agreement to the version in force
// (RecordFamilyAgreementDialog, then GetPlan).
// First: the intake protos (the fixture reads them) before Qt's keyword macros.
#include "client/desktop/intake_proto.h"  // IWYU pragma: keep

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>

#include "client/desktop/case_plan_records.h"
#include "client/desktop/case_plan_tab.h"
#include "client/desktop/case_window.h"
#include "client/desktop/field_errors.h"
#include "client/desktop/form_dialog.h"
#include "client/desktop/my_cases_view.h"
#include "client/desktop/rpc_runner.h"
#include "tests/desktop/case_window_fixture.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::PCtx;
using test_support::WaitUntil;

class CasePlanRecordsTest : public test_support::CaseWindowFixture {
 protected:
  std::vector<v1::RiskAssessment> ListRisks(const std::string& who = "dir") {
    v1::ListRiskInstrumentsRequest req;
    req.set_case_id(case_id_);
    v1::ListRiskInstrumentsResponse resp;
    const grpc::Status st = world_.P(who)->ListRiskInstruments(PCtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return {resp.assessments().begin(), resp.assessments().end()};
  }

  // Fills the risk dialog: ARIJ 2.1, HIGH, a note.
  static void FillRisk(RecordRiskInstrumentDialog& d) {
    auto* instrument = Child<QComboBox>(d, "riskInstrument");
    instrument->setCurrentIndex(instrument->findData(int{v1::RISK_INSTRUMENT_KIND_ARIJ}));
    Child<QLineEdit>(d, "riskInstrumentVersion")->setText(QStringLiteral("2.1"));
    auto* outcome = Child<QComboBox>(d, "riskOutcome");
    const int very_high = outcome->findData(QStringLiteral("VERY_HIGH"));
    EXPECT_GE(very_high, 0) << "ARIJ offers VERY_HIGH";
    outcome->setCurrentIndex(outcome->findData(QStringLiteral("HIGH")));
    Child<QPlainTextEdit>(d, "riskNotes")
        ->setPlainText(QStringLiteral("Hoog risico op herhaling."));
    auto* sensitivity = Child<QComboBox>(d, "riskNotesSensitivity");
    sensitivity->setCurrentIndex(sensitivity->findData(int{v1::SENSITIVITY_GENERAL}));
  }
};

TEST_F(CasePlanRecordsTest, RecordsARiskAssessment) {
  MakeCase();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog =
      Open<RecordRiskInstrumentDialog>(*tab, "recordRiskInstrument", "riskInstrumentDialog");
  ASSERT_NE(dialog, nullptr);
  FillRisk(*dialog);
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  const std::vector<v1::RiskAssessment> risks = ListRisks();
  ASSERT_EQ(risks.size(), 1u);
  EXPECT_EQ(risks[0].instrument(), v1::RISK_INSTRUMENT_KIND_ARIJ);
  EXPECT_EQ(risks[0].instrument_version(), "2.1");
  EXPECT_EQ(risks[0].outcome_level(), "HIGH");
  EXPECT_EQ(risks[0].professional_id(), "dir");
  EXPECT_EQ(risks[0].notes(), "Hoog risico op herhaling.");

  auto* table = Child<QTableWidget>(*tab, "riskTable");
  ASSERT_NE(table, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return table->rowCount() == 1; }));
  EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("ARIJ"));
  EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("2.1"));
  EXPECT_EQ(table->item(0, 4)->text(), RiskOutcomeLevelName("HIGH"));
  EXPECT_TRUE(table->item(0, 3)->text().contains(QStringLiteral("dir")));
}

TEST_F(CasePlanRecordsTest, AFutureDateIsMarkedAndNothingIsWritten) {
  MakeCase();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog =
      Open<RecordRiskInstrumentDialog>(*tab, "recordRiskInstrument", "riskInstrumentDialog");
  ASSERT_NE(dialog, nullptr);
  FillRisk(*dialog);
  auto* at = Child<QDateTimeEdit>(*dialog, "riskAssessedAt");
  const QDateTime now = at->dateTime();
  at->setDateTime(now.addDays(2));
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(at)) << StatusOf(*dialog).toStdString();
  EXPECT_FALSE(FieldMarks::IsMarked(Child<QLineEdit>(*dialog, "riskInstrumentVersion")));
  EXPECT_TRUE(dialog->isVisible());
  EXPECT_TRUE(ListRisks().empty());

  // Corrected, the same dialog records it.
  at->setDateTime(now);
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();
  EXPECT_EQ(ListRisks().size(), 1u);
}

TEST_F(CasePlanRecordsTest, RecordsTheFamilyAgreementToThePlanInForce) {
  MakeCase();
  const v1::PlanVersion plan = world_.ActivePlan(case_id_);
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog =
      Open<RecordFamilyAgreementDialog>(*tab, "recordFamilyAgreement", "familyAgreementDialog");
  ASSERT_NE(dialog, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return dialog->isLoaded(); }));
  EXPECT_TRUE(
      Child<QLabel>(*dialog, "agreementText")->text().contains(QString::number(plan.version())));
  auto* person = Child<QComboBox>(*dialog, "agreementPerson");
  const int sanne = person->findData(QString::fromStdString(world_.person_id()));
  ASSERT_GE(sanne, 0);
  EXPECT_TRUE(person->itemText(sanne).contains(QStringLiteral("Sanne Visser")));
  person->setCurrentIndex(sanne);
  auto* channel = Child<QComboBox>(*dialog, "agreementChannel");
  channel->setCurrentIndex(channel->findData(int{v1::AGREEMENT_CHANNEL_IN_PERSON}));
  ASSERT_TRUE(ClickOk(*dialog)) << StatusOf(*dialog).toStdString();

  v1::GetPlanResponse got;
  ASSERT_TRUE(world_.Get("dir", case_id_, plan.version(), &got).ok());
  ASSERT_EQ(got.version().family_agreements_size(), 1);
  EXPECT_EQ(got.version().family_agreements(0).person_id(), world_.person_id());
  EXPECT_EQ(got.version().family_agreements(0).channel(), v1::AGREEMENT_CHANNEL_IN_PERSON);
  EXPECT_EQ(got.version().family_agreements(0).recorded_by(), "dir");
}

TEST_F(CasePlanRecordsTest, WithoutAChannelTheChannelIsMarked) {
  MakeCase();
  world_.ActivePlan(case_id_);
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog =
      Open<RecordFamilyAgreementDialog>(*tab, "recordFamilyAgreement", "familyAgreementDialog");
  ASSERT_NE(dialog, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return dialog->isLoaded(); }));
  EXPECT_FALSE(ClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(Child<QComboBox>(*dialog, "agreementChannel")))
      << StatusOf(*dialog).toStdString();
}

}  // namespace
}  // namespace schakel::desktop
