// The directory service on a real host: mutual TLS, real SQLite files, real stubs.
#include <sqlite3.h>

#include <chrono>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/status.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using v1::DirectoryService;

using testing::BadFields;

int64_t CountRows(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(raw, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
  int64_t n = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
  return n;
}

class DirectoryTest : public ::testing::Test {
 protected:
  DirectoryTest() {
    host_.AddOrganisation("vt-test", v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host_.AddOrganisation("politie-test", v1::ORGANISATION_TYPE_POLICE);
    host_.AddProfessional("sanne", "vt-test", {v1::ROLE_VT_INTAKE});
    host_.AddProfessional("pieter", "politie-test", {v1::ROLE_PROFESSIONAL});
  }
  std::unique_ptr<DirectoryService::Stub> StubAs(const std::string& id, const std::string& org) {
    return DirectoryService::NewStub(host_.ChannelAs(id, org));
  }
  std::filesystem::path Db() const { return host_.data_dir() / "directory.db"; }

  testing::TestHost host_;
};

TEST_F(DirectoryTest, WhoAmIAnswersUsersOfDifferentOrganisations) {
  for (const auto& [id, org, role] :
       {std::tuple{"sanne", "vt-test", v1::ROLE_VT_INTAKE},
        std::tuple{"pieter", "politie-test", v1::ROLE_PROFESSIONAL}}) {
    grpc::ClientContext ctx;
    v1::WhoAmIResponse resp;
    grpc::Status st = StubAs(id, org)->WhoAmI(&ctx, {}, &resp);
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(resp.principal_id(), id);
    EXPECT_EQ(resp.organisation_id(), org);
    EXPECT_EQ(resp.organisation().id(), org);
    EXPECT_EQ(resp.kind(), v1::PRINCIPAL_KIND_USER);
    EXPECT_TRUE(resp.registered());
    ASSERT_EQ(resp.roles_size(), 1);
    EXPECT_EQ(resp.roles(0), role);
  }
}

TEST_F(DirectoryTest, UnregisteredCertificateMayOnlyAskWhoItIs) {
  auto stub = StubAs("nobody", "vt-test");
  grpc::ClientContext ctx;
  v1::WhoAmIResponse who;
  ASSERT_TRUE(stub->WhoAmI(&ctx, {}, &who).ok());
  EXPECT_FALSE(who.registered());
  grpc::ClientContext ctx2;
  v1::ListOrganisationsResponse list;
  EXPECT_EQ(stub->ListOrganisations(&ctx2, {}, &list).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(DirectoryTest, CertificateOrganisationMustMatchTheDirectory) {
  grpc::ClientContext ctx;
  v1::WhoAmIResponse resp;
  EXPECT_EQ(StubAs("sanne", "politie-test")->WhoAmI(&ctx, {}, &resp).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(DirectoryTest, RoleWithoutPermissionIsDenied) {
  grpc::ClientContext ctx;
  v1::CreateOrganisationRequest req;
  req.set_request_id("r-1");
  req.mutable_organisation()->set_id("sneaky");
  req.mutable_organisation()->set_name("Sneaky");
  req.mutable_organisation()->set_type(v1::ORGANISATION_TYPE_POLICE);
  req.mutable_organisation()->set_region(v1::REGION_HAAGLANDEN);
  v1::CreateOrganisationResponse resp;
  EXPECT_EQ(StubAs("pieter", "politie-test")->CreateOrganisation(&ctx, req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(CountRows(Db(), "SELECT COUNT(*) FROM organisations WHERE id = 'sneaky'"), 0);
}

TEST_F(DirectoryTest, RevokedProfessionalIsRefusedWithinFiveSeconds) {
  auto pieter = StubAs("pieter", "politie-test");
  {
    grpc::ClientContext ctx;
    v1::WhoAmIResponse resp;
    ASSERT_TRUE(pieter->WhoAmI(&ctx, {}, &resp).ok());
  }
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  grpc::ClientContext ctx;
  v1::RevokeProfessionalRequest req;
  req.set_request_id("revoke-pieter");
  req.set_professional_id("pieter");
  req.set_reason("left the organisation");
  v1::RevokeProfessionalResponse resp;
  ASSERT_TRUE(admin->RevokeProfessional(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.professional().state(), v1::PROFESSIONAL_STATE_REVOKED);
  const auto revoked_at = std::chrono::steady_clock::now();

  grpc::StatusCode code = grpc::StatusCode::OK;
  while (std::chrono::steady_clock::now() - revoked_at < std::chrono::seconds(5)) {
    grpc::ClientContext c;
    v1::ListOrganisationsResponse list;
    code = pieter->ListOrganisations(&c, {}, &list).error_code();
    if (code != grpc::StatusCode::OK) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(code, grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(DirectoryTest, RetriedRegistrationReturnsSameAnswerAndCreatesOneRow) {
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  v1::RegisterProfessionalRequest req;
  req.set_request_id("reg-lotte-1");
  req.mutable_professional()->set_id("lotte");
  req.mutable_professional()->set_name("Lotte Visser");
  req.mutable_professional()->set_organisation_id("vt-test");
  req.mutable_professional()->add_roles(v1::ROLE_SUPERVISOR);
  v1::RegisterProfessionalResponse first, second;
  {
    grpc::ClientContext ctx;
    ASSERT_TRUE(admin->RegisterProfessional(&ctx, req, &first).ok());
  }
  {
    grpc::ClientContext ctx;
    ASSERT_TRUE(admin->RegisterProfessional(&ctx, req, &second).ok());
  }
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  EXPECT_EQ(CountRows(Db(), "SELECT COUNT(*) FROM professionals WHERE id = 'lotte'"), 1);
  EXPECT_EQ(CountRows(Db(),
                      "SELECT COUNT(*) FROM professional_roles WHERE professional_id = "
                      "'lotte'"),
            1);

  // The same request_id for a different request is refused and changes nothing.
  req.mutable_professional()->set_name("Someone Else");
  grpc::ClientContext ctx;
  v1::RegisterProfessionalResponse third;
  grpc::Status st = admin->RegisterProfessional(&ctx, req, &third);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), std::set<std::string>{"request_id"});
}

TEST_F(DirectoryTest, BadInputNamesEveryFieldAndWritesNothing) {
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  const int64_t before = CountRows(Db(), "SELECT COUNT(*) FROM organisations");
  {
    grpc::ClientContext ctx;
    v1::CreateOrganisationRequest req;  // no request_id, id, name, type or region
    req.mutable_organisation()->set_id("Not An Id");
    req.mutable_organisation()->set_name(std::string(300, 'x'));
    req.mutable_organisation()->set_type(static_cast<v1::OrganisationType>(99));
    v1::CreateOrganisationResponse resp;
    grpc::Status st = admin->CreateOrganisation(&ctx, req, &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(BadFields(st),
              (std::set<std::string>{"request_id", "organisation.id", "organisation.name",
                                     "organisation.type", "organisation.region"}));
  }
  {
    // Database-dependent checks are reported together: duplicate id and unknown organisation.
    grpc::ClientContext ctx;
    v1::RegisterProfessionalRequest req;
    req.set_request_id("dup-1");
    req.mutable_professional()->set_id("sanne");
    req.mutable_professional()->set_name("Sanne again");
    req.mutable_professional()->set_organisation_id("no-such-org");
    v1::RegisterProfessionalResponse resp;
    grpc::Status st = admin->RegisterProfessional(&ctx, req, &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(BadFields(st),
              (std::set<std::string>{"professional.id", "professional.organisation_id"}));
  }
  {
    grpc::ClientContext ctx;
    v1::RegisterProfessionalRequest req;
    req.set_request_id("roles-1");
    req.mutable_professional()->set_id("kees");
    req.mutable_professional()->set_name("Kees");
    req.mutable_professional()->set_organisation_id("politie-test");
    req.mutable_professional()->add_roles(v1::ROLE_PROFESSIONAL);
    req.mutable_professional()->add_roles(static_cast<v1::Role>(42));
    v1::RegisterProfessionalResponse resp;
    grpc::Status st = admin->RegisterProfessional(&ctx, req, &resp);
    EXPECT_EQ(BadFields(st), std::set<std::string>{"professional.roles[1]"});
  }
  EXPECT_EQ(CountRows(Db(), "SELECT COUNT(*) FROM organisations"), before);
  EXPECT_EQ(CountRows(Db(), "SELECT COUNT(*) FROM professionals WHERE id = 'kees'"), 0);
  EXPECT_EQ(CountRows(Db(),
                      "SELECT COUNT(*) FROM idempotency_keys WHERE request_id IN "
                      "('dup-1', 'roles-1')"),
            0);
}

TEST_F(DirectoryTest, UpdateNeedsTheCurrentEtag) {
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  grpc::ClientContext get_ctx;
  v1::GetOrganisationRequest get;
  get.set_organisation_id("vt-test");
  v1::GetOrganisationResponse current;
  ASSERT_TRUE(admin->GetOrganisation(&get_ctx, get, &current).ok());

  v1::UpdateOrganisationRequest req;
  req.set_request_id("upd-1");
  *req.mutable_organisation() = current.organisation();
  req.mutable_organisation()->set_name("Veilig Thuis Test (nieuw)");
  v1::UpdateOrganisationResponse updated;
  {
    grpc::ClientContext ctx;
    ASSERT_TRUE(admin->UpdateOrganisation(&ctx, req, &updated).ok());
  }
  EXPECT_EQ(updated.organisation().name(), "Veilig Thuis Test (nieuw)");
  EXPECT_NE(updated.organisation().etag(), current.organisation().etag());

  req.set_request_id("upd-2");  // a second writer still holding the old etag
  req.mutable_organisation()->set_name("Overwritten");
  grpc::ClientContext ctx;
  v1::UpdateOrganisationResponse stale;
  EXPECT_EQ(admin->UpdateOrganisation(&ctx, req, &stale).error_code(), grpc::StatusCode::ABORTED);
}

TEST_F(DirectoryTest, RolesCanBeGrantedAndRevoked) {
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  {
    grpc::ClientContext ctx;
    v1::GrantRoleRequest req;
    req.set_request_id("grant-1");
    req.set_professional_id("pieter");
    req.set_role(v1::ROLE_CASE_DIRECTOR);
    v1::GrantRoleResponse resp;
    ASSERT_TRUE(admin->GrantRole(&ctx, req, &resp).ok());
    EXPECT_EQ(resp.professional().roles_size(), 2);
  }
  {
    // VT_INTAKE only fits a Veilig Thuis organisation.
    grpc::ClientContext ctx;
    v1::GrantRoleRequest req;
    req.set_request_id("grant-2");
    req.set_professional_id("pieter");
    req.set_role(v1::ROLE_VT_INTAKE);
    v1::GrantRoleResponse resp;
    EXPECT_EQ(admin->GrantRole(&ctx, req, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  }
  {
    grpc::ClientContext ctx;
    v1::RevokeRoleRequest req;
    req.set_request_id("revoke-role-1");
    req.set_professional_id("pieter");
    req.set_role(v1::ROLE_PROFESSIONAL);
    v1::RevokeRoleResponse resp;
    ASSERT_TRUE(admin->RevokeRole(&ctx, req, &resp).ok());
    ASSERT_EQ(resp.professional().roles_size(), 1);
    EXPECT_EQ(resp.professional().roles(0), v1::ROLE_CASE_DIRECTOR);
  }
}

TEST_F(DirectoryTest, AdministratorsCannotDemoteThemselves) {
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  grpc::ClientContext ctx;
  v1::RevokeRoleRequest req;
  req.set_request_id("self-demote");
  req.set_professional_id(testing::kAdminId);
  req.set_role(v1::ROLE_ADMIN);
  v1::RevokeRoleResponse resp;
  grpc::Status st = admin->RevokeRole(&ctx, req, &resp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(st), std::set<std::string>{"professional_id"});
}

TEST_F(DirectoryTest, ListsArePaginated) {
  for (int i = 0; i < 7; ++i) {
    host_.AddOrganisation("org-" + std::to_string(i), v1::ORGANISATION_TYPE_LOCAL_TEAM);
  }
  auto stub = StubAs("sanne", "vt-test");
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    grpc::ClientContext ctx;
    v1::ListOrganisationsRequest req;
    req.set_page_size(3);
    req.set_page_token(token);
    req.set_type(v1::ORGANISATION_TYPE_LOCAL_TEAM);
    v1::ListOrganisationsResponse resp;
    ASSERT_TRUE(stub->ListOrganisations(&ctx, req, &resp).ok());
    for (const auto& o : resp.organisations()) seen.push_back(o.id());
    token = resp.next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

  grpc::ClientContext ctx;
  v1::ListOrganisationsRequest bad;
  bad.set_page_token("garbage!");
  v1::ListOrganisationsResponse resp;
  grpc::Status st = stub->ListOrganisations(&ctx, bad, &resp);
  EXPECT_EQ(BadFields(st), std::set<std::string>{"page_token"});
}

TEST_F(DirectoryTest, InProcessChannelActsAsTheHostService) {
  auto stub = DirectoryService::NewStub(host_.host().InProcessChannel());
  grpc::ClientContext ctx;
  v1::GetProfessionalRequest req;
  req.set_professional_id("sanne");
  v1::GetProfessionalResponse resp;
  ASSERT_TRUE(stub->GetProfessional(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.professional().organisation_id(), "vt-test");
  grpc::ClientContext who_ctx;
  v1::WhoAmIResponse who;
  ASSERT_TRUE(stub->WhoAmI(&who_ctx, {}, &who).ok());
  EXPECT_EQ(who.principal_id(), "schakeld");
  EXPECT_EQ(who.kind(), v1::PRINCIPAL_KIND_SERVICE);
}

TEST(DirectoryRestartTest, DataSurvivesARestart) {
  testing::TempDir dir;
  {
    testing::TestHost host({}, dir.path());
    host.AddOrganisation("vt-test", v1::ORGANISATION_TYPE_VEILIG_THUIS);
  }
  testing::TestHost again({}, dir.path());
  auto stub = DirectoryService::NewStub(again.AdminChannel());
  grpc::ClientContext ctx;
  v1::GetOrganisationRequest req;
  req.set_organisation_id("vt-test");
  v1::GetOrganisationResponse resp;
  ASSERT_TRUE(stub->GetOrganisation(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.organisation().type(), v1::ORGANISATION_TYPE_VEILIG_THUIS);
}

}  // namespace
}  // namespace schakel
