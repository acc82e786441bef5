// A wall-clock time in Amsterdam, for tests of terms on the working-day calendar.
#ifndef SCHAKEL_TESTS_SUPPORT_AMSTERDAM_TIME_H_
#define SCHAKEL_TESTS_SUPPORT_AMSTERDAM_TIME_H_

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "services/common/calendar.h"

namespace schakel::testing {

inline absl::Time AmsterdamTime(int y, int m, int d, int hh = 10, int mm = 0) {
  return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm), calendar::Amsterdam());
}

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_SUPPORT_AMSTERDAM_TIME_H_
