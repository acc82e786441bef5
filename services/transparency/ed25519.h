// Ed25519 keys on OpenSSL 3 EVP: generating, loading and storing a signing key, signing, and
// verifying a signature. The signed-note format (note.h) is built on these; this file knows
// nothing of notes.
//
// Contract:
//  - Keys are pure Ed25519 (RFC 8032): a 32-byte seed, a 32-byte public key, 64-byte signatures.
//  - Key files are unencrypted PKCS#8 PEM, mode 0600; this never prompts for a passphrase.
//  - Errors: malformed input is INVALID_ARGUMENT; a signature that does not verify is
//    UNAUTHENTICATED; a missing key file is NOT_FOUND; OpenSSL and I/O failures are INTERNAL.
#ifndef SCHAKEL_SERVICES_TRANSPARENCY_ED25519_H_
#define SCHAKEL_SERVICES_TRANSPARENCY_ED25519_H_

#include <openssl/evp.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace schakel::audit::note {

// The bytes of `s` as OpenSSL takes them.
inline const unsigned char* Bytes(absl::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

inline constexpr size_t kEd25519PublicKeySize = 32;
inline constexpr size_t kEd25519SeedSize = 32;
inline constexpr size_t kEd25519SignatureSize = 64;

// Wipes what a string holds when it goes out of scope, on every return path, so secret key
// material does not linger in freed heap memory.
class ScopedCleanse {
 public:
  explicit ScopedCleanse(std::string* s) : s_(s) {}
  ScopedCleanse(const ScopedCleanse&) = delete;
  ScopedCleanse& operator=(const ScopedCleanse&) = delete;
  ~ScopedCleanse();

 private:
  std::string* s_;
};

// An Ed25519 private key. Move-only: it owns its EVP_PKEY. Signing is const and safe to call from
// several threads at once (each call uses its own EVP_MD_CTX).
class Ed25519PrivateKey {
 public:
  static absl::StatusOr<Ed25519PrivateKey> Generate();
  // The 32-byte RFC 8032 private key ("seed"), as Go's ed25519.NewKeyFromSeed takes it.
  static absl::StatusOr<Ed25519PrivateKey> FromSeed(absl::string_view seed32);
  // An unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY") holding an Ed25519 key. An encrypted key or
  // one of another type is INVALID_ARGUMENT; this never prompts for a passphrase.
  static absl::StatusOr<Ed25519PrivateKey> FromPem(absl::string_view pkcs8_pem);

  Ed25519PrivateKey(Ed25519PrivateKey&&) noexcept = default;
  Ed25519PrivateKey& operator=(Ed25519PrivateKey&&) noexcept = default;
  Ed25519PrivateKey(const Ed25519PrivateKey&) = delete;
  Ed25519PrivateKey& operator=(const Ed25519PrivateKey&) = delete;
  ~Ed25519PrivateKey() = default;

  // Unencrypted PKCS#8 PEM. It is the secret key: store it only in a 0600 file.
  absl::StatusOr<std::string> ToPem() const;
  // The 32 raw public key bytes.
  std::string PublicKey() const;
  // The 32-byte seed (what FromSeed takes and a signer key string carries). Secret.
  absl::StatusOr<std::string> Seed() const;
  // The 64-byte Ed25519 signature of `message` (pure Ed25519, deterministic).
  absl::StatusOr<std::string> Sign(absl::string_view message) const;

 private:
  struct PkeyDeleter {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  };
  using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

  Ed25519PrivateKey(PkeyPtr pkey, std::string public_key)
      : pkey_(std::move(pkey)), public_key_(std::move(public_key)) {}
  // Takes ownership of a freshly made or loaded key and caches its public half.
  static absl::StatusOr<Ed25519PrivateKey> Wrap(PkeyPtr pkey);

  PkeyPtr pkey_;
  std::string public_key_;  // cached: PublicKey() cannot fail
};

// OK when `signature64` is a valid Ed25519 signature of `message` under `public_key32`.
// Wrong sizes are INVALID_ARGUMENT; a signature that does not verify is UNAUTHENTICATED.
absl::Status VerifyEd25519(absl::string_view public_key32, absl::string_view message,
                           absl::string_view signature64);

// Writes the key as PKCS#8 PEM to `path` with mode 0600 (replacing an existing file's contents
// and tightening its mode). Does not follow a symlink at `path`.
absl::Status WritePrivateKeyFile(const std::filesystem::path& path, const Ed25519PrivateKey& key);
// Reads a key WritePrivateKeyFile wrote. A missing file is NOT_FOUND.
absl::StatusOr<Ed25519PrivateKey> ReadPrivateKeyFile(const std::filesystem::path& path);

}  // namespace schakel::audit::note

#endif  // SCHAKEL_SERVICES_TRANSPARENCY_ED25519_H_
