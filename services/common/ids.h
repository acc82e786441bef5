// Identifiers: opaque random ids for resources and requests.
#ifndef SCHAKEL_SERVICES_COMMON_IDS_H_
#define SCHAKEL_SERVICES_COMMON_IDS_H_

#include <string>
#include "absl/strings/string_view.h"

namespace schakel {

// 128 random bits from OpenSSL's CSPRNG as 32 lowercase hex characters. Aborts if the CSPRNG
// fails, because an id that might repeat is worse than no id.
std::string NewRandomId();

// Whether `id` is 1..max_length characters of [a-z0-9], '-', '_' or '.', starting with a letter or
// digit: the shape of directory ids, certificate names and request ids.
bool IsWellFormedId(absl::string_view id, size_t max_length = 64);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_IDS_H_
