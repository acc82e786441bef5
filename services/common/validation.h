// Field checks shared by every service's request validation. Each adds a violation to a
// FieldViolations, so one answer names every bad field.
#ifndef SCHAKEL_SERVICES_COMMON_VALIDATION_H_
#define SCHAKEL_SERVICES_COMMON_VALIDATION_H_

#include <string>

#include "absl/strings/string_view.h"
#include "services/common/status.h"

namespace schakel {

// A human-readable name: valid UTF-8, no control characters, not blank, at most `max_chars`
// characters (code points).
void CheckName(FieldViolations& v, const std::string& field, absl::string_view value,
               size_t max_chars = 200);

// An id chosen by an administrator (see IsWellFormedId).
void CheckId(FieldViolations& v, const std::string& field, absl::string_view value);

// A client-generated request_id (see IsValidRequestId).
void CheckRequestId(FieldViolations& v, absl::string_view value);

// Free text: valid UTF-8, at most `max` code points, no control characters but newline, carriage
// return and tab; not blank when `required`.
void CheckText(FieldViolations& v, const std::string& field, absl::string_view text, size_t max,
               bool required);
// Number of UTF-8 code points, or -1 when `s` is not valid UTF-8.
long Utf8Length(absl::string_view s);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_VALIDATION_H_
