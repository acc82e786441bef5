#include "services/common/tls.h"

#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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

std::shared_ptr<grpc::ChannelCredentials> MutualTlsChannelCredentials(const TlsMaterial& material) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = material.ca_pem;
  options.pem_private_key = material.key_pem;
  options.pem_cert_chain = material.cert_pem;
  return grpc::SslCredentials(options);
}

}  // namespace schakel
