// Certificates the product's PKI will not issue (no CN, a foreign OU, a user certificate that
// claims serverAuth), made with OpenSSL directly and signed by a test CA: for tests of what the
// server and the clients refuse.
#ifndef SCHAKEL_TESTS_SUPPORT_CRAFTED_CERT_H_
#define SCHAKEL_TESTS_SUPPORT_CRAFTED_CERT_H_

#include <string>
#include <utility>
#include <vector>

#include "services/common/pki.h"
#include "services/common/tls.h"

namespace schakel::testing {

// A certificate with exactly the subject entries given (NID, value), signed by `ca`, with the
// extendedKeyUsage `eku` (OpenSSL's syntax, "clientAuth" or "serverAuth,clientAuth") and, when
// not empty, the subjectAltName `san` ("IP:127.0.0.1,DNS:localhost"). Fails the test (and returns
// empty material) when OpenSSL refuses.
TlsMaterial CraftCertificate(const pki::KeyAndCertificate& ca,
                             const std::vector<std::pair<int, std::string>>& subject,
                             const std::string& eku = "clientAuth", const std::string& san = "");

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_SUPPORT_CRAFTED_CERT_H_
