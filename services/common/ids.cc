#include "services/common/ids.h"
#include "absl/strings/string_view.h"

#include <openssl/rand.h>

#include <array>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace schakel {

std::string NewRandomId() {
  std::array<unsigned char, 16> bytes;
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string NewTimeOrderedId(absl::Time now) {
  std::array<unsigned char, 10> bytes;
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
  int64_t ms = absl::ToUnixMillis(now);
  if (ms < 0) ms = 0;
  // 48 bits of milliseconds last until the year 10889.
  return absl::StrCat(absl::StrFormat("%012x", static_cast<uint64_t>(ms) & 0xffffffffffffULL),
                      absl::BytesToHexString(absl::string_view(
                          reinterpret_cast<const char*>(bytes.data()), bytes.size())));
}

bool IsWellFormedId(absl::string_view id, size_t max_length) {
  if (id.empty() || id.size() > max_length) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front())) return false;
  for (char c : id) {
    if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

}  // namespace schakel
