// Who is calling, over real mutual TLS on loopback: CertificateAuthProcessor reads the client
// certificate made by a test CA, AuthenticateCall turns it into a Principal, and no metadata
// changes who the caller is (a service calls as itself). Certificates with odd subjects (no CN, no
// O, a foreign OU) are made here with OpenSSL directly, signed by the same CA, since the product's
// PKI will not issue them.
#include "services/common/identity.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "proto/echo.grpc.pb.h"
#include "services/common/ids.h"
#include "services/common/openssl_util.h"
#include "services/common/tls.h"
#include "tests/support/crafted_cert.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using EchoRequest = schakel::testing::EchoRequest;
using EchoResponse = schakel::testing::EchoResponse;
using Metadata = std::vector<std::pair<std::string, std::string>>;

// Answers with what AuthenticateCall made of the call.
class PrincipalEcho final : public schakel::testing::EchoService::Service {
 public:
  void set_internal(const InternalCaller* internal) {
    absl::MutexLock lock(&mu_);
    internal_ = internal;
  }

  grpc::Status Echo(grpc::ServerContext* ctx, const EchoRequest* req, EchoResponse* resp) override {
    const InternalCaller* internal;
    {
      absl::MutexLock lock(&mu_);
      internal = internal_;
    }
    absl::StatusOr<Principal> principal = AuthenticateCall(*ctx, internal);
    absl::MutexLock lock(&mu_);
    if (!principal.ok()) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          std::string(principal.status().message()));
    }
    last_ = *principal;
    resp->set_message(req->message());
    resp->set_principal_id(principal->id);
    return grpc::Status::OK;
  }

  Principal last() const {
    absl::MutexLock lock(&mu_);
    return last_;
  }

 private:
  mutable absl::Mutex mu_;
  const InternalCaller* internal_ ABSL_GUARDED_BY(mu_) = nullptr;
  Principal last_ ABSL_GUARDED_BY(mu_);
};

// A client certificate with exactly the subject entries given (NID, value), signed by `ca`.
TlsMaterial CraftedClient(const pki::KeyAndCertificate& ca,
                          const std::vector<std::pair<int, std::string>>& subject) {
  return testing::CraftCertificate(ca, subject);
}

class IdentityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pki_ = new testing::TestPki(); }
  static void TearDownTestSuite() {
    delete pki_;
    pki_ = nullptr;
  }

  void SetUp() override {
    internal_.token = NewRandomId() + NewRandomId();
    internal_.host.id = "schakeld";
    internal_.host.organisation_id = testing::kOperatorOrg;
    internal_.host.kind = v1::PRINCIPAL_KIND_SERVICE;
    echo_.set_internal(&internal_);
    auto credentials = MutualTlsServerCredentials(pki_->Server());
    credentials->SetAuthMetadataProcessor(std::make_shared<CertificateAuthProcessor>());
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", credentials, &port_);
    builder.RegisterService(&echo_);
    server_ = builder.BuildAndStart();
    ASSERT_TRUE(server_ != nullptr);
    ASSERT_GT(port_, 0);
  }

  void TearDown() override {
    if (server_) server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  }

  std::shared_ptr<grpc::Channel> ChannelWith(const TlsMaterial& material) const {
    return testing::MutualTlsChannel(absl::StrCat("127.0.0.1:", port_), material);
  }
  std::shared_ptr<grpc::Channel> ChannelAs(
      const std::string& id, const std::string& organisation,
      pki::CertificateKind kind = pki::CertificateKind::kUser) const {
    return ChannelWith(pki_->Client(id, organisation, kind));
  }

  static grpc::Status Call(const std::shared_ptr<grpc::Channel>& channel,
                           const Metadata& metadata = {}) {
    auto stub = schakel::testing::EchoService::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    for (const auto& [key, value] : metadata) ctx.AddMetadata(key, value);
    EchoRequest req;
    req.set_message("hallo");
    EchoResponse resp;
    return stub->Echo(&ctx, req, &resp);
  }

  static testing::TestPki* pki_;
  InternalCaller internal_;
  PrincipalEcho echo_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

testing::TestPki* IdentityTest::pki_ = nullptr;

TEST_F(IdentityTest, UserCertificateNamesAUser) {
  grpc::Status st = Call(ChannelAs("alice", "team-x"));
  ASSERT_TRUE(st.ok()) << st.error_message();
  const Principal p = echo_.last();
  EXPECT_EQ(p.id, "alice");
  EXPECT_EQ(p.organisation_id, "team-x");
  EXPECT_EQ(p.kind, v1::PRINCIPAL_KIND_USER);
  EXPECT_TRUE(absl::StartsWith(p.peer, "ipv4:127.0.0.1:")) << p.peer;
}

TEST_F(IdentityTest, ServiceCertificateNamesAService) {
  grpc::Status st = Call(ChannelAs("gateway-1", "regio-test", pki::CertificateKind::kService));
  ASSERT_TRUE(st.ok()) << st.error_message();
  const Principal p = echo_.last();
  EXPECT_EQ(p.id, "gateway-1");
  EXPECT_EQ(p.organisation_id, "regio-test");
  EXPECT_EQ(p.kind, v1::PRINCIPAL_KIND_SERVICE);
}

TEST_F(IdentityTest, EveryCallOnAConnectionKeepsItsPrincipal) {
  // The processor parses the certificate once per connection; later calls use what it recorded.
  auto channel = ChannelAs("alice", "team-x");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(Call(channel).ok());
    EXPECT_EQ(echo_.last().id, "alice");
    EXPECT_EQ(echo_.last().kind, v1::PRINCIPAL_KIND_USER);
  }
}

// The metadata that once let a service certificate act as any professional (withdrawn).
const Metadata kActingUserClaim = {{"schakel-acting-user", "regisseur"},
                                   {"schakel-acting-organisation", "wijkteam-den-haag-centrum"}};

TEST_F(IdentityTest, AServiceNamingAUserInMetadataIsStillTheService) {
  // Before: the service became "regisseur" and could read that director's cases.
  auto channel = ChannelAs("gateway-1", "regio-test", pki::CertificateKind::kService);
  grpc::Status st = Call(channel, kActingUserClaim);
  ASSERT_TRUE(st.ok()) << st.error_message();
  const Principal p = echo_.last();
  EXPECT_EQ(p.id, "gateway-1");
  EXPECT_EQ(p.organisation_id, "regio-test");
  EXPECT_EQ(p.kind, v1::PRINCIPAL_KIND_SERVICE);
}

TEST_F(IdentityTest, AUserNamingSomeoneElseInMetadataIsStillTheUser) {
  auto channel = ChannelAs("alice", "team-x");
  for (int i = 0; i < 2; ++i) {
    grpc::Status st = Call(channel, kActingUserClaim);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(echo_.last().id, "alice") << "call " << i;
    EXPECT_EQ(echo_.last().kind, v1::PRINCIPAL_KIND_USER) << "call " << i;
  }
}

TEST_F(IdentityTest, ACraftedCertificateWithTheRightSubjectIsAccepted) {
  // The control for the refusals below: the hand-made certificate itself is fine for TLS.
  TlsMaterial material = CraftedClient(pki_->ca(), {{NID_commonName, "carol"},
                                                    {NID_organizationName, "team-x"},
                                                    {NID_organizationalUnitName, "user"}});
  grpc::Status st = Call(ChannelWith(material));
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(echo_.last().id, "carol");
  EXPECT_EQ(echo_.last().kind, v1::PRINCIPAL_KIND_USER);
}

TEST_F(IdentityTest, CertificatesWithoutAUsableSubjectAreRefused) {
  const std::vector<std::pair<const char*, std::vector<std::pair<int, std::string>>>> cases = {
      {"no CN", {{NID_organizationName, "team-x"}, {NID_organizationalUnitName, "user"}}},
      {"empty CN",
       {{NID_commonName, ""},
        {NID_organizationName, "team-x"},
        {NID_organizationalUnitName, "user"}}},
      {"no O", {{NID_commonName, "carol"}, {NID_organizationalUnitName, "user"}}},
      {"no OU", {{NID_commonName, "carol"}, {NID_organizationName, "team-x"}}},
      {"OU admin",
       {{NID_commonName, "carol"},
        {NID_organizationName, "team-x"},
        {NID_organizationalUnitName, "admin"}}},
      {"two CNs",
       {{NID_commonName, "carol"},
        {NID_commonName, "admin"},
        {NID_organizationName, "team-x"},
        {NID_organizationalUnitName, "user"}}},
  };
  for (const auto& [what, subject] : cases) {
    grpc::Status st = Call(ChannelWith(CraftedClient(pki_->ca(), subject)));
    EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << what << ": " << st.error_message();
  }
}

TEST_F(IdentityTest, CertificatesWhoseCnOrOIsNotAWellFormedIdAreRefused) {
  // Before: accepted, and the odd names went on into role look-ups, audit records and logs.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Carol", "team-x"},
      {"carol smit", "team-x"},
      {"-carol", "team-x"},
      {"carol", "Team-X"},
      {"carol", "team/x"},
      {"carol\n", "team-x"},
      {std::string(65, 'c'), "team-x"},
      {"carol", "team-x;drop"},
  };
  for (const auto& [cn, o] : cases) {
    const TlsMaterial material = CraftedClient(
        pki_->ca(),
        {{NID_commonName, cn}, {NID_organizationName, o}, {NID_organizationalUnitName, "user"}});
    grpc::Status st = Call(ChannelWith(material));
    EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << "CN=" << cn << " O=" << o << ": " << st.error_message();
  }
}

TEST_F(IdentityTest, AServiceCertificateWithAnOddCnIsRefusedToo) {
  const TlsMaterial material = CraftedClient(pki_->ca(), {{NID_commonName, "Schakeld"},
                                                          {NID_organizationName, "regio-test"},
                                                          {NID_organizationalUnitName, "service"}});
  EXPECT_EQ(Call(ChannelWith(material)).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(IdentityTest, TheInternalTokenOverTlsChangesNothing) {
  // The certificate decides; a user who somehow knew the token still calls as themselves.
  grpc::Status st = Call(ChannelAs("alice", "team-x"), {{kInternalTokenKey, internal_.token}});
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(echo_.last().id, "alice");
  EXPECT_EQ(echo_.last().kind, v1::PRINCIPAL_KIND_USER);
  EXPECT_NE(echo_.last().peer, kInProcessPeer);
}

TEST_F(IdentityTest, TheInternalTokenMakesTheHostTheCaller) {
  auto channel = server_->InProcessChannel(grpc::ChannelArguments());
  grpc::Status st = Call(channel, {{kInternalTokenKey, internal_.token}});
  ASSERT_TRUE(st.ok()) << st.error_message();
  const Principal p = echo_.last();
  EXPECT_EQ(p.id, "schakeld");
  EXPECT_EQ(p.organisation_id, testing::kOperatorOrg);
  EXPECT_EQ(p.kind, v1::PRINCIPAL_KIND_SERVICE);
  EXPECT_EQ(p.peer, kInProcessPeer);

  // Nor does the host act for a user.
  Metadata claim = kActingUserClaim;
  claim.emplace_back(kInternalTokenKey, internal_.token);
  st = Call(channel, claim);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(echo_.last().id, "schakeld");
  EXPECT_EQ(echo_.last().kind, v1::PRINCIPAL_KIND_SERVICE);
}

TEST_F(IdentityTest, AnEmptyInternalTokenMatchesNothing) {
  // Before: a host whose token was never set let every tokenless in-process call in as itself.
  auto channel = server_->InProcessChannel(grpc::ChannelArguments());
  internal_.token.clear();
  EXPECT_EQ(Call(channel).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Call(channel, {{kInternalTokenKey, ""}}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(IdentityTest, InProcessCallsWithoutTheRightTokenAreRefused) {
  auto channel = server_->InProcessChannel(grpc::ChannelArguments());
  EXPECT_EQ(Call(channel).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  std::string wrong = internal_.token;
  wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
  EXPECT_EQ(Call(channel, {{kInternalTokenKey, wrong}}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Call(channel, {{kInternalTokenKey, internal_.token + "0"}}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Call(channel, {{kInternalTokenKey, ""}}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // A host that makes no in-process calls accepts no token at all.
  echo_.set_internal(nullptr);
  EXPECT_EQ(Call(channel, {{kInternalTokenKey, internal_.token}}).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace schakel
