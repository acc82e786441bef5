#include "services/common/calendar.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
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

absl::CivilDay RetentionEnd(int64_t closed_at_micros, int years) {
  const absl::CivilDay day = absl::ToCivilDay(absl::FromUnixMicros(closed_at_micros), Amsterdam());
  return absl::CivilDay(day.year() + years, day.month(), day.day());
}

int64_t ClosedBeforeForDestruction(absl::CivilDay day, int years) {
  absl::CivilDay last_closed(day.year() - years, day.month(), day.day());
  // 29 February back to a year without one: the 28th (a file closed on 1 March goes on 1 March).
  if (last_closed.month() != day.month()) last_closed = absl::CivilDay(day.year() - years, 2, 28);
  return absl::ToUnixMicros(absl::FromCivil(absl::CivilSecond(last_closed + 1), Amsterdam()));
}

std::string AmsterdamDate(int64_t micros) {
  const absl::CivilDay day = absl::ToCivilDay(absl::FromUnixMicros(micros), Amsterdam());
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

std::string ClosureCursor(int64_t closed_at, absl::string_view id) {
  return absl::StrCat(closed_at, ":", id);
}

absl::StatusOr<std::pair<int64_t, std::string>> ParseClosureCursor(absl::string_view token) {
  if (token.empty()) return std::make_pair(int64_t{-1}, std::string());
  std::vector<std::string> parts = absl::StrSplit(token, absl::MaxSplits(':', 1));
  int64_t closed_at = 0;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &closed_at)) {
    return absl::InvalidArgumentError("page_token: not a token of this list");
  }
  return std::make_pair(closed_at, std::move(parts[1]));
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
