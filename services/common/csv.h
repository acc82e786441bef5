// The small pieces of the supervisors' CSV exports (GetHandoverReport, GetIntakeReport): one
// quoting rule and one time format, so every export reads the same in a spreadsheet.
#ifndef SCHAKEL_SERVICES_COMMON_CSV_H_
#define SCHAKEL_SERVICES_COMMON_CSV_H_

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace schakel::csv {

// A field as RFC 4180 wants it: quoted (with doubled quotes) only when it holds a comma, a quote
// or a line break.
inline std::string Field(absl::string_view s) {
  if (s.find_first_of(",\"\n\r") == absl::string_view::npos) return std::string(s);
  return absl::StrCat("\"", absl::StrReplaceAll(s, {{"\"", "\"\""}}), "\"");
}

// Unix microseconds as ISO 8601 in UTC, to the second: "2026-01-05T08:00:00Z".
inline std::string IsoTime(int64_t unix_micros) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixMicros(unix_micros),
                          absl::UTCTimeZone());
}

}  // namespace schakel::csv

#endif  // SCHAKEL_SERVICES_COMMON_CSV_H_
