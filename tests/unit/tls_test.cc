// Mutual TLS from PEM files, with certificates from a CA made in the test: what LoadTlsMaterial
// accepts and how it names what it refuses, and real loopback gRPC calls through the credentials.
#include "services/common/tls.h"

#include <openssl/objects.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <grpcpp/create_channel.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "proto/echo.grpc.pb.h"
#include "services/common/crypto.h"
#include "services/common/pki.h"
#include "services/transparency/ed25519.h"
#include "tests/support/crafted_cert.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using EchoRequest = schakel::testing::EchoRequest;
using EchoResponse = schakel::testing::EchoResponse;

void WriteFile(const std::filesystem::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
  ASSERT_TRUE(out.good()) << path;
}

// Echoes, and answers with the common name of the verified client certificate.
class PeerEcho final : public schakel::testing::EchoService::Service {
 public:
  grpc::Status Echo(grpc::ServerContext* ctx, const EchoRequest* req, EchoResponse* resp) override {
    auto auth = ctx->auth_context();
    if (auth == nullptr || !auth->IsPeerAuthenticated()) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "peer not authenticated");
    }
    auto names = auth->FindPropertyValues("x509_common_name");
    if (!names.empty()) resp->set_principal_id(std::string(names[0].data(), names[0].size()));
    resp->set_message(req->message());
    return grpc::Status::OK;
  }
};

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pki_ = new testing::TestPki();
    other_pki_ = new testing::TestPki();
  }
  static void TearDownTestSuite() {
    delete pki_;
    delete other_pki_;
    pki_ = other_pki_ = nullptr;
  }

  // Writes `material` as <dir>/<stem>.crt, .key and <dir>/<stem>-ca.crt.
  TlsFiles WriteMaterial(const std::string& stem, const TlsMaterial& material) {
    TlsFiles files{.cert = dir_.path() / (stem + ".crt"),
                   .key = dir_.path() / (stem + ".key"),
                   .ca = dir_.path() / (stem + "-ca.crt")};
    EXPECT_TRUE(pki::WriteKeyAndCertificate(
                    dir_.path(), stem, {.key_pem = material.key_pem, .cert_pem = material.cert_pem})
                    .ok());
    WriteFile(files.ca, material.ca_pem);
    return files;
  }

  // Starts an echo server with credentials loaded from files; returns its address.
  std::string StartServer() { return StartServerWith(pki_->Server()); }
  std::string StartServerWith(const TlsMaterial& server) {
    absl::StatusOr<TlsMaterial> material = LoadTlsMaterial(WriteMaterial("server", server));
    EXPECT_TRUE(material.ok()) << material.status();
    if (!material.ok()) return "";
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", MutualTlsServerCredentials(*material), &port);
    builder.RegisterService(&echo_);
    server_ = builder.BuildAndStart();
    EXPECT_TRUE(server_ != nullptr);
    EXPECT_GT(port, 0);
    return absl::StrCat("127.0.0.1:", port);
  }

  void TearDown() override {
    if (server_) server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  }

  static grpc::Status Call(const std::shared_ptr<grpc::ChannelCredentials>& credentials,
                           const std::string& address, EchoResponse* resp) {
    grpc::ChannelArguments args;
    args.SetInt("grpc.use_local_subchannel_pool", 1);
    auto stub = schakel::testing::EchoService::NewStub(
        grpc::CreateCustomChannel(address, credentials, args));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    EchoRequest req;
    req.set_message("hallo");
    return stub->Echo(&ctx, req, resp);
  }

  static testing::TestPki* pki_;
  static testing::TestPki* other_pki_;
  testing::TempDir dir_;
  PeerEcho echo_;
  std::unique_ptr<grpc::Server> server_;
};

testing::TestPki* TlsTest::pki_ = nullptr;
testing::TestPki* TlsTest::other_pki_ = nullptr;

TEST_F(TlsTest, LoadsTheThreeFiles) {
  const TlsMaterial written = pki_->Client("alice", "team-x");
  const TlsFiles files = WriteMaterial("alice", written);
  absl::StatusOr<TlsMaterial> loaded = LoadTlsMaterial(files);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->cert_pem, written.cert_pem);
  EXPECT_EQ(loaded->key_pem, written.key_pem);
  EXPECT_EQ(loaded->ca_pem, written.ca_pem);
}

TEST_F(TlsTest, AKeyThatDoesNotBelongToTheCertificateIsRefusedNamingBoth) {
  TlsMaterial mismatched = pki_->Client("alice", "team-x");
  mismatched.key_pem = pki_->Client("bob", "team-x").key_pem;
  const TlsFiles files = WriteMaterial("alice", mismatched);
  absl::StatusOr<TlsMaterial> loaded = LoadTlsMaterial(files);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), files.key.string())) << loaded.status();
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), files.cert.string())) << loaded.status();
}

TEST_F(TlsTest, AMissingFileIsRefusedNamingIt) {
  const TlsFiles good = WriteMaterial("alice", pki_->Client("alice", "team-x"));
  const std::filesystem::path missing = dir_.path() / "nope" / "missing.pem";
  for (int which = 0; which < 3; ++which) {
    TlsFiles files = good;
    (which == 0 ? files.cert : which == 1 ? files.key : files.ca) = missing;
    absl::StatusOr<TlsMaterial> loaded = LoadTlsMaterial(files);
    ASSERT_FALSE(loaded.ok()) << which;
    EXPECT_EQ(loaded.status().code(), absl::StatusCode::kNotFound) << loaded.status();
    EXPECT_TRUE(absl::StrContains(loaded.status().message(), missing.string())) << loaded.status();
  }
}

TEST_F(TlsTest, AnUnsetPathIsRefusedNamingTheFlags) {
  TlsFiles files = WriteMaterial("alice", pki_->Client("alice", "team-x"));
  files.ca.clear();
  absl::StatusOr<TlsMaterial> loaded = LoadTlsMaterial(files);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(loaded.status().message(), "--tls_ca")) << loaded.status();
}

TEST_F(TlsTest, FilesThatAreNotWhatTheySayAreRefusedNamingThem) {
  const TlsMaterial good = pki_->Client("alice", "team-x");
  struct Case {
    const char* what;
    TlsMaterial material;
    std::string expected_file;  // stem of the file the message must name
  };
  TlsMaterial key_as_cert = good, cert_as_key = good, garbage_ca = good, empty_cert = good;
  key_as_cert.cert_pem = good.key_pem;
  cert_as_key.key_pem = good.cert_pem;
  garbage_ca.ca_pem = "not a certificate at all";
  empty_cert.cert_pem = "";
  const Case cases[] = {
      {"a key in the certificate file", key_as_cert, "x.crt"},
      {"a certificate in the key file", cert_as_key, "x.key"},
      {"garbage in the CA file", garbage_ca, "x-ca.crt"},
      {"an empty certificate file", empty_cert, "x.crt"},
  };
  for (const Case& c : cases) {
    const TlsFiles files = WriteMaterial("x", c.material);
    absl::StatusOr<TlsMaterial> loaded = LoadTlsMaterial(files);
    ASSERT_FALSE(loaded.ok()) << c.what;
    EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument) << c.what;
    EXPECT_TRUE(
        absl::StrContains(loaded.status().message(), (dir_.path() / c.expected_file).string()))
        << c.what << ": " << loaded.status();
  }
}

TEST_F(TlsTest, AKeyFileOthersMayReadIsRefusedSayingHowToFixIt) {
  // Every secret the server reads from disk: the TLS key, a data key, the audit signing key.
  const TlsFiles files = WriteMaterial("alice", pki_->Client("alice", "team-x"));
  const std::filesystem::path data_key = dir_.path() / "data.key";
  ASSERT_TRUE(crypto::CreateKeyFile(data_key).ok());
  const std::filesystem::path signing_key = dir_.path() / "signing.pem";
  auto generated = audit::note::Ed25519PrivateKey::Generate();
  ASSERT_TRUE(generated.ok());
  ASSERT_TRUE(audit::note::WritePrivateKeyFile(signing_key, *generated).ok());
  ASSERT_TRUE(LoadTlsMaterial(files).ok());
  ASSERT_TRUE(crypto::ReadKeyFile(data_key).ok());
  ASSERT_TRUE(audit::note::ReadPrivateKeyFile(signing_key).ok());

  using std::filesystem::perms;
  for (perms extra : {perms::others_read, perms::group_read, perms::group_write}) {
    for (const auto& path : {files.key, data_key, signing_key}) {
      std::filesystem::permissions(path, perms::owner_read | perms::owner_write | extra);
    }
    absl::Status st = LoadTlsMaterial(files).status();
    EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition) << st;
    EXPECT_TRUE(absl::StrContains(st.message(), "chmod 600 " + files.key.string())) << st;
    st = crypto::ReadKeyFile(data_key).status();
    EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition) << st;
    EXPECT_TRUE(absl::StrContains(st.message(), data_key.string())) << st;
    st = audit::note::ReadPrivateKeyFile(signing_key).status();
    EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition) << st;
    EXPECT_TRUE(absl::StrContains(st.message(), signing_key.string())) << st;
  }
}

TEST_F(TlsTest, ReadFileToStringKeepsEveryByte) {
  const std::string bytes("a\0b\r\n\xff", 6);
  WriteFile(dir_.path() / "blob", bytes);
  absl::StatusOr<std::string> read = ReadFileToString(dir_.path() / "blob");
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, bytes);
  EXPECT_EQ(ReadFileToString(dir_.path() / "absent").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(TlsTest, MutualTlsCallSucceedsWithinTheSameCa) {
  const std::string address = StartServer();
  ASSERT_FALSE(address.empty());
  absl::StatusOr<TlsMaterial> client =
      LoadTlsMaterial(WriteMaterial("alice", pki_->Client("alice", "team-x")));
  ASSERT_TRUE(client.ok()) << client.status();
  EchoResponse resp;
  grpc::Status st = Call(MutualTlsChannelCredentials(*client), address, &resp);
  ASSERT_TRUE(st.ok()) << st.error_message();
  EXPECT_EQ(resp.message(), "hallo");
  EXPECT_EQ(resp.principal_id(), "alice") << "the server saw the client's certificate";
}

TEST_F(TlsTest, AClientCertificateFromAnotherCaIsRefused) {
  const std::string address = StartServer();
  ASSERT_FALSE(address.empty());
  TlsMaterial mallory = other_pki_->Client("mallory", "team-x");
  mallory.ca_pem = pki_->ca().cert_pem;  // trusts the server; the server does not trust her
  EchoResponse resp;
  grpc::Status st = Call(MutualTlsChannelCredentials(mallory), address, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
  EXPECT_EQ(resp.principal_id(), "");
}

TEST_F(TlsTest, AClientWithoutACertificateIsRefused) {
  const std::string address = StartServer();
  ASSERT_FALSE(address.empty());
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = pki_->ca().cert_pem;
  EchoResponse resp;
  grpc::Status st = Call(grpc::SslCredentials(options), address, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
}

TEST_F(TlsTest, TheClientTrustsOnlyItsOwnCa) {
  const std::string address = StartServer();
  ASSERT_FALSE(address.empty());
  // The server would accept this client's certificate, but the client trusts only the other CA,
  // so it does not accept the server's.
  TlsMaterial alice = pki_->Client("alice", "team-x");
  alice.ca_pem = other_pki_->ca().cert_pem;
  EchoResponse resp;
  grpc::Status st = Call(MutualTlsChannelCredentials(alice), address, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
}

TEST_F(TlsTest, TheClientAcceptsOnlyAServiceCertificateThatNamesTheHost) {
  // Before: any certificate of the CA with serverAuth could serve, a user's (issued with --dns by
  // an older PKI) included, and the client went on to send its requests to it.
  const TlsMaterial alice = pki_->Client("alice", "team-x");
  const TlsMaterial user_as_server =
      testing::CraftCertificate(pki_->ca(),
                                {{NID_commonName, "mallory"},
                                 {NID_organizationName, "team-x"},
                                 {NID_organizationalUnitName, "user"}},
                                "serverAuth,clientAuth", "IP:127.0.0.1,DNS:localhost");
  std::string address = StartServerWith(user_as_server);
  ASSERT_FALSE(address.empty());
  EchoResponse resp;
  grpc::Status st = Call(MutualTlsChannelCredentials(alice), address, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
  server_->Shutdown(std::chrono::system_clock::now());

  // A service certificate for another host.
  const TlsMaterial elsewhere =
      testing::CraftCertificate(pki_->ca(),
                                {{NID_commonName, "schakeld"},
                                 {NID_organizationName, "regio-test"},
                                 {NID_organizationalUnitName, "service"}},
                                "serverAuth,clientAuth", "DNS:elsewhere.test,IP:10.9.9.9");
  address = StartServerWith(elsewhere);
  st = Call(MutualTlsChannelCredentials(alice), address, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
  server_->Shutdown(std::chrono::system_clock::now());

  // The same service certificate naming the host: accepted, by IP and by name.
  const TlsMaterial here =
      testing::CraftCertificate(pki_->ca(),
                                {{NID_commonName, "schakeld"},
                                 {NID_organizationName, "regio-test"},
                                 {NID_organizationalUnitName, "service"}},
                                "serverAuth,clientAuth", "DNS:localhost,IP:127.0.0.1");
  address = StartServerWith(here);
  EXPECT_TRUE(Call(MutualTlsChannelCredentials(alice), address, &resp).ok());
  const std::string port = address.substr(address.find(':') + 1);
  EXPECT_TRUE(Call(MutualTlsChannelCredentials(alice), "localhost:" + port, &resp).ok());
}

}  // namespace
}  // namespace schakel
