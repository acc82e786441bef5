// The directory's authorization, exhaustively: every RPC of DirectoryService × every kind of
// caller, over real mutual TLS. The expected matrix is written out here, independently of the
// service's table, so a change to the table that is not also made here fails.
#include <future>
#include <map>

#include <google/protobuf/descriptor.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include "schakel/v1/directory.grpc.pb.h"
#include "services/directory/directory_service.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using testing::kMatrixCallerCount;
using testing::kMatrixCallerNames;

// true = allowed. Reading is for every registered user and services; changing for ADMIN.
const std::map<std::string, std::array<bool, kMatrixCallerCount>> kExpected = {
    //                        adm   vt     pro    dir    sup    aud    unreg  svc
    {"WhoAmI", {true, true, true, true, true, true, true, true}},
    {"GetOrganisation", {true, true, true, true, true, true, false, true}},
    {"ListOrganisations", {true, true, true, true, true, true, false, true}},
    {"GetProfessional", {true, true, true, true, true, true, false, true}},
    {"ListProfessionals", {true, true, true, true, true, true, false, true}},
    {"CreateOrganisation", {true, false, false, false, false, false, false, false}},
    {"UpdateOrganisation", {true, false, false, false, false, false, false, false}},
    {"RegisterProfessional", {true, false, false, false, false, false, false, false}},
    {"GrantRole", {true, false, false, false, false, false, false, false}},
    {"RevokeRole", {true, false, false, false, false, false, false, false}},
    {"RevokeProfessional", {true, false, false, false, false, false, false, false}},
};

TEST(DirectoryAuthzTest, MatrixCoversEveryRpc) {
  const auto* service = v1::DirectoryService::service_full_name();
  const auto* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(service);
  ASSERT_NE(descriptor, nullptr);
  const AuthorizationTable table = directory::DirectoryAuthorizationTable();
  for (int i = 0; i < descriptor->method_count(); ++i) {
    const std::string& name = descriptor->method(i)->name();
    EXPECT_TRUE(kExpected.count(name)) << name << " is missing from the test matrix";
    EXPECT_NE(table.Find(name), nullptr) << name << " is missing from the authorization table";
  }
  EXPECT_EQ(static_cast<int>(kExpected.size()), descriptor->method_count());
}

TEST(DirectoryAuthzTest, EveryRoleTimesEveryRpc) {
  testing::TestHost host;
  const auto channels = testing::MatrixCallers(host);

  for (const auto& [method, allowed] : kExpected) {
    for (int c = 0; c < kMatrixCallerCount; ++c) {
      grpc::Status st =
          testing::CallWithEmptyRequest(channels[c], "/schakel.v1.DirectoryService/" + method);
      // An allowed call with an empty request gets past authorization (to OK, NOT_FOUND or
      // INVALID_ARGUMENT); a refused one is PERMISSION_DENIED.
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

}  // namespace
}  // namespace schakel
