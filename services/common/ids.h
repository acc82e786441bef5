// Identifiers: opaque random ids for resources and requests.
#ifndef SCHAKEL_SERVICES_COMMON_IDS_H_
#define SCHAKEL_SERVICES_COMMON_IDS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace schakel {

// 128 random bits from OpenSSL's CSPRNG as 32 lowercase hex characters. Aborts if the CSPRNG
// fails, because an id that might repeat is worse than no id.
std::string NewRandomId();

// An id of the same shape (32 lowercase hex characters) that sorts by time: the milliseconds since
// the Unix epoch at `now` (48 bits, 12 characters), then 80 random bits from OpenSSL's CSPRNG (20
// characters). For rows keyed on their id in a B-tree: a new row goes to the right edge of the
// tree, not onto a random page, so a batch of inserts dirties a few pages instead of one each.
// 80 random bits keep it unguessable, but it tells when it was made: use it only where that time
// is no secret from whoever holds the id (a report's submission time, shown with it). Times
// before the epoch count as the epoch. Aborts if the CSPRNG fails, as NewRandomId does.
std::string NewTimeOrderedId(absl::Time now);

// Whether `id` is 1..max_length characters of [a-z0-9], '-', '_' or '.', starting with a letter or
// digit: the shape of directory ids, certificate names and request ids.
bool IsWellFormedId(absl::string_view id, size_t max_length = 64);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_IDS_H_
