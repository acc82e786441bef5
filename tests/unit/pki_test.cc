#include "services/common/pki.h"

#include <sys/stat.h>
#include <unistd.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace schakel::pki {
namespace {

template <auto FreeFn>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    FreeFn(p);
  }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using AkidPtr = std::unique_ptr<AUTHORITY_KEYID, Deleter<AUTHORITY_KEYID_free>>;

X509Ptr ParseCert(std::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return nullptr;
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

// Verifies `leaf` against `ca` alone, as an mTLS peer that trusts only that CA would.
bool VerifiesAgainst(const KeyAndCertificate& leaf, const KeyAndCertificate& ca) {
  X509Ptr leaf_cert = ParseCert(leaf.cert_pem);
  X509Ptr ca_cert = ParseCert(ca.cert_pem);
  if (!leaf_cert || !ca_cert) return false;
  StorePtr store(X509_STORE_new());
  StoreCtxPtr ctx(X509_STORE_CTX_new());
  if (!store || !ctx) return false;
  if (X509_STORE_add_cert(store.get(), ca_cert.get()) != 1) return false;
  if (X509_STORE_CTX_init(ctx.get(), store.get(), leaf_cert.get(), nullptr) != 1) return false;
  X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_CLIENT);
  return X509_verify_cert(ctx.get()) == 1;
}

class PkiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<KeyAndCertificate> ca = CreateCertificateAuthority("Test CA", absl::Hours(48));
    ASSERT_TRUE(ca.ok()) << ca.status();
    ca_ = new KeyAndCertificate(*std::move(ca));
    absl::StatusOr<KeyAndCertificate> other =
        CreateCertificateAuthority("Other CA", absl::Hours(48));
    ASSERT_TRUE(other.ok()) << other.status();
    other_ca_ = new KeyAndCertificate(*std::move(other));
  }
  static void TearDownTestSuite() {
    delete ca_;
    delete other_ca_;
    ca_ = nullptr;
    other_ca_ = nullptr;
  }

  static IssueRequest UserRequest() {
    IssueRequest request;
    request.principal_id = "alice";
    request.organisation_id = "acme";
    request.kind = CertificateKind::kUser;
    return request;
  }

  static IssueRequest ServiceRequest() {
    IssueRequest request;
    request.principal_id = "gateway-1";
    request.organisation_id = "schakel.internal";
    request.kind = CertificateKind::kService;
    request.dns_names = {"localhost", "gateway.schakel.test"};
    request.ip_addresses = {"127.0.0.1", "::1"};
    return request;
  }

  static KeyAndCertificate* ca_;
  static KeyAndCertificate* other_ca_;
};

KeyAndCertificate* PkiTest::ca_ = nullptr;
KeyAndCertificate* PkiTest::other_ca_ = nullptr;

TEST_F(PkiTest, KindNames) {
  EXPECT_EQ(KindName(CertificateKind::kUser), "user");
  EXPECT_EQ(KindName(CertificateKind::kService), "service");
}

TEST_F(PkiTest, CertificateAuthorityIsSelfSignedCa) {
  EXPECT_NE(ca_->key_pem.find("BEGIN PRIVATE KEY"), std::string::npos);
  X509Ptr cert = ParseCert(ca_->cert_pem);
  ASSERT_TRUE(cert);
  EXPECT_EQ(X509_get_version(cert.get()), 2);
  EXPECT_EQ(X509_check_ca(cert.get()), 1);
  EXPECT_EQ(X509_check_issued(cert.get(), cert.get()), X509_V_OK);
  EXPECT_NE(X509_get_key_usage(cert.get()) & KU_KEY_CERT_SIGN, 0u);
  EXPECT_NE(X509_get_key_usage(cert.get()) & KU_CRL_SIGN, 0u);
  EXPECT_NE(X509_get0_subject_key_id(cert.get()), nullptr);

  EVP_PKEY* pub = X509_get0_pubkey(cert.get());
  ASSERT_NE(pub, nullptr);
  EXPECT_TRUE(EVP_PKEY_is_a(pub, "EC"));
  char group[64] = {};
  size_t group_len = 0;
  ASSERT_EQ(EVP_PKEY_get_group_name(pub, group, sizeof(group), &group_len), 1);
  EXPECT_STREQ(group, "prime256v1");
  EXPECT_EQ(X509_get_signature_nid(cert.get()), NID_ecdsa_with_SHA256);

  X509_NAME* subject = X509_get_subject_name(cert.get());
  char cn[64] = {};
  char o[64] = {};
  ASSERT_GT(X509_NAME_get_text_by_NID(subject, NID_commonName, cn, sizeof(cn)), 0);
  ASSERT_GT(X509_NAME_get_text_by_NID(subject, NID_organizationName, o, sizeof(o)), 0);
  EXPECT_STREQ(cn, "Test CA");
  EXPECT_STREQ(o, "Schakel development CA");
}

TEST_F(PkiTest, CertificateAuthorityValidityAllowsForClockSkew) {
  X509Ptr cert = ParseCert(ca_->cert_pem);
  ASSERT_TRUE(cert);
  int days = 0;
  int seconds = 0;
  // notBefore -> notAfter spans validity + 5 minutes.
  ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(cert.get()),
                           X509_get0_notAfter(cert.get())),
            1);
  EXPECT_EQ(days * 86400 + seconds, 48 * 3600 + 5 * 60);
  EXPECT_LT(X509_cmp_current_time(X509_get0_notBefore(cert.get())), 0);
}

TEST_F(PkiTest, CertificateAuthorityRejectsEmptyNameAndBadValidity) {
  EXPECT_EQ(CreateCertificateAuthority("", absl::Hours(1)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CreateCertificateAuthority("CA", absl::ZeroDuration()).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CreateCertificateAuthority("CA", -absl::Hours(1)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PkiTest, IssuesUserCertificate) {
  absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, UserRequest());
  ASSERT_TRUE(leaf.ok()) << leaf.status();

  absl::StatusOr<CertificateSubject> subject = ParseCertificateSubject(leaf->cert_pem);
  ASSERT_TRUE(subject.ok()) << subject.status();
  EXPECT_EQ(subject->principal_id, "alice");
  EXPECT_EQ(subject->organisation_id, "acme");
  EXPECT_EQ(subject->kind, CertificateKind::kUser);

  X509Ptr cert = ParseCert(leaf->cert_pem);
  ASSERT_TRUE(cert);
  EXPECT_EQ(X509_get_version(cert.get()), 2);
  EXPECT_EQ(X509_check_ca(cert.get()), 0);
  EXPECT_NE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT, 0u);
  EXPECT_EQ(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER, 0u);
  EXPECT_NE(X509_get_key_usage(cert.get()) & KU_DIGITAL_SIGNATURE, 0u);
  EXPECT_NE(X509_get_key_usage(cert.get()) & KU_KEY_AGREEMENT, 0u);
  EXPECT_EQ(X509_get_key_usage(cert.get()) & KU_KEY_CERT_SIGN, 0u);
  EXPECT_EQ(X509_get_ext_by_NID(cert.get(), NID_subject_alt_name, -1), -1);
  EXPECT_NE(X509_get0_subject_key_id(cert.get()), nullptr);
}

TEST_F(PkiTest, IssuedCertificateChainsToIssuingCaOnly) {
  absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, UserRequest());
  ASSERT_TRUE(leaf.ok()) << leaf.status();
  EXPECT_TRUE(VerifiesAgainst(*leaf, *ca_));
  EXPECT_FALSE(VerifiesAgainst(*leaf, *other_ca_));

  X509Ptr cert = ParseCert(leaf->cert_pem);
  X509Ptr ca_cert = ParseCert(ca_->cert_pem);
  ASSERT_TRUE(cert && ca_cert);
  EXPECT_EQ(X509_NAME_cmp(X509_get_issuer_name(cert.get()), X509_get_subject_name(ca_cert.get())),
            0);
  // authorityKeyIdentifier points at the CA's subjectKeyIdentifier.
  const ASN1_OCTET_STRING* akid = X509_get0_authority_key_id(cert.get());
  const ASN1_OCTET_STRING* ca_skid = X509_get0_subject_key_id(ca_cert.get());
  ASSERT_NE(akid, nullptr);
  ASSERT_NE(ca_skid, nullptr);
  EXPECT_EQ(ASN1_OCTET_STRING_cmp(akid, ca_skid), 0);
}

TEST_F(PkiTest, IssuesServiceCertificateWithSubjectAltNames) {
  absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, ServiceRequest());
  ASSERT_TRUE(leaf.ok()) << leaf.status();

  absl::StatusOr<CertificateSubject> subject = ParseCertificateSubject(leaf->cert_pem);
  ASSERT_TRUE(subject.ok()) << subject.status();
  EXPECT_EQ(subject->principal_id, "gateway-1");
  EXPECT_EQ(subject->organisation_id, "schakel.internal");
  EXPECT_EQ(subject->kind, CertificateKind::kService);

  X509Ptr cert = ParseCert(leaf->cert_pem);
  ASSERT_TRUE(cert);
  EXPECT_NE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER, 0u);
  EXPECT_NE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT, 0u);
  EXPECT_EQ(X509_check_host(cert.get(), "localhost", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_host(cert.get(), "gateway.schakel.test", 0, 0, nullptr), 1);
  EXPECT_NE(X509_check_host(cert.get(), "evil.test", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(cert.get(), "127.0.0.1", 0), 1);
  EXPECT_EQ(X509_check_ip_asc(cert.get(), "::1", 0), 1);
  EXPECT_NE(X509_check_ip_asc(cert.get(), "10.0.0.1", 0), 1);

  EXPECT_TRUE(VerifiesAgainst(*leaf, *ca_));
  EXPECT_FALSE(VerifiesAgainst(*leaf, *other_ca_));
}

TEST_F(PkiTest, IpOnlySubjectAltNameAlsoAddsServerAuth) {
  IssueRequest request = ServiceRequest();
  request.dns_names.clear();
  request.ip_addresses = {"10.1.2.3"};
  absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, request);
  ASSERT_TRUE(leaf.ok()) << leaf.status();
  X509Ptr cert = ParseCert(leaf->cert_pem);
  ASSERT_TRUE(cert);
  EXPECT_NE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER, 0u);
}

TEST_F(PkiTest, AUserCertificateNeverNamesAHostNorServes) {
  // Before: a user certificate issued with --dns got serverAuth and could pose as the server.
  for (int which = 0; which < 2; ++which) {
    IssueRequest request = UserRequest();
    (which == 0 ? request.dns_names : request.ip_addresses) = {which == 0 ? "localhost"
                                                                          : "127.0.0.1"};
    absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, request);
    ASSERT_FALSE(leaf.ok()) << which;
    EXPECT_EQ(leaf.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(leaf.status().message(), "only a service certificate"))
        << leaf.status();
  }
  absl::StatusOr<KeyAndCertificate> plain = IssueCertificate(*ca_, UserRequest());
  ASSERT_TRUE(plain.ok()) << plain.status();
  X509Ptr cert = ParseCert(plain->cert_pem);
  ASSERT_TRUE(cert);
  EXPECT_EQ(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER, 0u);
}

TEST_F(PkiTest, SerialsArePositiveRandomAndDistinct) {
  absl::StatusOr<KeyAndCertificate> a = IssueCertificate(*ca_, UserRequest());
  absl::StatusOr<KeyAndCertificate> b = IssueCertificate(*ca_, UserRequest());
  ASSERT_TRUE(a.ok() && b.ok());
  X509Ptr cert_a = ParseCert(a->cert_pem);
  X509Ptr cert_b = ParseCert(b->cert_pem);
  ASSERT_TRUE(cert_a && cert_b);
  const ASN1_INTEGER* serial_a = X509_get0_serialNumber(cert_a.get());
  const ASN1_INTEGER* serial_b = X509_get0_serialNumber(cert_b.get());
  EXPECT_NE(ASN1_INTEGER_cmp(serial_a, serial_b), 0);
  BignumPtr bn(ASN1_INTEGER_to_BN(serial_a, nullptr));
  ASSERT_TRUE(bn);
  EXPECT_FALSE(BN_is_negative(bn.get()));
  EXPECT_FALSE(BN_is_zero(bn.get()));
  EXPECT_LE(BN_num_bits(bn.get()), 128);
  EXPECT_GT(BN_num_bits(bn.get()), 64);
}

TEST_F(PkiTest, RejectsEmptyIdsNamingTheField) {
  IssueRequest request = UserRequest();
  request.principal_id = "";
  absl::Status status = IssueCertificate(*ca_, request).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "principal_id: must not be empty");

  request = UserRequest();
  request.organisation_id = "";
  status = IssueCertificate(*ca_, request).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "organisation_id: must not be empty");
}

TEST_F(PkiTest, RejectsIdsWithBadCharactersOrTooLong) {
  for (const char* bad : {"Alice", "al ice", "a/b", "a,b", "a=b", "é", "a\nb"}) {
    IssueRequest request = UserRequest();
    request.principal_id = bad;
    absl::Status status = IssueCertificate(*ca_, request).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(status.message().find("principal_id"), std::string_view::npos) << status;

    request = UserRequest();
    request.organisation_id = bad;
    status = IssueCertificate(*ca_, request).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(status.message().find("organisation_id"), std::string_view::npos) << status;
  }

  IssueRequest request = UserRequest();
  request.principal_id = std::string(64, 'a');
  EXPECT_TRUE(IssueCertificate(*ca_, request).ok());
  request.principal_id = std::string(65, 'a');
  EXPECT_EQ(IssueCertificate(*ca_, request).status().code(), absl::StatusCode::kInvalidArgument);

  request = UserRequest();
  request.principal_id = "a-b_c.d0";
  EXPECT_TRUE(IssueCertificate(*ca_, request).ok());
}

TEST_F(PkiTest, RejectsMalformedSubjectAltNames) {
  IssueRequest request = ServiceRequest();
  // A comma would otherwise smuggle an extra SAN entry into the config string.
  request.dns_names = {"good.test,DNS:evil.test"};
  EXPECT_EQ(IssueCertificate(*ca_, request).status().code(), absl::StatusCode::kInvalidArgument);

  request = ServiceRequest();
  request.dns_names = {""};
  EXPECT_EQ(IssueCertificate(*ca_, request).status().code(), absl::StatusCode::kInvalidArgument);

  request = ServiceRequest();
  request.ip_addresses = {"256.0.0.1"};
  EXPECT_EQ(IssueCertificate(*ca_, request).status().code(), absl::StatusCode::kInvalidArgument);

  request = ServiceRequest();
  request.ip_addresses = {"127.0.0.1,DNS:evil.test"};
  EXPECT_EQ(IssueCertificate(*ca_, request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(PkiTest, RejectsMismatchedCaKeyAndCertificate) {
  KeyAndCertificate mixed{.key_pem = other_ca_->key_pem, .cert_pem = ca_->cert_pem};
  absl::Status status = IssueCertificate(mixed, UserRequest()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("does not match"), std::string_view::npos) << status;
}

TEST_F(PkiTest, RejectsUnparseableCaMaterial) {
  KeyAndCertificate bad_cert{.key_pem = ca_->key_pem, .cert_pem = "not a certificate"};
  EXPECT_EQ(IssueCertificate(bad_cert, UserRequest()).status().code(),
            absl::StatusCode::kInvalidArgument);
  KeyAndCertificate bad_key{.key_pem = "not a key", .cert_pem = ca_->cert_pem};
  EXPECT_EQ(IssueCertificate(bad_key, UserRequest()).status().code(),
            absl::StatusCode::kInvalidArgument);
  KeyAndCertificate empty;
  EXPECT_EQ(IssueCertificate(empty, UserRequest()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PkiTest, RejectsLeafCertificateAsCa) {
  absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, UserRequest());
  ASSERT_TRUE(leaf.ok()) << leaf.status();
  EXPECT_EQ(IssueCertificate(*leaf, UserRequest()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(PkiTest, ParseSubjectRejectsGarbage) {
  for (std::string_view garbage :
       {std::string_view(""), std::string_view("garbage"),
        std::string_view("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")}) {
    absl::StatusOr<CertificateSubject> subject = ParseCertificateSubject(garbage);
    EXPECT_EQ(subject.status().code(), absl::StatusCode::kInvalidArgument) << garbage;
  }
}

TEST_F(PkiTest, ParseSubjectRejectsCertificateWithoutOu) {
  // The CA has CN and O but no OU.
  absl::StatusOr<CertificateSubject> subject = ParseCertificateSubject(ca_->cert_pem);
  EXPECT_EQ(subject.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(subject.status().message().find("OU"), std::string_view::npos) << subject.status();
}

TEST_F(PkiTest, ParseSubjectReadsFirstCertificateOfBundle) {
  absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, ServiceRequest());
  ASSERT_TRUE(leaf.ok()) << leaf.status();
  absl::StatusOr<CertificateSubject> subject =
      ParseCertificateSubject(leaf->cert_pem + ca_->cert_pem);
  ASSERT_TRUE(subject.ok()) << subject.status();
  EXPECT_EQ(subject->principal_id, "gateway-1");
}

class PkiFilesTest : public PkiTest {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("schakel_pki_test_", ::getpid(), "_", counter++, "_", rd());
    ASSERT_FALSE(std::filesystem::exists(dir_));
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::filesystem::path dir_;
};

TEST_F(PkiFilesTest, WriteReadRoundTrip) {
  absl::StatusOr<KeyAndCertificate> leaf = IssueCertificate(*ca_, ServiceRequest());
  ASSERT_TRUE(leaf.ok()) << leaf.status();
  const std::filesystem::path nested = dir_ / "a" / "b";
  ASSERT_TRUE(WriteKeyAndCertificate(nested, "gateway", *leaf).ok());

  struct stat key_stat;
  struct stat cert_stat;
  ASSERT_EQ(::stat((nested / "gateway.key").c_str(), &key_stat), 0);
  ASSERT_EQ(::stat((nested / "gateway.crt").c_str(), &cert_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 07777, 0600u);
  EXPECT_EQ(cert_stat.st_mode & 07777, 0644u);

  absl::StatusOr<KeyAndCertificate> read = ReadKeyAndCertificate(nested, "gateway");
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->key_pem, leaf->key_pem);
  EXPECT_EQ(read->cert_pem, leaf->cert_pem);

  // What was read back is still usable as CA material (the key matches the cert).
  ASSERT_TRUE(WriteKeyAndCertificate(dir_, "ca", *ca_).ok());
  absl::StatusOr<KeyAndCertificate> ca = ReadKeyAndCertificate(dir_, "ca");
  ASSERT_TRUE(ca.ok()) << ca.status();
  EXPECT_TRUE(IssueCertificate(*ca, UserRequest()).ok());
}

TEST_F(PkiFilesTest, OverwriteTightensExistingKeyMode) {
  ASSERT_TRUE(WriteKeyAndCertificate(dir_, "x", *ca_).ok());
  ASSERT_EQ(::chmod((dir_ / "x.key").c_str(), 0666), 0);
  ASSERT_TRUE(WriteKeyAndCertificate(dir_, "x", *ca_).ok());
  struct stat key_stat;
  ASSERT_EQ(::stat((dir_ / "x.key").c_str(), &key_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 07777, 0600u);
}

TEST_F(PkiFilesTest, ReadMissingIsNotFoundWithPath) {
  absl::StatusOr<KeyAndCertificate> read = ReadKeyAndCertificate(dir_, "missing");
  EXPECT_EQ(read.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(read.status().message().find("missing.key"), std::string_view::npos) << read.status();

  // Key present, certificate missing.
  std::filesystem::create_directories(dir_);
  ASSERT_TRUE(WriteKeyAndCertificate(dir_, "half", *ca_).ok());
  std::filesystem::remove(dir_ / "half.crt");
  read = ReadKeyAndCertificate(dir_, "half");
  EXPECT_EQ(read.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(read.status().message().find("half.crt"), std::string_view::npos) << read.status();
}

TEST_F(PkiFilesTest, RejectsStemThatEscapesDirectory) {
  EXPECT_EQ(WriteKeyAndCertificate(dir_, "../escape", *ca_).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(WriteKeyAndCertificate(dir_, "", *ca_).code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(PkiFilesTest, WriteIntoUncreatableDirectoryFails) {
  std::filesystem::create_directories(dir_);
  // A regular file where a directory is expected.
  ASSERT_TRUE(WriteKeyAndCertificate(dir_, "blocker", *ca_).ok());
  absl::Status status = WriteKeyAndCertificate(dir_ / "blocker.crt" / "sub", "x", *ca_);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("blocker.crt"), std::string_view::npos) << status;
}

}  // namespace
}  // namespace schakel::pki
