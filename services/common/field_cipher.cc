#include "services/common/field_cipher.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "services/common/crypto.h"

namespace schakel {

FieldCipher::FieldCipher(std::string data_key, std::string index_key)
    : data_key_(std::move(data_key)), index_key_(std::move(index_key)) {
  key_id_ = absl::StrCat(
      "k-", absl::BytesToHexString(crypto::HmacSha256(data_key_, "schakel key id").substr(0, 6)));
}

absl::StatusOr<std::string> FieldCipher::SealText(absl::string_view text,
                                                  absl::string_view row) const {
  auto sealed = crypto::Seal(data_key_, text, row);
  if (!sealed.ok()) return sealed.status();
  return absl::StrCat(sealed->nonce, sealed->ciphertext, sealed->tag);
}

absl::StatusOr<std::string> FieldCipher::Seal(const google::protobuf::Message& message,
                                              absl::string_view row) const {
  std::string bytes;
  if (!message.SerializeToString(&bytes)) return absl::InternalError("cannot serialise");
  return SealText(bytes, row);
}

absl::StatusOr<std::string> FieldCipher::OpenText(absl::string_view key_id, absl::string_view blob,
                                                  absl::string_view row) const {
  if (key_id != key_id_) {
    return absl::DataLossError(
        absl::StrCat("a field is encrypted under key ", key_id, ", which this host does not have"));
  }
  if (blob.size() < crypto::kNonceSize + crypto::kTagSize) {
    return absl::DataLossError("an encrypted field is truncated");
  }
  crypto::Sealed sealed;
  sealed.nonce = std::string(blob.substr(0, crypto::kNonceSize));
  sealed.ciphertext = std::string(
      blob.substr(crypto::kNonceSize, blob.size() - crypto::kNonceSize - crypto::kTagSize));
  sealed.tag = std::string(blob.substr(blob.size() - crypto::kTagSize));
  return crypto::Open(data_key_, sealed, row);
}

absl::Status FieldCipher::Open(absl::string_view key_id, absl::string_view blob,
                               absl::string_view row, google::protobuf::Message& out) const {
  auto plain = OpenText(key_id, blob, row);
  if (!plain.ok()) return plain.status();
  out.Clear();
  if (!out.ParseFromString(*plain)) return absl::DataLossError("an encrypted field is corrupt");
  return absl::OkStatus();
}

absl::StatusOr<std::string> FieldCipher::Seal(absl::string_view plain,
                                              absl::string_view aad) const {
  auto sealed = SealText(plain, aad);
  if (!sealed.ok()) return sealed.status();
  return absl::StrCat(key_id_, absl::string_view("\0", 1), *sealed);
}

absl::StatusOr<std::string> FieldCipher::Open(absl::string_view sealed,
                                              absl::string_view aad) const {
  const size_t split = sealed.find('\0');
  if (split == absl::string_view::npos) return absl::DataLossError("a stored answer is corrupt");
  return OpenText(sealed.substr(0, split), sealed.substr(split + 1), aad);
}

std::string FieldCipher::Mac(absl::string_view bytes) const {
  return BlindIndex("idempotency", bytes);
}

std::string FieldCipher::BlindIndex(absl::string_view kind, absl::string_view value) const {
  return crypto::HmacSha256(index_key_, absl::StrCat(kind, absl::string_view("\0", 1), value));
}

}  // namespace schakel
