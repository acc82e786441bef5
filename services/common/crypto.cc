#include "services/common/crypto.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "absl/strings/str_cat.h"
#include "services/common/openssl_util.h"
#include "services/common/tls.h"

namespace schakel::crypto {
namespace {

using CipherCtx = ossl::Ptr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;

const unsigned char* U(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

absl::StatusOr<std::string> RandomBytes(size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    return absl::InternalError("the random number generator failed");
  }
  return out;
}

absl::StatusOr<Sealed> Seal(absl::string_view key, absl::string_view plaintext,
                            absl::string_view aad) {
  if (key.size() != kKeySize) return absl::InvalidArgumentError("AES-256 needs a 32-byte key");
  Sealed out;
  auto nonce = RandomBytes(kNonceSize);
  if (!nonce.ok()) return nonce.status();
  out.nonce = *std::move(nonce);
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  out.ciphertext.resize(plaintext.size());
  out.tag.resize(kTagSize);
  if (!ctx ||
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, U(key), U(out.nonce)) != 1 ||
      (!aad.empty() &&
       EVP_EncryptUpdate(ctx.get(), nullptr, &len, U(aad), static_cast<int>(aad.size())) != 1) ||
      EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.ciphertext.data()), &len,
                        U(plaintext), static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), nullptr, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, out.tag.data()) != 1) {
    return absl::InternalError("AES-256-GCM encryption failed");
  }
  return out;
}

absl::StatusOr<std::string> Open(absl::string_view key, const Sealed& sealed,
                                 absl::string_view aad) {
  if (key.size() != kKeySize || sealed.nonce.size() != kNonceSize ||
      sealed.tag.size() != kTagSize) {
    return absl::DataLossError("malformed AES-256-GCM input");
  }
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  std::string plaintext(sealed.ciphertext.size(), '\0');
  std::string tag = sealed.tag;
  int len = 0;
  if (!ctx ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, U(key), U(sealed.nonce)) != 1 ||
      (!aad.empty() &&
       EVP_DecryptUpdate(ctx.get(), nullptr, &len, U(aad), static_cast<int>(aad.size())) != 1) ||
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plaintext.data()), &len,
                        U(sealed.ciphertext), static_cast<int>(sealed.ciphertext.size())) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), nullptr, &len) != 1) {
    return absl::DataLossError("AES-256-GCM authentication failed");
  }
  return plaintext;
}

std::string HmacSha256(absl::string_view key, absl::string_view message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), U(message), message.size(), out,
       &len);
  return std::string(reinterpret_cast<const char*>(out), len);
}

absl::StatusOr<std::string> ReadKeyFile(const std::filesystem::path& path) {
  auto bytes = ReadPrivateFile(path);
  if (!bytes.ok()) return bytes.status();
  if (bytes->size() != kKeySize) {
    return absl::FailedPreconditionError(
        absl::StrCat(path.string(), ": a key file must hold exactly 32 bytes"));
  }
  return bytes;
}

absl::Status CreateKeyFile(const std::filesystem::path& path) {
  auto key = RandomBytes(kKeySize);
  if (!key.ok()) return key.status();
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  ossl::ScopedFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", path.string(), ": ", std::strerror(errno)));
  }
  const bool ok =
      ::write(fd.get(), key->data(), key->size()) == static_cast<ssize_t>(key->size()) &&
      ::fsync(fd.get()) == 0 && ::close(fd.Release()) == 0;
  if (!ok) return absl::InternalError(absl::StrCat("cannot write ", path.string()));
  return absl::OkStatus();
}

}  // namespace schakel::crypto
