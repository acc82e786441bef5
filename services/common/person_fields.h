// Checks and conversions of the personal fields more than one service takes in (the cases service's
// persons, the intake service's reports): the BSN and its mask, dates of the Date message, today in
// Amsterdam.
#ifndef SCHAKEL_SERVICES_COMMON_PERSON_FIELDS_H_
#define SCHAKEL_SERVICES_COMMON_PERSON_FIELDS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "schakel/v1/common.pb.h"

namespace schakel {

// The Dutch BSN check: exactly 9 digits, 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and
// not all zeros).
bool IsValidBsn(absl::string_view bsn);
// "******782": only the last three digits show.
std::string MaskBsn(absl::string_view bsn);

// Today in Europe/Amsterdam.
absl::CivilDay AmsterdamToday(absl::Time now);
// Whether `date` is a real calendar date (1900-2200).
bool IsValidDate(const v1::Date& date);
absl::CivilDay ToCivilDay(const v1::Date& date);
v1::Date FromCivilDay(absl::CivilDay day);
// YYYY-MM-DD.
std::string DateString(const v1::Date& date);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_PERSON_FIELDS_H_
