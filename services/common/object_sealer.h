// ObjectSealer: each object's personal data (a Veilig Thuis report, an MDA++ case) sealed under a
// data key of its own ("<kind>/<id>"), so that destroying the object is shredding one key
// (crypto-shredding; services/common/data_keys.h). The object keys are wrapped by the service's
// master key. Rows sealed before object keys existed are under the service's data key itself
// (FieldCipher's key id says which) and move to the object's key when next sealed.
#ifndef SCHAKEL_SERVICES_COMMON_OBJECT_SEALER_H_
#define SCHAKEL_SERVICES_COMMON_OBJECT_SEALER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "services/common/data_keys.h"
#include "services/common/field_cipher.h"
#include "services/common/sqlite.h"

namespace schakel {

class ObjectSealer {
 public:
  // `service`: the service's FieldCipher (its data key and index key); `master_key` wraps the
  // object keys, each bound to "<aad_prefix><kind>/<id>"; `kind` names the objects ("report").
  ObjectSealer(const FieldCipher& service, std::string master_key, std::string aad_prefix,
               std::string kind, const Clock& clock);
  virtual ~ObjectSealer() = default;

  // The master key when none is configured: derived from the data key with HMAC-SHA-256 under
  // `label` (HKDF-Expand's single block), never the key that seals fields.
  static std::string DerivedMasterKey(absl::string_view data_key, absl::string_view label);
  // The master key of a service: read from `master_key_file`, or when that is empty derived from
  // the key in `data_key_file` under `label`. INVALID_ARGUMENT naming "<service>.master_key_file"
  // when it cannot be read or equals the data key.
  static absl::StatusOr<std::string> MasterKey(absl::string_view service,
                                               const std::string& data_key_file,
                                               const std::string& master_key_file,
                                               absl::string_view label);

  // The data key id of object `id`.
  std::string KeyOf(absl::string_view id) const;

  // Seals `message` for object `id` under its key (made now, in this transaction, when it has
  // none); `key_id` gets the id to store beside the ciphertext. DATA_LOSS once destroyed.
  absl::StatusOr<std::string> Seal(sqlite::Connection& c, const std::string& id,
                                   const google::protobuf::Message& message, absl::string_view aad,
                                   std::string& key_id);
  absl::StatusOr<std::string> SealText(sqlite::Connection& c, const std::string& id,
                                       absl::string_view text, absl::string_view aad,
                                       std::string& key_id);
  // Opens what Seal (or, before object keys, the service's cipher) sealed. DATA_LOSS when the
  // object's key was shredded or the blob does not authenticate.
  absl::Status Open(sqlite::Connection& c, const std::string& id, absl::string_view key_id,
                    absl::string_view blob, absl::string_view aad,
                    google::protobuf::Message& out) const;
  absl::StatusOr<std::string> OpenText(sqlite::Connection& c, const std::string& id,
                                       absl::string_view key_id, absl::string_view blob,
                                       absl::string_view aad) const;

  // Destroys object `id`'s key in this transaction (crypto-shredding), recording why and by whom;
  // an object without a key, or whose key is shredded already, is left as it is.
  absl::Status ShredIfLive(sqlite::Connection& c, const std::string& id, const std::string& reason,
                           const std::string& by) const;

  // The service's own cipher: what is not one object's (a legal hold's reason, a destruction
  // decision, stored answers), and the blind indexes.
  const FieldCipher& service() const { return service_; }
  DataKeys& keys() const { return keys_; }
  const std::string& aad_prefix() const { return aad_prefix_; }

 private:
  absl::StatusOr<FieldCipher> CipherOf(sqlite::Connection& c, const std::string& id,
                                       bool create) const;

  const FieldCipher& service_;
  const std::string aad_prefix_;
  const std::string kind_;
  mutable DataKeys keys_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_OBJECT_SEALER_H_
