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
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

namespace schakel::desktop {
namespace {

using schakel::testing::PCtx;
using test_support::WaitUntil;

class CasePlanRecordsTest : public test_support::DesktopTest {
 protected:
  void TearDown() override {
    WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  }

  void MakeCase() {
    case_id_ = world_.MakeCase();
    world_.Flush();
  }

  CaseWindow* OpenAs(const std::string& id) {
    std::optional<Session> session = SignInAs(id);
    if (!session.has_value()) return nullptr;
    views_.push_back(std::make_unique<MyCasesView>(session->channel));
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
  static T* RecordsChild(const QObject& root, const char* name) {
    T* child = root.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(child, nullptr) << name;
    return child;
  }

  template <typename Dialog>
  static Dialog* RecordsOpen(const QWidget& tab, const char* button, const char* name) {
    auto* b = RecordsChild<QPushButton>(tab, button);
    if (b == nullptr) return nullptr;
    EXPECT_TRUE(WaitUntil([&] { return b->isEnabled(); })) << button << " stays disabled";
    b->click();
    return RecordsChild<Dialog>(tab, name);
  }

  static bool RecordsClickOk(FormDialog& dialog) {
    std::optional<bool> result;
    auto conn = QObject::connect(&dialog, &FormDialog::callFinished, [&](bool ok) { result = ok; });
    RecordsChild<QPushButton>(dialog, "okButton")->click();
    EXPECT_TRUE(WaitUntil([&] { return result.has_value(); })) << "no answer";
    QObject::disconnect(conn);
    return result.value_or(false);
  }

  static QString RecordsStatus(const QWidget& dialog) {
    return dialog.findChild<QLabel*>(QStringLiteral("formStatus"))->text();
  }

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
    auto* instrument = RecordsChild<QComboBox>(d, "riskInstrument");
    instrument->setCurrentIndex(instrument->findData(int{v1::RISK_INSTRUMENT_KIND_ARIJ}));
    RecordsChild<QLineEdit>(d, "riskInstrumentVersion")->setText(QStringLiteral("2.1"));
    auto* outcome = RecordsChild<QComboBox>(d, "riskOutcome");
    const int very_high = outcome->findData(QStringLiteral("VERY_HIGH"));
    EXPECT_GE(very_high, 0) << "ARIJ offers VERY_HIGH";
    outcome->setCurrentIndex(outcome->findData(QStringLiteral("HIGH")));
    RecordsChild<QPlainTextEdit>(d, "riskNotes")
        ->setPlainText(QStringLiteral("Hoog risico op herhaling."));
    auto* sensitivity = RecordsChild<QComboBox>(d, "riskNotesSensitivity");
    sensitivity->setCurrentIndex(sensitivity->findData(int{v1::SENSITIVITY_GENERAL}));
  }

  std::string case_id_;
  std::vector<std::unique_ptr<MyCasesView>> views_;
};

TEST_F(CasePlanRecordsTest, RecordsARiskAssessment) {
  MakeCase();
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog =
      RecordsOpen<RecordRiskInstrumentDialog>(*tab, "recordRiskInstrument", "riskInstrumentDialog");
  ASSERT_NE(dialog, nullptr);
  FillRisk(*dialog);
  ASSERT_TRUE(RecordsClickOk(*dialog)) << RecordsStatus(*dialog).toStdString();

  const std::vector<v1::RiskAssessment> risks = ListRisks();
  ASSERT_EQ(risks.size(), 1u);
  EXPECT_EQ(risks[0].instrument(), v1::RISK_INSTRUMENT_KIND_ARIJ);
  EXPECT_EQ(risks[0].instrument_version(), "2.1");
  EXPECT_EQ(risks[0].outcome_level(), "HIGH");
  EXPECT_EQ(risks[0].professional_id(), "dir");
  EXPECT_EQ(risks[0].notes(), "Hoog risico op herhaling.");

  auto* table = RecordsChild<QTableWidget>(*tab, "riskTable");
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
      RecordsOpen<RecordRiskInstrumentDialog>(*tab, "recordRiskInstrument", "riskInstrumentDialog");
  ASSERT_NE(dialog, nullptr);
  FillRisk(*dialog);
  auto* at = RecordsChild<QDateTimeEdit>(*dialog, "riskAssessedAt");
  const QDateTime now = at->dateTime();
  at->setDateTime(now.addDays(2));
  EXPECT_FALSE(RecordsClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(at)) << RecordsStatus(*dialog).toStdString();
  EXPECT_FALSE(FieldMarks::IsMarked(RecordsChild<QLineEdit>(*dialog, "riskInstrumentVersion")));
  EXPECT_TRUE(dialog->isVisible());
  EXPECT_TRUE(ListRisks().empty());

  // Corrected, the same dialog records it.
  at->setDateTime(now);
  ASSERT_TRUE(RecordsClickOk(*dialog)) << RecordsStatus(*dialog).toStdString();
  EXPECT_EQ(ListRisks().size(), 1u);
}

TEST_F(CasePlanRecordsTest, RecordsTheFamilyAgreementToThePlanInForce) {
  MakeCase();
  const v1::PlanVersion plan = world_.ActivePlan(case_id_);
  CaseWindow* window = OpenAs("dir");
  ASSERT_NE(window, nullptr);
  auto* tab = window->findChild<CasePlanTab*>();
  ASSERT_NE(tab, nullptr);
  auto* dialog = RecordsOpen<RecordFamilyAgreementDialog>(*tab, "recordFamilyAgreement",
                                                          "familyAgreementDialog");
  ASSERT_NE(dialog, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return dialog->isLoaded(); }));
  EXPECT_TRUE(RecordsChild<QLabel>(*dialog, "agreementText")
                  ->text()
                  .contains(QString::number(plan.version())));
  auto* person = RecordsChild<QComboBox>(*dialog, "agreementPerson");
  const int sanne = person->findData(QString::fromStdString(world_.person_id()));
  ASSERT_GE(sanne, 0);
  EXPECT_TRUE(person->itemText(sanne).contains(QStringLiteral("Sanne Visser")));
  person->setCurrentIndex(sanne);
  auto* channel = RecordsChild<QComboBox>(*dialog, "agreementChannel");
  channel->setCurrentIndex(channel->findData(int{v1::AGREEMENT_CHANNEL_IN_PERSON}));
  ASSERT_TRUE(RecordsClickOk(*dialog)) << RecordsStatus(*dialog).toStdString();

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
  auto* dialog = RecordsOpen<RecordFamilyAgreementDialog>(*tab, "recordFamilyAgreement",
                                                          "familyAgreementDialog");
  ASSERT_NE(dialog, nullptr);
  ASSERT_TRUE(WaitUntil([&] { return dialog->isLoaded(); }));
  EXPECT_FALSE(RecordsClickOk(*dialog));
  EXPECT_TRUE(FieldMarks::IsMarked(RecordsChild<QComboBox>(*dialog, "agreementChannel")))
      << RecordsStatus(*dialog).toStdString();
}

}  // namespace
}  // namespace schakel::desktop
