#include "services/transparency/ed25519.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/common/openssl_util.h"
#include "services/common/tls.h"

namespace schakel::audit::note {
namespace {

// A PEM Ed25519 key is about 120 bytes; the cap keeps a wrong path (a log file, /dev/zero) from
// being read into memory whole.
constexpr size_t kMaxKeyFileSize = 64 * 1024;

using ossl::BioPtr;
using ossl::EvpPkeyPtr;
using ossl::ScopedFd;
using PkeyCtxPtr = ossl::Ptr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using MdCtxPtr = ossl::Ptr<EVP_MD_CTX, EVP_MD_CTX_free>;

absl::Status OpenSslError(absl::StatusCode code, absl::string_view what) {
  return ossl::Error(code, what);
}

absl::StatusOr<std::string> ReadSmallFile(const std::filesystem::path& path) {
  ScopedFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    const int err = errno;
    std::string message = absl::StrCat("open ", path.string(), ": ", std::strerror(err));
    if (err == ENOENT) return absl::NotFoundError(message);
    return absl::InternalError(message);
  }
  if (absl::Status owner_only = CheckOwnerOnly(fd.get(), path); !owner_only.ok()) {
    return owner_only;
  }
  std::string out;
  std::string buf(4096, '\0');
  ScopedCleanse wipe_buf(&buf);
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf.data(), buf.size());
    if (n < 0) {
      const int err = errno;
      if (err == EINTR) continue;
      OPENSSL_cleanse(out.data(), out.size());
      return absl::InternalError(absl::StrCat("read ", path.string(), ": ", std::strerror(err)));
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > kMaxKeyFileSize) {
      OPENSSL_cleanse(out.data(), out.size());
      return absl::InvalidArgumentError(
          absl::StrCat(path.string(), ": larger than ", kMaxKeyFileSize, " bytes, not a key file"));
    }
    // Reserve up front so appending never reallocates and leaves a stray copy of the key behind.
    if (out.capacity() < kMaxKeyFileSize) out.reserve(kMaxKeyFileSize);
    out.append(buf.data(), static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

ScopedCleanse::~ScopedCleanse() { OPENSSL_cleanse(s_->data(), s_->size()); }

// ---------------------------------------------------------------------------------------------
// Ed25519 keys.

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::Wrap(PkeyPtr pkey) {
  std::string public_key(kEd25519PublicKeySize, '\0');
  size_t len = public_key.size();
  if (EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char*>(public_key.data()),
                                  &len) != 1 ||
      len != kEd25519PublicKeySize) {
    return OpenSslError(absl::StatusCode::kInternal, "Ed25519 public key");
  }
  return Ed25519PrivateKey(std::move(pkey), std::move(public_key));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::Generate() {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) {
    return OpenSslError(absl::StatusCode::kInternal, "Ed25519 keygen init");
  }
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
    return OpenSslError(absl::StatusCode::kInternal, "Ed25519 keygen");
  }
  return Wrap(PkeyPtr(raw));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromSeed(absl::string_view seed32) {
  if (seed32.size() != kEd25519SeedSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("Ed25519 seed must be ", kEd25519SeedSize, " bytes, got ", seed32.size()));
  }
  PkeyPtr pkey(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, Bytes(seed32), seed32.size()));
  if (!pkey) return OpenSslError(absl::StatusCode::kInternal, "loading Ed25519 seed");
  return Wrap(std::move(pkey));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromPem(absl::string_view pkcs8_pem) {
  if (pkcs8_pem.size() > kMaxKeyFileSize) {
    return absl::InvalidArgumentError("PEM too large for an Ed25519 key");
  }
  BioPtr bio(BIO_new_mem_buf(pkcs8_pem.data(), static_cast<int>(pkcs8_pem.size())));
  if (!bio) return OpenSslError(absl::StatusCode::kInternal, "BIO_new_mem_buf");
  // A passphrase callback that refuses: with nullptr OpenSSL would prompt on the terminal for an
  // encrypted key, hanging a daemon.
  pem_password_cb* no_passphrase = [](char*, int, int, void*) -> int { return -1; };
  PkeyPtr pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
  if (!pkey) {
    return OpenSslError(absl::StatusCode::kInvalidArgument,
                        "not an unencrypted PKCS#8 PEM private key");
  }
  if (EVP_PKEY_get_base_id(pkey.get()) != EVP_PKEY_ED25519) {
    return absl::InvalidArgumentError("PEM private key is not Ed25519");
  }
  return Wrap(std::move(pkey));
}

absl::StatusOr<std::string> Ed25519PrivateKey::ToPem() const {
  // Secure-heap BIO: its buffer is wiped when freed, so the only copy left is the returned one.
  BioPtr bio(BIO_new(BIO_s_secmem()));
  if (!bio) return OpenSslError(absl::StatusCode::kInternal, "BIO_new");
  // PEM_write_bio_PrivateKey writes PKCS#8 ("BEGIN PRIVATE KEY"); no cipher = unencrypted.
  if (PEM_write_bio_PrivateKey(bio.get(), pkey_.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
      1) {
    return OpenSslError(absl::StatusCode::kInternal, "writing PKCS#8 PEM");
  }
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio.get(), &mem);
  if (mem == nullptr) return OpenSslError(absl::StatusCode::kInternal, "reading PEM buffer");
  return std::string(mem->data, mem->length);
}

std::string Ed25519PrivateKey::PublicKey() const { return public_key_; }

absl::StatusOr<std::string> Ed25519PrivateKey::Seed() const {
  std::string seed(kEd25519SeedSize, '\0');
  size_t len = seed.size();
  if (EVP_PKEY_get_raw_private_key(pkey_.get(), reinterpret_cast<unsigned char*>(seed.data()),
                                   &len) != 1 ||
      len != kEd25519SeedSize) {
    OPENSSL_cleanse(seed.data(), seed.size());
    return OpenSslError(absl::StatusCode::kInternal, "Ed25519 private key");
  }
  return seed;
}

absl::StatusOr<std::string> Ed25519PrivateKey::Sign(absl::string_view message) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  // Ed25519 is "pure": no digest is named, and the message goes to EVP_DigestSign in one call.
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey_.get()) != 1) {
    return OpenSslError(absl::StatusCode::kInternal, "Ed25519 sign init");
  }
  std::string signature(kEd25519SignatureSize, '\0');
  size_t len = signature.size();
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &len,
                     Bytes(message), message.size()) != 1 ||
      len != kEd25519SignatureSize) {
    return OpenSslError(absl::StatusCode::kInternal, "Ed25519 sign");
  }
  return signature;
}

absl::Status VerifyEd25519(absl::string_view public_key32, absl::string_view message,
                           absl::string_view signature64) {
  if (public_key32.size() != kEd25519PublicKeySize) {
    return absl::InvalidArgumentError(
        absl::StrCat("Ed25519 public key must be ", kEd25519PublicKeySize, " bytes"));
  }
  if (signature64.size() != kEd25519SignatureSize) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Ed25519 signature must be ", kEd25519SignatureSize, " bytes, got ", signature64.size()));
  }
  EvpPkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, Bytes(public_key32),
                                              public_key32.size()));
  if (!pkey) return OpenSslError(absl::StatusCode::kInvalidArgument, "loading Ed25519 public key");
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) {
    return OpenSslError(absl::StatusCode::kInternal, "Ed25519 verify init");
  }
  if (EVP_DigestVerify(ctx.get(), Bytes(signature64), signature64.size(), Bytes(message),
                       message.size()) != 1) {
    // Both "does not verify" (0) and "cannot be checked" (< 0, e.g. a public key that is not a
    // curve point) mean the same to the caller: not authentic.
    return OpenSslError(absl::StatusCode::kUnauthenticated, "Ed25519 signature does not verify");
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------------------------
// Key files.

absl::Status WritePrivateKeyFile(const std::filesystem::path& path, const Ed25519PrivateKey& key) {
  absl::StatusOr<std::string> pem = key.ToPem();
  if (!pem.ok()) return pem.status();
  ScopedCleanse wipe_pem(&*pem);
  // The mode is given to open() so the file never exists with looser permissions, even briefly;
  // fchmod then covers a file that already existed (open keeps its mode) and the umask.
  // O_NOFOLLOW: a symlink planted at `path` must not redirect the key elsewhere.
  ScopedFd fd(::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (fd.get() < 0) {
    const int err = errno;
    return absl::InternalError(absl::StrCat("open ", path.string(), ": ", std::strerror(err)));
  }
  if (::fchmod(fd.get(), 0600) != 0) {
    const int err = errno;
    return absl::InternalError(absl::StrCat("fchmod ", path.string(), ": ", std::strerror(err)));
  }
  absl::string_view rest = *pem;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd.get(), rest.data(), rest.size());
    if (n < 0) {
      const int err = errno;
      if (err == EINTR) continue;
      return absl::InternalError(absl::StrCat("write ", path.string(), ": ", std::strerror(err)));
    }
    rest.remove_prefix(static_cast<size_t>(n));
  }
  // A signing key lost in a crash means a new log identity; make it durable before reporting OK.
  if (::fsync(fd.get()) != 0) {
    const int err = errno;
    return absl::InternalError(absl::StrCat("fsync ", path.string(), ": ", std::strerror(err)));
  }
  if (::close(fd.Release()) != 0) {
    const int err = errno;
    return absl::InternalError(absl::StrCat("close ", path.string(), ": ", std::strerror(err)));
  }
  return absl::OkStatus();
}

absl::StatusOr<Ed25519PrivateKey> ReadPrivateKeyFile(const std::filesystem::path& path) {
  absl::StatusOr<std::string> pem = ReadSmallFile(path);
  if (!pem.ok()) return pem.status();
  ScopedCleanse wipe_pem(&*pem);
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::FromPem(*pem);
  if (!key.ok()) {
    return absl::Status(key.status().code(),
                        absl::StrCat(path.string(), ": ", key.status().message()));
  }
  return key;
}

}  // namespace schakel::audit::note
