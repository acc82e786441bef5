// Paging for every List RPC (AIP-158): one default and one maximum page size, and one token
// format. A token names where the next page starts and is bound to the listing and to the filters
// of the request it was issued for: reusing it with other filters is INVALID_ARGUMENT.
#ifndef SCHAKEL_SERVICES_RUNTIME_PAGE_TOKEN_H_
#define SCHAKEL_SERVICES_RUNTIME_PAGE_TOKEN_H_

#include <string>

#include <google/protobuf/message.h>

#include "absl/strings/string_view.h"
#include "services/common/status.h"

namespace schakel {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// Where a page starts and how long it is.
struct Page {
  int limit = kDefaultPageSize;
  // The cursor of the last item of the previous page; empty for the first page.
  std::string after;
};

struct PageLimits {
  int default_size = kDefaultPageSize;
  int max_size = kMaxPageSize;
};

// Reads the `page_size` and `page_token` fields of a List request: page_size must not be negative
// (0 means the default; more than the maximum is capped); page_token must be one that `listing`
// gave out for a request with the same filters (every field but page_size and page_token). Each
// bad field is added to `v`.
Page DecodePage(FieldViolations& v, const google::protobuf::Message& request,
                absl::string_view listing, PageLimits limits = {});

// The token of the page after the item whose cursor is `after`, for `request`.
std::string NextPageToken(const google::protobuf::Message& request, absl::string_view listing,
                          absl::string_view after);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_RUNTIME_PAGE_TOKEN_H_
