#include "client/lib/connection.h"

#include <openssl/crypto.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <grpcpp/create_channel.h>
#include <grpcpp/support/channel_arguments.h>

#include "absl/strings/str_cat.h"
#include "services/common/ids.h"
#include "services/common/openssl_util.h"
#include "services/common/status.h"

namespace schakel::client {
namespace {

// Every call is retried on UNAVAILABLE, with backoff: the server restarting, a connection lost on
// the way, or the handover ledger that has not yet received a case the cases service just opened
// (its relay delivers within about 200 ms). Safe for mutations: each is idempotent on its
// request_id. Five attempts, about 0.2 s, 0.4 s, 0.8 s and 1.6 s apart (gRPC adds jitter; at most
// 2 s): some 3 s in all. The caller's deadline still bounds the whole call.
constexpr char kServiceConfig[] = R"json({
  "methodConfig": [{
    "name": [{}],
    "retryPolicy": {
      "maxAttempts": 5,
      "initialBackoff": "0.2s",
      "maxBackoff": "2s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
})json";

using Pkcs12Ptr = ossl::Ptr<PKCS12, PKCS12_free>;
using X509Ptr = ossl::Ptr<X509, X509_free>;

// `write(bio)` into a memory BIO; its contents.
template <typename Write>
absl::StatusOr<std::string> ToPem(Write write) {
  ossl::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || write(bio.get()) != 1) return absl::InternalError("writing PEM");
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  if (len <= 0 || data == nullptr) return absl::InternalError("reading PEM");
  return std::string(data, static_cast<size_t>(len));
}

}  // namespace

std::shared_ptr<grpc::Channel> Connect(absl::string_view server, const TlsMaterial& material) {
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(kServiceConfig);
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
  return grpc::CreateCustomChannel(std::string(server), MutualTlsChannelCredentials(material),
                                   args);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect(absl::string_view server,
                                                       const TlsFiles& files) {
  absl::StatusOr<TlsMaterial> material = LoadTlsMaterial(files);
  if (!material.ok()) return material.status();
  return Connect(server, *material);
}

absl::StatusOr<TlsMaterial> LoadPkcs12(const std::filesystem::path& p12,
                                       const std::string& password,
                                       const std::filesystem::path& ca) {
  SCHAKEL_ASSIGN_OR_RETURN(std::string der, ReadPrivateFile(p12));
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  Pkcs12Ptr bundle(d2i_PKCS12(nullptr, &p, static_cast<long>(der.size())));
  OPENSSL_cleanse(der.data(), der.size());
  if (!bundle) {
    ossl::DrainErrors();
    return absl::InvalidArgumentError(absl::StrCat(p12.string(), ": not a PKCS#12 file"));
  }
  EVP_PKEY* raw_key = nullptr;
  X509* raw_cert = nullptr;
  STACK_OF(X509)* raw_chain = nullptr;
  if (PKCS12_parse(bundle.get(), password.c_str(), &raw_key, &raw_cert, &raw_chain) != 1) {
    ossl::DrainErrors();
    return absl::InvalidArgumentError(
        absl::StrCat(p12.string(), ": the password is wrong or the file is damaged"));
  }
  ossl::EvpPkeyPtr key(raw_key);
  X509Ptr cert(raw_cert);
  auto free_chain = [](STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); };
  std::unique_ptr<STACK_OF(X509), decltype(free_chain)> chain(raw_chain, free_chain);
  if (!key || !cert) {
    return absl::InvalidArgumentError(
        absl::StrCat(p12.string(), ": holds no certificate with its private key"));
  }
  TlsMaterial m;
  SCHAKEL_ASSIGN_OR_RETURN(m.key_pem, ToPem([&](BIO* b) {
                             return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0,
                                                             nullptr, nullptr);
                           }));
  SCHAKEL_ASSIGN_OR_RETURN(m.cert_pem,
                           ToPem([&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); }));
  // Intermediate certificates travel with the person's own, after it.
  for (int i = 0; chain && i < sk_X509_num(chain.get()); ++i) {
    X509* link = sk_X509_value(chain.get(), i);
    if (X509_check_issued(link, link) == X509_V_OK) continue;  // a root: the CA file's business
    SCHAKEL_ASSIGN_OR_RETURN(std::string pem,
                             ToPem([&](BIO* b) { return PEM_write_bio_X509(b, link); }));
    m.cert_pem += pem;
  }
  SCHAKEL_ASSIGN_OR_RETURN(m.ca_pem, ReadFileToString(ca));
  return m;
}

std::string NewRequestId() { return NewRandomId(); }

}  // namespace schakel::client
