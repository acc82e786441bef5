// The rules of a case that need no database: the BSN elfproef, the need-to-know table, blind
// index normalisation, dates, and the encryption of personal fields.
#ifndef SCHAKEL_SERVICES_CASES_CASE_RULES_H_
#define SCHAKEL_SERVICES_CASES_CASE_RULES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "schakel/v1/cases.pb.h"
#include "schakel/v1/common.pb.h"
#include "services/common/field_cipher.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {

using ::schakel::FieldCipher;

// The Dutch BSN check: exactly 9 digits, 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and
// not all zeros).
bool IsValidBsn(absl::string_view bsn);
// "******782": only the last three digits show.
std::string MaskBsn(absl::string_view bsn);

// The need-to-know table lives in services/redaction (the safety plan service shares it).
using ::schakel::OrganisationTypeSees;

// Name normalisation for the name + date of birth index: trimmed, inner whitespace collapsed to
// one space, ASCII letters lowercased.
std::string NormaliseName(absl::string_view name);

// Today in Europe/Amsterdam.
absl::CivilDay AmsterdamToday(absl::Time now);
// Whether `date` is a real calendar date (1900-2200).
bool IsValidDate(const v1::Date& date);
absl::CivilDay ToCivilDay(const v1::Date& date);
v1::Date FromCivilDay(absl::CivilDay day);
// YYYY-MM-DD.
std::string DateString(const v1::Date& date);
// `day` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb).
absl::CivilDay AddMonths(absl::CivilDay day, int months);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_RULES_H_
