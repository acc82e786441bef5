#include "services/common/person_fields.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/common/calendar.h"

namespace schakel {

bool IsValidBsn(absl::string_view bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  bool all_zero = true;
  for (int i = 0; i < 9; ++i) {
    if (bsn[i] < '0' || bsn[i] > '9') return false;
    const int digit = bsn[i] - '0';
    if (digit != 0) all_zero = false;
    sum += (i < 8 ? 9 - i : -1) * digit;
  }
  return !all_zero && sum % 11 == 0;
}

std::string MaskBsn(absl::string_view bsn) {
  if (bsn.size() < 3) return std::string(bsn.size(), '*');
  return absl::StrCat(std::string(bsn.size() - 3, '*'), bsn.substr(bsn.size() - 3));
}

absl::CivilDay AmsterdamToday(absl::Time now) {
  return absl::ToCivilDay(now, calendar::Amsterdam());
}

bool IsValidDate(const v1::Date& date) {
  if (date.year() < 1900 || date.year() > 2200) return false;
  const absl::CivilDay day(date.year(), date.month(), date.day());
  return day.year() == date.year() && day.month() == date.month() && day.day() == date.day();
}

absl::CivilDay ToCivilDay(const v1::Date& date) {
  return absl::CivilDay(date.year(), date.month(), date.day());
}

v1::Date FromCivilDay(absl::CivilDay day) {
  v1::Date d;
  d.set_year(static_cast<int32_t>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

std::string DateString(const v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

}  // namespace schakel
