#include "tests/support/crafted_cert.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include <atomic>

#include "services/common/openssl_util.h"

namespace schakel::testing {
namespace {

using X509Ptr = ossl::Ptr<X509, X509_free>;
using NamePtr = ossl::Ptr<X509_NAME, X509_NAME_free>;
using ExtPtr = ossl::Ptr<X509_EXTENSION, X509_EXTENSION_free>;

std::string Text(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(n));
}

}  // namespace

TlsMaterial CraftCertificate(const pki::KeyAndCertificate& ca,
                             const std::vector<std::pair<int, std::string>>& subject,
                             const std::string& eku, const std::string& san) {
  ossl::BioPtr ca_key_bio(BIO_new_mem_buf(ca.key_pem.data(), static_cast<int>(ca.key_pem.size())));
  ossl::EvpPkeyPtr ca_key(PEM_read_bio_PrivateKey(ca_key_bio.get(), nullptr, nullptr, nullptr));
  ossl::BioPtr ca_cert_bio(
      BIO_new_mem_buf(ca.cert_pem.data(), static_cast<int>(ca.cert_pem.size())));
  X509Ptr ca_cert(PEM_read_bio_X509(ca_cert_bio.get(), nullptr, nullptr, nullptr));
  ossl::EvpPkeyPtr key(EVP_EC_gen("P-256"));
  X509Ptr cert(X509_new());
  NamePtr name(X509_NAME_new());
  EXPECT_TRUE(ca_key && ca_cert && key && cert && name);
  if (!ca_key || !ca_cert || !key || !cert || !name) return {};
  for (const auto& [nid, value] : subject) {
    EXPECT_EQ(X509_NAME_add_entry_by_NID(name.get(), nid, V_ASN1_UTF8STRING,
                                         reinterpret_cast<const unsigned char*>(value.data()),
                                         static_cast<int>(value.size()), -1, 0),
              1);
  }
  X509V3_CTX ext_ctx;
  X509V3_set_ctx(&ext_ctx, ca_cert.get(), cert.get(), nullptr, nullptr, 0);
  ExtPtr usage(X509V3_EXT_conf_nid(nullptr, &ext_ctx, NID_ext_key_usage, eku.c_str()));
  ExtPtr alt_names;
  if (!san.empty()) {
    alt_names.reset(X509V3_EXT_conf_nid(nullptr, &ext_ctx, NID_subject_alt_name, san.c_str()));
  }
  static std::atomic<long> serial{1000};
  const bool ok =
      X509_set_version(cert.get(), 2) == 1 &&
      ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), ++serial) == 1 &&
      X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr &&
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600) != nullptr &&
      X509_set_subject_name(cert.get(), name.get()) == 1 &&
      X509_set_issuer_name(cert.get(), X509_get_subject_name(ca_cert.get())) == 1 &&
      X509_set_pubkey(cert.get(), key.get()) == 1 && usage &&
      X509_add_ext(cert.get(), usage.get(), -1) == 1 &&
      (san.empty() || (alt_names && X509_add_ext(cert.get(), alt_names.get(), -1) == 1)) &&
      X509_sign(cert.get(), ca_key.get(), EVP_sha256()) > 0;
  EXPECT_TRUE(ok) << ossl::DrainErrors();
  ossl::BioPtr cert_out(BIO_new(BIO_s_mem()));
  ossl::BioPtr key_out(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(cert_out.get(), cert.get());
  PEM_write_bio_PrivateKey(key_out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return TlsMaterial{Text(cert_out.get()), Text(key_out.get()), ca.cert_pem};
}

}  // namespace schakel::testing
