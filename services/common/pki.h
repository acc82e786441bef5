// Development PKI: a certificate authority and the certificates of users and services, made with
// the OpenSSL 3 API. `schakelctl pki` and the test fixtures use this same code, so the tests run
// against certificates shaped exactly like the ones a deployment uses.
//
// Subject layout (what services/common/identity reads back):
//   CN = principal id, O = organisation id, OU = "user" | "service".
#ifndef SCHAKEL_SERVICES_COMMON_PKI_H_
#define SCHAKEL_SERVICES_COMMON_PKI_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace schakel::pki {

enum class CertificateKind { kUser, kService };

// "user" / "service", as written in the OU field.
std::string_view KindName(CertificateKind kind);

// A freshly made key and certificate, both PEM.
struct KeyAndCertificate {
  std::string key_pem;
  std::string cert_pem;
};

// Creates a self-signed CA (ECDSA P-256, SHA-256, basicConstraints CA:TRUE, keyCertSign|cRLSign)
// with the given common name.
absl::StatusOr<KeyAndCertificate> CreateCertificateAuthority(std::string_view common_name,
                                                             absl::Duration validity);

struct IssueRequest {
  std::string principal_id;     // CN
  std::string organisation_id;  // O
  CertificateKind kind = CertificateKind::kUser;
  // subjectAltName entries, for service certificates only (a user's is refused): a service
  // certificate with any of these is also usable as a TLS server certificate (extendedKeyUsage
  // serverAuth is added); every certificate has clientAuth. A user's certificate is never a
  // server's, so a stolen user key cannot pose as schakeld.
  std::vector<std::string> dns_names;
  std::vector<std::string> ip_addresses;  // "127.0.0.1", "::1"
  absl::Duration validity = absl::Hours(24 * 365);
};

// Issues a certificate signed by the CA (ECDSA P-256 key, random 128-bit serial, SHA-256).
// Fails with INVALID_ARGUMENT when the ids are empty or the CA material does not parse.
absl::StatusOr<KeyAndCertificate> IssueCertificate(const KeyAndCertificate& ca,
                                                   const IssueRequest& request);

// What a certificate's subject says.
struct CertificateSubject {
  std::string principal_id;
  std::string organisation_id;
  CertificateKind kind = CertificateKind::kUser;
};

// Parses the first certificate of a PEM string and reads CN, O and OU. A certificate without CN or
// O, or with an OU other than "user" / "service", is INVALID_ARGUMENT.
absl::StatusOr<CertificateSubject> ParseCertificateSubject(std::string_view cert_pem);

// Files: writes <dir>/<stem>.crt (0644) and <dir>/<stem>.key (0600), creating <dir> if needed.
absl::Status WriteKeyAndCertificate(const std::filesystem::path& dir, std::string_view stem,
                                    const KeyAndCertificate& material);
absl::StatusOr<KeyAndCertificate> ReadKeyAndCertificate(const std::filesystem::path& dir,
                                                        std::string_view stem);

}  // namespace schakel::pki

#endif  // SCHAKEL_SERVICES_COMMON_PKI_H_
