// Field checks shared by every service's request validation. Each adds a violation to a
// FieldViolations, so one answer names every bad field.
#ifndef SCHAKEL_SERVICES_COMMON_VALIDATION_H_
#define SCHAKEL_SERVICES_COMMON_VALIDATION_H_

#include <string>

#include <google/protobuf/message.h>

#include "absl/container/flat_hash_map.h"
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

// Entries a repeated field of a request may hold unless RepeatedLimits names it: more than a
// family, a team or a meeting has, far fewer than the tens of thousands a 4 MiB request could
// carry.
inline constexpr int kDefaultRepeatedLimit = 100;
// Limits for particular repeated fields, by full field name ("schakel.v1.AppendRequest.records").
using RepeatedLimits = absl::flat_hash_map<std::string, int>;
// The limits every service applies: the default, and larger ones for the batches that services
// send each other.
const RepeatedLimits& StandardRepeatedLimits();

// Adds a violation for every repeated field of `message`, at any depth, that holds more entries
// than its limit ("persons: at most 100 entries, not 5000"; a nested one is named by its path,
// "persons[2].notes"). The entries of a field over its limit are not looked into.
void CheckRepeatedLimits(FieldViolations& v, const google::protobuf::Message& message,
                         const RepeatedLimits& limits = StandardRepeatedLimits());

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_VALIDATION_H_
