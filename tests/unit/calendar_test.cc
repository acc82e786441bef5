#include "services/common/calendar.h"

#include <gtest/gtest.h>

namespace schakel::calendar {
namespace {

using absl::CivilDay;

TEST(CalendarTest, EasterSundayMatchesPublishedDates) {
  // Published Gregorian Easter dates.
  EXPECT_EQ(EasterSunday(2008), CivilDay(2008, 3, 23));
  EXPECT_EQ(EasterSunday(2019), CivilDay(2019, 4, 21));
  EXPECT_EQ(EasterSunday(2024), CivilDay(2024, 3, 31));
  EXPECT_EQ(EasterSunday(2025), CivilDay(2025, 4, 20));
  EXPECT_EQ(EasterSunday(2026), CivilDay(2026, 4, 5));
  EXPECT_EQ(EasterSunday(2027), CivilDay(2027, 3, 28));
  EXPECT_EQ(EasterSunday(2038), CivilDay(2038, 4, 25));  // the latest possible date
  EXPECT_EQ(EasterSunday(2285), CivilDay(2285, 3, 22));  // the earliest possible date
}

std::vector<CivilDay> Days(int year) {
  std::vector<CivilDay> out;
  for (const auto& h : PublicHolidays(year)) out.push_back(h.day);
  return out;
}

TEST(CalendarTest, PublicHolidays2025To2027) {
  EXPECT_EQ(Days(2025), (std::vector<CivilDay>{
                            CivilDay(2025, 1, 1), CivilDay(2025, 4, 18), CivilDay(2025, 4, 21),
                            CivilDay(2025, 4, 26),  // King's Day moves: the 27th is a Sunday
                            CivilDay(2025, 5, 5), CivilDay(2025, 5, 29), CivilDay(2025, 6, 9),
                            CivilDay(2025, 12, 25), CivilDay(2025, 12, 26)}));
  EXPECT_EQ(Days(2026),
            (std::vector<CivilDay>{CivilDay(2026, 1, 1), CivilDay(2026, 4, 3), CivilDay(2026, 4, 6),
                                   CivilDay(2026, 4, 27), CivilDay(2026, 5, 5),
                                   CivilDay(2026, 5, 14), CivilDay(2026, 5, 25),
                                   CivilDay(2026, 12, 25), CivilDay(2026, 12, 26)}));
  EXPECT_EQ(Days(2027),
            (std::vector<CivilDay>{
                CivilDay(2027, 1, 1), CivilDay(2027, 3, 26), CivilDay(2027, 3, 29),
                CivilDay(2027, 4, 27), CivilDay(2027, 5, 5), CivilDay(2027, 5, 6),
                CivilDay(2027, 5, 17), CivilDay(2027, 12, 25), CivilDay(2027, 12, 26)}));
}

TEST(CalendarTest, KingsDayOnASundayMovesToTheSaturdayBefore) {
  for (int year : {2025, 2031, 2036}) {
    const WorkingDayCalendar cal;
    EXPECT_TRUE(cal.IsHoliday(CivilDay(year, 4, 26))) << year;
    EXPECT_FALSE(cal.IsHoliday(CivilDay(year, 4, 27))) << year;
  }
  EXPECT_FALSE(WorkingDayCalendar().IsHoliday(CivilDay(2026, 4, 26)));
}

TEST(CalendarTest, WeekendsAndHolidaysAreNotWorkingDays) {
  const WorkingDayCalendar cal;
  EXPECT_TRUE(cal.IsWorkingDay(CivilDay(2026, 11, 23)));   // a Monday
  EXPECT_FALSE(cal.IsWorkingDay(CivilDay(2026, 11, 21)));  // Saturday
  EXPECT_FALSE(cal.IsWorkingDay(CivilDay(2026, 11, 22)));  // Sunday
  for (int year = 2025; year <= 2027; ++year) {
    for (const auto& h : PublicHolidays(year)) {
      EXPECT_FALSE(cal.IsWorkingDay(h.day)) << h.name << " " << h.day;
    }
  }
}

TEST(CalendarTest, FiveWorkingDaysAcrossEachKindOfHoliday) {
  const WorkingDayCalendar cal;
  // Christmas, the weekend and New Year.
  EXPECT_EQ(cal.AddWorkingDays(CivilDay(2026, 12, 24), 5), CivilDay(2027, 1, 4));
  // Good Friday and Easter Monday.
  EXPECT_EQ(cal.AddWorkingDays(CivilDay(2026, 4, 2), 5), CivilDay(2026, 4, 13));
  // King's Day (Monday 27 April 2026) and 5 May.
  EXPECT_EQ(cal.AddWorkingDays(CivilDay(2026, 4, 24), 5), CivilDay(2026, 5, 4));
  EXPECT_EQ(cal.AddWorkingDays(CivilDay(2026, 4, 28), 5), CivilDay(2026, 5, 6));
  // 5 May and Ascension Day back to back (2027).
  EXPECT_EQ(cal.AddWorkingDays(CivilDay(2027, 5, 3), 5), CivilDay(2027, 5, 12));
  // Whit Monday.
  EXPECT_EQ(cal.AddWorkingDays(CivilDay(2026, 5, 22), 1), CivilDay(2026, 5, 26));
  // A plain week.
  EXPECT_EQ(cal.AddWorkingDays(CivilDay(2026, 11, 23), 5), CivilDay(2026, 11, 30));
  EXPECT_EQ(cal.WorkingDaysBetween(CivilDay(2026, 12, 24), CivilDay(2027, 1, 4)), 5);
}

TEST(CalendarTest, EquatedBridgeDaysAreConfigurable) {
  const WorkingDayCalendar plain;
  const WorkingDayCalendar bridged({CivilDay(2026, 5, 15)});  // the Friday after Ascension
  EXPECT_TRUE(plain.IsWorkingDay(CivilDay(2026, 5, 15)));
  EXPECT_FALSE(bridged.IsWorkingDay(CivilDay(2026, 5, 15)));
  EXPECT_EQ(plain.AddWorkingDays(CivilDay(2026, 5, 13), 2), CivilDay(2026, 5, 18));
  EXPECT_EQ(bridged.AddWorkingDays(CivilDay(2026, 5, 13), 2), CivilDay(2026, 5, 19));
}

TEST(CalendarTest, DeadlineIsTheEndOfTheLastWorkingDayInAmsterdam) {
  const WorkingDayCalendar cal;
  // Tuesday 28 April 2026, 10:00 UTC; five working days end on Wednesday 6 May at 24:00 CEST.
  const absl::Time from =
      absl::FromCivil(absl::CivilSecond(2026, 4, 28, 10, 0, 0), absl::UTCTimeZone());
  EXPECT_EQ(cal.DeadlineAfter(from, 5),
            absl::FromCivil(absl::CivilSecond(2026, 5, 6, 22, 0, 0), absl::UTCTimeZone()));
  // Late on Friday evening in Amsterdam is already Saturday there (23:30 UTC + 2 h): the term
  // starts from Saturday, not Friday.
  const absl::Time friday_late =
      absl::FromCivil(absl::CivilSecond(2026, 6, 26, 22, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(absl::ToCivilDay(cal.DeadlineAfter(friday_late, 1) - absl::Seconds(1), Amsterdam()),
            CivilDay(2026, 6, 29));
  // In winter (CET, UTC+1).
  const absl::Time winter =
      absl::FromCivil(absl::CivilSecond(2026, 1, 12, 9, 0, 0), absl::UTCTimeZone());
  EXPECT_EQ(cal.DeadlineAfter(winter, 5),
            absl::FromCivil(absl::CivilSecond(2026, 1, 19, 23, 0, 0), absl::UTCTimeZone()));
}

}  // namespace
}  // namespace schakel::calendar
