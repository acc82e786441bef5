// Toezicht against real in-process hosts over mutual TLS, signed in through the dialog: the
// handover report of a supervisor (a handover accepted, one declined; the table, the charts and
// "geen gaten"), the intake report against its norms with the service's numbers, a supervisor the
// intake figures are not for, a period the service refuses, the CSV export (its file holds the
// tables' rows, quoted where needed), cancelling, and the refusal to someone without a supervisor's
// role.
#include <optional>
#include <ostream>
#include <string>

#include <gtest/gtest.h>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>

#include "client/desktop/display.h"
#include "client/desktop/error_text.h"
#include "client/desktop/field_errors.h"
#include "client/desktop/supervision_charts.h"
#include "client/desktop/supervision_csv.h"
#include "client/desktop/supervision_tables.h"
#include "client/desktop/supervision_view.h"
#include "services/common/ids.h"
#include "services/common/sqlite.h"
#include "tests/desktop/desktop_fixture.h"
#include "tests/integration/intake_fixture.h"
#include "tests/integration/safetyplan_fixture.h"

// QStrings in gtest's messages as text.
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace schakel::desktop {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace)
using schakel::testing::AmsterdamTime;
using schakel::testing::IntakeWorld;
using schakel::testing::PCtx;
namespace plan = schakel::testing::plan_world;
namespace intake = schakel::testing::intake_world;

const char kNoViewAccess[] = "U heeft geen toegang tot dit onderdeel.";

QTableWidget* Table(const QWidget& view, const char* name) {
  return view.findChild<QTableWidget*>(QString::fromLatin1(name));
}
QString LabelText(const QWidget& view, const char* name) {
  auto* label = view.findChild<QLabel*>(QString::fromLatin1(name));
  return label != nullptr ? label->text() : QStringLiteral("<no label %1>").arg(name);
}

// The row of `table` whose first cell is `first`; empty when there is none.
QStringList RowStartingWith(const QTableWidget& table, const QString& first) {
  for (int r = 0; r < table.rowCount(); ++r) {
    if (table.item(r, 0) != nullptr && table.item(r, 0)->text() == first) {
      QStringList row;
      for (int c = 0; c < table.columnCount(); ++c) row << table.item(r, c)->text();
      return row;
    }
  }
  return {};
}

// Refreshes `view` and waits for the answer; the `ok` it reported.
std::optional<bool> Load(SupervisionView& view) {
  std::optional<bool> result;
  auto conn = QObject::connect(&view, &SupervisionView::loaded, [&](bool ok) { result = ok; });
  view.refresh();
  EXPECT_TRUE(WaitUntil([&] { return result.has_value(); })) << "no answer";
  QObject::disconnect(conn);
  return result;
}

void SetPeriod(SupervisionView& view, QDate from, QDate to) {
  view.findChild<QDateEdit*>(QStringLiteral("periodFrom"))->setDate(from);
  view.findChild<QDateEdit*>(QStringLiteral("periodTo"))->setDate(to);
}

// The lines of the file at `path`.
QStringList LinesOf(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
}

QString CsvLine(const QStringList& cells) {
  QStringList fields;
  for (const QString& c : cells) fields << CsvField(c);
  return fields.join(QLatin1Char(','));
}

TEST(SupervisionCsvTest, QuotesWhatNeedsQuoting) {
  EXPECT_EQ(CsvField(QStringLiteral("wijkteam-org")), QStringLiteral("wijkteam-org"));
  EXPECT_EQ(CsvField(QStringLiteral("12,5 uur")), QStringLiteral("\"12,5 uur\""));
  EXPECT_EQ(CsvField(QStringLiteral("zei \"nee\"")), QStringLiteral("\"zei \"\"nee\"\"\""));
  EXPECT_EQ(CsvField(QStringLiteral("twee\nregels")), QStringLiteral("\"twee\nregels\""));
  EXPECT_EQ(CsvField(QString()), QString());
  const CsvTable t{.title = QStringLiteral("Titel, met komma"),
                   .header = {QStringLiteral("a"), QStringLiteral("b")},
                   .rows = {{QStringLiteral("1"), QStringLiteral("x\"y")}}};
  EXPECT_EQ(CsvText({t}), QStringLiteral("\"Titel, met komma\"\na,b\n1,\"x\"\"y\"\n\n"));
}

TEST(SupervisionCsvTest, AFileThatCannotBeWrittenIsSaidSo) {
  QTemporaryDir dir;
  const QString path = dir.path() + QStringLiteral("/bestaat-niet/rapport.csv");
  const QString error = WriteCsvFile(path, {});
  EXPECT_TRUE(error.contains(path)) << error.toStdString();
  EXPECT_FALSE(QFile::exists(path));
}

TEST(SupervisionTablesTest, NormsReadInWords) {
  v1::NormShare s;
  s.set_measured(4);
  s.set_on_time(3);
  s.set_late(1);
  s.set_share(0.75);
  s.set_norm(0.9);
  EXPECT_EQ(NormLine(AssessmentNormName(), s),
            QStringLiteral("Veiligheidsbeoordeling binnen 5 werkdagen: 75,0% op tijd (3 van 4; "
                           "norm 90%) — niet gehaald"));
  s.set_met(true);
  EXPECT_EQ(NormVerdict(s), QStringLiteral("gehaald"));
  EXPECT_EQ(NormVerdict(v1::NormShare()), QStringLiteral("niets gemeten"));
  EXPECT_EQ(FormatHours(12.25), QStringLiteral("12,3 uur"));
}

// A supervisor's handover report in the safety plan world: one handover accepted, one declined.
class SupervisionViewTest : public DesktopTest {
 protected:
  void MakeHandovers() {
    case_id_ = world_.MakeCase();
    const std::string& case_id = case_id_;
    world_.Flush();
    v1::ProposeHandoverRequest to_team;
    to_team.set_request_id(NewRandomId());
    to_team.set_case_id(case_id);
    to_team.set_to_organisation_id(plan::kTeam);
    to_team.set_phase(v1::PHASE_STABLE_SAFETY);
    to_team.mutable_content()->set_summary("Moeder en kinderen veilig bij oma");
    v1::ProposeHandoverResponse proposed;
    grpc::Status st = world_.H("vt")->ProposeHandover(PCtx().get(), to_team, &proposed);
    ASSERT_TRUE(st.ok()) << st.error_message();
    v1::AcceptHandoverRequest accept;
    accept.set_request_id(NewRandomId());
    accept.set_handover_id(proposed.handover().id());
    v1::AcceptHandoverResponse accepted;
    st = world_.H("wt")->AcceptHandover(PCtx().get(), accept, &accepted);
    ASSERT_TRUE(st.ok()) << st.error_message();

    v1::ProposeHandoverRequest to_ggz = to_team;
    to_ggz.set_request_id(NewRandomId());
    to_ggz.set_to_organisation_id(plan::kGgz);
    to_ggz.set_phase(v1::PHASE_RECOVERY);
    st = world_.H("dir")->ProposeHandover(PCtx().get(), to_ggz, &proposed);
    ASSERT_TRUE(st.ok()) << st.error_message();
    v1::DeclineHandoverRequest decline;
    decline.set_request_id(NewRandomId());
    decline.set_handover_id(proposed.handover().id());
    decline.set_reason("wachtlijst van vier maanden");
    v1::DeclineHandoverResponse declined;
    st = world_.H("ggz")->DeclineHandover(PCtx().get(), decline, &declined);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  std::string case_id_;
};

TEST_F(SupervisionViewTest, TheHandoverReportShowsTheAcceptedAndTheDeclinedAndNoGaps) {
  ASSERT_NO_FATAL_FAILURE(MakeHandovers());
  std::optional<Session> session = SignInAs("wtsup");
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  ASSERT_EQ(Load(view), std::optional<bool>(true))
      << LabelText(view, "supervisionStatus").toStdString();

  // Per organisation: received, accepted, declined, overdue, sent.
  // Organisations by their names from the directory, not their ids.
  const QTableWidget& orgs = *Table(view, "organisationTable");
  EXPECT_TRUE(WaitUntil([&] { return !RowStartingWith(orgs, OrgName(plan::kVt)).isEmpty(); }));
  EXPECT_EQ(RowStartingWith(orgs, OrgName(plan::kTeam)),
            (QStringList{OrgName(plan::kTeam), "1", "1", "0", "0", "1"}));
  EXPECT_EQ(RowStartingWith(orgs, OrgName(plan::kGgz)),
            (QStringList{OrgName(plan::kGgz), "1", "0", "1", "0", "0"}));
  EXPECT_EQ(RowStartingWith(orgs, OrgName(plan::kVt)),
            (QStringList{OrgName(plan::kVt), "0", "0", "0", "0", "1"}));
  EXPECT_TRUE(RowStartingWith(orgs, QString::fromLatin1(plan::kVt)).isEmpty());
  const QTableWidget& summary = *Table(view, "handoverSummary");
  EXPECT_EQ(RowStartingWith(summary, "Overdrachten: Geaccepteerd").value(1), QStringLiteral("1"));
  EXPECT_EQ(RowStartingWith(summary, "Overdrachten: Afgewezen").value(1), QStringLiteral("1"));
  EXPECT_EQ(RowStartingWith(summary, "Gaten").value(1), QStringLiteral("0"));
  EXPECT_TRUE(RowStartingWith(summary, "Tijd tot acceptatie: mediaan").value(1).endsWith(" uur"));

  // No gaps: the list is empty and says so.
  EXPECT_EQ(Table(view, "gapList")->rowCount(), 0);
  EXPECT_TRUE(LabelText(view, "gapStatus").contains(QStringLiteral("geen gaten")))
      << LabelText(view, "gapStatus").toStdString();

  // The charts show the same figures.
  const ChartContent per_org =
      ChartContentOf(view.findChild<QWidget*>(QStringLiteral("organisationChart")));
  const qsizetype ggz = per_org.categories.indexOf(OrgName(plan::kGgz));
  ASSERT_GE(ggz, 0) << per_org.categories.join(',').toStdString();
  ASSERT_EQ(per_org.sets.size(), 4U);
  EXPECT_EQ(per_org.sets[2].label, QStringLiteral("Afgewezen"));
  EXPECT_EQ(per_org.sets[2].values.value(ggz), 1.0);
  EXPECT_EQ(per_org.sets[3].label, QStringLiteral("Te laat"));
  EXPECT_EQ(per_org.sets[3].values.value(ggz), 0.0);
  const ChartContent time =
      ChartContentOf(view.findChild<QWidget*>(QStringLiteral("timeToAcceptChart")));
  EXPECT_EQ(time.categories, (QStringList{"Mediaan", "90% binnen"}));
  ASSERT_EQ(time.sets.size(), 1U);
  EXPECT_EQ(time.sets[0].values.size(), 2);

  // No intake service on this host: the handover part alone, without an error.
  EXPECT_EQ(LabelText(view, "intakeStatus"),
            QStringLiteral("Het intakeoverzicht wordt op deze server niet aangeboden."));
  EXPECT_EQ(Table(view, "normTable")->rowCount(), 0);
}

TEST_F(SupervisionViewTest, AGapIsListedAndStandsOut) {
  ASSERT_NO_FATAL_FAILURE(MakeHandovers());
  // Break the ledger the way a bug would: the first lead stops an hour early, before the case
  // opened even, so it had no lead until the next one took over.
  {
    auto db = sqlite::Database::Open(world_.host().data_dir() / "handover.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE lead_periods SET end_time = end_time - 3600000000 WHERE "
                           "case_id = '" +
                           case_id_ + "' AND end_time IS NOT NULL")
                    .ok());
  }
  std::optional<Session> session = SignInAs("wtsup");
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  ASSERT_EQ(Load(view), std::optional<bool>(true));
  const QTableWidget& gaps = *Table(view, "gapList");
  ASSERT_EQ(gaps.rowCount(), 1);
  EXPECT_FALSE(gaps.item(0, 0)->text().isEmpty());
  EXPECT_EQ(gaps.item(0, 1)->text(), QStringLiteral("Geen leidende organisatie"));
  const QDateTime start =
      QDateTime::fromString(gaps.item(0, 2)->text(), QStringLiteral("dd-MM-yyyy HH:mm"));
  const QDateTime end =
      QDateTime::fromString(gaps.item(0, 3)->text(), QStringLiteral("dd-MM-yyyy HH:mm"));
  ASSERT_TRUE(start.isValid() && end.isValid()) << gaps.item(0, 2)->text().toStdString();
  EXPECT_LE(start, end);  // the case opened moments before the handover (a real clock)
  const QString status = LabelText(view, "gapStatus");
  EXPECT_FALSE(status.contains(QStringLiteral("geen gaten"))) << status.toStdString();
  EXPECT_TRUE(status.startsWith(QStringLiteral("1 gat"))) << status.toStdString();
  auto* tabs = view.findChild<QTabWidget*>(QStringLiteral("supervisionTabs"));
  EXPECT_EQ(tabs->tabText(1), QStringLiteral("&Gaten (1)"));
  EXPECT_EQ(RowStartingWith(*Table(view, "handoverSummary"), "Gaten").value(1),
            QStringLiteral("1"));
}

TEST_F(SupervisionViewTest, TheCsvFileHoldsTheTablesRows) {
  ASSERT_NO_FATAL_FAILURE(MakeHandovers());
  std::optional<Session> session = SignInAs("wtsup");
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  // Shown first, so that the organisations' names are in (an export made before the directory
  // answers has their ids).
  ASSERT_EQ(Load(view), std::optional<bool>(true));
  ASSERT_TRUE(WaitUntil([&] {
    return !RowStartingWith(*Table(view, "organisationTable"), OrgName(plan::kTeam)).isEmpty();
  }));
  QTemporaryDir dir;
  const QString path = dir.path() + QStringLiteral("/toezicht.csv");
  std::optional<bool> exported;
  QString message;
  QObject::connect(&view, &SupervisionView::exported, [&](bool ok, const QString& text) {
    exported = ok;
    message = text;
  });
  view.exportCsvTo(path);
  ASSERT_TRUE(WaitUntil([&] { return exported.has_value(); }));
  ASSERT_TRUE(*exported) << message.toStdString();
  EXPECT_EQ(LabelText(view, "supervisionStatus"), message);

  const QStringList lines = LinesOf(path);
  ASSERT_FALSE(lines.isEmpty());
  EXPECT_TRUE(lines.contains(QStringLiteral("Overdrachten per organisatie")));
  EXPECT_TRUE(lines.contains(
      QStringLiteral("Organisatie,Ontvangen,Geaccepteerd,Afgewezen,Te laat,Verzonden")));
  for (const char* name : {"organisationTable", "handoverSummary"}) {
    const QTableWidget& table = *Table(view, name);
    ASSERT_GT(table.rowCount(), 0) << name;
    for (int r = 0; r < table.rowCount(); ++r) {
      QStringList cells;
      for (int c = 0; c < table.columnCount(); ++c) cells << table.item(r, c)->text();
      EXPECT_TRUE(lines.contains(CsvLine(cells))) << name << ": " << CsvLine(cells).toStdString();
    }
  }
  // A Dutch decimal comma is quoted.
  const QString median =
      RowStartingWith(*Table(view, "handoverSummary"), "Tijd tot acceptatie: mediaan").value(1);
  EXPECT_TRUE(median.contains(','));
  EXPECT_TRUE(lines.contains(QStringLiteral("Tijd tot acceptatie: mediaan,\"%1\"").arg(median)));
  EXPECT_TRUE(lines.contains(CsvLine({OrgName(plan::kTeam), "1", "1", "0", "0", "1"})));
}

TEST_F(SupervisionViewTest, SomeoneWithoutASupervisorsRoleIsRefused) {
  std::optional<Session> session = SignInAs("wt");  // PROFESSIONAL
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  ASSERT_EQ(Load(view), std::optional<bool>(false));
  EXPECT_EQ(LabelText(view, "supervisionStatus"), QString::fromUtf8(kNoViewAccess));
  EXPECT_EQ(LabelText(view, "handoverStatus"), QString::fromUtf8(kNoViewAccess));
  EXPECT_EQ(Table(view, "organisationTable")->rowCount(), 0);
  EXPECT_FALSE(LabelText(view, "gapStatus").contains(QStringLiteral("geen gaten")));
  // gRPC's own text only in a tooltip.
  for (const char* name : {"supervisionStatus", "handoverStatus", "intakeStatus"}) {
    EXPECT_FALSE(LabelText(view, name).contains(QStringLiteral("PERMISSION"))) << name;
  }
  EXPECT_TRUE(view.findChild<QLabel*>(QStringLiteral("supervisionStatus"))
                  ->toolTip()
                  .startsWith(QStringLiteral("PERMISSION_DENIED")));
  // And nothing to export.
  EXPECT_TRUE(view.csvTables().empty());
}

TEST_F(SupervisionViewTest, CancellingKeepsTheViewUsable) {
  std::optional<Session> session = SignInAs("wtsup");
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  std::optional<bool> result;
  QObject::connect(&view, &SupervisionView::loaded, [&](bool ok) { result = ok; });
  view.refresh();
  auto* cancel = view.findChild<QPushButton*>(QStringLiteral("cancelButton"));
  EXPECT_TRUE(cancel->isEnabled());
  EXPECT_FALSE(view.findChild<QPushButton*>(QStringLiteral("refreshButton"))->isEnabled());
  cancel->click();  // before the answer: it is dropped when it comes
  EXPECT_EQ(result, std::optional<bool>(false));
  EXPECT_TRUE(LabelText(view, "supervisionStatus").startsWith(QStringLiteral("Geannuleerd")));
  EXPECT_FALSE(cancel->isEnabled());
  EXPECT_TRUE(view.findChild<QPushButton*>(QStringLiteral("refreshButton"))->isEnabled());
  WaitUntil([] { return CallPool().activeThreadCount() == 0; });
  QCoreApplication::processEvents();
  EXPECT_TRUE(LabelText(view, "supervisionStatus").startsWith(QStringLiteral("Geannuleerd")));
  // A refresh after it answers.
  EXPECT_EQ(Load(view), std::optional<bool>(true));
}

// The intake world (Veilig Thuis Haaglanden on a fake clock, with the cases and handover
// services): a January with three reports assessed (one late) and one investigation completed.
class SupervisionIntakeTest : public ::testing::Test {
 protected:
  // AssessReport as "vt1" with `route` (an investigation by "vt2").
  void Assess(const std::string& report_id, v1::AssessmentRoute route) {
    v1::AssessReportRequest req;
    req.set_request_id(NewRandomId());
    req.set_report_id(report_id);
    v1::SafetyAssessment* a = req.mutable_assessment();
    a->set_reasoning("Beoordeeld.");
    a->set_route(route);
    if (route == v1::ASSESSMENT_ROUTE_INVESTIGATION) {
      a->set_structural_unsafety(true);
      a->mutable_investigation()->set_investigator_id("vt2");
    }
    v1::AssessReportResponse resp;
    const grpc::Status st =
        world_.I("vt1")->AssessReport(schakel::testing::ICtx().get(), req, &resp);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  void SetUp() override {
    using schakel::testing::ProfessionalReport;
    world_.Person("teamsup", intake::kTeam, {v1::ROLE_SUPERVISOR});
    // Monday 5 January 09:00: the assessments are due at the end of Monday 12 January.
    const std::string on_time = world_.Submit("vt1", ProfessionalReport());
    const std::string late = world_.Submit("vt1", ProfessionalReport());
    const std::string investigated = world_.Submit("vt1", ProfessionalReport());
    world_.clock().Set(AmsterdamTime(2026, 1, 6, 10));
    ASSERT_NO_FATAL_FAILURE(Assess(on_time, v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT));
    ASSERT_NO_FATAL_FAILURE(Assess(investigated, v1::ASSESSMENT_ROUTE_INVESTIGATION));
    world_.clock().Set(AmsterdamTime(2026, 1, 14, 10));
    ASSERT_NO_FATAL_FAILURE(Assess(late, v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT));
    world_.clock().Set(AmsterdamTime(2026, 2, 2, 10));
    v1::CompleteInvestigationRequest end;
    end.set_request_id(NewRandomId());
    end.set_report_id(investigated);
    end.set_conclusion("Afgerond.");
    end.set_follow_up(v1::INVESTIGATION_FOLLOW_UP_CONDITIONS_FOLLOW_UP);
    v1::CompleteInvestigationResponse ended;
    const grpc::Status st =
        world_.I("vt2")->CompleteInvestigation(schakel::testing::ICtx().get(), end, &ended);
    ASSERT_TRUE(st.ok()) << st.error_message();
  }

  v1::IntakeReport ServiceFigures() {
    v1::GetIntakeReportRequest req;
    req.mutable_from()->set_year(2026);
    req.mutable_from()->set_month(1);
    req.mutable_from()->set_day(1);
    req.mutable_to()->set_year(2026);
    req.mutable_to()->set_month(1);
    req.mutable_to()->set_day(31);
    v1::GetIntakeReportResponse resp;
    const grpc::Status st =
        world_.I("vtsup")->GetIntakeReport(schakel::testing::ICtx().get(), req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    return resp.report();
  }

  IntakeWorld world_{{}, nullptr, /*with_cases=*/true};
  DesktopSignIn sign_in_{world_.host()};
};

TEST_F(SupervisionIntakeTest, TheNormsShowTheServicesNumbers) {
  std::optional<Session> session = sign_in_.SignInAs("vtsup", intake::kVt);
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  SetPeriod(view, QDate(2026, 1, 1), QDate(2026, 1, 31));
  ASSERT_EQ(Load(view), std::optional<bool>(true));

  const v1::IntakeReport figures = ServiceFigures();
  ASSERT_EQ(figures.assessments().measured(), 3);
  ASSERT_EQ(figures.investigations().measured(), 1);
  const QTableWidget& norms = *Table(view, "normTable");
  EXPECT_EQ(RowStartingWith(norms, AssessmentNormName()),
            (QStringList{AssessmentNormName(), "3", "2", "1", "66,7%", "90%", "niet gehaald"}));
  EXPECT_EQ(RowStartingWith(norms, InvestigationNormName()),
            (QStringList{InvestigationNormName(), "1", "1", "0", "100,0%", "80%", "gehaald"}));
  EXPECT_EQ(RowStartingWith(norms, AssessmentNormName()).value(4),
            FormatShare(figures.assessments().share()));
  EXPECT_FALSE(figures.assessments().met());
  EXPECT_TRUE(figures.investigations().met());

  // In words and colour.
  auto* assessments = view.findChild<QLabel*>(QStringLiteral("normAssessments"));
  EXPECT_EQ(assessments->text(), NormLine(AssessmentNormName(), figures.assessments()));
  EXPECT_TRUE(assessments->text().endsWith(QStringLiteral("niet gehaald")));
  EXPECT_TRUE(assessments->styleSheet().contains(NormColour(figures.assessments()).name()));
  auto* investigations = view.findChild<QLabel*>(QStringLiteral("normInvestigations"));
  EXPECT_TRUE(investigations->text().endsWith(QStringLiteral("— gehaald")));
  EXPECT_TRUE(investigations->styleSheet().contains(QStringLiteral("#1e7e34")));
  EXPECT_NE(NormColour(figures.assessments()), NormColour(figures.investigations()));

  const QTableWidget& intake_summary = *Table(view, "intakeSummary");
  EXPECT_EQ(RowStartingWith(intake_summary, "Meldingen en adviesvragen ontvangen").value(1),
            QString::number(figures.received()));
  // No handovers in this world: and no gaps.
  EXPECT_TRUE(LabelText(view, "gapStatus").contains(QStringLiteral("geen gaten")));

  // The export holds the norms too.
  QTemporaryDir dir;
  const QString path = dir.path() + QStringLiteral("/intake.csv");
  std::optional<bool> exported;
  QObject::connect(&view, &SupervisionView::exported,
                   [&](bool ok, const QString&) { exported = ok; });
  view.exportCsvTo(path);
  ASSERT_TRUE(WaitUntil([&] { return exported.has_value(); }));
  ASSERT_TRUE(*exported);
  const QStringList lines = LinesOf(path);
  EXPECT_TRUE(
      lines.contains(CsvLine({InvestigationNormName(), "1", "1", "0", "100,0%", "80%", "gehaald"})))
      << lines.join('\n').toStdString();
}

TEST_F(SupervisionIntakeTest, ASupervisorOutsideVeiligThuisSeesTheHandoverPartOnly) {
  std::optional<Session> session = sign_in_.SignInAs("teamsup", intake::kTeam);
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  SetPeriod(view, QDate(2026, 1, 1), QDate(2026, 1, 31));
  ASSERT_EQ(Load(view), std::optional<bool>(true));
  EXPECT_TRUE(LabelText(view, "intakeStatus")
                  .startsWith(QStringLiteral(
                      "Het intakeoverzicht is er alleen voor toezichthouders van Veilig Thuis")))
      << LabelText(view, "intakeStatus").toStdString();
  EXPECT_EQ(Table(view, "normTable")->rowCount(), 0);
  EXPECT_FALSE(view.findChild<QTableWidget*>(QStringLiteral("normTable"))->isVisibleTo(&view));
  EXPECT_TRUE(LabelText(view, "supervisionStatus").startsWith(QStringLiteral("Bijgewerkt op")));
  EXPECT_TRUE(LabelText(view, "gapStatus").contains(QStringLiteral("geen gaten")));
  EXPECT_TRUE(LabelText(view, "retentionStatus")
                  .startsWith(QStringLiteral("De bewaartermijnen van Veilig Thuis-dossiers zijn "
                                             "er alleen voor toezichthouders van Veilig Thuis")))
      << LabelText(view, "retentionStatus").toStdString();
  EXPECT_EQ(Table(view, "retentionTable")->rowCount(), 0);
  // The export: the handover tables, no intake.
  const std::vector<CsvTable> tables = view.csvTables();
  ASSERT_EQ(tables.size(), 3U);
  EXPECT_EQ(tables[2].title, QStringLiteral("Gaten"));
}

// Vernietiging: the two files closed in January 2026 reach the end of their 15 years in January
// 2041; one is under a legal hold and stays.
TEST_F(SupervisionIntakeTest, TheFilesRetentionDestroysNextMonthAreListed) {
  std::optional<Session> session = sign_in_.SignInAs("vtsup", intake::kVt);
  ASSERT_TRUE(session.has_value());
  {
    SupervisionView now(*session);
    ASSERT_EQ(Load(now), std::optional<bool>(true));
    EXPECT_TRUE(
        LabelText(now, "retentionStatus")
            .startsWith(QStringLiteral("De komende 31 dagen wordt geen dossier vernietigd")))
        << LabelText(now, "retentionStatus").toStdString();
    EXPECT_EQ(Table(now, "retentionTable")->rowCount(), 0);
  }

  world_.clock().Set(AmsterdamTime(2040, 12, 20, 10));
  v1::ListRetentionResponse due;
  grpc::Status st = world_.I("vtsup")->ListRetention(schakel::testing::ICtx().get(),
                                                     v1::ListRetentionRequest(), &due);
  ASSERT_TRUE(st.ok()) << st.error_message();
  ASSERT_EQ(due.items_size(), 2);
  v1::SetLegalHoldRequest hold;
  hold.set_request_id(NewRandomId());
  hold.set_report_id(due.items(1).report_id());
  hold.set_hold(true);
  hold.set_reason("Klachtprocedure loopt");
  v1::SetLegalHoldResponse held;
  st = world_.I("vtsup")->SetLegalHold(schakel::testing::ICtx().get(), hold, &held);
  ASSERT_TRUE(st.ok()) << st.error_message();

  SupervisionView view(*session);
  ASSERT_EQ(Load(view), std::optional<bool>(true));
  EXPECT_TRUE(LabelText(view, "retentionStatus").startsWith(QStringLiteral("2 dossier(s)")))
      << LabelText(view, "retentionStatus").toStdString();
  const QTableWidget& table = *Table(view, "retentionTable");
  ASSERT_EQ(table.rowCount(), 2);
  EXPECT_EQ(table.item(0, 0)->text().toStdString(), due.items(0).report_id());
  EXPECT_EQ(table.item(0, 1)->text(), QStringLiteral("Melding"));
  EXPECT_EQ(table.item(0, 4)->text(), FormatDate(due.items(0).destroy_on()));
  EXPECT_TRUE(table.item(0, 5)->text().isEmpty());
  EXPECT_EQ(table.item(1, 0)->text().toStdString(), due.items(1).report_id());
  EXPECT_EQ(table.item(1, 4)->text(), QStringLiteral("blijft (blokkade)"));
  EXPECT_EQ(table.item(1, 5)->text(), QStringLiteral("Klachtprocedure loopt (door vtsup)"));
  // The export holds them too.
  const std::vector<CsvTable> tables = view.csvTables();
  ASSERT_FALSE(tables.empty());
  EXPECT_EQ(tables.back().title, QStringLiteral("Vernietiging"));
}

// A closed MDA++ case is listed for the supervisors of an organisation on its team, under the files
// of Veilig Thuis, a month before it goes; a supervisor of Veilig Thuis, which opened it, sees it
// too.
TEST_F(SupervisionIntakeTest, TheCasesRetentionDestroysNextMonthAreListed) {
  v1::CreateCaseRequest create;
  create.set_request_id(NewRandomId());
  create.set_director_professional_id("dir");
  create.mutable_details()->add_violence_kinds(v1::VIOLENCE_KIND_PARTNER_VIOLENCE);
  create.add_persons()->set_name("Sanne Visser");
  create.mutable_persons(0)->set_role(v1::PERSON_ROLE_VICTIM);
  v1::CreateCaseResponse created;
  grpc::Status st = world_.C("vt1")->CreateCase(schakel::testing::ICtx().get(), create, &created);
  ASSERT_TRUE(st.ok()) << st.error_message();
  v1::CloseCaseRequest close;  // on Monday 2 February 2026
  close.set_request_id(NewRandomId());
  close.set_case_id(created.case_().id());
  close.set_reason("Stabiel veilig");
  close.set_deviation("test");
  v1::CloseCaseResponse closed;
  st = world_.C("dir")->CloseCase(schakel::testing::ICtx().get(), close, &closed);
  ASSERT_TRUE(st.ok()) << st.error_message();

  std::optional<Session> session = sign_in_.SignInAs("teamsup", intake::kTeam);
  ASSERT_TRUE(session.has_value());
  {
    SupervisionView now(*session);
    ASSERT_EQ(Load(now), std::optional<bool>(true));
    EXPECT_TRUE(LabelText(now, "caseRetentionStatus")
                    .startsWith(QStringLiteral("De komende 31 dagen wordt geen MDA++-casus")))
        << LabelText(now, "caseRetentionStatus").toStdString();
    EXPECT_EQ(Table(now, "caseRetentionTable")->rowCount(), 0);
  }
  world_.clock().Set(AmsterdamTime(2041, 1, 20, 10));
  SupervisionView view(*session);
  ASSERT_EQ(Load(view), std::optional<bool>(true));
  EXPECT_TRUE(LabelText(view, "caseRetentionStatus").startsWith(QStringLiteral("1 MDA++-casus")))
      << LabelText(view, "caseRetentionStatus").toStdString();
  const QTableWidget& table = *Table(view, "caseRetentionTable");
  ASSERT_EQ(table.rowCount(), 1);
  EXPECT_EQ(table.item(0, 0)->text().toStdString(), created.case_().reference());
  EXPECT_EQ(table.item(0, 2)->text(), QStringLiteral("02-02-2041"));
  EXPECT_TRUE(table.item(0, 3)->text().isEmpty());
  EXPECT_EQ(view.csvTables().back().title, QStringLiteral("Vernietiging: casussen"));
}

TEST_F(SupervisionIntakeTest, IntakeStaffAreRefusedBothReports) {
  std::optional<Session> session = sign_in_.SignInAs("vt1", intake::kVt);  // VT_INTAKE
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  SetPeriod(view, QDate(2026, 1, 1), QDate(2026, 1, 31));
  ASSERT_EQ(Load(view), std::optional<bool>(false));
  for (const char* name : {"supervisionStatus", "handoverStatus", "intakeStatus"}) {
    EXPECT_EQ(LabelText(view, name), QString::fromUtf8(kNoViewAccess)) << name;
  }
  EXPECT_EQ(Table(view, "normTable")->rowCount(), 0);
  EXPECT_EQ(Table(view, "handoverSummary")->rowCount(), 0);
}

TEST_F(SupervisionIntakeTest, APeriodTheServiceRefusesMarksTheDate) {
  std::optional<Session> session = sign_in_.SignInAs("vtsup", intake::kVt);
  ASSERT_TRUE(session.has_value());
  SupervisionView view(*session);
  SetPeriod(view, QDate(2026, 1, 31), QDate(2026, 1, 1));  // to before from
  Load(view);
  EXPECT_TRUE(
      LabelText(view, "intakeStatus").startsWith(QStringLiteral("De periode is niet geldig")))
      << LabelText(view, "intakeStatus").toStdString();
  EXPECT_TRUE(FieldMarks::IsMarked(view.findChild<QDateEdit*>(QStringLiteral("periodTo"))));
  EXPECT_FALSE(FieldMarks::IsMarked(view.findChild<QDateEdit*>(QStringLiteral("periodFrom"))));
  // A valid period clears the mark.
  SetPeriod(view, QDate(2026, 1, 1), QDate(2026, 1, 31));
  ASSERT_EQ(Load(view), std::optional<bool>(true));
  EXPECT_FALSE(FieldMarks::IsMarked(view.findChild<QDateEdit*>(QStringLiteral("periodTo"))));
  EXPECT_EQ(Table(view, "normTable")->rowCount(), 2);
}

}  // namespace
}  // namespace schakel::desktop
