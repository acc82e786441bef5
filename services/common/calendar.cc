#include "services/common/calendar.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "services/common/log.h"

namespace schakel::calendar {

absl::CivilDay EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return absl::CivilDay(year, month, day);
}

std::vector<Holiday> PublicHolidays(int year) {
  const absl::CivilDay easter = EasterSunday(year);
  absl::CivilDay kings_day(year, 4, 27);
  if (absl::GetWeekday(kings_day) == absl::Weekday::sunday) kings_day -= 1;
  std::vector<Holiday> days = {
      {absl::CivilDay(year, 1, 1), "Nieuwjaarsdag"},
      {easter - 2, "Goede Vrijdag"},
      {easter + 1, "Tweede Paasdag"},
      {kings_day, "Koningsdag"},
      {absl::CivilDay(year, 5, 5), "Bevrijdingsdag"},
      {easter + 39, "Hemelvaartsdag"},
      {easter + 50, "Tweede Pinksterdag"},
      {absl::CivilDay(year, 12, 25), "Eerste Kerstdag"},
      {absl::CivilDay(year, 12, 26), "Tweede Kerstdag"},
  };
  std::sort(days.begin(), days.end(),
            [](const Holiday& x, const Holiday& y) { return x.day < y.day; });
  return days;
}

const absl::TimeZone& Amsterdam() {
  static const absl::TimeZone* zone = [] {
    auto* tz = new absl::TimeZone();
    // Without time zone data (tzdata is a dependency) fall back to CET without summer time, and
    // say so: in summer "today" is then an hour late.
    if (!absl::LoadTimeZone("Europe/Amsterdam", tz)) {
      *tz = absl::FixedTimeZone(3600);
      LogEvent(LogLevel::kError, "calendar.no_tzdata",
               {{"detail", "Europe/Amsterdam not found; using UTC+1 all year (install tzdata)"}});
    }
    return tz;
  }();
  return *zone;
}

WorkingDayCalendar::WorkingDayCalendar(std::vector<absl::CivilDay> equated_days)
    : equated_(equated_days.begin(), equated_days.end()) {}

bool WorkingDayCalendar::IsHoliday(absl::CivilDay day) const {
  if (equated_.contains(day)) return true;
  for (const Holiday& h : PublicHolidays(static_cast<int>(day.year()))) {
    if (h.day == day) return true;
  }
  return false;
}

bool WorkingDayCalendar::IsWorkingDay(absl::CivilDay day) const {
  const absl::Weekday w = absl::GetWeekday(day);
  if (w == absl::Weekday::saturday || w == absl::Weekday::sunday) return false;
  return !IsHoliday(day);
}

absl::CivilDay WorkingDayCalendar::AddWorkingDays(absl::CivilDay day, int n) const {
  while (n > 0) {
    day += 1;
    if (IsWorkingDay(day)) --n;
  }
  return day;
}

absl::Time WorkingDayCalendar::DeadlineAfter(absl::Time from, int n) const {
  const absl::CivilDay start = absl::ToCivilDay(from, Amsterdam());
  const absl::CivilDay last = AddWorkingDays(start, n);
  return absl::FromCivil(last + 1, Amsterdam());
}

int WorkingDayCalendar::WorkingDaysBetween(absl::CivilDay from, absl::CivilDay to) const {
  int count = 0;
  for (absl::CivilDay d = from + 1; d <= to; ++d) {
    if (IsWorkingDay(d)) ++count;
  }
  return count;
}

std::vector<absl::CivilDay> ParseEquatedDays(
    FieldViolations& v, const google::protobuf::RepeatedPtrField<std::string>& days) {
  std::vector<absl::CivilDay> out;
  for (int i = 0; i < days.size(); ++i) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(days.Get(i), &day)) {
      v.Add(absl::StrCat("equated_days[", i, "]"), "must be a date YYYY-MM-DD");
    } else {
      out.push_back(day);
    }
  }
  return out;
}

}  // namespace schakel::calendar
