// The Dutch working-day calendar for legal and agreed terms (Europe/Amsterdam).
//
// A working day is a Monday to Friday that is not a public holiday of the Algemene termijnenwet
// art. 3 as Schakel applies it — New Year's Day, Good Friday, Easter Monday, King's Day (27 April;
// 26 April when the 27th is a Sunday), 5 May, Ascension Day, Whit Monday, Christmas Day and Boxing
// Day — nor a day the government equated to them (bridge days, configured per deployment).
// Easter is computed (Gregorian calendar), and Good Friday, Easter Monday, Ascension Day and Whit
// Monday follow from it. Good Friday is not in the text of art. 3(1) itself; Schakel counts it
// because the field's terms do (DOMAIN.md, the handover issue) — remove it there if that changes.
#ifndef SCHAKEL_SERVICES_COMMON_CALENDAR_H_
#define SCHAKEL_SERVICES_COMMON_CALENDAR_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "services/common/status.h"

namespace schakel::calendar {

// Easter Sunday of `year` (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher).
absl::CivilDay EasterSunday(int year);

struct Holiday {
  absl::CivilDay day;
  std::string name;  // Dutch, e.g. "Koningsdag"
};

// The public holidays above for `year`, in date order.
std::vector<Holiday> PublicHolidays(int year);

// The equated days of a host config ("YYYY-MM-DD" each); a bad one is added to `v` as
// "equated_days[i]".
std::vector<absl::CivilDay> ParseEquatedDays(
    FieldViolations& v, const google::protobuf::RepeatedPtrField<std::string>& days);

// Europe/Amsterdam, from the system's time zone data.
const absl::TimeZone& Amsterdam();

// Retention terms counted in calendar years from the day (Amsterdam time) a file closed: a file
// closed on day D is destroyed on D + `years` (29 February: 1 March in a year without one).
absl::CivilDay RetentionEnd(int64_t closed_at_micros, int years);
// The files closed before the returned moment (Unix microseconds) have their destruction day on
// or before `day`.
int64_t ClosedBeforeForDestruction(absl::CivilDay day, int years);
// "YYYY-MM-DD" of the Amsterdam day of `micros`.
std::string AmsterdamDate(int64_t micros);
// A page token of a list of files by closure: "<closed_at>:<id>"; Parse gives (-1, "") for the
// first page and INVALID_ARGUMENT naming page_token for anything else not made by Cursor.
std::string ClosureCursor(int64_t closed_at, absl::string_view id);
absl::StatusOr<std::pair<int64_t, std::string>> ParseClosureCursor(absl::string_view token);

class WorkingDayCalendar {
 public:
  // `equated_days`: extra days that count as holidays (the bridge days the government publishes).
  explicit WorkingDayCalendar(std::vector<absl::CivilDay> equated_days = {});

  bool IsWorkingDay(absl::CivilDay day) const;
  // Whether `day` is a public holiday or an equated day (weekends aside).
  bool IsHoliday(absl::CivilDay day) const;
  // The `n`-th working day after `day` (n >= 1); `day` itself does not count.
  absl::CivilDay AddWorkingDays(absl::CivilDay day, int n) const;
  // The deadline for a term of `n` working days starting at `from`: the end (24:00, Amsterdam
  // time) of the n-th working day after the day `from` falls on.
  absl::Time DeadlineAfter(absl::Time from, int n) const;
  // Working days in (from, to]: how many working days a term has used.
  int WorkingDaysBetween(absl::CivilDay from, absl::CivilDay to) const;

 private:
  absl::flat_hash_set<absl::CivilDay> equated_;
};

}  // namespace schakel::calendar

#endif  // SCHAKEL_SERVICES_COMMON_CALENDAR_H_
