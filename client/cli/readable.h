// schakelctl's output for people: any answer of the services as aligned "Label: value" lines and
// tables, times in Europe/Amsterdam in Dutch notation, enum values in words. Driven by the
// messages' descriptors, so every command prints the same way; --json stays protobuf JSON.
#ifndef SCHAKEL_CLIENT_CLI_READABLE_H_
#define SCHAKEL_CLIENT_CLI_READABLE_H_

#include <ostream>
#include <string>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "schakel/v1/common.pb.h"

namespace schakel::cli {

// Europe/Amsterdam (absl::LoadTimeZone; without tzdata UTC+1 all year, with a warning once).
const absl::TimeZone& AmsterdamZone();

// "05-03-2026 14:07" in Europe/Amsterdam; "-" for an unset timestamp (the epoch).
std::string LocalTime(absl::Time t);
std::string LocalTime(const google::protobuf::Timestamp& t);

// "05-03-2026"; "-" when unset.
std::string LocalDate(const v1::Date& date);

// An enum value in words, without its type's prefix: ROLE_CASE_DIRECTOR -> "case director",
// SERVING -> "serving".
std::string EnumWords(const google::protobuf::EnumValueDescriptor& value);

// The words of an enum value given by its full name in a text ("REPORT_KIND_ADVICE" -> "advice",
// as the services name values in their figures); `name` itself when no enum of schakel.v1 has it.
std::string EnumNameWords(absl::string_view name);

// A field name as a label: "create_time" -> "Create time", "bsn_masked" -> "BSN masked".
std::string FieldLabel(absl::string_view field_name);

// Writes `message` for people:
// - a single object as "Label: value" lines, nested objects indented under a heading;
// - lists of flat objects as tables (one column per field set in any row), other lists as
//   numbered blocks;
// - an answer holding just one object or one list shows it without a heading;
// - timestamps and dates in Europe/Amsterdam (dd-MM-yyyy HH:mm), enums in words, notes as their
//   text or, when hidden, why.
void PrintReadable(const google::protobuf::Message& message, std::ostream& out);

}  // namespace schakel::cli

#endif  // SCHAKEL_CLIENT_CLI_READABLE_H_
