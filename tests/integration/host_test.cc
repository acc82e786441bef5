// The host itself: mutual TLS only, health, reflection, graceful shutdown on SIGTERM, and the
// checks it makes on what its services declare (no cycle of synchronous calls).
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <google/protobuf/unknown_field_set.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include "client/lib/server_addresses.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "proto/echo.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/rpc.h"
#include "services/schakeld/registry.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

// Echo, holding the call on a worker for delay_ms: lets a test have calls in flight.
class EchoService final : public schakel::testing::EchoService::CallbackService,
                          public HostedService {
 public:
  absl::string_view name() const override { return "echo"; }
  absl::string_view full_name() const override { return "schakel.testing.EchoService"; }
  grpc::Service* grpc_service() override { return this; }
  absl::Status Open(const HostEnv& env) override {
    env_ = env;
    return absl::OkStatus();
  }
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* ctx,
                                 const schakel::testing::EchoRequest* req,
                                 schakel::testing::EchoResponse* resp) override {
    return HandleUnary(ctx, env_, authorizer_, nullptr, "echo", "Echo",
                       [req, resp](const Caller& caller) {
                         std::this_thread::sleep_for(std::chrono::milliseconds(req->delay_ms()));
                         resp->set_message(req->message());
                         resp->set_principal_id(caller.principal.id);
                         return absl::OkStatus();
                       });
  }

 private:
  struct NoDirectory final : RoleResolver {
    absl::StatusOr<DirectoryEntry> Resolve(absl::string_view) override { return DirectoryEntry{}; }
  };
  HostEnv env_;
  Authorizer authorizer_{AuthorizationTable().Allow("Echo", {.any_principal = true}),
                         std::make_shared<NoDirectory>()};
};

std::vector<std::unique_ptr<HostedService>> WithEcho() {
  std::vector<std::unique_ptr<HostedService>> v;
  v.push_back(std::make_unique<EchoService>());
  return v;
}

grpc::Status CallEcho(const std::shared_ptr<grpc::Channel>& channel, int delay_ms,
                      schakel::testing::EchoResponse* resp = nullptr) {
  auto stub = schakel::testing::EchoService::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  schakel::testing::EchoRequest req;
  req.set_message("hallo");
  req.set_delay_ms(delay_ms);
  schakel::testing::EchoResponse local;
  return stub->Echo(&ctx, req, resp != nullptr ? resp : &local);
}

TEST(HostTest, AcceptsMutualTls) {
  testing::TestHost host(WithEcho());
  schakel::testing::EchoResponse resp;
  ASSERT_TRUE(CallEcho(host.ChannelAs("someone", "org-x"), 0, &resp).ok());
  EXPECT_EQ(resp.principal_id(), "someone");
}

TEST(HostTest, RefusesPlaintext) {
  testing::TestHost host(WithEcho());
  auto channel = grpc::CreateChannel(host.address(), grpc::InsecureChannelCredentials());
  grpc::Status st = CallEcho(channel, 0);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
}

TEST(HostTest, RefusesCertificateFromAnotherCa) {
  testing::TestHost host(WithEcho());
  testing::TestPki other;  // a second CA the host does not trust
  TlsMaterial material = other.Client("mallory", "org-x");
  material.ca_pem = host.pki().ca().cert_pem;  // mallory trusts the server, but not vice versa
  grpc::Status st = CallEcho(testing::MutualTlsChannel(host.address(), material), 0);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
}

TEST(HostTest, RefusesClientWithoutCertificate) {
  testing::TestHost host(WithEcho());
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = host.pki().ca().cert_pem;  // server-auth TLS only
  auto channel = grpc::CreateChannel(host.address(), grpc::SslCredentials(options));
  grpc::Status st = CallEcho(channel, 0);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << st.error_message();
}

grpc::Status CallEchoWith(const std::shared_ptr<grpc::Channel>& channel, size_t message_bytes) {
  auto stub = schakel::testing::EchoService::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  schakel::testing::EchoRequest req;
  req.set_message(std::string(message_bytes, 'x'));
  schakel::testing::EchoResponse resp;
  return stub->Echo(&ctx, req, &resp);
}

TEST(HostTest, TheRequestSizeLimitIsTheConfiguredOne) {
  // Unset, it is 4 MiB, set by the host (not left to gRPC's default).
  {
    testing::TestHost host(WithEcho());
    auto channel = host.ChannelAs("someone", "org-x");
    EXPECT_TRUE(CallEchoWith(channel, (4 << 20) - 1024).ok());
    EXPECT_EQ(CallEchoWith(channel, (4 << 20) + 1024).error_code(),
              grpc::StatusCode::RESOURCE_EXHAUSTED);
  }
  // Set to 64 KiB: a 100 KiB request never reaches a handler.
  testing::TestHost host(testing::TestHostOptions{.max_request_bytes = 64 << 10}, WithEcho());
  auto channel = host.ChannelAs("someone", "org-x");
  EXPECT_TRUE(CallEchoWith(channel, 60 << 10).ok());
  const grpc::Status st = CallEchoWith(channel, 100 << 10);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << st.error_message();
}

// The health of one service as the host answers it.
grpc::health::v1::HealthCheckResponse::ServingStatus HealthOf(testing::TestHost& host,
                                                              const std::string& service) {
  auto stub = grpc::health::v1::Health::NewStub(host.ChannelAs("someone", "org-x"));
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest req;
  req.set_service(service);
  grpc::health::v1::HealthCheckResponse resp;
  if (!stub->Check(&ctx, req, &resp).ok()) return grpc::health::v1::HealthCheckResponse::UNKNOWN;
  return resp.status();
}

// Polls HealthOf for up to 15 s until it is `want`.
bool HealthBecomes(testing::TestHost& host, const std::string& service,
                   grpc::health::v1::HealthCheckResponse::ServingStatus want) {
  for (int i = 0; i < 150; ++i) {
    if (HealthOf(host, service) == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(HostTest, AServiceWhoseAuditRecordsCannotBeDeliveredIsReportedNotServing) {
  // The directory's host ships its audit records to an audit host that is down: after the alarm
  // time the directory reports NOT_SERVING (before: it kept saying SERVING while its records
  // piled up unlogged), and SERVING again once they arrive.
  testing::TestPki pki;
  testing::TempDir audit_dir;
  std::string audit_address;
  {
    testing::TestHost probe(
        testing::TestHostOptions{.data_dir = audit_dir.path(), .pki = &pki, .directory = false},
        {});
    audit_address = probe.address();
  }
  testing::TestHost directory(
      testing::TestHostOptions{
          .pki = &pki, .audit = false, .audit_address = audit_address, .relay_alarm_seconds = 1},
      {});
  const std::string kDirectory = "schakel.v1.DirectoryService";
  EXPECT_EQ(HealthOf(directory, kDirectory), grpc::health::v1::HealthCheckResponse::SERVING);
  directory.AddOrganisation("org-stalled", v1::ORGANISATION_TYPE_LOCAL_TEAM);
  EXPECT_TRUE(
      HealthBecomes(directory, kDirectory, grpc::health::v1::HealthCheckResponse::NOT_SERVING));

  testing::TestHost audit(testing::TestHostOptions{.data_dir = audit_dir.path(),
                                                   .pki = &pki,
                                                   .directory = false,
                                                   .listen = audit_address,
                                                   .directory_address = directory.address()},
                          {});
  EXPECT_TRUE(HealthBecomes(directory, kDirectory, grpc::health::v1::HealthCheckResponse::SERVING));
}

TEST(HostTest, HealthIsServing) {
  testing::TestHost host(WithEcho());
  auto stub = grpc::health::v1::Health::NewStub(host.ChannelAs("someone", "org-x"));
  for (const std::string service :
       {"", "schakel.v1.DirectoryService", "schakel.testing.EchoService"}) {
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest req;
    req.set_service(service);
    grpc::health::v1::HealthCheckResponse resp;
    ASSERT_TRUE(stub->Check(&ctx, req, &resp).ok()) << service;
    EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING) << service;
  }
  grpc::ClientContext ctx;
  grpc::health::v1::HealthCheckRequest req;
  req.set_service("schakel.v1.NoSuchService");
  grpc::health::v1::HealthCheckResponse resp;
  EXPECT_EQ(stub->Check(&ctx, req, &resp).error_code(), grpc::StatusCode::NOT_FOUND);
}

// Lists services through server reflection the way any generic client does: raw protobuf bytes
// over a bidirectional stream, decoded without generated reflection classes.
std::vector<std::string> ReflectionServices(const std::shared_ptr<grpc::Channel>& channel) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto call =
      stub.PrepareCall(&ctx, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  void* tag;
  bool ok;
  call->StartCall(reinterpret_cast<void*>(1));
  cq.Next(&tag, &ok);
  // ServerReflectionRequest { list_services (7): "" }
  const std::string request("\x3a\x00", 2);
  grpc::Slice slice(request);
  grpc::ByteBuffer out(&slice, 1);
  call->Write(out, reinterpret_cast<void*>(2));
  cq.Next(&tag, &ok);
  grpc::ByteBuffer in;
  call->Read(&in, reinterpret_cast<void*>(3));
  cq.Next(&tag, &ok);
  std::vector<std::string> names;
  std::vector<grpc::Slice> slices;
  if (ok && in.Dump(&slices).ok()) {
    std::string bytes;
    for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    google::protobuf::UnknownFieldSet response;
    response.ParseFromString(bytes);
    for (int i = 0; i < response.field_count(); ++i) {
      if (response.field(i).number() != 6) continue;  // list_services_response
      google::protobuf::UnknownFieldSet list;
      list.ParseFromString(response.field(i).length_delimited());
      for (int j = 0; j < list.field_count(); ++j) {  // repeated ServiceResponse service = 1
        google::protobuf::UnknownFieldSet service;
        service.ParseFromString(list.field(j).length_delimited());
        for (int k = 0; k < service.field_count(); ++k) {
          if (service.field(k).number() == 1) names.push_back(service.field(k).length_delimited());
        }
      }
    }
  }
  call->WritesDone(reinterpret_cast<void*>(4));
  cq.Next(&tag, &ok);
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  cq.Next(&tag, &ok);
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return names;
}

TEST(HostTest, ReflectionListsTheServices) {
  testing::TestHost host(WithEcho());
  auto names = ReflectionServices(host.ChannelAs("someone", "org-x"));
  EXPECT_NE(std::find(names.begin(), names.end(), "schakel.v1.DirectoryService"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "grpc.health.v1.Health"), names.end());
}

TEST(HostTest, PortInUseFailsWithAClearMessage) {
  testing::TestHost first;
  testing::TestPki pki;
  ServiceHost::Options options;
  options.listen = first.address();
  options.tls = pki.Server();
  // Not hosted here; never reached.
  (*options.config.mutable_service_addresses())[kAuditService] = "127.0.0.1:1";
  testing::TempDir dir;
  options.data_dir = dir.path();
  std::vector<std::unique_ptr<HostedService>> services;
  services.push_back(std::make_unique<EchoService>());
  auto second = ServiceHost::Start(std::move(options), std::move(services));
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("cannot listen on"), absl::string_view::npos)
      << second.status();
}

TEST(HostTest, RefusesToRunWithoutAnAuditLog) {
  testing::TestPki pki;
  ServiceHost::Options options;
  options.tls = pki.Server();
  testing::TempDir dir;
  options.data_dir = dir.path();
  auto host = ServiceHost::Start(std::move(options), WithEcho());
  ASSERT_FALSE(host.ok());
  EXPECT_NE(host.status().message().find("service_addresses"), absl::string_view::npos)
      << host.status();
}

// A service that only declares edges, for the checks the host makes on them.
class DeclaringService final : public HostedService {
 public:
  DeclaringService(std::string name, std::vector<std::string> calls,
                   std::vector<std::string> routes_to = {}, int* opened = nullptr)
      : name_(std::move(name)),
        full_name_("schakel.testing." + name_),
        calls_(std::move(calls)),
        routes_to_(std::move(routes_to)),
        opened_(opened) {}
  absl::string_view name() const override { return name_; }
  absl::string_view full_name() const override { return full_name_; }
  grpc::Service* grpc_service() override { return &service_; }
  absl::Status Open(const HostEnv&) override {
    if (opened_ != nullptr) ++*opened_;
    return absl::OkStatus();
  }
  std::vector<std::string> calls() const override { return calls_; }
  std::vector<std::string> routes_to() const override { return routes_to_; }

 private:
  const std::string name_;
  const std::string full_name_;
  const std::vector<std::string> calls_;
  const std::vector<std::string> routes_to_;
  int* const opened_;
  grpc::Service service_;  // no methods
};

ServiceHost::Options OptionsWithRemoteAudit(const testing::TestPki& pki,
                                            const testing::TempDir& dir) {
  ServiceHost::Options options;
  options.tls = pki.Server();
  options.data_dir = dir.path();
  (*options.config.mutable_service_addresses())[kAuditService] = "127.0.0.1:1";  // never reached
  return options;
}

TEST(HostTest, RefusesSynchronousCallsThatFormACycle) {
  testing::TestPki pki;
  testing::TempDir dir;
  int opened = 0;
  std::vector<std::unique_ptr<HostedService>> services;
  services.push_back(std::make_unique<DeclaringService>("ping", std::vector<std::string>{"pong"},
                                                        std::vector<std::string>{}, &opened));
  services.push_back(std::make_unique<DeclaringService>("pong", std::vector<std::string>{"ping"},
                                                        std::vector<std::string>{}, &opened));
  auto host = ServiceHost::Start(OptionsWithRemoteAudit(pki, dir), std::move(services));
  ASSERT_FALSE(host.ok());
  EXPECT_EQ(host.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(host.status().message().find("ping -> pong -> ping"), absl::string_view::npos)
      << host.status();
  EXPECT_EQ(opened, 0) << "refused before any service opened";
}

TEST(HostTest, RefusesALongerCycleAndNamesIt) {
  testing::TestPki pki;
  testing::TempDir dir;
  std::vector<std::unique_ptr<HostedService>> services;
  services.push_back(std::make_unique<DeclaringService>("a", std::vector<std::string>{"b"}));
  services.push_back(std::make_unique<DeclaringService>("b", std::vector<std::string>{"c"}));
  services.push_back(
      std::make_unique<DeclaringService>("c", std::vector<std::string>{"elsewhere", "b"}));
  auto host = ServiceHost::Start(OptionsWithRemoteAudit(pki, dir), std::move(services));
  ASSERT_FALSE(host.ok());
  EXPECT_NE(host.status().message().find("b -> c -> b"), absl::string_view::npos) << host.status();
}

TEST(HostTest, ACycleThroughAnOutboxRouteIsAllowed) {
  testing::TestPki pki;
  testing::TempDir dir;
  std::vector<std::unique_ptr<HostedService>> services;
  // ping waits on pong; pong reaches ping only by its outbox (asynchronous).
  services.push_back(std::make_unique<DeclaringService>("ping", std::vector<std::string>{"pong"}));
  services.push_back(std::make_unique<DeclaringService>("pong", std::vector<std::string>{},
                                                        std::vector<std::string>{"ping"}));
  auto host = ServiceHost::Start(OptionsWithRemoteAudit(pki, dir), std::move(services));
  ASSERT_TRUE(host.ok()) << host.status();
  (*host)->Shutdown();
}

// What a firewall between split services must allow: the declared calls, and every outbox's
// deliveries, the audit records included (schakeld dependencies; deploy/k8s's NetworkPolicies).
TEST(HostTest, DeclaredEdgesAddEveryOutboxsAuditRecords) {
  std::map<std::string, ServiceEdges> edges;
  for (ServiceEdges& e : DeclaredEdges()) edges[e.name] = e;
  using Names = std::vector<std::string>;
  ASSERT_EQ(edges.size(), 6u);
  EXPECT_EQ(edges["directory"].calls, Names{});
  EXPECT_EQ(edges["directory"].sends_to, Names{"audit"});
  EXPECT_EQ(edges["audit"].calls, Names{"directory"});
  EXPECT_EQ(edges["audit"].sends_to, Names{});  // its own records stay in-process
  EXPECT_EQ(edges["cases"].sends_to, (Names{"audit", "handover", "intake", "safetyplan"}));
  EXPECT_EQ(edges["safetyplan"].calls, (Names{"cases", "directory", "handover"}));
  EXPECT_EQ(edges["safetyplan"].sends_to, (Names{"audit", "cases"}));
  EXPECT_NE(DeclaredEdgesJson().find("\"sendsTo\""), std::string::npos);
}

// A client finds each service by the short name the host hosts it under (client/lib's table).
TEST(HostTest, ClientsKnowEveryServiceByItsHostName) {
  auto services = MakeServices({"all"});
  ASSERT_TRUE(services.ok()) << services.status();
  std::vector<std::string> names;
  for (const auto& service : *services) {
    names.emplace_back(service->name());
    EXPECT_EQ(client::ShortServiceName(service->full_name()), service->name());
  }
  EXPECT_EQ(client::ServiceNames(), names);
}

TEST(HostTest, TheServicesDeclareTheirEdges) {
  auto services = MakeServices({"all"});
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_EQ(FindCallCycle(*services), "");
  std::map<std::string, std::vector<std::string>> calls;
  std::map<std::string, std::vector<std::string>> routes;
  for (const auto& service : *services) {
    calls[std::string(service->name())] = service->calls();
    routes[std::string(service->name())] = service->routes_to();
    // Every outbox route's target is declared (the host refuses to start otherwise).
    const std::vector<std::string> declared = service->routes_to();
    for (const OutboxRoute& route : service->outbox_routes()) {
      EXPECT_NE(std::find(declared.begin(), declared.end(), route.target), declared.end())
          << service->name() << " routes " << route.topic << " to " << route.target;
    }
  }
  using Names = std::vector<std::string>;
  EXPECT_EQ(calls["directory"], Names{});
  EXPECT_EQ(calls["audit"], Names{"directory"});
  EXPECT_EQ(calls["cases"], Names{"directory"});
  EXPECT_EQ(calls["handover"], (Names{"directory", "cases"}));
  EXPECT_EQ(calls["intake"], Names{"directory"});
  EXPECT_EQ(calls["safetyplan"], (Names{"directory", "cases", "handover"}));
  // Asynchronous, by outbox routes (besides every outbox's audit topic, which goes to audit).
  EXPECT_EQ(routes["directory"], Names{});
  EXPECT_EQ(routes["audit"], Names{});
  EXPECT_EQ(routes["cases"], (Names{"handover", "intake", "safetyplan"}));
  EXPECT_EQ(routes["handover"], Names{"cases"});
  EXPECT_EQ(routes["intake"], Names{"cases"});
  EXPECT_EQ(routes["safetyplan"], Names{"cases"});
}

TEST(HostTest, UserCertificateCannotServe) {
  testing::TestPki pki;
  ServiceHost::Options options;
  options.tls = pki.Client("alice", "org-x");
  (*options.config.mutable_service_addresses())[kAuditService] = "127.0.0.1:1";
  testing::TempDir dir;
  options.data_dir = dir.path();
  auto host = ServiceHost::Start(std::move(options), WithEcho());
  ASSERT_FALSE(host.ok());
  EXPECT_NE(host.status().message().find("service certificate"), absl::string_view::npos);
}

TEST(HostTest, SigtermLetsInFlightCallsFinish) {
  testing::TestHost host(WithEcho());
  auto channel = host.ChannelAs("someone", "org-x");
  ASSERT_TRUE(CallEcho(channel, 0).ok());  // connected

  std::thread runner([&] { host.host().RunUntilSignal(); });
  std::vector<std::future<grpc::Status>> calls;
  for (int i = 0; i < 4; ++i) {
    calls.push_back(std::async(std::launch::async, [&] { return CallEcho(channel, 1500); }));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));  // the calls are on the workers
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  for (auto& call : calls) {
    grpc::Status st = call.get();
    EXPECT_TRUE(st.ok()) << st.error_code() << " " << st.error_message();
  }
  runner.join();
  // Once shut down, nothing is accepted.
  auto fresh = host.ChannelAs("someone", "org-x");
  EXPECT_FALSE(CallEcho(fresh, 0).ok());
}

}  // namespace
}  // namespace schakel
