#include "services/cases/case_rules.h"

#include <gtest/gtest.h>

#include "services/cases/case_validation.h"
#include "services/cases/search_guard.h"
#include "services/common/clock.h"
#include "services/common/crypto.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {
namespace {

TEST(BsnTest, Elfproef) {
  EXPECT_TRUE(IsValidBsn("111222333"));
  EXPECT_TRUE(IsValidBsn("123456782"));
  EXPECT_FALSE(IsValidBsn("123456789"));   // sum 9*1+...+2*8-9 = 147, not divisible by 11
  EXPECT_FALSE(IsValidBsn("000000000"));   // all zeros
  EXPECT_FALSE(IsValidBsn("12345678"));    // 8 digits
  EXPECT_FALSE(IsValidBsn("1234567820"));  // 10 digits
  EXPECT_FALSE(IsValidBsn("12345678a"));
  EXPECT_FALSE(IsValidBsn(""));
  // Every single-digit change of a valid BSN breaks the check.
  const std::string good = "123456782";
  for (size_t i = 0; i < good.size(); ++i) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == good[i]) continue;
      std::string bad = good;
      bad[i] = d;
      EXPECT_FALSE(IsValidBsn(bad)) << bad;
    }
  }
}

TEST(BsnTest, MaskShowsOnlyTheLastThreeDigits) { EXPECT_EQ(MaskBsn("123456782"), "******782"); }

TEST(NeedToKnowTest, TableMatchesTheDocumentedPolicy) {
  using v1::Sensitivity;
  for (int t = 1; t <= 10; ++t) {
    EXPECT_TRUE(
        OrganisationTypeSees(static_cast<v1::OrganisationType>(t), v1::SENSITIVITY_GENERAL));
  }
  EXPECT_FALSE(OrganisationTypeSees(v1::ORGANISATION_TYPE_POLICE, v1::SENSITIVITY_CARE));
  EXPECT_TRUE(OrganisationTypeSees(v1::ORGANISATION_TYPE_POLICE, v1::SENSITIVITY_JUSTICE));
  EXPECT_FALSE(
      OrganisationTypeSees(v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE, v1::SENSITIVITY_JUSTICE));
  EXPECT_TRUE(OrganisationTypeSees(v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE, v1::SENSITIVITY_CARE));
  for (int s = 0; s <= 3; ++s) {
    EXPECT_FALSE(OrganisationTypeSees(v1::ORGANISATION_TYPE_OPERATOR, static_cast<Sensitivity>(s)));
  }
  EXPECT_FALSE(
      OrganisationTypeSees(v1::ORGANISATION_TYPE_VEILIG_THUIS, v1::SENSITIVITY_UNSPECIFIED));
}

// A criterion that is given says MET or NOT_MET; one not given was not assessed.
TEST(CriteriaTest, AGivenCriterionNeedsAState) {
  const absl::CivilDay today(2026, 9, 28);
  v1::CaseDetails d;
  FieldViolations none;
  CheckDetails(none, "details.", d, today);
  EXPECT_TRUE(none.ToStatus().ok());
  d.mutable_criteria()->mutable_structural_unsafety()->set_note("zonder oordeel");
  d.mutable_criteria()->mutable_repeated_incidents();  // given, empty
  d.mutable_criteria()->mutable_no_coherent_approach()->set_state(v1::CRITERION_STATE_NOT_MET);
  d.mutable_criteria()->mutable_regular_help_exhausted()->set_state(
      static_cast<v1::CriterionState>(7));
  FieldViolations v;
  CheckDetails(v, "details.", d, today);
  const std::string message(v.ToStatus().message());
  EXPECT_NE(message.find("details.criteria.structural_unsafety.state"), std::string::npos);
  EXPECT_NE(message.find("details.criteria.repeated_incidents.state"), std::string::npos);
  EXPECT_NE(message.find("details.criteria.regular_help_exhausted.state"), std::string::npos);
  EXPECT_EQ(message.find("details.criteria.no_coherent_approach.state"), std::string::npos);
  // What the intake service sends for a criterion VT wrote nothing on is read as not given.
  const v1::CaseDetails cleaned = WithoutEmptyCriteria(d);
  EXPECT_FALSE(cleaned.criteria().has_repeated_incidents());
  EXPECT_TRUE(cleaned.criteria().has_structural_unsafety()) << "a note is not nothing";
  EXPECT_TRUE(cleaned.criteria().has_no_coherent_approach());
}

TEST(NormaliseTest, CaseAndWhitespace) {
  EXPECT_EQ(NormaliseName("  Anna   de\tBoer "), "anna de boer");
  EXPECT_EQ(NormaliseName("ANNA DE BOER"), NormaliseName("anna de boer"));
}

TEST(DatesTest, AddMonthsClampsToTheMonthsEnd) {
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 1, 31), 1), absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(AddMonths(absl::CivilDay(2027, 11, 30), 3), absl::CivilDay(2028, 2, 29));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 8, 15), 18), absl::CivilDay(2028, 2, 15));
}

TEST(DatesTest, ValidDates) {
  v1::Date d;
  d.set_year(2026);
  d.set_month(2);
  d.set_day(29);
  EXPECT_FALSE(IsValidDate(d));
  d.set_year(2028);
  EXPECT_TRUE(IsValidDate(d));
  d.set_month(13);
  EXPECT_FALSE(IsValidDate(d));
}

TEST(DatesTest, AmsterdamTodayCrossesMidnightBeforeUtc) {
  // 2026-06-30 23:30 UTC is already 1 July in Amsterdam (CEST, UTC+2).
  const absl::Time t =
      absl::FromCivil(absl::CivilSecond(2026, 6, 30, 23, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(AmsterdamToday(t), absl::CivilDay(2026, 7, 1));
}

class FieldCipherTest : public ::testing::Test {
 protected:
  FieldCipherTest()
      : cipher_(*crypto::RandomBytes(crypto::kKeySize), *crypto::RandomBytes(crypto::kKeySize)) {}
  FieldCipher cipher_;
};

TEST_F(FieldCipherTest, RoundTripAndBinding) {
  v1::StoredPerson p;
  p.set_name("Anna");
  p.set_bsn("111222333");
  auto blob = cipher_.Seal(p, "person/c1/p1");
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(blob->find("Anna"), std::string::npos);
  v1::StoredPerson back;
  ASSERT_TRUE(cipher_.Open(cipher_.key_id(), *blob, "person/c1/p1", back).ok());
  EXPECT_EQ(back.name(), "Anna");
  // Moved to another row, tampered with, or under another key id: refused.
  EXPECT_EQ(cipher_.Open(cipher_.key_id(), *blob, "person/c1/p2", back).code(),
            absl::StatusCode::kDataLoss);
  std::string tampered = *blob;
  tampered[15] ^= 1;
  EXPECT_EQ(cipher_.Open(cipher_.key_id(), tampered, "person/c1/p1", back).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(cipher_.Open("k-other", *blob, "person/c1/p1", back).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(cipher_.Open(cipher_.key_id(), "short", "person/c1/p1", back).code(),
            absl::StatusCode::kDataLoss);
}

TEST_F(FieldCipherTest, BlindIndexIsKeyedAndSeparatesKinds) {
  EXPECT_EQ(cipher_.BlindIndex("bsn", "111222333"), cipher_.BlindIndex("bsn", "111222333"));
  EXPECT_NE(cipher_.BlindIndex("bsn", "111222333"), cipher_.BlindIndex("name_dob", "111222333"));
  FieldCipher other(*crypto::RandomBytes(crypto::kKeySize), *crypto::RandomBytes(crypto::kKeySize));
  EXPECT_NE(cipher_.BlindIndex("bsn", "111222333"), other.BlindIndex("bsn", "111222333"));
  EXPECT_EQ(cipher_.BlindIndex("bsn", "111222333").size(), 32u);
}

// Free text outside notes: the writer's strictest default, visible hiding, and writes by an
// organisation that cannot see the text keep it.
TEST(SensitiveTextTest, DefaultsHidingAndMerging) {
  EXPECT_EQ(DefaultSensitivity(v1::ORGANISATION_TYPE_VEILIG_THUIS), v1::SENSITIVITY_CARE);
  EXPECT_EQ(DefaultSensitivity(v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE), v1::SENSITIVITY_CARE);
  EXPECT_EQ(DefaultSensitivity(v1::ORGANISATION_TYPE_POLICE), v1::SENSITIVITY_JUSTICE);
  EXPECT_EQ(DefaultSensitivity(v1::ORGANISATION_TYPE_PROBATION), v1::SENSITIVITY_JUSTICE);
  const Viewer police{"politie", v1::ORGANISATION_TYPE_POLICE};
  const Viewer ggz{"ggz", v1::ORGANISATION_TYPE_MENTAL_HEALTH_CARE};
  std::string text = "GGZ zonder resultaat";
  EXPECT_FALSE(RedactText(text, v1::SENSITIVITY_CARE, ggz));
  EXPECT_TRUE(RedactText(text, v1::SENSITIVITY_CARE, police));
  EXPECT_EQ(text, "verborgen voor uw organisatie (CARE) / hidden for your organisation");
  std::string legacy = "stored before sensitivities";
  EXPECT_TRUE(RedactText(legacy, v1::SENSITIVITY_UNSPECIFIED, police));  // read as CARE

  FieldViolations v;
  const SensitiveText stored{"GGZ zonder resultaat", v1::SENSITIVITY_CARE};
  // Hidden from the writer: kept, whatever was sent.
  SensitiveText out = MergeText(v, "f", stored, {"", v1::SENSITIVITY_GENERAL}, police);
  EXPECT_EQ(out.text, stored.text);
  EXPECT_EQ(out.sensitivity, v1::SENSITIVITY_CARE);
  // New text without a level: the writer's default; unchanged text keeps its level.
  out = MergeText(v, "f", {}, {"nieuw", v1::SENSITIVITY_UNSPECIFIED}, police);
  EXPECT_EQ(out.sensitivity, v1::SENSITIVITY_JUSTICE);
  out = MergeText(v, "f", stored, {stored.text, v1::SENSITIVITY_UNSPECIFIED}, ggz);
  EXPECT_EQ(out.sensitivity, v1::SENSITIVITY_CARE);
  EXPECT_TRUE(v.empty());
  // Reclassifying to a level the writer would not see is refused.
  MergeText(v, "f", stored, {stored.text, v1::SENSITIVITY_JUSTICE}, ggz);
  EXPECT_FALSE(v.empty());
}

TEST(SearchGuardTest, BudgetSlidesAndABurstIsFlaggedOnce) {
  FakeClock clock;
  SearchGuard guard(&clock, {.budget = 3, .window = absl::Hours(1), .miss_alert = 2});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(guard.Admit("a").ok());
  EXPECT_TRUE(absl::IsResourceExhausted(guard.Admit("a")));
  EXPECT_TRUE(guard.Admit("b").ok());  // per principal
  EXPECT_FALSE(guard.RecordMiss("a"));
  EXPECT_TRUE(guard.RecordMiss("a"));
  EXPECT_FALSE(guard.RecordMiss("a"));  // the same burst
  clock.Advance(absl::Minutes(61));
  EXPECT_TRUE(guard.Admit("a").ok());
  EXPECT_FALSE(guard.RecordMiss("a"));
  EXPECT_TRUE(guard.RecordMiss("a"));  // a new burst in a new window

  FieldViolations v;
  v1::CasesConfig config;
  config.set_search_budget(5);
  config.set_search_miss_alert(6);
  config.set_search_window_seconds(10);
  SearchLimitsFromConfig(v, config);
  const std::string message = std::string(v.ToStatus().message());
  EXPECT_NE(message.find("cases.search_miss_alert"), std::string::npos) << message;
  EXPECT_NE(message.find("cases.search_window_seconds"), std::string::npos) << message;
}

}  // namespace
}  // namespace schakel::cases
