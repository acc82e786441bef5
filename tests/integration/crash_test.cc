// SIGKILL in the middle of a stream of mutations: after a restart, the audit log holds a record of
// every acknowledged call, each exactly once. Runs the real schakeld binary.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/crypto.h"
#include "services/transparency/note.h"
#include "tests/support/test_env.h"

extern char** environ;

namespace schakel {
namespace {

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

void Write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::trunc) << text;
  // schakeld refuses a key that others may read; certificates may be, but need not be.
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto d = dir_.path();
    const TlsMaterial server = pki_.Server();
    Write(d / "ca.crt", server.ca_pem);
    Write(d / "server.crt", server.cert_pem);
    Write(d / "server.key", server.key_pem);
    ASSERT_TRUE(crypto::CreateKeyFile(d / "master.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "index.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "cases-data.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "cases-index.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "handover-data.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "handover-index.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "intake-data.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "intake-index.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "safetyplan-data.key").ok());
    ASSERT_TRUE(crypto::CreateKeyFile(d / "safetyplan-index.key").ok());
    ASSERT_TRUE(audit::note::WritePrivateKeyFile(d / "signing.pem",
                                                 *audit::note::Ed25519PrivateKey::Generate())
                    .ok());
    address_ = "127.0.0.1:" + std::to_string(FreePort());
    Write(d / "host.textproto",
          "listen: \"" + address_ + "\"\nmetrics_listen: \"127.0.0.1:0\"\ndata_dir: \"" +
              (d / "data").string() + "\"\ntls { cert_file: \"" + (d / "server.crt").string() +
              "\" key_file: \"" + (d / "server.key").string() + "\" ca_file: \"" +
              (d / "ca.crt").string() + "\" }\naudit { master_key_file: \"" +
              (d / "master.key").string() + "\" index_key_file: \"" + (d / "index.key").string() +
              "\" signing_key_file: \"" + (d / "signing.pem").string() +
              "\" origin: \"schakel.test/audit\" }\ncases { data_key_file: \"" +
              (d / "cases-data.key").string() + "\" index_key_file: \"" +
              (d / "cases-index.key").string() + "\" }\nhandover { data_key_file: \"" +
              (d / "handover-data.key").string() + "\" index_key_file: \"" +
              (d / "handover-index.key").string() + "\" }\nintake { data_key_file: \"" +
              (d / "intake-data.key").string() + "\" index_key_file: \"" +
              (d / "intake-index.key").string() + "\" }\nsafetyplan { data_key_file: \"" +
              (d / "safetyplan-data.key").string() + "\" index_key_file: \"" +
              (d / "safetyplan-index.key").string() +
              "\" }\n"
              "directory_bootstrap { organisation_id: \"regio-test\" organisation_name: \"Regio\" "
              "region: REGION_UTRECHT admin_id: \"admin\" admin_name: \"Beheerder\" }\n");
  }

  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void Start() {
    const std::string config = "--config=" + (dir_.path() / "host.textproto").string();
    const std::string log = (dir_.path() / "schakeld.log").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    char* argv[] = {const_cast<char*>(SCHAKELD_PATH), const_cast<char*>(config.c_str()), nullptr};
    ASSERT_EQ(posix_spawn(&pid_, SCHAKELD_PATH, &actions, nullptr, argv, environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 100; ++i) {
      // A fresh channel each time: one refused before the server listened sits in backoff.
      auto health = grpc::health::v1::Health::NewStub(Channel("admin", "regio-test"));
      grpc::ClientContext ctx;
      ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
      grpc::health::v1::HealthCheckResponse resp;
      if (health->Check(&ctx, {}, &resp).ok()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::ifstream log_file(log);
    std::string text((std::istreambuf_iterator<char>(log_file)), {});
    FAIL() << "schakeld did not become healthy; its log:\n" << text;
  }

  std::shared_ptr<grpc::Channel> Channel(const std::string& id, const std::string& org) {
    return testing::MutualTlsChannel(address_, pki_.Client(id, org));
  }

  testing::TempDir dir_;
  testing::TestPki pki_;
  std::string address_;
  pid_t pid_ = -1;
};

TEST_F(CrashTest, SigkillLosesNoRecordOfAnAcknowledgedCall) {
  ASSERT_NO_FATAL_FAILURE(Start());
  auto admin = v1::DirectoryService::NewStub(Channel("admin", "regio-test"));
  {
    grpc::ClientContext ctx;
    v1::RegisterProfessionalRequest req;
    req.set_request_id("auditor");
    req.mutable_professional()->set_id("auditor");
    req.mutable_professional()->set_name("Auditor");
    req.mutable_professional()->set_organisation_id("regio-test");
    req.mutable_professional()->add_roles(v1::ROLE_AUDITOR);
    v1::RegisterProfessionalResponse resp;
    ASSERT_TRUE(admin->RegisterProfessional(&ctx, req, &resp).ok());
  }

  std::mutex mu;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      auto stub = v1::DirectoryService::NewStub(Channel("admin", "regio-test"));
      for (int i = 0; !stop; ++i) {
        const std::string id = "org-" + std::to_string(w) + "-" + std::to_string(i);
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
        v1::CreateOrganisationRequest req;
        req.set_request_id(id);
        req.mutable_organisation()->set_id(id);
        req.mutable_organisation()->set_name(id);
        req.mutable_organisation()->set_type(v1::ORGANISATION_TYPE_LOCAL_TEAM);
        req.mutable_organisation()->set_region(v1::REGION_UTRECHT);
        v1::CreateOrganisationResponse resp;
        if (stub->CreateOrganisation(&ctx, req, &resp).ok()) {
          std::lock_guard<std::mutex> lock(mu);
          acknowledged.insert(id);
        } else {
          return;  // the server is gone
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  ASSERT_EQ(kill(pid_, SIGKILL), 0);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_GT(acknowledged.size(), 10u) << "too few calls before the kill to mean anything";

  ASSERT_NO_FATAL_FAILURE(Start());
  auto auditor = v1::AuditService::NewStub(Channel("auditor", "regio-test"));
  std::map<std::string, int> recorded;
  for (int attempt = 0; attempt < 100; ++attempt) {
    recorded.clear();
    std::string token;
    do {
      grpc::ClientContext ctx;
      v1::QueryEntriesRequest req;
      req.set_event_type("directory.organisation.created");
      req.set_purpose("crash test");
      req.set_page_size(1000);
      req.set_page_token(token);
      v1::QueryEntriesResponse resp;
      if (!auditor->QueryEntries(&ctx, req, &resp).ok()) break;
      for (const auto& e : resp.entries()) ++recorded[e.record().objects(0).id()];
      token = resp.next_page_token();
    } while (!token.empty());
    bool all = true;
    for (const auto& id : acknowledged) all = all && recorded.count(id);
    if (all) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (const auto& id : acknowledged) {
    EXPECT_EQ(recorded[id], 1) << id << " was acknowledged but is not on record exactly once";
  }
  for (const auto& [id, count] : recorded) EXPECT_EQ(count, 1) << id << " recorded twice";
}

}  // namespace
}  // namespace schakel
