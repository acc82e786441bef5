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

// true = allowed. Reading is for every registered user and services; changing for ADMIN.
const std::map<std::string, std::array<bool, kCallerCount>> kExpected = {
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

grpc::Status CallWithEmptyRequest(const std::shared_ptr<grpc::Channel>& channel,
                                  const std::string& method) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  // An empty message on the wire: every request type parses it (all fields at their defaults).
  grpc::Slice empty(std::string{});
  grpc::ByteBuffer request(&empty, 1), response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&ctx, "/schakel.v1.DirectoryService/" + method, grpc::StubOptions(), &request,
                 &response, [&](grpc::Status st) { done.set_value(std::move(st)); });
  return done.get_future().get();
}

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
  host.AddOrganisation("vt-test", v1::ORGANISATION_TYPE_VEILIG_THUIS);
  host.AddOrganisation("team-test", v1::ORGANISATION_TYPE_LOCAL_TEAM);
  host.AddProfessional("u-vt", "vt-test", {v1::ROLE_VT_INTAKE});
  host.AddProfessional("u-pro", "team-test", {v1::ROLE_PROFESSIONAL});
  host.AddProfessional("u-dir", "team-test", {v1::ROLE_CASE_DIRECTOR});
  host.AddProfessional("u-sup", "vt-test", {v1::ROLE_SUPERVISOR});
  host.AddProfessional("u-aud", testing::kOperatorOrg, {v1::ROLE_AUDITOR});

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
      grpc::Status st = CallWithEmptyRequest(channels[c], method);
      // An allowed call with an empty request gets past authorization (to OK, NOT_FOUND or
      // INVALID_ARGUMENT); a refused one is PERMISSION_DENIED.
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

}  // namespace
}  // namespace schakel
