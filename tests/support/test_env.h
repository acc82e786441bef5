// Test fixtures with real parts: a CA made in the test, certificates issued with the product's own
// PKI code, a real ServiceHost on an ephemeral loopback port with mutual TLS, SQLite files in a
// temporary directory that is removed afterwards.
#ifndef SCHAKEL_TESTS_SUPPORT_TEST_ENV_H_
#define SCHAKEL_TESTS_SUPPORT_TEST_ENV_H_

#include <array>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include "services/common/hosted_service.h"
#include "services/common/pki.h"
#include "services/common/service_host.h"
#include "services/common/tls.h"

namespace schakel::testing {

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A throw-away certificate authority.
class TestPki {
 public:
  TestPki();
  const pki::KeyAndCertificate& ca() const { return ca_; }
  // Client material for a principal (a user unless `kind` says service).
  TlsMaterial Client(const std::string& id, const std::string& organisation,
                     pki::CertificateKind kind = pki::CertificateKind::kUser) const;
  // Server material: a service certificate for "schakeld" with SANs localhost and 127.0.0.1.
  TlsMaterial Server() const;

 private:
  pki::KeyAndCertificate ca_;
};

// The operator organisation and administrator every TestHost starts with.
inline constexpr char kOperatorOrg[] = "regio-test";
inline constexpr char kAdminId[] = "admin";

struct TestHostOptions {
  std::filesystem::path data_dir;  // default: a fresh temporary directory
  const TestPki* pki = nullptr;    // default: a CA of its own; share one between hosts
  bool directory = true;
  bool audit = true;
  std::string listen = "127.0.0.1:0";
  std::string audit_address;      // when audit is not hosted here
  std::string directory_address;  // when the directory is not hosted here
  const Clock* clock = nullptr;   // default: the real clock
  int max_request_bytes = 0;      // HostConfig.max_request_bytes; 0: unset (the host's default)
  int relay_alarm_seconds = 0;    // HostConfig.relay_alarm_seconds; 0: unset
  // The metrics endpoint ("127.0.0.1:0" to turn it on). Off by default: stopping its HTTP server
  // (civetweb) takes up to 2 s, which every test would pay.
  std::string metrics_listen;
};

// A running host on 127.0.0.1:<ephemeral>.
class TestHost {
 public:
  // Hosts the directory and the audit log plus `extra` services.
  explicit TestHost(std::vector<std::unique_ptr<HostedService>> extra = {},
                    const std::filesystem::path& data_dir = {});
  TestHost(TestHostOptions options, std::vector<std::unique_ptr<HostedService>> extra);
  ~TestHost();

  ServiceHost& host() { return *host_; }
  int port() const { return host_->port(); }
  std::string address() const;
  const TestPki& pki() const { return *pki_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }

  // A mutual-TLS channel to the host, presenting a certificate for `id` of `organisation`.
  std::shared_ptr<grpc::Channel> ChannelAs(
      const std::string& id, const std::string& organisation,
      pki::CertificateKind kind = pki::CertificateKind::kUser) const;
  std::shared_ptr<grpc::Channel> AdminChannel() const { return ChannelAs(kAdminId, kOperatorOrg); }

  // Registers an organisation and a professional with roles through the API (as admin); aborts
  // the test on failure.
  void AddOrganisation(const std::string& id, int type, int region = v1::REGION_HAAGLANDEN);
  void AddProfessional(const std::string& id, const std::string& organisation,
                       const std::vector<int>& roles);

 private:
  std::unique_ptr<TestPki> own_pki_;
  const TestPki* pki_;
  std::unique_ptr<TempDir> temp_;
  std::filesystem::path data_dir_;
  std::unique_ptr<ServiceHost> host_;
};

// One kind of caller for authorization matrices: each role, an unregistered user, a service.
enum MatrixCaller {
  kMatrixAdmin,
  kMatrixVtIntake,
  kMatrixProfessional,
  kMatrixCaseDirector,
  kMatrixSupervisor,
  kMatrixAuditor,
  kMatrixUnregistered,
  kMatrixService,
  kMatrixCallerCount
};
inline constexpr const char* kMatrixCallerNames[] = {"admin",         "vt-intake",  "professional",
                                                     "case-director", "supervisor", "auditor",
                                                     "unregistered",  "service"};

// Registers one professional per role in `host` (and two partner organisations) and returns a
// channel for each MatrixCaller.
std::array<std::shared_ptr<grpc::Channel>, kMatrixCallerCount> MatrixCallers(TestHost& host);

// Calls `full_method` ("/schakel.v1.X/Y") with an empty request (every field at its default),
// the way a generic client would, and returns the status.
grpc::Status CallWithEmptyRequest(const std::shared_ptr<grpc::Channel>& channel,
                                  const std::string& full_method);

// A channel to `address` with the given material (for odd cases: foreign CAs and the like).
std::shared_ptr<grpc::Channel> MutualTlsChannel(const std::string& address,
                                                const TlsMaterial& material);

// The fields an INVALID_ARGUMENT names (its google.rpc.BadRequest), empty for any other status.
std::set<std::string> BadFields(const grpc::Status& status);

}  // namespace schakel::testing

#endif  // SCHAKEL_TESTS_SUPPORT_TEST_ENV_H_
