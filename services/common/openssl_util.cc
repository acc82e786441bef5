#include "services/common/openssl_util.h"

#include <openssl/err.h>

#include "absl/strings/str_cat.h"

namespace schakel::ossl {

std::string DrainErrors() {
  std::string out;
  while (unsigned long code = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof(buf));
    absl::StrAppend(&out, out.empty() ? "" : "; ", buf);
  }
  return out;
}

absl::Status Error(absl::StatusCode code, absl::string_view what) {
  const std::string details = DrainErrors();
  if (details.empty()) return absl::Status(code, what);
  return absl::Status(code, absl::StrCat(what, ": ", details));
}

}  // namespace schakel::ossl
