#include "services/runtime/page_token.h"

#include <algorithm>
#include <memory>

#include <openssl/sha.h>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace schakel {
namespace {

constexpr char kVersion[] = "p1";
constexpr size_t kFingerprintBytes = 12;

// A short hash of the request's filters: the request without its paging fields, serialised
// deterministically.
std::string FilterFingerprint(const google::protobuf::Message& request) {
  std::unique_ptr<google::protobuf::Message> filters(request.New());
  filters->CopyFrom(request);
  const google::protobuf::Descriptor* d = filters->GetDescriptor();
  const google::protobuf::Reflection* r = filters->GetReflection();
  for (const char* name : {"page_size", "page_token"}) {
    if (const auto* f = d->FindFieldByName(name)) r->ClearField(filters.get(), f);
  }
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    filters->SerializeToCodedStream(&coded);
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), kFingerprintBytes));
}

std::string Prefix(const google::protobuf::Message& request, absl::string_view listing) {
  return absl::StrCat(kVersion, "/", listing, "/", FilterFingerprint(request), "/");
}

}  // namespace

Page DecodePage(FieldViolations& v, const google::protobuf::Message& request,
                absl::string_view listing, PageLimits limits) {
  Page page;
  const google::protobuf::Descriptor* d = request.GetDescriptor();
  const google::protobuf::Reflection* r = request.GetReflection();
  const auto* size_field = d->FindFieldByName("page_size");
  const auto* token_field = d->FindFieldByName("page_token");
  const int32_t size = size_field != nullptr ? r->GetInt32(request, size_field) : 0;
  const std::string token = token_field != nullptr ? r->GetString(request, token_field) : "";
  if (size < 0) v.Add("page_size", "must not be negative");
  page.limit = size <= 0 ? limits.default_size : std::min(size, limits.max_size);
  if (token.empty()) return page;
  std::string decoded;
  const std::string prefix = Prefix(request, listing);
  if (!absl::WebSafeBase64Unescape(token, &decoded) || !absl::StartsWith(decoded, prefix)) {
    v.Add("page_token",
          "is not a token this listing gave out for these filters; start again without one");
    return page;
  }
  page.after = decoded.substr(prefix.size());
  return page;
}

std::string NextPageToken(const google::protobuf::Message& request, absl::string_view listing,
                          absl::string_view after) {
  return absl::WebSafeBase64Escape(absl::StrCat(Prefix(request, listing), after));
}

}  // namespace schakel
