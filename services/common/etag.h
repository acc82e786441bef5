// Etags (AIP-154): one format in every service. A stored row carries a version that every change
// bumps; its etag is "v<version>". A request that names a stale etag is ABORTED (read again, then
// retry).
#ifndef SCHAKEL_SERVICES_COMMON_ETAG_H_
#define SCHAKEL_SERVICES_COMMON_ETAG_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace schakel {

inline std::string Etag(int64_t version) { return absl::StrCat("v", version); }

// OK when `etag` is empty (the caller did not ask for the check) or names `version`; otherwise
// ABORTED saying what changed.
inline absl::Status CheckEtag(absl::string_view etag, int64_t version, absl::string_view what) {
  if (etag.empty() || etag == Etag(version)) return absl::OkStatus();
  return absl::AbortedError(
      absl::StrCat("the ", what, " changed since you read it (stale etag); read it again"));
}

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_ETAG_H_
