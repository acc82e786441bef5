// The audit service's authorization, exhaustively: every RPC × every kind of caller over real
// mutual TLS, against a matrix written out here (independent of the service's table).
#include <future>
#include <map>

#include <google/protobuf/descriptor.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include "schakel/v1/audit.grpc.pb.h"
#include "services/audit/audit_service.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

enum Caller {
  kAdmin,
  kVtIntake,
  kProfessional,
  kCaseDirector,
  kSupervisor,
  kAuditor,
  kUnregistered,
  kService,
  kCallerCount
};
constexpr const char* kCallerNames[] = {"admin",      "vt-intake", "professional", "case-director",
                                        "supervisor", "auditor",   "unregistered", "service"};

const std::map<std::string, std::array<bool, kCallerCount>> kExpected = {
    //                         adm    vt     pro    dir    sup    aud    unreg  svc
    {"Append", {false, false, false, false, false, false, false, true}},
    {"GetCheckpoint", {true, true, true, true, true, true, true, true}},
    {"GetVerifierKey", {true, true, true, true, true, true, true, true}},
    {"GetConsistencyProof", {true, true, true, true, true, true, true, true}},
    {"GetInclusionProof", {true, true, true, true, true, true, false, true}},
    {"QueryEntries", {false, false, false, false, true, true, false, false}},
    {"ExportLog", {false, false, false, false, false, true, false, false}},
    {"ShredPeriod", {false, false, false, false, false, true, false, false}},
};

grpc::Status CallUnary(const std::shared_ptr<grpc::Channel>& channel, const std::string& method) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::Slice empty(std::string{});
  grpc::ByteBuffer request(&empty, 1), response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&ctx, "/schakel.v1.AuditService/" + method, grpc::StubOptions(), &request,
                 &response, [&](grpc::Status st) { done.set_value(std::move(st)); });
  return done.get_future().get();
}

grpc::Status CallExport(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = v1::AuditService::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto reader = stub->ExportLog(&ctx, {});
  v1::ExportLogResponse message;
  while (reader->Read(&message)) {
  }
  return reader->Finish();
}

TEST(AuditAuthzTest, MatrixCoversEveryRpc) {
  const auto* descriptor = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      v1::AuditService::service_full_name());
  ASSERT_NE(descriptor, nullptr);
  const AuthorizationTable table = audit::AuditAuthorizationTable();
  for (int i = 0; i < descriptor->method_count(); ++i) {
    const std::string& name = descriptor->method(i)->name();
    EXPECT_TRUE(kExpected.count(name)) << name << " is missing from the test matrix";
    EXPECT_NE(table.Find(name), nullptr) << name << " is missing from the authorization table";
  }
  EXPECT_EQ(static_cast<int>(kExpected.size()), descriptor->method_count());
}

TEST(AuditAuthzTest, EveryRoleTimesEveryRpc) {
  testing::TestHost host;
  host.AddOrganisation("vt-test", v1::ORGANISATION_TYPE_VEILIG_THUIS);
  host.AddOrganisation("team-test", v1::ORGANISATION_TYPE_LOCAL_TEAM);
  host.AddProfessional("u-vt", "vt-test", {v1::ROLE_VT_INTAKE});
  host.AddProfessional("u-pro", "team-test", {v1::ROLE_PROFESSIONAL});
  host.AddProfessional("u-dir", "team-test", {v1::ROLE_CASE_DIRECTOR});
  host.AddProfessional("u-sup", "vt-test", {v1::ROLE_SUPERVISOR});
  host.AddProfessional("u-aud", testing::kOperatorOrg, {v1::ROLE_AUDITOR});
  ASSERT_TRUE(host.host().FlushOutboxes().ok());

  std::array<std::shared_ptr<grpc::Channel>, kCallerCount> channels = {
      host.AdminChannel(),
      host.ChannelAs("u-vt", "vt-test"),
      host.ChannelAs("u-pro", "team-test"),
      host.ChannelAs("u-dir", "team-test"),
      host.ChannelAs("u-sup", "vt-test"),
      host.ChannelAs("u-aud", testing::kOperatorOrg),
      host.ChannelAs("u-nobody", "team-test"),
      host.ChannelAs("some-service", testing::kOperatorOrg, pki::CertificateKind::kService),
  };
  for (const auto& [method, allowed] : kExpected) {
    for (int c = 0; c < kCallerCount; ++c) {
      grpc::Status st =
          method == "ExportLog" ? CallExport(channels[c]) : CallUnary(channels[c], method);
      // An allowed call with an empty request gets past authorization (OK, INVALID_ARGUMENT, ...);
      // a refused one is PERMISSION_DENIED.
      if (allowed[c]) {
        EXPECT_NE(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " by " << kCallerNames[c] << ": " << st.error_message();
        EXPECT_NE(st.error_code(), grpc::StatusCode::UNAUTHENTICATED)
            << method << " by " << kCallerNames[c];
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " by " << kCallerNames[c] << ": " << st.error_message();
      }
    }
  }
}

TEST(AuditAuthzTest, OnlyServicesAndAuditorsMayForceAFreshCheckpoint) {
  testing::TestHost host;
  host.AddOrganisation("team-test", v1::ORGANISATION_TYPE_LOCAL_TEAM);
  host.AddProfessional("u-pro", "team-test", {v1::ROLE_PROFESSIONAL});
  auto stub = v1::AuditService::NewStub(host.ChannelAs("u-pro", "team-test"));
  grpc::ClientContext ctx;
  v1::GetCheckpointRequest req;
  req.set_fresh(true);
  v1::GetCheckpointResponse resp;
  EXPECT_EQ(stub->GetCheckpoint(&ctx, req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace schakel
