// Issue 11 for the directory, on a real host (mutual TLS, real SQLite): a refused call's audit
// record names the professional, organisation, service identity or proposal it asked for (item 9),
// and a request with too many entries in a repeated field is refused naming the field, with
// nothing written (item 12).
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "schakel/v1/audit.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using v1::DirectoryService;

constexpr char kVt[] = "vt-test";

class DirectoryRefusalsTest : public ::testing::Test {
 protected:
  DirectoryRefusalsTest() {
    host_.AddOrganisation(kVt, v1::ORGANISATION_TYPE_VEILIG_THUIS);
    host_.AddProfessional("sanne", kVt, {v1::ROLE_VT_INTAKE});
    host_.AddProfessional("joost", kVt, {v1::ROLE_PROFESSIONAL});
    host_.AddProfessional("auditor", testing::kOperatorOrg, {v1::ROLE_AUDITOR});
  }

  std::unique_ptr<DirectoryService::Stub> As(const std::string& id, const std::string& org) {
    return DirectoryService::NewStub(host_.ChannelAs(id, org));
  }

  // The refusals of `principal` whose record names `object_id` (as an object of type `type`).
  int RefusalsNaming(const std::string& object_id, const std::string& type,
                     const std::string& principal) {
    EXPECT_TRUE(host_.host().FlushOutboxes().ok());
    auto stub = v1::AuditService::NewStub(host_.ChannelAs("auditor", testing::kOperatorOrg));
    grpc::ClientContext ctx;
    v1::QueryEntriesRequest req;
    req.set_object_id(object_id);
    req.set_purpose("test");
    req.set_page_size(1000);
    v1::QueryEntriesResponse resp;
    const grpc::Status st = stub->QueryEntries(&ctx, req, &resp);
    EXPECT_TRUE(st.ok()) << st.error_message();
    int n = 0;
    for (const auto& e : resp.entries()) {
      const v1::AuditRecord& r = e.record();
      if (r.outcome() != v1::AUDIT_OUTCOME_DENIED || r.user().principal_id() != principal) continue;
      EXPECT_EQ(r.event_type(), "directory.denied");
      for (const auto& o : r.objects()) {
        if (o.id() == object_id && o.type() == type) ++n;
      }
    }
    return n;
  }

  testing::TestHost host_;
};

using testing::BadFields;

// Item 9. Before, a refusal's record named the RPC only: an auditor asking who tried to change
// joost's roles, or to look at the host's service identity, found nothing.
TEST_F(DirectoryRefusalsTest, ARefusalNamesTheObjectAskedFor) {
  auto sanne = As("sanne", kVt);
  auto grant = [&](DirectoryService::Stub& stub, const std::string& professional_id) {
    grpc::ClientContext ctx;
    v1::GrantRoleRequest req;
    req.set_request_id("grant-" + professional_id);
    req.set_professional_id(professional_id);
    req.set_role(v1::ROLE_CASE_DIRECTOR);
    v1::GrantRoleResponse resp;
    return stub.GrantRole(&ctx, req, &resp);
  };
  // Refused by the table (not an administrator): the same answer for a professional who exists
  // and one who does not.
  const grpc::Status known = grant(*sanne, "joost");
  const grpc::Status unknown = grant(*sanne, "nobody");
  EXPECT_EQ(known.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(unknown.error_code(), known.error_code());
  EXPECT_EQ(unknown.error_message(), known.error_message());
  {
    grpc::ClientContext ctx;
    v1::GetServiceIdentityRequest req;
    req.set_service_id("schakeld");
    v1::GetServiceIdentityResponse resp;
    EXPECT_EQ(sanne->GetServiceIdentity(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  {
    grpc::ClientContext ctx;
    v1::UpdateOrganisationRequest req;
    req.set_request_id("update-vt");
    req.mutable_organisation()->set_id(kVt);
    req.mutable_organisation()->set_name("Veilig Thuis");
    v1::UpdateOrganisationResponse resp;
    EXPECT_EQ(sanne->UpdateOrganisation(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  // Someone the directory does not know, reading a professional's entry.
  {
    auto stranger = As("stranger", kVt);
    grpc::ClientContext ctx;
    v1::GetProfessionalRequest req;
    req.set_professional_id("joost");
    v1::GetProfessionalResponse resp;
    EXPECT_EQ(stranger->GetProfessional(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  // Refused by the handler: an administrator granting to themselves, and approving their own
  // proposal (its record names the professional the proposal would change too).
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  EXPECT_EQ(grant(*admin, testing::kAdminId).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::Proposal proposal;
  {
    grpc::ClientContext ctx;
    v1::ProposeChangeRequest req;
    req.set_request_id("propose-auditor");
    req.mutable_proposal()->mutable_grant_role()->set_professional_id("sanne");
    req.mutable_proposal()->mutable_grant_role()->set_role(v1::ROLE_AUDITOR);
    v1::ProposeChangeResponse resp;
    ASSERT_TRUE(admin->ProposeChange(&ctx, req, &resp).ok());
    proposal = resp.proposal();
  }
  {
    grpc::ClientContext ctx;
    v1::ApproveChangeRequest req;
    req.set_request_id("approve-own");
    req.set_proposal_id(proposal.id());
    v1::ApproveChangeResponse resp;
    EXPECT_EQ(admin->ApproveChange(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }

  EXPECT_EQ(RefusalsNaming("joost", "professional", "sanne"), 1);
  EXPECT_EQ(RefusalsNaming("nobody", "professional", "sanne"), 1);
  EXPECT_EQ(RefusalsNaming("schakeld", "service", "sanne"), 1);
  EXPECT_EQ(RefusalsNaming(kVt, "organisation", "sanne"), 1);
  EXPECT_EQ(RefusalsNaming("joost", "professional", "stranger"), 1);
  EXPECT_EQ(RefusalsNaming(testing::kAdminId, "professional", testing::kAdminId), 1);
  EXPECT_EQ(RefusalsNaming(proposal.id(), "proposal", testing::kAdminId), 1);
  EXPECT_EQ(RefusalsNaming("sanne", "professional/ROLE_AUDITOR", testing::kAdminId), 1);
}

// Item 12. Before, a professional could be registered with 101 (or 50,000) roles in one request.
TEST_F(DirectoryRefusalsTest, RepeatedFieldsHaveLimitsNamedInTheError) {
  auto admin = DirectoryService::NewStub(host_.AdminChannel());
  auto register_with = [&](const std::string& id, int roles) {
    grpc::ClientContext ctx;
    v1::RegisterProfessionalRequest req;
    req.set_request_id("register-" + id);
    req.mutable_professional()->set_id(id);
    req.mutable_professional()->set_name("Pim de Vries");
    req.mutable_professional()->set_organisation_id(kVt);
    for (int i = 0; i < roles; ++i) req.mutable_professional()->add_roles(v1::ROLE_PROFESSIONAL);
    v1::RegisterProfessionalResponse resp;
    return admin->RegisterProfessional(&ctx, req, &resp);
  };
  const grpc::Status refused = register_with("pim", kDefaultRepeatedLimit + 1);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(BadFields(refused), (std::set<std::string>{"professional.roles"}));
  EXPECT_NE(refused.error_message().find("at most 100"), std::string::npos)
      << refused.error_message();
  // Nothing was written.
  {
    grpc::ClientContext ctx;
    v1::GetProfessionalRequest req;
    req.set_professional_id("pim");
    v1::GetProfessionalResponse resp;
    EXPECT_EQ(admin->GetProfessional(&ctx, req, &resp).error_code(), grpc::StatusCode::NOT_FOUND);
  }
  // Up to the limit is fine (the duplicates are dropped).
  const grpc::Status ok = register_with("pam", kDefaultRepeatedLimit);
  EXPECT_TRUE(ok.ok()) << ok.error_message();
}

}  // namespace
}  // namespace schakel
