// FieldCipher: field-by-field encryption of personal data at rest (AES-256-GCM, OpenSSL EVP) and
// blind indexes (HMAC-SHA-256) for the lookups that must match. Every service that stores personal
// data uses it with keys of its own.
#ifndef SCHAKEL_SERVICES_COMMON_FIELD_CIPHER_H_
#define SCHAKEL_SERVICES_COMMON_FIELD_CIPHER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "services/common/idempotency.h"

namespace schakel {

// Encrypts personal fields: AES-256-GCM under one data key whose id is stored beside each
// ciphertext; the row's identity is the additional data, so a ciphertext cannot be moved to
// another row. Blind indexes use a separate key.
class FieldCipher final : public IdempotencyProtector {
 public:
  FieldCipher(std::string data_key, std::string index_key);
  // A short id of the data key (derived from it; never reveals it).
  const std::string& key_id() const { return key_id_; }
  // nonce || ciphertext || tag of the message's serialisation.
  absl::StatusOr<std::string> Seal(const google::protobuf::Message& message,
                                   absl::string_view row) const;
  absl::StatusOr<std::string> SealText(absl::string_view text, absl::string_view row) const;
  // Fails with DATA_LOSS when the key id is not this key's or the blob does not authenticate.
  absl::Status Open(absl::string_view key_id, absl::string_view blob, absl::string_view row,
                    google::protobuf::Message& out) const;
  absl::StatusOr<std::string> OpenText(absl::string_view key_id, absl::string_view blob,
                                       absl::string_view row) const;
  // IdempotencyProtector: stored answers are sealed like fields (key id in front); fingerprints
  // are HMACs under the index key.
  absl::StatusOr<std::string> Seal(absl::string_view plain, absl::string_view aad) const override;
  absl::StatusOr<std::string> Open(absl::string_view sealed, absl::string_view aad) const override;
  std::string Mac(absl::string_view bytes) const override;

  // HMAC-SHA-256 under the index key of "<kind>\0<value>".
  std::string BlindIndex(absl::string_view kind, absl::string_view value) const;

 private:
  std::string data_key_;
  std::string index_key_;
  std::string key_id_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_FIELD_CIPHER_H_
