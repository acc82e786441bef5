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

using testing::kMatrixCallerCount;
using testing::kMatrixCallerNames;

const std::map<std::string, std::array<bool, kMatrixCallerCount>> kExpected = {
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
  const auto channels = testing::MatrixCallers(host);

  for (const auto& [method, allowed] : kExpected) {
    for (int c = 0; c < kMatrixCallerCount; ++c) {
      grpc::Status st =
          method == "ExportLog"
              ? CallExport(channels[c])
              : testing::CallWithEmptyRequest(channels[c], "/schakel.v1.AuditService/" + method);
      // An allowed call with an empty request gets past authorization (OK, INVALID_ARGUMENT, ...);
      // a refused one is PERMISSION_DENIED.
      if (allowed[c]) {
        EXPECT_NE(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " by " << kMatrixCallerNames[c] << ": " << st.error_message();
        EXPECT_NE(st.error_code(), grpc::StatusCode::UNAUTHENTICATED)
            << method << " by " << kMatrixCallerNames[c];
      } else {
        EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " by " << kMatrixCallerNames[c] << ": " << st.error_message();
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
