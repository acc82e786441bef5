// Input checks of the cases service that need no stored state, and the building of new rows from
// validated input.
#ifndef SCHAKEL_SERVICES_CASES_CASE_VALIDATION_H_
#define SCHAKEL_SERVICES_CASES_CASE_VALIDATION_H_

#include <string>

#include "absl/time/civil_time.h"
#include "schakel/v1/cases.pb.h"
#include "services/cases/case_store.h"
#include "services/common/status.h"

namespace schakel::cases {

inline constexpr size_t kTextMax = 2000;

// Each adds every bad field, named under `field` / `at` ("persons[2].").
void CheckPastDate(FieldViolations& v, const std::string& field, const v1::Date& date,
                   absl::CivilDay today);
void CheckCriterion(FieldViolations& v, const std::string& field, const v1::Criterion& c);
// The checks on details that need no stored state (notes are checked when merged).
void CheckDetails(FieldViolations& v, const std::string& at, const v1::CaseDetails& d,
                  absl::CivilDay today);
void CheckPersonInput(FieldViolations& v, const std::string& at, const v1::Person& p,
                      absl::CivilDay today);

// A validated input person as stored: a fresh id, version 1, notes with fresh ids.
PersonRow NewPersonRow(const v1::Person& in);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_VALIDATION_H_
