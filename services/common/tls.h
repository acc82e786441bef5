// Mutual TLS credentials from PEM files. There is deliberately no way to build an insecure server
// or channel here: every Schakel connection authenticates both ends.
#ifndef SCHAKEL_SERVICES_COMMON_TLS_H_
#define SCHAKEL_SERVICES_COMMON_TLS_H_

#include <filesystem>
#include <memory>
#include <string>

#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include "absl/status/statusor.h"

namespace schakel {

struct TlsFiles {
  std::filesystem::path cert;  // this end's certificate chain (PEM)
  std::filesystem::path key;   // its private key (PEM)
  std::filesystem::path ca;    // the CA that signs the other end (PEM)
};

// The PEM contents, checked to be non-empty and to parse.
struct TlsMaterial {
  std::string cert_pem;
  std::string key_pem;
  std::string ca_pem;
};

// Reads and checks the three files; the message names the file and says what is wrong with it.
absl::StatusOr<TlsMaterial> LoadTlsMaterial(const TlsFiles& files);

// Server credentials that require and verify a client certificate signed by the CA.
std::shared_ptr<grpc::ServerCredentials> MutualTlsServerCredentials(const TlsMaterial& material);

// Channel credentials presenting our certificate and trusting only the CA. The server must present
// a Schakel *service* certificate (OU = service) that names the host dialled (a DNS or IP
// subjectAltName); anything else ends the handshake, so no request reaches it.
std::shared_ptr<grpc::ChannelCredentials> MutualTlsChannelCredentials(const TlsMaterial& material);

// Reads a whole file.
absl::StatusOr<std::string> ReadFileToString(const std::filesystem::path& path);

// OK when the open file `fd` (named `path` in the message) is a regular file that nobody but its
// owner may read or write (no group or other permission bits): a key file any local user can read
// is not a secret. FAILED_PRECONDITION otherwise, naming the file, its mode and the chmod that
// fixes it.
absl::Status CheckOwnerOnly(int fd, const std::filesystem::path& path);

// Reads a file that holds a secret (a private key, a data key), after CheckOwnerOnly.
absl::StatusOr<std::string> ReadPrivateFile(const std::filesystem::path& path);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_TLS_H_
