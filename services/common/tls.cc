#include "services/common/tls.h"

#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include <grpcpp/security/tls_certificate_provider.h>
#include <grpcpp/security/tls_certificate_verifier.h>
#include <grpcpp/security/tls_credentials_options.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "services/common/openssl_util.h"
#include "services/common/pki.h"
#include "services/common/status.h"

namespace schakel {
namespace {

using X509Ptr = ossl::Ptr<X509, X509_free>;

ossl::BioPtr MemBio(const std::string& pem) {
  return ossl::BioPtr(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

absl::Status CheckCertificate(const std::string& pem, const std::filesystem::path& path) {
  auto bio = MemBio(pem);
  X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) {
    return absl::InvalidArgumentError(absl::StrCat(
        path.string(), ": not a PEM certificate (expected -----BEGIN CERTIFICATE-----)"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> ReadFileToString(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path.string(), ": ", std::strerror(errno)));
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

absl::Status CheckOwnerOnly(int fd, const std::filesystem::path& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return absl::InternalError(absl::StrCat("stat ", path.string(), ": ", std::strerror(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(path.string(), ": not a regular file"));
  }
  const unsigned mode = st.st_mode & 07777;
  if ((mode & 077) != 0) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%s holds a secret but others may read or change it (mode %04o); fix with: chmod 600 %s",
        path.string(), mode, path.string()));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadPrivateFile(const std::filesystem::path& path) {
  ossl::ScopedFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path.string(), ": ", std::strerror(errno)));
  }
  SCHAKEL_RETURN_IF_ERROR(CheckOwnerOnly(fd.get(), path));
  std::string out;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return absl::InternalError(absl::StrCat("read ", path.string(), ": ", std::strerror(errno)));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  OPENSSL_cleanse(buf, sizeof buf);
  return out;
}

absl::StatusOr<TlsMaterial> LoadTlsMaterial(const TlsFiles& files) {
  if (files.cert.empty() || files.key.empty() || files.ca.empty()) {
    return absl::InvalidArgumentError(
        "mutual TLS needs a certificate, a key and a CA file (--tls_cert, --tls_key, --tls_ca)");
  }
  TlsMaterial m;
  SCHAKEL_ASSIGN_OR_RETURN(m.cert_pem, ReadFileToString(files.cert));
  SCHAKEL_ASSIGN_OR_RETURN(m.key_pem, ReadPrivateFile(files.key));
  SCHAKEL_ASSIGN_OR_RETURN(m.ca_pem, ReadFileToString(files.ca));
  SCHAKEL_RETURN_IF_ERROR(CheckCertificate(m.cert_pem, files.cert));
  SCHAKEL_RETURN_IF_ERROR(CheckCertificate(m.ca_pem, files.ca));
  auto bio = MemBio(m.key_pem);
  ossl::EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) {
    return absl::InvalidArgumentError(
        absl::StrCat(files.key.string(), ": not an unencrypted PEM private key"));
  }
  auto cert_bio = MemBio(m.cert_pem);
  X509Ptr cert(PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr));
  if (X509_check_private_key(cert.get(), key.get()) != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat(files.key.string(), " does not belong to ", files.cert.string()));
  }
  return m;
}

std::shared_ptr<grpc::ServerCredentials> MutualTlsServerCredentials(const TlsMaterial& material) {
  grpc::SslServerCredentialsOptions options(
      GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = material.ca_pem;
  options.pem_key_cert_pairs.push_back({material.key_pem, material.cert_pem});
  return grpc::SslServerCredentials(options);
}

namespace {

// The host part of a gRPC target ("127.0.0.1:7400", "[::1]:7400", "localhost").
std::string TargetHost(absl::string_view target) {
  if (absl::ConsumePrefix(&target, "[")) return std::string(target.substr(0, target.find(']')));
  if (std::count(target.begin(), target.end(), ':') == 1)
    target = target.substr(0, target.find(':'));
  return std::string(target);
}

// 16 bytes for an IPv4 or IPv6 literal (v4 mapped), nullopt for a host name.
std::optional<std::string> IpBytes(const std::string& text) {
  in6_addr v6{};
  if (::inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    return std::string(reinterpret_cast<const char*>(&v6), sizeof v6);
  }
  in_addr v4{};
  if (::inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    std::string out(10, '\0');
    out += "\xff\xff";
    out.append(reinterpret_cast<const char*>(&v4), sizeof v4);
    return out;
  }
  return std::nullopt;
}

// What the client checks of the server after the chain verified against the CA: that the
// certificate names the host dialled (as gRPC's own check would) and that it is a Schakel
// *service* certificate (OU = service). A user's certificate cannot pose as schakeld, even one
// that carries serverAuth (the PKI no longer issues those, older ones may exist).
class ServiceCertificateVerifier final : public grpc::experimental::ExternalCertificateVerifier {
 public:
  bool Verify(grpc::experimental::TlsCustomVerificationCheckRequest* request,
              std::function<void(grpc::Status)> /*callback*/, grpc::Status* sync_status) override {
    *sync_status = Check(*request);
    return true;
  }
  void Cancel(grpc::experimental::TlsCustomVerificationCheckRequest*) override {}

 private:
  static grpc::Status Check(const grpc::experimental::TlsCustomVerificationCheckRequest& request) {
    const std::string host =
        TargetHost(absl::string_view(request.target_name().data(), request.target_name().size()));
    bool named = false;
    if (const std::optional<std::string> ip = IpBytes(host); ip.has_value()) {
      for (const grpc::string_ref& name : request.ip_names()) {
        named = named || IpBytes(std::string(name.data(), name.size())) == ip;
      }
    } else {
      for (const grpc::string_ref& name : request.dns_names()) {
        named = named || absl::EqualsIgnoreCase(absl::string_view(name.data(), name.size()), host);
      }
    }
    if (!named) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          absl::StrCat("the server's certificate does not name ", host));
    }
    const grpc::string_ref pem = request.peer_cert();
    absl::StatusOr<pki::CertificateSubject> subject =
        pki::ParseCertificateSubject(std::string_view(pem.data(), pem.size()));
    if (!subject.ok() || subject->kind != pki::CertificateKind::kService) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          "the server's certificate is not a Schakel service certificate");
    }
    return grpc::Status::OK;
  }
};

}  // namespace

std::shared_ptr<grpc::ChannelCredentials> MutualTlsChannelCredentials(const TlsMaterial& material) {
  grpc::experimental::TlsChannelCredentialsOptions options;
  options.set_certificate_provider(
      std::make_shared<grpc::experimental::StaticDataCertificateProvider>(
          material.ca_pem, std::vector<grpc::experimental::IdentityKeyCertPair>{
                               {material.key_pem, material.cert_pem}}));
  options.watch_root_certs();
  options.watch_identity_key_cert_pairs();
  options.set_verify_server_certs(true);  // the chain, against the CA only
  // The host name is checked by the verifier, together with the certificate's kind.
  options.set_check_call_host(false);
  options.set_certificate_verifier(
      grpc::experimental::ExternalCertificateVerifier::Create<ServiceCertificateVerifier>());
  return grpc::experimental::TlsCredentials(options);
}

}  // namespace schakel
