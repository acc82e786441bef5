#include "services/common/tls.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "services/common/openssl_util.h"
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

absl::StatusOr<TlsMaterial> LoadTlsMaterial(const TlsFiles& files) {
  if (files.cert.empty() || files.key.empty() || files.ca.empty()) {
    return absl::InvalidArgumentError(
        "mutual TLS needs a certificate, a key and a CA file (--tls_cert, --tls_key, --tls_ca)");
  }
  TlsMaterial m;
  SCHAKEL_ASSIGN_OR_RETURN(m.cert_pem, ReadFileToString(files.cert));
  SCHAKEL_ASSIGN_OR_RETURN(m.key_pem, ReadFileToString(files.key));
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

std::shared_ptr<grpc::ChannelCredentials> MutualTlsChannelCredentials(const TlsMaterial& material) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = material.ca_pem;
  options.pem_private_key = material.key_pem;
  options.pem_cert_chain = material.cert_pem;
  return grpc::SslCredentials(options);
}

}  // namespace schakel
