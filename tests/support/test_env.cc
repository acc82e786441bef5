#include "tests/support/test_env.h"

#include <stdlib.h>

#include <cstdlib>
#include <iostream>

#include <future>

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/str_cat.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/audit/audit_service.h"
#include "services/common/crypto.h"
#include "services/common/status.h"
#include "services/directory/directory_service.h"
#include "services/transparency/note.h"

namespace schakel::testing {
namespace {

template <typename T>
T OrDie(absl::StatusOr<T> value, const char* what) {
  if (!value.ok()) {
    std::cerr << what << ": " << value.status() << "\n";
    std::abort();
  }
  return *std::move(value);
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "schakel-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

TestPki::TestPki()
    : ca_(OrDie(pki::CreateCertificateAuthority("Schakel test CA", absl::Hours(24)), "CA")) {}

TlsMaterial TestPki::Client(const std::string& id, const std::string& organisation,
                            pki::CertificateKind kind) const {
  pki::IssueRequest request{.principal_id = id, .organisation_id = organisation, .kind = kind};
  auto issued = OrDie(pki::IssueCertificate(ca_, request), "issue client certificate");
  return TlsMaterial{issued.cert_pem, issued.key_pem, ca_.cert_pem};
}

TlsMaterial TestPki::Server() const {
  pki::IssueRequest request{.principal_id = "schakeld",
                            .organisation_id = kOperatorOrg,
                            .kind = pki::CertificateKind::kService,
                            .dns_names = {"localhost"},
                            .ip_addresses = {"127.0.0.1"}};
  auto issued = OrDie(pki::IssueCertificate(ca_, request), "issue server certificate");
  return TlsMaterial{issued.cert_pem, issued.key_pem, ca_.cert_pem};
}

std::array<std::shared_ptr<grpc::Channel>, kMatrixCallerCount> MatrixCallers(TestHost& host) {
  host.AddOrganisation("vt-test", v1::ORGANISATION_TYPE_VEILIG_THUIS);
  host.AddOrganisation("team-test", v1::ORGANISATION_TYPE_LOCAL_TEAM);
  host.AddProfessional("u-vt", "vt-test", {v1::ROLE_VT_INTAKE});
  host.AddProfessional("u-pro", "team-test", {v1::ROLE_PROFESSIONAL});
  host.AddProfessional("u-dir", "team-test", {v1::ROLE_CASE_DIRECTOR});
  host.AddProfessional("u-sup", "vt-test", {v1::ROLE_SUPERVISOR});
  host.AddProfessional("u-aud", kOperatorOrg, {v1::ROLE_AUDITOR});
  return {
      host.AdminChannel(),
      host.ChannelAs("u-vt", "vt-test"),
      host.ChannelAs("u-pro", "team-test"),
      host.ChannelAs("u-dir", "team-test"),
      host.ChannelAs("u-sup", "vt-test"),
      host.ChannelAs("u-aud", kOperatorOrg),
      host.ChannelAs("u-nobody", "team-test"),
      host.ChannelAs("some-service", kOperatorOrg, pki::CertificateKind::kService),
  };
}

grpc::Status CallWithEmptyRequest(const std::shared_ptr<grpc::Channel>& channel,
                                  const std::string& full_method) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::Slice empty(std::string{});
  grpc::ByteBuffer request(&empty, 1), response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&ctx, full_method, grpc::StubOptions(), &request, &response,
                 [&](grpc::Status st) { done.set_value(std::move(st)); });
  return done.get_future().get();
}

std::shared_ptr<grpc::Channel> MutualTlsChannel(const std::string& address,
                                                const TlsMaterial& material) {
  grpc::ChannelArguments args;
  // Each test channel gets its own connection, so certificates never share a subchannel.
  args.SetInt("grpc.use_local_subchannel_pool", 1);
  return grpc::CreateCustomChannel(address, MutualTlsChannelCredentials(material), args);
}

TestHost::TestHost(std::vector<std::unique_ptr<HostedService>> extra,
                   const std::filesystem::path& data_dir)
    : TestHost(TestHostOptions{.data_dir = data_dir}, std::move(extra)) {}

TestHost::TestHost(TestHostOptions o, std::vector<std::unique_ptr<HostedService>> extra) {
  if (o.pki == nullptr) {
    own_pki_ = std::make_unique<TestPki>();
    pki_ = own_pki_.get();
  } else {
    pki_ = o.pki;
  }
  if (o.data_dir.empty()) {
    temp_ = std::make_unique<TempDir>();
    data_dir_ = temp_->path();
  } else {
    data_dir_ = o.data_dir;
  }
  std::vector<std::unique_ptr<HostedService>> services;
  if (o.directory) services.push_back(std::make_unique<directory::DirectoryService>());
  if (o.audit) services.push_back(std::make_unique<audit::AuditService>());
  for (auto& s : extra) services.push_back(std::move(s));
  ServiceHost::Options options;
  options.listen = o.listen;
  options.metrics_listen = o.metrics_listen;
  options.config.set_max_request_bytes(o.max_request_bytes);
  options.config.set_relay_alarm_seconds(o.relay_alarm_seconds);
  auto& addresses = *options.config.mutable_service_addresses();
  if (!o.audit_address.empty()) addresses[kAuditService] = o.audit_address;
  if (!o.directory_address.empty()) addresses[kDirectoryService] = o.directory_address;
  // The audit log's keys, made once per data directory (a restart reuses them).
  const auto keys = data_dir_ / "keys";
  if (!std::filesystem::exists(keys / "signing.pem")) {
    std::filesystem::create_directories(keys);
    for (const char* name : {"master.key", "index.key"}) {
      if (absl::Status st = crypto::CreateKeyFile(keys / name); !st.ok()) {
        std::cerr << name << ": " << st << "\n";
        std::abort();
      }
    }
    auto signing = OrDie(audit::note::Ed25519PrivateKey::Generate(), "signing key");
    if (!audit::note::WritePrivateKeyFile(keys / "signing.pem", signing).ok()) std::abort();
  }
  // The cases, handover, intake and safety plan services' keys (used only when they are hosted).
  for (const char* name :
       {"cases-data.key", "cases-index.key", "handover-data.key", "handover-index.key",
        "intake-data.key", "intake-index.key", "safetyplan-data.key", "safetyplan-index.key"}) {
    if (std::filesystem::exists(keys / name)) continue;
    if (absl::Status st = crypto::CreateKeyFile(keys / name); !st.ok()) {
      std::cerr << name << ": " << st << "\n";
      std::abort();
    }
  }
  options.config.mutable_cases()->set_data_key_file((keys / "cases-data.key").string());
  options.config.mutable_cases()->set_index_key_file((keys / "cases-index.key").string());
  options.config.mutable_handover()->set_data_key_file((keys / "handover-data.key").string());
  options.config.mutable_handover()->set_index_key_file((keys / "handover-index.key").string());
  options.config.mutable_handover()->set_deadline_scan_seconds(1);
  options.config.mutable_intake()->set_data_key_file((keys / "intake-data.key").string());
  options.config.mutable_intake()->set_index_key_file((keys / "intake-index.key").string());
  // Intake tests call IntakeService::ScanClocks themselves and count what it sent: the timer must
  // not get there first.
  options.config.mutable_intake()->set_deadline_scan_seconds(3600);
  options.config.mutable_safetyplan()->set_data_key_file((keys / "safetyplan-data.key").string());
  options.config.mutable_safetyplan()->set_index_key_file((keys / "safetyplan-index.key").string());
  // Tests scan the plans' deadlines themselves (SafetyPlanService::ScanDeadlines).
  options.config.mutable_safetyplan()->set_deadline_scan_seconds(3600);
  options.clock = o.clock;
  auto* audit = options.config.mutable_audit();
  audit->set_master_key_file((keys / "master.key").string());
  audit->set_index_key_file((keys / "index.key").string());
  audit->set_signing_key_file((keys / "signing.pem").string());
  audit->set_origin("schakel.test/audit");
  options.relay.poll_interval = absl::Milliseconds(20);
  options.relay.initial_backoff = absl::Milliseconds(20);
  options.relay.max_backoff = absl::Milliseconds(200);
  options.tls = pki_->Server();
  options.data_dir = data_dir_;
  options.shutdown_grace = absl::Seconds(5);
  options.worker_threads = 4;
  auto* bootstrap = options.config.mutable_directory_bootstrap();
  bootstrap->set_organisation_id(kOperatorOrg);
  bootstrap->set_organisation_name("Regio Test (beheer)");
  bootstrap->set_region(v1::REGION_HAAGLANDEN);
  bootstrap->set_admin_id(kAdminId);
  bootstrap->set_admin_name("Beheerder");
  host_ = OrDie(ServiceHost::Start(std::move(options), std::move(services)), "start host");
}

TestHost::~TestHost() { host_->Shutdown(); }

std::string TestHost::address() const { return absl::StrCat("127.0.0.1:", port()); }

std::shared_ptr<grpc::Channel> TestHost::ChannelAs(const std::string& id,
                                                   const std::string& organisation,
                                                   pki::CertificateKind kind) const {
  return MutualTlsChannel(address(), pki_->Client(id, organisation, kind));
}

void TestHost::AddOrganisation(const std::string& id, int type, int region) {
  auto stub = v1::DirectoryService::NewStub(AdminChannel());
  grpc::ClientContext ctx;
  v1::CreateOrganisationRequest req;
  req.set_request_id("add-org-" + id);
  req.mutable_organisation()->set_id(id);
  req.mutable_organisation()->set_name("Organisatie " + id);
  req.mutable_organisation()->set_type(static_cast<v1::OrganisationType>(type));
  req.mutable_organisation()->set_region(static_cast<v1::Region>(region));
  v1::CreateOrganisationResponse resp;
  grpc::Status st = stub->CreateOrganisation(&ctx, req, &resp);
  if (!st.ok()) {
    std::cerr << "AddOrganisation " << id << ": " << st.error_message() << "\n";
    std::abort();
  }
}

void TestHost::AddProfessional(const std::string& id, const std::string& organisation,
                               const std::vector<int>& roles) {
  auto stub = v1::DirectoryService::NewStub(AdminChannel());
  grpc::ClientContext ctx;
  v1::RegisterProfessionalRequest req;
  req.set_request_id("add-pro-" + id);
  req.mutable_professional()->set_id(id);
  req.mutable_professional()->set_name("Professional " + id);
  req.mutable_professional()->set_organisation_id(organisation);
  for (int r : roles) req.mutable_professional()->add_roles(static_cast<v1::Role>(r));
  v1::RegisterProfessionalResponse resp;
  grpc::Status st = stub->RegisterProfessional(&ctx, req, &resp);
  if (!st.ok()) {
    std::cerr << "AddProfessional " << id << ": " << st.error_message() << "\n";
    std::abort();
  }
}

std::set<std::string> BadFields(const grpc::Status& status) {
  std::set<std::string> fields;
  const google::rpc::BadRequest bad = BadRequestOf(FromGrpcStatus(status));
  for (const auto& v : bad.field_violations()) fields.insert(v.field());
  return fields;
}

}  // namespace schakel::testing
