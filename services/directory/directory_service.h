// DirectoryService: organisations, professionals and their roles — the source of every role check
// in Schakel. Reading is open to every registered user (and to services, which resolve roles
// through GetProfessional); changing is for ADMIN only.
#ifndef SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_SERVICE_H_
#define SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_SERVICE_H_

#include <memory>
#include <vector>

#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/authz.h"
#include "services/common/hosted_service.h"
#include "services/common/rpc.h"
#include "services/common/sqlite.h"
#include "services/runtime/service_runtime.h"

namespace schakel::directory {

// Who may call which DirectoryService RPC.
AuthorizationTable DirectoryAuthorizationTable();

// Resolves roles straight from the directory's own database (no cache: a revocation bites on the
// next call).
class LocalRoleResolver final : public RoleResolver {
 public:
  explicit LocalRoleResolver(sqlite::Database& db) : db_(db) {}
  absl::StatusOr<DirectoryEntry> Resolve(absl::string_view principal_id) override;
  absl::StatusOr<DirectoryEntry> ResolveService(absl::string_view service_id) override;

 private:
  sqlite::Database& db_;
};

class DirectoryService final : public v1::DirectoryService::CallbackService, public HostedService {
 public:
  absl::string_view name() const override { return "directory"; }
  absl::string_view full_name() const override { return "schakel.v1.DirectoryService"; }
  grpc::Service* grpc_service() override { return this; }
  // Opens <data_dir>/directory.db, migrates it, and applies the bootstrap (operator organisation
  // and first administrator) when the directory is empty and the config names one.
  absl::Status Open(const HostEnv& env) override;
  sqlite::Database* outbox_database() override { return db_; }

  grpc::ServerUnaryReactor* WhoAmI(grpc::CallbackServerContext* ctx, const v1::WhoAmIRequest* req,
                                   v1::WhoAmIResponse* resp) override;
  grpc::ServerUnaryReactor* GetOrganisation(grpc::CallbackServerContext* ctx,
                                            const v1::GetOrganisationRequest* req,
                                            v1::GetOrganisationResponse* resp) override;
  grpc::ServerUnaryReactor* ListOrganisations(grpc::CallbackServerContext* ctx,
                                              const v1::ListOrganisationsRequest* req,
                                              v1::ListOrganisationsResponse* resp) override;
  grpc::ServerUnaryReactor* CreateOrganisation(grpc::CallbackServerContext* ctx,
                                               const v1::CreateOrganisationRequest* req,
                                               v1::CreateOrganisationResponse* resp) override;
  grpc::ServerUnaryReactor* UpdateOrganisation(grpc::CallbackServerContext* ctx,
                                               const v1::UpdateOrganisationRequest* req,
                                               v1::UpdateOrganisationResponse* resp) override;
  grpc::ServerUnaryReactor* GetProfessional(grpc::CallbackServerContext* ctx,
                                            const v1::GetProfessionalRequest* req,
                                            v1::GetProfessionalResponse* resp) override;
  grpc::ServerUnaryReactor* ListProfessionals(grpc::CallbackServerContext* ctx,
                                              const v1::ListProfessionalsRequest* req,
                                              v1::ListProfessionalsResponse* resp) override;
  grpc::ServerUnaryReactor* RegisterProfessional(grpc::CallbackServerContext* ctx,
                                                 const v1::RegisterProfessionalRequest* req,
                                                 v1::RegisterProfessionalResponse* resp) override;
  grpc::ServerUnaryReactor* GrantRole(grpc::CallbackServerContext* ctx,
                                      const v1::GrantRoleRequest* req,
                                      v1::GrantRoleResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeRole(grpc::CallbackServerContext* ctx,
                                       const v1::RevokeRoleRequest* req,
                                       v1::RevokeRoleResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeProfessional(grpc::CallbackServerContext* ctx,
                                               const v1::RevokeProfessionalRequest* req,
                                               v1::RevokeProfessionalResponse* resp) override;

  // Service identities (service_identities.cc).
  grpc::ServerUnaryReactor* GetServiceIdentity(grpc::CallbackServerContext* ctx,
                                               const v1::GetServiceIdentityRequest* req,
                                               v1::GetServiceIdentityResponse* resp) override;
  grpc::ServerUnaryReactor* ListServiceIdentities(grpc::CallbackServerContext* ctx,
                                                  const v1::ListServiceIdentitiesRequest* req,
                                                  v1::ListServiceIdentitiesResponse* resp) override;
  grpc::ServerUnaryReactor* RegisterServiceIdentity(
      grpc::CallbackServerContext* ctx, const v1::RegisterServiceIdentityRequest* req,
      v1::RegisterServiceIdentityResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeServiceIdentity(grpc::CallbackServerContext* ctx,
                                                  const v1::RevokeServiceIdentityRequest* req,
                                                  v1::RevokeServiceIdentityResponse* resp) override;

  // Dual control (dual_control.cc).
  grpc::ServerUnaryReactor* ProposeChange(grpc::CallbackServerContext* ctx,
                                          const v1::ProposeChangeRequest* req,
                                          v1::ProposeChangeResponse* resp) override;
  grpc::ServerUnaryReactor* ApproveChange(grpc::CallbackServerContext* ctx,
                                          const v1::ApproveChangeRequest* req,
                                          v1::ApproveChangeResponse* resp) override;
  grpc::ServerUnaryReactor* ListProposals(grpc::CallbackServerContext* ctx,
                                          const v1::ListProposalsRequest* req,
                                          v1::ListProposalsResponse* resp) override;

 private:
  // Every RPC's edge: `asked` names the objects `request` asks for, so that the record of a
  // refusal names them (issue 11, item 9); a request with more entries in a repeated field than
  // its limit is INVALID_ARGUMENT, naming the field, before `handler` runs (item 12).
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* ctx, absl::string_view method,
                                   const google::protobuf::Message& request,
                                   std::vector<AskedObject> asked, RpcHandler handler);
  absl::Status Bootstrap(const v1::DirectoryBootstrap& bootstrap);
  // Lists the host's own service identity (its certificate's CN and O) when the directory does
  // not know it yet; a revoked one stays revoked.
  absl::Status ListHostService();
  // Applies an approved proposal's change in `c` and writes its audit record as `approver`.
  absl::Status ApplyProposal(sqlite::Connection& c, const Caller& approver,
                             const v1::Proposal& proposal, absl::Time now);
  // GrantRole and RevokeRole: add or remove one role.
  absl::Status ChangeRole(const Caller& caller, absl::string_view method,
                          const google::protobuf::Message& request, const std::string& request_id,
                          const std::string& professional_id, v1::Role role,
                          const std::string& etag, bool grant, v1::Professional& out);

  HostEnv env_;
  ServiceRuntime rt_;
  sqlite::Database* db_ = nullptr;  // rt_'s parts, by short names
  Authorizer* authorizer_ = nullptr;
  AuditTrail* audit_ = nullptr;
};

// A new DirectoryService, for the host's registry: the service's (heavy) constructor is compiled
// here, in the service's library, not in every file that hosts it.
std::unique_ptr<HostedService> NewDirectoryService();

}  // namespace schakel::directory

#endif  // SCHAKEL_SERVICES_DIRECTORY_DIRECTORY_SERVICE_H_
