#include "services/intake/report_sealer.h"

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/status.h"

namespace schakel::intake {

ReportSealer::ReportSealer(const FieldCipher& service, std::string master_key, const Clock& clock)
    : service_(service), keys_(std::move(master_key), kKeyAadPrefix, clock) {}

std::string ReportSealer::DerivedMasterKey(absl::string_view data_key) {
  return crypto::HmacSha256(data_key, "schakel intake report keys");
}

std::string ReportSealer::KeyOf(absl::string_view report_id) {
  return absl::StrCat("report/", report_id);
}

absl::StatusOr<FieldCipher> ReportSealer::CipherOf(sqlite::Connection& c,
                                                   const std::string& report_id,
                                                   bool create) const {
  // Not cached: a region holds millions of reports; a key costs one indexed read to unwrap.
  SCHAKEL_ASSIGN_OR_RETURN(std::string key, keys_.Get(c, KeyOf(report_id), create, false));
  return FieldCipher(std::move(key), "");
}

absl::StatusOr<std::string> ReportSealer::Seal(sqlite::Connection& c, const std::string& report_id,
                                               const google::protobuf::Message& message,
                                               absl::string_view aad, std::string& key_id) {
  SCHAKEL_ASSIGN_OR_RETURN(FieldCipher cipher, CipherOf(c, report_id, true));
  key_id = cipher.key_id();
  return cipher.Seal(message, aad);
}

absl::Status ReportSealer::Open(sqlite::Connection& c, const std::string& report_id,
                                absl::string_view key_id, absl::string_view blob,
                                absl::string_view aad, google::protobuf::Message& out) const {
  if (key_id == service_.key_id()) return service_.Open(key_id, blob, aad, out);
  absl::StatusOr<FieldCipher> cipher = CipherOf(c, report_id, false);
  if (absl::IsNotFound(cipher.status())) {
    return absl::DataLossError(absl::StrCat("report ", report_id, " has no data key"));
  }
  if (!cipher.ok()) return cipher.status();
  return cipher->Open(key_id, blob, aad, out);
}

}  // namespace schakel::intake
