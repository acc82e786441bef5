// The intake rules without a server: name, postcode and house-number normalisation for the radar,
// and the statutory terms on the working-day calendar.
#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "services/common/calendar.h"
#include "services/intake/intake_rules.h"
#include "services/intake/radar_keys.h"
#include "tests/support/amsterdam_time.h"

namespace schakel::intake {
namespace {

using testing::AmsterdamTime;

TEST(RadarKeysTest, NamesMeetAcrossCaseWhiteSpaceAndDiacritics) {
  EXPECT_EQ(FoldName("  Fatma   ÖZDEMIR "), "fatma özdemir");
  EXPECT_EQ(FoldName("fatma özdemir"), "fatma özdemir");
  // Composed and decomposed Ö are one name after NFKC.
  EXPECT_EQ(FoldName("O\xCC\x88zdemir"), FoldName("\xC3\x96zdemir"));
  EXPECT_NE(FoldName("Özdemir"), FoldName("OZDEMIR"));
  EXPECT_EQ(FoldNameWithoutDiacritics("Özdemir"), FoldNameWithoutDiacritics("OZDEMIR"));
  EXPECT_EQ(FoldNameWithoutDiacritics("Zoë Çelik"), "zoe celik");
  // Letters without a decomposition as a clerk without them writes them: a police system's
  // "YILMAZ" meets "Yılmaz"; "Søren Łukasz" meets "SOREN LUKASZ".
  EXPECT_NE(FoldName("Yılmaz"), FoldName("YILMAZ"));
  EXPECT_EQ(FoldNameWithoutDiacritics("Yılmaz"), FoldNameWithoutDiacritics("YILMAZ"));
  EXPECT_EQ(FoldNameWithoutDiacritics("Søren Łukasz"), "soren lukasz");
  EXPECT_EQ(FoldName("Straße"), "strasse");
  EXPECT_EQ(FoldName(std::string("bad \xFF utf8")), "");
}

TEST(RadarKeysTest, PostcodesAndHouseNumbersHaveOneSpelling) {
  EXPECT_EQ(NormalisePostcode("2517 ab"), "2517AB");
  EXPECT_EQ(NormalisePostcode("2517AB"), "2517AB");
  EXPECT_EQ(NormalisePostcode(" 2517  Ab "), "2517AB");
  EXPECT_FALSE(NormalisePostcode("0517 AB"));
  EXPECT_FALSE(NormalisePostcode("2517 A"));
  EXPECT_FALSE(NormalisePostcode("25170 AB"));
  EXPECT_EQ(NormaliseHouseNumber("12 a"), "12A");
  EXPECT_EQ(NormaliseHouseNumber("12-A"), "12A");
  EXPECT_FALSE(NormaliseHouseNumber("A12"));
  EXPECT_FALSE(NormaliseHouseNumber(""));
}

TEST(RadarKeysTest, KeysAreBlindAndOneAddressIsKeyedOnce) {
  FieldCipher cipher(std::string(32, 'd'), std::string(32, 'i'));
  v1::ReportInput in;
  for (const char* name : {"Fatma Özdemir", "Elif Özdemir"}) {
    auto* p = in.add_persons();
    p->set_id(name);
    p->set_name(name);
    p->mutable_date_of_birth()->set_year(1990);
    p->mutable_date_of_birth()->set_month(1);
    p->mutable_date_of_birth()->set_day(2);
    p->mutable_address()->set_postcode("2517 AB");
    p->mutable_address()->set_house_number("12");
  }
  in.mutable_persons(0)->set_bsn("111222333");
  const auto keys = RadarKeys(in, cipher);
  int addresses = 0, bsns = 0;
  for (const auto& k : keys) {
    EXPECT_EQ(k.key.size(), 32u);
    EXPECT_EQ(k.key.find("Özdemir"), std::string::npos);
    if (k.kind == "address") ++addresses;
    if (k.kind == "bsn") ++bsns;
  }
  EXPECT_EQ(addresses, 1);
  EXPECT_EQ(bsns, 1);
  EXPECT_EQ(keys.size(), 1u + 2u * 2u + 1u);
}

TEST(IntakeClocksTest, TheAssessmentIsDueFiveWorkingDaysAfterReceipt) {
  calendar::WorkingDayCalendar cal;
  // Monday → the end of the next Monday.
  EXPECT_EQ(
      *ComputeClocks(v1::REPORT_KIND_REPORT, false, AmsterdamTime(2026, 1, 5), cal).assessment_due,
      AmsterdamTime(2026, 1, 13, 0));
  // Over Christmas and New Year: Wed 23 Dec 2026 → 24, 28, 29, 30, 31 Dec → the end of 31 Dec.
  EXPECT_EQ(*ComputeClocks(v1::REPORT_KIND_REPORT, false, AmsterdamTime(2026, 12, 23), cal)
                 .assessment_due,
            AmsterdamTime(2027, 1, 1, 0));
  // Over Easter 2026 (Good Friday 3 April, Easter Monday 6 April): Thu 2 Apr → 7, 8, 9, 10, 13.
  EXPECT_EQ(
      *ComputeClocks(v1::REPORT_KIND_REPORT, false, AmsterdamTime(2026, 4, 2), cal).assessment_due,
      AmsterdamTime(2026, 4, 14, 0));
  // Across the change to summer time (29 March 2026) and Easter: Fri 27 Mar → 30, 31 Mar, 1, 2,
  // 7 Apr; still midnight Amsterdam time.
  EXPECT_EQ(
      *ComputeClocks(v1::REPORT_KIND_REPORT, false, AmsterdamTime(2026, 3, 27), cal).assessment_due,
      AmsterdamTime(2026, 4, 8, 0));
  // Advice has no statutory term.
  EXPECT_FALSE(
      ComputeClocks(v1::REPORT_KIND_ADVICE, false, AmsterdamTime(2026, 1, 5), cal).assessment_due);
}

TEST(IntakeClocksTest, AnAcuteReportIsDueInTwentyFourClockHoursEvenOverTheSummerTimeChange) {
  calendar::WorkingDayCalendar cal;
  const absl::Time sat = AmsterdamTime(2026, 3, 28, 12);
  const Clocks c = ComputeClocks(v1::REPORT_KIND_REPORT, true, sat, cal);
  EXPECT_EQ(*c.acute_due - sat, absl::Hours(24));
  // 24 clock hours, so 13:00 on the wall after the clocks went forward.
  EXPECT_EQ(*c.acute_due, AmsterdamTime(2026, 3, 29, 13));
}

TEST(IntakeClocksTest, TheReminderComesAtTheEndOfTheWorkingDayBefore) {
  calendar::WorkingDayCalendar cal;
  // Due at the end of Monday 12 January: reminded at the end of Friday 9 January.
  EXPECT_EQ(ReminderTime(AmsterdamTime(2026, 1, 13, 0), false, cal), AmsterdamTime(2026, 1, 10, 0));
  EXPECT_EQ(ReminderTime(AmsterdamTime(2026, 1, 13, 0), true, cal), AmsterdamTime(2026, 1, 12, 20));
}

TEST(IntakeRulesTest, AnAnonymousCitizenGivesNoNameAndAPoliceReportNeedsItsReference) {
  const absl::Time now = AmsterdamTime(2026, 1, 5);
  v1::ReportInput in;
  in.set_kind(v1::REPORT_KIND_REPORT);
  in.set_channel(v1::REPORT_CHANNEL_PHONE);
  in.mutable_reporter()->set_type(v1::REPORTER_TYPE_CITIZEN);
  in.mutable_reporter()->set_anonymous(true);
  in.mutable_reporter()->set_name("Buurvrouw");
  auto* p = in.add_persons();
  p->set_name("Kind");
  p->set_role(v1::REPORTED_ROLE_CHILD);
  in.add_violence_kinds(v1::VIOLENCE_KIND_CHILD_NEGLECT);
  in.set_description("Kind staat vaak 's avonds buiten.");
  auto fields = [](const std::vector<v1::ItemViolation>& vs) {
    std::set<std::string> out;
    for (const auto& v : vs) out.insert(v.field());
    return out;
  };
  EXPECT_EQ(fields(ReportViolations(in, Submitter::kVeiligThuis, now)),
            (std::set<std::string>{"reporter.name"}));
  in.mutable_reporter()->clear_name();
  EXPECT_TRUE(ReportViolations(in, Submitter::kVeiligThuis, now).empty());
  EXPECT_EQ(fields(ReportViolations(in, Submitter::kPolice, now)),
            (std::set<std::string>{"channel", "reporter.type"}));
  in.set_channel(v1::REPORT_CHANNEL_POLICE_FEED);
  in.mutable_reporter()->set_type(v1::REPORTER_TYPE_POLICE);
  in.mutable_reporter()->set_anonymous(false);
  EXPECT_EQ(fields(ReportViolations(in, Submitter::kPolice, now)),
            (std::set<std::string>{"reporter.police_reference", "external_reference"}));
}

}  // namespace
}  // namespace schakel::intake
