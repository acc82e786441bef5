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
// A criterion that is given must be MET or NOT_MET (one not given was not assessed).
void CheckCriterion(FieldViolations& v, const std::string& field, const v1::Criterion& c);
// `d` without the criteria that are given but empty (no state, note or sensitivity). The intake
// service sends a criterion Veilig Thuis wrote nothing on that way (it means "not assessed"), and
// cases opened from reports before 0006 stored them so; clients never see or send them.
v1::CaseDetails WithoutEmptyCriteria(const v1::CaseDetails& d);
// The checks on details that need no stored state (notes are checked when merged); criteria
// given without a state are refused.
void CheckDetails(FieldViolations& v, const std::string& at, const v1::CaseDetails& d,
                  absl::CivilDay today);
void CheckPersonInput(FieldViolations& v, const std::string& at, const v1::Person& p,
                      absl::CivilDay today);

// A validated input person as stored: a fresh id, version 1, notes with fresh ids.
PersonRow NewPersonRow(const v1::Person& in);

}  // namespace schakel::cases

#endif  // SCHAKEL_SERVICES_CASES_CASE_VALIDATION_H_
