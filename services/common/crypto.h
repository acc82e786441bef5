// Symmetric crypto for data at rest, on OpenSSL 3 EVP: AES-256-GCM and HMAC-SHA-256.
#ifndef SCHAKEL_SERVICES_COMMON_CRYPTO_H_
#define SCHAKEL_SERVICES_COMMON_CRYPTO_H_

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace schakel::crypto {

inline constexpr size_t kKeySize = 32;    // AES-256
inline constexpr size_t kNonceSize = 12;  // GCM's 96-bit nonce
inline constexpr size_t kTagSize = 16;

// `n` bytes from OpenSSL's CSPRNG.
absl::StatusOr<std::string> RandomBytes(size_t n);

struct Sealed {
  std::string nonce;       // 12 random bytes
  std::string ciphertext;  // as long as the plaintext
  std::string tag;         // 16 bytes
};

// AES-256-GCM with a fresh random nonce; `aad` is authenticated but not encrypted.
absl::StatusOr<Sealed> Seal(absl::string_view key, absl::string_view plaintext,
                            absl::string_view aad);
// The plaintext, or DATA_LOSS when the key, nonce, aad, ciphertext or tag do not match.
absl::StatusOr<std::string> Open(absl::string_view key, const Sealed& sealed,
                                 absl::string_view aad);

// HMAC-SHA-256 (32 bytes).
std::string HmacSha256(absl::string_view key, absl::string_view message);

// A 32-byte key file (raw bytes, mode 0600): read, or create with fresh random bytes.
absl::StatusOr<std::string> ReadKeyFile(const std::filesystem::path& path);
absl::Status CreateKeyFile(const std::filesystem::path& path);

}  // namespace schakel::crypto

#endif  // SCHAKEL_SERVICES_COMMON_CRYPTO_H_
