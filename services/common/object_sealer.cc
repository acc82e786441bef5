#include "services/common/object_sealer.h"

#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"
#include "services/common/status.h"

namespace schakel {

ObjectSealer::ObjectSealer(const FieldCipher& service, std::string master_key,
                           std::string aad_prefix, std::string kind, const Clock& clock)
    : service_(service),
      aad_prefix_(aad_prefix),
      kind_(std::move(kind)),
      keys_(std::move(master_key), std::move(aad_prefix), clock) {}

std::string ObjectSealer::DerivedMasterKey(absl::string_view data_key, absl::string_view label) {
  return crypto::HmacSha256(data_key, label);
}

absl::StatusOr<std::string> ObjectSealer::MasterKey(absl::string_view service,
                                                    const std::string& data_key_file,
                                                    const std::string& master_key_file,
                                                    absl::string_view label) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string data_key, crypto::ReadKeyFile(data_key_file));
  if (master_key_file.empty()) return DerivedMasterKey(data_key, label);
  absl::StatusOr<std::string> master = crypto::ReadKeyFile(master_key_file);
  if (!master.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(service, ".master_key_file: ", master.status().message()));
  }
  if (*master == data_key) {
    return absl::InvalidArgumentError(
        absl::StrCat(service, ".master_key_file: must differ from the data key"));
  }
  return master;
}

std::string ObjectSealer::KeyOf(absl::string_view id) const { return absl::StrCat(kind_, "/", id); }

absl::StatusOr<FieldCipher> ObjectSealer::CipherOf(sqlite::Connection& c, const std::string& id,
                                                   bool create) const {
  // Not cached: a region holds millions of objects; a key costs one indexed read to unwrap.
  SCHAKEL_ASSIGN_OR_RETURN(std::string key, keys_.Get(c, KeyOf(id), create, false));
  return FieldCipher(std::move(key), "");
}

absl::StatusOr<std::string> ObjectSealer::Seal(sqlite::Connection& c, const std::string& id,
                                               const google::protobuf::Message& message,
                                               absl::string_view aad, std::string& key_id) {
  SCHAKEL_ASSIGN_OR_RETURN(FieldCipher cipher, CipherOf(c, id, true));
  key_id = cipher.key_id();
  return cipher.Seal(message, aad);
}

absl::StatusOr<std::string> ObjectSealer::SealText(sqlite::Connection& c, const std::string& id,
                                                   absl::string_view text, absl::string_view aad,
                                                   std::string& key_id) {
  SCHAKEL_ASSIGN_OR_RETURN(FieldCipher cipher, CipherOf(c, id, true));
  key_id = cipher.key_id();
  return cipher.SealText(text, aad);
}

absl::Status ObjectSealer::Open(sqlite::Connection& c, const std::string& id,
                                absl::string_view key_id, absl::string_view blob,
                                absl::string_view aad, google::protobuf::Message& out) const {
  if (key_id == service_.key_id()) return service_.Open(key_id, blob, aad, out);
  absl::StatusOr<FieldCipher> cipher = CipherOf(c, id, false);
  if (absl::IsNotFound(cipher.status())) {
    return absl::DataLossError(absl::StrCat(kind_, " ", id, " has no data key"));
  }
  if (!cipher.ok()) return cipher.status();
  return cipher->Open(key_id, blob, aad, out);
}

absl::StatusOr<std::string> ObjectSealer::OpenText(sqlite::Connection& c, const std::string& id,
                                                   absl::string_view key_id, absl::string_view blob,
                                                   absl::string_view aad) const {
  if (key_id == service_.key_id()) return service_.OpenText(key_id, blob, aad);
  absl::StatusOr<FieldCipher> cipher = CipherOf(c, id, false);
  if (absl::IsNotFound(cipher.status())) {
    return absl::DataLossError(absl::StrCat(kind_, " ", id, " has no data key"));
  }
  if (!cipher.ok()) return cipher.status();
  return cipher->OpenText(key_id, blob, aad);
}

absl::Status ObjectSealer::ShredIfLive(sqlite::Connection& c, const std::string& id,
                                       const std::string& reason, const std::string& by) const {
  const std::string key = KeyOf(id);
  SCHAKEL_ASSIGN_OR_RETURN(DataKeys::State state, DataKeys::StateOf(c, key));
  if (state != DataKeys::State::kLive) return absl::OkStatus();
  return keys_.Shred(c, key, reason, by);
}

}  // namespace schakel
