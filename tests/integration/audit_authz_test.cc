// The audit service's authorization, exhaustively: every RPC × every kind of caller over real
// mutual TLS, against a matrix written out here (independent of the service's table).
#include <chrono>

#include <gtest/gtest.h>

#include "schakel/v1/audit.grpc.pb.h"
#include "services/audit/audit_service.h"
#include "tests/support/authz_matrix.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using testing::AuthzMatrix;

const AuthzMatrix kMatrix = {
    .service = v1::AuditService::service_full_name(),
    .callers = testing::MatrixCallerColumns(),
    // clang-format off
    .allowed = {
        //                       adm    vt     pro    dir    sup    aud    unreg  svc
        {"Append",              {false, false, false, false, false, false, false, true}},
        {"GetCheckpoint",       {true,  true,  true,  true,  true,  true,  true,  true}},
        {"GetVerifierKey",      {true,  true,  true,  true,  true,  true,  true,  true}},
        {"GetConsistencyProof", {true,  true,  true,  true,  true,  true,  true,  true}},
        {"GetInclusionProof",   {true,  true,  true,  true,  true,  true,  false, true}},
        {"QueryEntries",        {false, false, false, false, true,  true,  false, false}},
        {"ExportLog",           {false, false, false, false, false, true,  false, false}},
        {"ProposeShred",        {false, false, false, false, false, true,  false, false}},
        {"ApproveShred",        {false, false, false, false, false, true,  false, false}},
        {"ListEntries",         {false, false, false, false, true,  true,  false, false}},
        {"GetEntry",            {false, false, false, false, true,  true,  false, false}},
    },
    // clang-format on
};

// ExportLog is a server stream: read it to the end.
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
  testing::ExpectMatrixCoversService(kMatrix, audit::AuditAuthorizationTable());
}

TEST(AuditAuthzTest, EveryRoleTimesEveryRpc) {
  testing::TestHost host;
  testing::RunEmptyRequestMatrix(kMatrix, host, {{"ExportLog", CallExport}});
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
