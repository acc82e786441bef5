#include "services/cases/case_rules.h"

#include <gtest/gtest.h>

#include "services/common/crypto.h"

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

}  // namespace
}  // namespace schakel::cases
