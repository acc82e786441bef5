#include "services/common/pki.h"

#include "services/common/openssl_util.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "absl/strings/string_view.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace schakel::pki {
namespace {

// ---------------------------------------------------------------------------------------------
// RAII for OpenSSL handles. Every owning pointer in this file goes through one of these, so an
// early return on any error path cannot leak.

using ossl::BioPtr;
using ossl::EvpPkeyPtr;
using ossl::ScopedFd;
using X509Ptr = ossl::Ptr<X509, X509_free>;
using BignumPtr = ossl::Ptr<BIGNUM, BN_free>;
using Asn1IntegerPtr = ossl::Ptr<ASN1_INTEGER, ASN1_INTEGER_free>;
using X509ExtensionPtr = ossl::Ptr<X509_EXTENSION, X509_EXTENSION_free>;

// OPENSSL_free is a macro (it records file/line), so it cannot be a template argument.
struct OpenSslBufferDeleter {
  void operator()(unsigned char* p) const { OPENSSL_free(p); }
};
using OpenSslBufferPtr = std::unique_ptr<unsigned char, OpenSslBufferDeleter>;

constexpr std::string_view kCaOrganisation = "Schakel development CA";
constexpr size_t kMaxIdLength = 64;
constexpr int kSerialBytes = 16;  // 128 bits
// Tolerates peers whose clocks run a little behind ours when the certificate is used right away.
constexpr long kClockSkewSeconds = 5 * 60;
// A bound well inside what ASN1_TIME can encode, so that validity arithmetic cannot overflow.
constexpr absl::Duration kMaxValidity = absl::Hours(24 * 365 * 100);

// ---------------------------------------------------------------------------------------------
// Error helpers.

// The system Abseil is built with its own string_view type, distinct from std::string_view, so
// std::string_view values are bridged explicitly before they reach StrCat or Status.
absl::string_view Av(std::string_view s) { return absl::string_view(s.data(), s.size()); }

// Drains the thread's OpenSSL error queue into text; draining also keeps stale errors from
// showing up in the message of some later, unrelated failure.
absl::Status OpenSslError(absl::StatusCode code, absl::string_view what) {
  return ossl::Error(code, what);
}

absl::Status OpenSslInternal(std::string_view what) {
  return OpenSslError(absl::StatusCode::kInternal, Av(what));
}

std::string ErrnoText(int err) { return std::error_code(err, std::generic_category()).message(); }

// ---------------------------------------------------------------------------------------------
// Input validation.

// Ids end up in certificate subjects and, from there, in authorisation decisions and file names,
// so they are held to a small, unambiguous alphabet.
absl::Status ValidateId(std::string_view field, std::string_view value) {
  if (value.empty())
    return absl::InvalidArgumentError(absl::StrCat(Av(field), ": must not be empty"));
  if (value.size() > kMaxIdLength) {
    return absl::InvalidArgumentError(
        absl::StrCat(Av(field), ": must be at most ", kMaxIdLength, " characters"));
  }
  for (char c : value) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return absl::InvalidArgumentError(
          absl::StrCat(Av(field), ": may only contain the characters [a-z0-9._-]"));
    }
  }
  return absl::OkStatus();
}

// SAN entries are passed to OpenSSL as a comma-separated config string, so anything beyond a
// plain host name (a comma, a colon, ...) could smuggle extra entries into the certificate.
absl::Status ValidateDnsName(std::string_view name) {
  if (name.empty() || name.size() > 253) {
    return absl::InvalidArgumentError(
        absl::StrCat("dns_names: \"", Av(name), "\" must be 1 to 253 characters"));
  }
  std::string_view rest = name;
  if (rest.substr(0, 2) == "*.") rest.remove_prefix(2);
  if (rest.empty() || rest.front() == '.' || rest.back() == '.') {
    return absl::InvalidArgumentError(
        absl::StrCat("dns_names: \"", Av(name), "\" is not a host name"));
  }
  for (char c : rest) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-';
    if (!ok) {
      return absl::InvalidArgumentError(
          absl::StrCat("dns_names: \"", Av(name), "\" is not a host name"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateIpAddress(const std::string& ip) {
  unsigned char buf[sizeof(struct in6_addr)];
  if (inet_pton(AF_INET, ip.c_str(), buf) == 1 || inet_pton(AF_INET6, ip.c_str(), buf) == 1) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("ip_addresses: \"", ip, "\" is not an IPv4 or IPv6 address"));
}

absl::Status ValidateValidity(absl::Duration validity) {
  if (validity <= absl::ZeroDuration() || validity > kMaxValidity) {
    return absl::InvalidArgumentError(absl::StrCat("validity: must be positive and at most ",
                                                   absl::FormatDuration(kMaxValidity)));
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------------------------
// OpenSSL building blocks.

absl::StatusOr<EvpPkeyPtr> GenerateP256Key() {
  EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "prime256v1"));
  if (!key) return OpenSslInternal("generating P-256 key");
  return key;
}

// 128 random bits with the top bit cleared: the serial stays positive and fits in 16 DER octets,
// and RFC 5280's 20-octet limit is respected.
absl::Status SetRandomSerial(X509* cert) {
  unsigned char bytes[kSerialBytes];
  if (RAND_bytes(bytes, sizeof(bytes)) != 1) return OpenSslInternal("generating serial number");
  bytes[0] &= 0x7f;
  bytes[0] |= 0x40;  // never zero, and a stable length
  BignumPtr bn(BN_bin2bn(bytes, sizeof(bytes), nullptr));
  if (!bn) return OpenSslInternal("serial number to BIGNUM");
  Asn1IntegerPtr serial(BN_to_ASN1_INTEGER(bn.get(), nullptr));
  if (!serial) return OpenSslInternal("serial number to ASN1_INTEGER");
  if (X509_set_serialNumber(cert, serial.get()) != 1) {
    return OpenSslInternal("setting serial number");
  }
  return absl::OkStatus();
}

absl::Status SetValidity(X509* cert, absl::Duration validity) {
  time_t now = absl::ToTimeT(absl::Now());
  if (X509_time_adj_ex(X509_getm_notBefore(cert), 0, -kClockSkewSeconds, &now) == nullptr) {
    return OpenSslInternal("setting notBefore");
  }
  const int64_t seconds = absl::ToInt64Seconds(validity);
  const int64_t days = seconds / 86400;
  if (days > INT_MAX) return absl::InvalidArgumentError("validity: too long");
  if (X509_time_adj_ex(X509_getm_notAfter(cert), static_cast<int>(days),
                       static_cast<long>(seconds % 86400), &now) == nullptr) {
    return OpenSslInternal("setting notAfter");
  }
  return absl::OkStatus();
}

absl::Status AddNameEntry(X509_NAME* name, const char* field, std::string_view value) {
  if (value.size() > INT_MAX) return absl::InvalidArgumentError("subject value too long");
  if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(value.data()),
                                 static_cast<int>(value.size()), -1, 0) != 1) {
    return OpenSslError(absl::StatusCode::kInvalidArgument,
                        absl::StrCat("setting subject ", field, " to \"", Av(value), "\""));
  }
  return absl::OkStatus();
}

absl::Status AddExtension(X509* cert, X509V3_CTX* ctx, int nid, const std::string& value) {
  X509ExtensionPtr ext(X509V3_EXT_nconf_nid(nullptr, ctx, nid, value.c_str()));
  if (!ext) {
    return OpenSslInternal(absl::StrCat("building extension ", OBJ_nid2sn(nid), "=", value));
  }
  if (X509_add_ext(cert, ext.get(), -1) != 1) {
    return OpenSslInternal(absl::StrCat("adding extension ", OBJ_nid2sn(nid)));
  }
  return absl::OkStatus();
}

// A fresh v3 certificate with serial, validity and public key filled in; names, extensions and the
// signature are up to the caller.
absl::StatusOr<X509Ptr> NewCertificate(EVP_PKEY* subject_key, absl::Duration validity) {
  X509Ptr cert(X509_new());
  if (!cert) return OpenSslInternal("allocating certificate");
  if (X509_set_version(cert.get(), 2) != 1) return OpenSslInternal("setting version");
  if (absl::Status s = SetRandomSerial(cert.get()); !s.ok()) return s;
  if (absl::Status s = SetValidity(cert.get(), validity); !s.ok()) return s;
  if (X509_set_pubkey(cert.get(), subject_key) != 1) return OpenSslInternal("setting public key");
  return cert;
}

absl::StatusOr<std::string> BioContents(BIO* bio) {
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  if (len < 0 || (len > 0 && data == nullptr)) return OpenSslInternal("reading memory BIO");
  return std::string(data, static_cast<size_t>(len));
}

absl::StatusOr<KeyAndCertificate> ToPem(EVP_PKEY* key, X509* cert) {
  BioPtr key_bio(BIO_new(BIO_s_mem()));
  BioPtr cert_bio(BIO_new(BIO_s_mem()));
  if (!key_bio || !cert_bio) return OpenSslInternal("allocating BIO");
  if (PEM_write_bio_PrivateKey(key_bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return OpenSslInternal("writing private key PEM");
  }
  if (PEM_write_bio_X509(cert_bio.get(), cert) != 1) {
    return OpenSslInternal("writing certificate PEM");
  }
  KeyAndCertificate out;
  absl::StatusOr<std::string> key_pem = BioContents(key_bio.get());
  if (!key_pem.ok()) return key_pem.status();
  absl::StatusOr<std::string> cert_pem = BioContents(cert_bio.get());
  if (!cert_pem.ok()) return cert_pem.status();
  out.key_pem = *std::move(key_pem);
  out.cert_pem = *std::move(cert_pem);
  return out;
}

absl::StatusOr<BioPtr> ReadOnlyBio(std::string_view pem) {
  if (pem.size() > INT_MAX) return absl::InvalidArgumentError("PEM input too large");
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return OpenSslInternal("allocating BIO");
  return bio;
}

// Never prompts: an encrypted key is reported as a parse failure instead of blocking on a tty.
int NoPassphrase(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*u*/) { return 0; }

absl::StatusOr<X509Ptr> ParseCertificate(std::string_view pem, std::string_view what) {
  absl::StatusOr<BioPtr> bio = ReadOnlyBio(pem);
  if (!bio.ok()) return bio.status();
  X509Ptr cert(PEM_read_bio_X509(bio->get(), nullptr, NoPassphrase, nullptr));
  if (!cert) {
    return OpenSslError(absl::StatusCode::kInvalidArgument,
                        absl::StrCat(Av(what), ": not a PEM certificate"));
  }
  return cert;
}

absl::StatusOr<EvpPkeyPtr> ParsePrivateKey(std::string_view pem, std::string_view what) {
  absl::StatusOr<BioPtr> bio = ReadOnlyBio(pem);
  if (!bio.ok()) return bio.status();
  EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio->get(), nullptr, NoPassphrase, nullptr));
  if (!key) {
    return OpenSslError(absl::StatusCode::kInvalidArgument,
                        absl::StrCat(Av(what), ": not an unencrypted PEM private key"));
  }
  return key;
}

// Reads the single entry for `nid`. std::nullopt when absent; a duplicate is an error, because a
// subject with two CNs could be read as either principal by different consumers.
absl::StatusOr<std::optional<std::string>> ReadNameEntry(const X509_NAME* name, int nid) {
  const int index = X509_NAME_get_index_by_NID(name, nid, -1);
  if (index < 0) return std::optional<std::string>();
  if (X509_NAME_get_index_by_NID(name, nid, index) >= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("certificate subject has more than one ", OBJ_nid2sn(nid)));
  }
  const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, index);
  const ASN1_STRING* data = entry == nullptr ? nullptr : X509_NAME_ENTRY_get_data(entry);
  if (data == nullptr) {
    return OpenSslInternal(absl::StrCat("reading subject ", OBJ_nid2sn(nid)));
  }
  unsigned char* raw = nullptr;
  const int len = ASN1_STRING_to_UTF8(&raw, data);
  OpenSslBufferPtr utf8(raw);
  if (len < 0) {
    return OpenSslError(absl::StatusCode::kInvalidArgument,
                        absl::StrCat("decoding subject ", OBJ_nid2sn(nid)));
  }
  std::string value(reinterpret_cast<const char*>(utf8.get()), static_cast<size_t>(len));
  // An embedded NUL would let "alice\0evil" pass for "alice" in any C-string consumer.
  if (value.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("certificate subject ", OBJ_nid2sn(nid), " contains a NUL byte"));
  }
  return std::optional<std::string>(std::move(value));
}

// ---------------------------------------------------------------------------------------------
// Files.

absl::Status WriteFileWithMode(const std::filesystem::path& path, std::string_view contents,
                               mode_t mode) {
  // The mode is given to open() so the file never exists with looser permissions, even briefly;
  // fchmod then covers a file that already existed (open keeps its mode) and the umask.
  ScopedFd fd(::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode));
  if (fd.get() < 0) {
    const int err = errno;
    return absl::InternalError(absl::StrCat("open ", path.string(), ": ", ErrnoText(err)));
  }
  if (::fchmod(fd.get(), mode) != 0) {
    const int err = errno;
    return absl::InternalError(absl::StrCat("fchmod ", path.string(), ": ", ErrnoText(err)));
  }
  while (!contents.empty()) {
    const ssize_t n = ::write(fd.get(), contents.data(), contents.size());
    if (n < 0) {
      const int err = errno;
      if (err == EINTR) continue;
      return absl::InternalError(absl::StrCat("write ", path.string(), ": ", ErrnoText(err)));
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  if (::close(fd.Release()) != 0) {
    const int err = errno;
    return absl::InternalError(absl::StrCat("close ", path.string(), ": ", ErrnoText(err)));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  ScopedFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    const int err = errno;
    std::string message = absl::StrCat("open ", path.string(), ": ", ErrnoText(err));
    if (err == ENOENT) return absl::NotFoundError(message);
    return absl::InternalError(message);
  }
  std::string out;
  char buf[8192];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof(buf));
    if (n < 0) {
      const int err = errno;
      if (err == EINTR) continue;
      return absl::InternalError(absl::StrCat("read ", path.string(), ": ", ErrnoText(err)));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// The stem names a file inside `dir`; a separator or ".." would write somewhere else.
absl::Status ValidateStem(std::string_view stem) {
  if (stem.empty() || stem == "." || stem == ".." || stem.find('/') != std::string_view::npos ||
      stem.find('\0') != std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat("stem: \"", Av(stem), "\" is not a file name"));
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view KindName(CertificateKind kind) {
  switch (kind) {
    case CertificateKind::kUser:
      return "user";
    case CertificateKind::kService:
      return "service";
  }
  return "user";
}

absl::StatusOr<KeyAndCertificate> CreateCertificateAuthority(std::string_view common_name,
                                                             absl::Duration validity) {
  ERR_clear_error();
  if (common_name.empty()) return absl::InvalidArgumentError("common_name: must not be empty");
  if (absl::Status s = ValidateValidity(validity); !s.ok()) return s;

  absl::StatusOr<EvpPkeyPtr> key = GenerateP256Key();
  if (!key.ok()) return key.status();
  absl::StatusOr<X509Ptr> cert = NewCertificate(key->get(), validity);
  if (!cert.ok()) return cert.status();

  X509_NAME* subject = X509_get_subject_name(cert->get());  // owned by the certificate
  if (absl::Status s = AddNameEntry(subject, "CN", common_name); !s.ok()) return s;
  if (absl::Status s = AddNameEntry(subject, "O", kCaOrganisation); !s.ok()) return s;
  if (X509_set_issuer_name(cert->get(), subject) != 1) return OpenSslInternal("setting issuer");

  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, cert->get(), cert->get(), nullptr, nullptr, 0);
  X509V3_set_ctx_nodb(&ctx);
  if (absl::Status s = AddExtension(cert->get(), &ctx, NID_basic_constraints, "critical,CA:TRUE");
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          AddExtension(cert->get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = AddExtension(cert->get(), &ctx, NID_subject_key_identifier, "hash");
      !s.ok()) {
    return s;
  }

  if (X509_sign(cert->get(), key->get(), EVP_sha256()) <= 0) {
    return OpenSslInternal("signing CA certificate");
  }
  return ToPem(key->get(), cert->get());
}

absl::StatusOr<KeyAndCertificate> IssueCertificate(const KeyAndCertificate& ca,
                                                   const IssueRequest& request) {
  ERR_clear_error();
  if (absl::Status s = ValidateId("principal_id", request.principal_id); !s.ok()) return s;
  if (absl::Status s = ValidateId("organisation_id", request.organisation_id); !s.ok()) return s;
  if (absl::Status s = ValidateValidity(request.validity); !s.ok()) return s;
  for (const std::string& name : request.dns_names) {
    if (absl::Status s = ValidateDnsName(name); !s.ok()) return s;
  }
  for (const std::string& ip : request.ip_addresses) {
    if (absl::Status s = ValidateIpAddress(ip); !s.ok()) return s;
  }
  if (request.kind != CertificateKind::kService &&
      (!request.dns_names.empty() || !request.ip_addresses.empty())) {
    return absl::InvalidArgumentError(
        "dns_names, ip_addresses: only a service certificate names hosts (a user's certificate "
        "is never a server's)");
  }

  absl::StatusOr<X509Ptr> ca_cert = ParseCertificate(ca.cert_pem, "CA certificate");
  if (!ca_cert.ok()) return ca_cert.status();
  absl::StatusOr<EvpPkeyPtr> ca_key = ParsePrivateKey(ca.key_pem, "CA key");
  if (!ca_key.ok()) return ca_key.status();
  if (X509_check_private_key(ca_cert->get(), ca_key->get()) != 1) {
    return OpenSslError(absl::StatusCode::kInvalidArgument,
                        "CA key does not match the CA certificate");
  }
  // Signing with a non-CA certificate would yield leaves that no verifier accepts; better to say so
  // here than to fail later during a handshake.
  if (X509_check_ca(ca_cert->get()) == 0) {
    ossl::DrainErrors();
    return absl::InvalidArgumentError("CA certificate is not a certificate authority");
  }

  absl::StatusOr<EvpPkeyPtr> key = GenerateP256Key();
  if (!key.ok()) return key.status();
  absl::StatusOr<X509Ptr> cert = NewCertificate(key->get(), request.validity);
  if (!cert.ok()) return cert.status();

  X509_NAME* subject = X509_get_subject_name(cert->get());  // owned by the certificate
  if (absl::Status s = AddNameEntry(subject, "CN", request.principal_id); !s.ok()) return s;
  if (absl::Status s = AddNameEntry(subject, "O", request.organisation_id); !s.ok()) return s;
  if (absl::Status s = AddNameEntry(subject, "OU", KindName(request.kind)); !s.ok()) return s;
  if (X509_set_issuer_name(cert->get(), X509_get_subject_name(ca_cert->get())) != 1) {
    return OpenSslInternal("setting issuer");
  }

  // The issuer certificate must be in the context for authorityKeyIdentifier=keyid to find the
  // CA's subjectKeyIdentifier.
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, ca_cert->get(), cert->get(), nullptr, nullptr, 0);
  X509V3_set_ctx_nodb(&ctx);

  const bool has_san = !request.dns_names.empty() || !request.ip_addresses.empty();
  if (absl::Status s = AddExtension(cert->get(), &ctx, NID_basic_constraints, "critical,CA:FALSE");
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          AddExtension(cert->get(), &ctx, NID_key_usage, "critical,digitalSignature,keyAgreement");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = AddExtension(cert->get(), &ctx, NID_ext_key_usage,
                                    has_san ? "serverAuth,clientAuth" : "clientAuth");
      !s.ok()) {
    return s;
  }
  if (has_san) {
    std::vector<std::string> entries;
    entries.reserve(request.dns_names.size() + request.ip_addresses.size());
    for (const std::string& name : request.dns_names) entries.push_back(absl::StrCat("DNS:", name));
    for (const std::string& ip : request.ip_addresses) entries.push_back(absl::StrCat("IP:", ip));
    if (absl::Status s =
            AddExtension(cert->get(), &ctx, NID_subject_alt_name, absl::StrJoin(entries, ","));
        !s.ok()) {
      return s;
    }
  }
  if (absl::Status s = AddExtension(cert->get(), &ctx, NID_authority_key_identifier, "keyid");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = AddExtension(cert->get(), &ctx, NID_subject_key_identifier, "hash");
      !s.ok()) {
    return s;
  }

  if (X509_sign(cert->get(), ca_key->get(), EVP_sha256()) <= 0) {
    return OpenSslInternal("signing certificate");
  }
  return ToPem(key->get(), cert->get());
}

absl::StatusOr<CertificateSubject> ParseCertificateSubject(std::string_view cert_pem) {
  ERR_clear_error();
  absl::StatusOr<X509Ptr> cert = ParseCertificate(cert_pem, "certificate");
  if (!cert.ok()) return cert.status();
  const X509_NAME* subject = X509_get_subject_name(cert->get());  // owned by the certificate
  if (subject == nullptr) return absl::InvalidArgumentError("certificate has no subject");

  absl::StatusOr<std::optional<std::string>> cn = ReadNameEntry(subject, NID_commonName);
  if (!cn.ok()) return cn.status();
  absl::StatusOr<std::optional<std::string>> o = ReadNameEntry(subject, NID_organizationName);
  if (!o.ok()) return o.status();
  absl::StatusOr<std::optional<std::string>> ou =
      ReadNameEntry(subject, NID_organizationalUnitName);
  if (!ou.ok()) return ou.status();

  if (!cn->has_value() || (*cn)->empty()) {
    return absl::InvalidArgumentError("certificate subject has no CN (principal id)");
  }
  if (!o->has_value() || (*o)->empty()) {
    return absl::InvalidArgumentError("certificate subject has no O (organisation id)");
  }
  if (!ou->has_value()) {
    return absl::InvalidArgumentError("certificate subject has no OU (\"user\" or \"service\")");
  }

  CertificateSubject out;
  if (**ou == KindName(CertificateKind::kUser)) {
    out.kind = CertificateKind::kUser;
  } else if (**ou == KindName(CertificateKind::kService)) {
    out.kind = CertificateKind::kService;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("certificate subject OU \"", **ou, "\" is neither \"user\" nor \"service\""));
  }
  out.principal_id = **std::move(cn);
  out.organisation_id = **std::move(o);
  return out;
}

absl::Status WriteKeyAndCertificate(const std::filesystem::path& dir, std::string_view stem,
                                    const KeyAndCertificate& material) {
  if (absl::Status s = ValidateStem(stem); !s.ok()) return s;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return absl::InternalError(absl::StrCat("create directory ", dir.string(), ": ", ec.message()));
  }
  const std::filesystem::path key_path = dir / absl::StrCat(Av(stem), ".key");
  const std::filesystem::path cert_path = dir / absl::StrCat(Av(stem), ".crt");
  if (absl::Status s = WriteFileWithMode(key_path, material.key_pem, 0600); !s.ok()) return s;
  return WriteFileWithMode(cert_path, material.cert_pem, 0644);
}

absl::StatusOr<KeyAndCertificate> ReadKeyAndCertificate(const std::filesystem::path& dir,
                                                        std::string_view stem) {
  if (absl::Status s = ValidateStem(stem); !s.ok()) return s;
  KeyAndCertificate out;
  absl::StatusOr<std::string> key = ReadFile(dir / absl::StrCat(Av(stem), ".key"));
  if (!key.ok()) return key.status();
  absl::StatusOr<std::string> cert = ReadFile(dir / absl::StrCat(Av(stem), ".crt"));
  if (!cert.ok()) return cert.status();
  out.key_pem = *std::move(key);
  out.cert_pem = *std::move(cert);
  return out;
}

}  // namespace schakel::pki
