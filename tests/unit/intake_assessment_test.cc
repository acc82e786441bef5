// The safety assessment's rules without a server: what each route needs, the request to the child
// protection board, the investigation's term and its signals.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "services/common/calendar.h"
#include "services/intake/intake_rules.h"
#include "tests/support/amsterdam_time.h"

namespace schakel::intake {
namespace {

using testing::AmsterdamTime;

const absl::Time kNow = AmsterdamTime(2026, 1, 5);  // a Monday

std::set<std::string> Fields(const v1::SafetyAssessment& a) {
  FieldViolations v;
  CheckAssessment(v, "assessment.", a, kNow);
  std::set<std::string> out;
  for (const auto& [field, description] : v.violations()) out.insert(field);
  return out;
}

v1::SafetyAssessment Base(v1::AssessmentRoute route) {
  v1::SafetyAssessment a;
  a.set_reasoning("Moeder en kind veilig bij oma; partner uit huis.");
  a.add_risk_factors("eerdere incidenten");
  a.add_protective_factors("steunend netwerk");
  a.set_route(route);
  return a;
}

v1::Date DateOf(int y, int m, int d) {
  v1::Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

TEST(IntakeAssessmentTest, TheReasoningAndTheRouteAreRequired) {
  v1::SafetyAssessment a;
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.reasoning", "assessment.route"}));
  a.set_route(static_cast<v1::AssessmentRoute>(77));
  a.set_reasoning("x");
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.route"}));
}

TEST(IntakeAssessmentTest, EndOfInvolvementWithUnsafetyNeedsAReason) {
  v1::SafetyAssessment a = Base(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  EXPECT_TRUE(Fields(a).empty());
  a.set_structural_unsafety(true);
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.end.reason"}));
  a.mutable_end()->set_reason("Hulp is al ingezet en geaccepteerd.");
  EXPECT_TRUE(Fields(a).empty());
  a.set_structural_unsafety(false);
  a.set_acute_unsafety(true);
  a.clear_end();
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.end.reason"}));
}

TEST(IntakeAssessmentTest, ConditionsNeedConditionsAPartnerAndFutureMonitoringDates) {
  v1::SafetyAssessment a = Base(v1::ASSESSMENT_ROUTE_CONDITIONS_FOLLOW_UP);
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.conditions.safety_conditions",
                                              "assessment.conditions.plan_partner_organisation_id",
                                              "assessment.conditions.monitoring_dates"}));
  auto* c = a.mutable_conditions();
  c->add_safety_conditions("Er wordt niet geslagen.");
  c->add_safety_conditions("");
  c->set_plan_partner_organisation_id("wijkteam");
  *c->add_monitoring_dates() = DateOf(2026, 2, 5);
  *c->add_monitoring_dates() = DateOf(2026, 1, 5);   // today: not in the future
  *c->add_monitoring_dates() = DateOf(2026, 2, 30);  // no such day
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.conditions.safety_conditions[1]",
                                              "assessment.conditions.monitoring_dates[1]",
                                              "assessment.conditions.monitoring_dates[2]"}));
  c->mutable_safety_conditions()->RemoveLast();
  c->mutable_monitoring_dates()->RemoveLast();
  c->mutable_monitoring_dates()->RemoveLast();
  EXPECT_TRUE(Fields(a).empty());
}

TEST(IntakeAssessmentTest, AnInvestigationNeedsAnInvestigator) {
  v1::SafetyAssessment a = Base(v1::ASSESSMENT_ROUTE_INVESTIGATION);
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.investigation.investigator_id"}));
  a.mutable_investigation()->set_investigator_id("not an id!");
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.investigation.investigator_id"}));
  a.mutable_investigation()->set_investigator_id("vt2");
  EXPECT_TRUE(Fields(a).empty());
}

TEST(IntakeAssessmentTest, TheHandoverAndMdaRoutesNameTheFieldsTheyMiss) {
  EXPECT_EQ(Fields(Base(v1::ASSESSMENT_ROUTE_HANDOVER)),
            (std::set<std::string>{"assessment.handover.receiving_organisation_id"}));
  EXPECT_EQ(Fields(Base(v1::ASSESSMENT_ROUTE_MDA_PLUS_PLUS)),
            (std::set<std::string>{"assessment.mda", "assessment.mda.reason"}));
}

TEST(IntakeAssessmentTest, OnlyTheRoutesOwnFieldsAndTheBoardOnlyWithConditionsInvestigationOrMda) {
  v1::SafetyAssessment a = Base(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  a.mutable_investigation()->set_investigator_id("vt2");
  a.set_rvdk_request(true);
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.investigation", "assessment.rvdk_request",
                                              "assessment.rvdk_reason"}));
  a = Base(v1::ASSESSMENT_ROUTE_INVESTIGATION);
  a.mutable_investigation()->set_investigator_id("vt2");
  a.set_rvdk_request(true);
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.rvdk_reason"}));
  a.set_rvdk_reason("Beschermingsmaatregel lijkt nodig.");
  EXPECT_TRUE(Fields(a).empty());
  a.set_rvdk_request(false);
  EXPECT_EQ(Fields(a), (std::set<std::string>{"assessment.rvdk_reason"}));
}

TEST(IntakeAssessmentTest, AnInstrumentNeedsAKindAndAnOutcome) {
  v1::SafetyAssessment a = Base(v1::ASSESSMENT_ROUTE_END_OF_INVOLVEMENT);
  a.mutable_instrument()->set_version(std::string(51, 'v'));
  a.add_risk_factors(std::string(501, 'r'));
  EXPECT_EQ(Fields(a),
            (std::set<std::string>{"assessment.instrument.kind", "assessment.instrument.version",
                                   "assessment.instrument.outcome", "assessment.risk_factors[1]"}));
  a.mutable_instrument()->set_kind(v1::RISK_INSTRUMENT_KIND_LIRIK);
  a.mutable_instrument()->set_version("2.0");
  a.mutable_instrument()->set_outcome("hoog risico");
  a.mutable_risk_factors()->RemoveLast();
  EXPECT_TRUE(Fields(a).empty());
}

TEST(IntakeAssessmentTest, AnInvestigationEndsTenWeeksLaterAndIsRemindedTheWorkingDayBefore) {
  const calendar::WorkingDayCalendar cal;
  // Assessed Monday 5 January 2026: due at the end of Monday 16 March.
  const absl::Time due = InvestigationDue(AmsterdamTime(2026, 1, 5, 15));
  EXPECT_EQ(due, AmsterdamTime(2026, 3, 17, 0));
  const auto pending = PendingSignals(std::nullopt, std::nullopt, 0, cal, due);
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].bit, kInvestigationReminder);
  EXPECT_EQ(pending[0].clock, "investigation");
  // The end of Friday 13 March (the weekend is no working day).
  EXPECT_EQ(pending[0].at, AmsterdamTime(2026, 3, 14, 0));
  EXPECT_EQ(pending[1].bit, kInvestigationEscalation);
  EXPECT_EQ(pending[1].at, due);
  EXPECT_TRUE(PendingSignals(std::nullopt, std::nullopt,
                             kInvestigationReminder | kInvestigationEscalation, cal, due)
                  .empty());
}

}  // namespace
}  // namespace schakel::intake
