// The directory's authorization, exhaustively: every RPC of DirectoryService × every kind of
// caller, over real mutual TLS. The expected matrix is written out here, independently of the
// service's table, so a change to the table that is not also made here fails.
#include <gtest/gtest.h>

#include "schakel/v1/directory.grpc.pb.h"
#include "services/directory/directory_service.h"
#include "tests/support/authz_matrix.h"
#include "tests/support/test_env.h"

namespace schakel {
namespace {

using testing::AuthzMatrix;

// true = allowed. Reading is for every registered user and services; changing for ADMIN; service
// identities are read by ADMIN and services.
const AuthzMatrix kMatrix = {
    .service = v1::DirectoryService::service_full_name(),
    .callers = testing::MatrixCallerColumns(),
    // clang-format off
    .allowed = {
        //                        adm    vt     pro    dir    sup    aud    unreg  svc
        {"WhoAmI",               {true,  true,  true,  true,  true,  true,  true,  true}},
        {"GetOrganisation",      {true,  true,  true,  true,  true,  true,  false, true}},
        {"ListOrganisations",    {true,  true,  true,  true,  true,  true,  false, true}},
        {"GetProfessional",      {true,  true,  true,  true,  true,  true,  false, true}},
        {"ListProfessionals",    {true,  true,  true,  true,  true,  true,  false, true}},
        {"CreateOrganisation",   {true,  false, false, false, false, false, false, false}},
        {"UpdateOrganisation",   {true,  false, false, false, false, false, false, false}},
        {"RegisterProfessional", {true,  false, false, false, false, false, false, false}},
        {"GrantRole",            {true,  false, false, false, false, false, false, false}},
        {"RevokeRole",           {true,  false, false, false, false, false, false, false}},
        {"RevokeProfessional",   {true,  false, false, false, false, false, false, false}},
        {"GetServiceIdentity",   {true,  false, false, false, false, false, false, true}},
        {"ListServiceIdentities",{true,  false, false, false, false, false, false, true}},
        {"RegisterServiceIdentity",{true, false, false, false, false, false, false, false}},
        {"RevokeServiceIdentity",{true,  false, false, false, false, false, false, false}},
        {"ProposeChange",        {true,  false, false, false, false, false, false, false}},
        {"ApproveChange",        {true,  false, false, false, false, false, false, false}},
        {"ListProposals",        {true,  false, false, false, false, false, false, false}},
    },
    // clang-format on
};

TEST(DirectoryAuthzTest, MatrixCoversEveryRpc) {
  testing::ExpectMatrixCoversService(kMatrix, directory::DirectoryAuthorizationTable());
}

TEST(DirectoryAuthzTest, EveryRoleTimesEveryRpc) {
  testing::TestHost host;
  testing::RunEmptyRequestMatrix(kMatrix, host);
}

}  // namespace
}  // namespace schakel
