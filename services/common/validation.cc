#include "services/common/validation.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "services/common/idempotency.h"
#include "services/common/ids.h"

namespace schakel {

long Utf8Length(absl::string_view s) {
  long count = 0;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      len = 1;
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return -1;
    }
    if (i + len > s.size()) return -1;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return -1;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    i += len;
    ++count;
  }
  return count;
}

void CheckName(FieldViolations& v, const std::string& field, absl::string_view value,
               size_t max_chars) {
  const long length = Utf8Length(value);
  if (length < 0) {
    v.Add(field, "must be valid UTF-8");
    return;
  }
  if (absl::StripAsciiWhitespace(value).empty()) {
    v.Add(field, "must not be empty");
    return;
  }
  if (static_cast<size_t>(length) > max_chars) {
    v.Add(field, absl::StrCat("must be at most ", max_chars, " characters (has ", length, ")"));
    return;
  }
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      v.Add(field, "must not contain control characters");
      return;
    }
  }
}

void CheckId(FieldViolations& v, const std::string& field, absl::string_view value) {
  if (value.empty()) {
    v.Add(field, "must not be empty");
  } else if (!IsWellFormedId(value)) {
    v.Add(field,
          "must be 1 to 64 characters: lowercase letters, digits, '-', '_' or '.', starting with "
          "a letter or digit");
  }
}

void CheckRequestId(FieldViolations& v, absl::string_view value) {
  if (value.empty()) {
    v.Add("request_id", "must be set: a client-generated id that makes retries safe");
  } else if (!IsValidRequestId(value)) {
    v.Add("request_id", "must be 1 to 128 characters of letters, digits, '-', '_', '.' or ':'");
  }
}

void CheckText(FieldViolations& v, const std::string& field, absl::string_view text, size_t max,
               bool required) {
  const long length = Utf8Length(text);
  if (length < 0) {
    v.Add(field, "must be valid UTF-8");
    return;
  }
  if (required && text.find_first_not_of(" \t\r\n") == absl::string_view::npos) {
    v.Add(field, "must not be empty");
    return;
  }
  if (static_cast<size_t>(length) > max) {
    v.Add(field, absl::StrCat("must be at most ", max, " characters"));
  }
  for (unsigned char ch : text) {
    if ((ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || ch == 0x7f) {
      v.Add(field, "must not contain control characters");
      break;
    }
  }
}

const RepeatedLimits& StandardRepeatedLimits() {
  static const auto* limits = new RepeatedLimits{
      // The outbox relays send up to 500 messages a batch (OutboxRelay::Options::batch_size).
      {"schakel.v1.AppendRequest.records", 1000},
      {"schakel.v1.ReceiveCaseEventsRequest.events", 1000},
      {"schakel.v1.RecordCaseEventsRequest.events", 1000},
      // The police feed's batches (intake.proto).
      {"schakel.v1.SubmitReportsRequest.reports", 1000},
  };
  return *limits;
}

namespace {

void CheckRepeatedAt(FieldViolations& v, const google::protobuf::Message& message,
                     const RepeatedLimits& limits, const std::string& prefix, int depth) {
  if (depth > 16) return;  // requests nest a few levels; deeper recursion is not worth a stack
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const google::protobuf::FieldDescriptor* field : fields) {
    const std::string path =
        prefix.empty() ? field->name() : absl::StrCat(prefix, ".", field->name());
    const bool is_message = field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE;
    if (!field->is_repeated()) {
      if (is_message) {
        CheckRepeatedAt(v, reflection->GetMessage(message, field), limits, path, depth + 1);
      }
      continue;
    }
    const int size = reflection->FieldSize(message, field);
    const auto it = limits.find(field->full_name());
    const int limit = it == limits.end() ? kDefaultRepeatedLimit : it->second;
    if (size > limit) {
      v.Add(path, absl::StrCat("at most ", limit, " entries, not ", size));
      continue;
    }
    if (!is_message || field->is_map()) continue;
    for (int i = 0; i < size; ++i) {
      CheckRepeatedAt(v, reflection->GetRepeatedMessage(message, field, i), limits,
                      absl::StrCat(path, "[", i, "]"), depth + 1);
    }
  }
}

}  // namespace

void CheckRepeatedLimits(FieldViolations& v, const google::protobuf::Message& message,
                         const RepeatedLimits& limits) {
  CheckRepeatedAt(v, message, limits, "", 0);
}

}  // namespace schakel
