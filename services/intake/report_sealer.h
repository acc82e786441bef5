// ReportSealer: each report's content sealed under a data key of its own ("report/<id>"), so that
// destroying the report is shredding one key (crypto-shredding; services/common/data_keys.h). The
// report keys are wrapped by the intake master key (intake.master_key_file, or when that is unset a
// key derived from the intake data key). Reports sealed before report keys existed are under the
// data key itself (FieldCipher's key id says which) and move to a key of their own when next
// sealed.
#ifndef SCHAKEL_SERVICES_INTAKE_REPORT_SEALER_H_
#define SCHAKEL_SERVICES_INTAKE_REPORT_SEALER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "services/common/data_keys.h"
#include "services/common/field_cipher.h"
#include "services/common/sqlite.h"

namespace schakel::intake {

class ReportSealer {
 public:
  // `service`: the intake FieldCipher (the data key and the index key); `master_key` wraps the
  // report keys.
  ReportSealer(const FieldCipher& service, std::string master_key, const Clock& clock);

  // The data key id of report `report_id`.
  static std::string KeyOf(absl::string_view report_id);
  // The master key when intake.master_key_file is unset: derived from the data key (HMAC-SHA-256,
  // HKDF-Expand's single block), never the key that seals fields.
  static std::string DerivedMasterKey(absl::string_view data_key);
  // A wrapped report key is bound to "<kKeyAadPrefix><key id>" (DataKeys).
  static constexpr char kKeyAadPrefix[] = "intake/";

  // Seals `message` for report `report_id` under its key (made now, in this transaction, when it
  // has none); `key_id` gets the id to store beside the ciphertext. DATA_LOSS once destroyed.
  absl::StatusOr<std::string> Seal(sqlite::Connection& c, const std::string& report_id,
                                   const google::protobuf::Message& message, absl::string_view aad,
                                   std::string& key_id);
  // Opens what Seal (or, before report keys, the service's cipher) sealed. DATA_LOSS when the
  // report's key was shredded or the blob does not authenticate.
  absl::Status Open(sqlite::Connection& c, const std::string& report_id, absl::string_view key_id,
                    absl::string_view blob, absl::string_view aad,
                    google::protobuf::Message& out) const;

  // The service's own cipher: what is not one report's (a legal hold's reason, a destruction
  // decision, stored answers), and the blind indexes.
  const FieldCipher& service() const { return service_; }
  DataKeys& keys() const { return keys_; }

 private:
  absl::StatusOr<FieldCipher> CipherOf(sqlite::Connection& c, const std::string& report_id,
                                       bool create) const;

  const FieldCipher& service_;
  mutable DataKeys keys_;
};

}  // namespace schakel::intake

#endif  // SCHAKEL_SERVICES_INTAKE_REPORT_SEALER_H_
