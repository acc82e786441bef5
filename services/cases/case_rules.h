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
#include "services/common/person_fields.h"
#include "services/redaction/need_to_know.h"

namespace schakel::cases {

using ::schakel::FieldCipher;

// The BSN, date and day helpers live in services/common/person_fields.h (intake shares them).
using ::schakel::AmsterdamToday;
using ::schakel::DateString;
using ::schakel::FromCivilDay;
using ::schakel::IsValidBsn;
using ::schakel::IsValidDate;
using ::schakel::MaskBsn;
using ::schakel::ToCivilDay;

// The need-to-know table lives in services/redaction (the safety plan service shares it).
using ::schakel::OrganisationTypeSees;

// Name normalisation for the name + date of birth index: trimmed, inner whitespace collapsed to
// one space, ASCII letters lowercased.
std::string NormaliseName(absl::string_view name);

// `day` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb).
absl::CivilDay AddMonths(absl::CivilDay day, int months);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_RULES_H_
