#include "services/directory/directory_service.h"

#include <algorithm>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "services/common/idempotency.h"
#include "services/common/log.h"
#include "services/common/migrations.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/directory/directory_rules.h"
#include "services/directory/directory_store.h"
#include "services/directory/governance_store.h"
#include "services/runtime/page_token.h"

namespace schakel::migrations {
const MigrationTrack& directory_track();
}  // namespace schakel::migrations

namespace schakel::directory {
namespace {

using Store = SqliteDirectoryStore;

}  // namespace

AuthorizationTable DirectoryAuthorizationTable() {
  AuthorizationTable t;
  const AccessRule readers{.any_user = true, .services = true};
  const AccessRule admins{.roles = {v1::ROLE_ADMIN}};
  t.Allow("WhoAmI", {.any_principal = true});
  t.Allow("GetOrganisation", readers);
  t.Allow("ListOrganisations", readers);
  t.Allow("GetProfessional", readers);
  t.Allow("ListProfessionals", readers);
  t.Allow("CreateOrganisation", admins);
  t.Allow("UpdateOrganisation", admins);
  t.Allow("RegisterProfessional", admins);
  t.Allow("GrantRole", admins);
  t.Allow("RevokeRole", admins);
  t.Allow("RevokeProfessional", admins);
  t.Allow("GetServiceIdentity", {.roles = {v1::ROLE_ADMIN}, .services = true});
  t.Allow("ListServiceIdentities", {.roles = {v1::ROLE_ADMIN}, .services = true});
  t.Allow("RegisterServiceIdentity", admins);
  t.Allow("RevokeServiceIdentity", admins);
  t.Allow("ProposeChange", admins);
  t.Allow("ApproveChange", admins);
  t.Allow("ListProposals", admins);
  return t;
}

absl::StatusOr<DirectoryEntry> LocalRoleResolver::Resolve(absl::string_view principal_id) {
  DirectoryEntry entry;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto pro, Store::GetProfessional(c, std::string(principal_id)));
    if (!pro) return absl::OkStatus();
    entry.registered = true;
    entry.active = pro->state() == v1::PROFESSIONAL_STATE_ACTIVE;
    entry.organisation_id = pro->organisation_id();
    entry.name = pro->name();
    for (int r : pro->roles()) entry.roles.push_back(static_cast<v1::Role>(r));
    return absl::OkStatus();
  }));
  return entry;
}

absl::Status DirectoryService::Open(const HostEnv& env) {
  env_ = env;
  // Roles come from this service's own database, uncached: a change applies from the next call.
  SCHAKEL_ASSIGN_OR_RETURN(
      rt_, OpenServiceRuntime(env, {.service = std::string(name()),
                                    .track = &migrations::directory_track(),
                                    .authorization = DirectoryAuthorizationTable(),
                                    .local_roles = [](sqlite::Database& db) {
                                      return std::make_shared<LocalRoleResolver>(db);
                                    }}));
  db_ = rt_.db.get();
  authorizer_ = rt_.authorizer.get();
  audit_ = rt_.audit.get();
  if (!env.config.directory_bootstrap().admin_id().empty()) {
    SCHAKEL_RETURN_IF_ERROR(Bootstrap(env.config.directory_bootstrap()));
  }
  SCHAKEL_RETURN_IF_ERROR(ListHostService());
  // A directory that had two administrators before dual control existed has it from now on.
  bool dual = false;
  SCHAKEL_RETURN_IF_ERROR(db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(dual, SqliteGovernanceStore::UpdateDualControl(c, env_.clock->Now()));
    return absl::OkStatus();
  }));
  if (!dual) {
    LogEvent(LogLevel::kWarning, "directory.single_administrator",
             {{"detail",
               "one administrator grants SUPERVISOR, AUDITOR and ADMIN alone until a "
               "second administrator is registered"}});
  }
  return absl::OkStatus();
}

absl::Status DirectoryService::Bootstrap(const v1::DirectoryBootstrap& b) {
  FieldViolations v;
  CheckId(v, "directory_bootstrap.organisation_id", b.organisation_id());
  CheckName(v, "directory_bootstrap.organisation_name", b.organisation_name());
  if (b.region() == v1::REGION_UNSPECIFIED || !v1::Region_IsValid(b.region())) {
    v.Add("directory_bootstrap.region", "must be one of the 28 regions");
  }
  CheckId(v, "directory_bootstrap.admin_id", b.admin_id());
  CheckName(v, "directory_bootstrap.admin_name", b.admin_name());
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  return db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(bool any, Store::AnyOrganisation(c));
    if (any) return absl::OkStatus();  // applied before, or the directory is managed already
    const absl::Time now = env_.clock->Now();
    v1::Organisation org;
    org.set_id(b.organisation_id());
    org.set_name(b.organisation_name());
    org.set_type(v1::ORGANISATION_TYPE_OPERATOR);
    org.set_region(b.region());
    SCHAKEL_RETURN_IF_ERROR(Store::InsertOrganisation(c, org, now));
    v1::Professional admin;
    admin.set_id(b.admin_id());
    admin.set_name(b.admin_name());
    admin.set_organisation_id(b.organisation_id());
    admin.add_roles(v1::ROLE_ADMIN);
    SCHAKEL_RETURN_IF_ERROR(Store::InsertProfessional(c, admin, now));
    // The host itself did this, from its configuration.
    const Caller host{env_.internal->host, {}};
    SCHAKEL_RETURN_IF_ERROR(
        audit_->Record(c, ChangeRecord(*audit_, host, v1::AUDIT_ACTION_CREATE,
                                       "directory.bootstrapped", "professional", admin.id())));
    LogEvent(LogLevel::kInfo, "directory.bootstrapped",
             {{"organisation", absl::string_view(b.organisation_id())},
              {"admin", absl::string_view(b.admin_id())}});
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryService::Handle(grpc::CallbackServerContext* ctx,
                                                   absl::string_view method,
                                                   const google::protobuf::Message& request,
                                                   std::vector<AskedObject> asked,
                                                   RpcHandler handler) {
  return HandleUnary(ctx, env_, *authorizer_, audit_, name(), method, std::move(asked),
                     CallHandler([&request, handler = std::move(handler)](const CallContext& call) {
                       // Checked before anything is read or written, every field named.
                       FieldViolations too_many;
                       CheckRepeatedLimits(too_many, request);
                       SCHAKEL_RETURN_IF_ERROR(too_many.ToStatus());
                       return handler(call.caller());
                     }));
}

grpc::ServerUnaryReactor* DirectoryService::WhoAmI(grpc::CallbackServerContext* ctx,
                                                   const v1::WhoAmIRequest* req,
                                                   v1::WhoAmIResponse* resp) {
  auto handler = [this, resp](const Caller& caller) -> absl::Status {
    const Principal& p = caller.principal;
    resp->set_principal_id(p.id);
    resp->set_organisation_id(p.organisation_id);
    resp->set_kind(p.kind);
    resp->set_registered(caller.entry.registered);
    resp->set_name(caller.entry.name);
    for (v1::Role r : caller.entry.roles) resp->add_roles(r);
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto org, Store::GetOrganisation(c, p.organisation_id));
      if (org) *resp->mutable_organisation() = *std::move(org);
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "WhoAmI", *req, {}, std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::GetOrganisation(grpc::CallbackServerContext* ctx,
                                                            const v1::GetOrganisationRequest* req,
                                                            v1::GetOrganisationResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    CheckId(v, "organisation_id", req->organisation_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto org, Store::GetOrganisation(c, req->organisation_id()));
      if (!org) return absl::NotFoundError("no organisation with that id");
      *resp->mutable_organisation() = *std::move(org);
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "GetOrganisation", *req, {Asked("organisation", req->organisation_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::ListOrganisations(
    grpc::CallbackServerContext* ctx, const v1::ListOrganisationsRequest* req,
    v1::ListOrganisationsResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    const Page page = DecodePage(v, *req, "organisations");
    const int limit = page.limit;
    const std::string& after = page.after;
    if (!v1::Region_IsValid(req->region())) v.Add("region", "is not one of the 28 regions");
    if (!v1::OrganisationType_IsValid(req->type())) v.Add("type", "is not an organisation type");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      // One extra row tells whether there is a next page.
      SCHAKEL_ASSIGN_OR_RETURN(
          auto orgs, Store::ListOrganisations(c, req->region(), req->type(), after, limit + 1));
      const bool more = static_cast<int>(orgs.size()) > limit;
      if (more) orgs.pop_back();
      for (auto& o : orgs) *resp->add_organisations() = std::move(o);
      if (more)
        resp->set_next_page_token(
            NextPageToken(*req, "organisations", resp->organisations().rbegin()->id()));
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "ListOrganisations", *req, {}, std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::CreateOrganisation(
    grpc::CallbackServerContext* ctx, const v1::CreateOrganisationRequest* req,
    v1::CreateOrganisationResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckId(v, "organisation.id", req->organisation().id());
    CheckOrganisationFields(v, req->organisation());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "CreateOrganisation"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto existing,
                                   Store::GetOrganisation(c, req->organisation().id()));
          if (existing)
            return InvalidField("organisation.id", "an organisation with this id exists");
          v1::Organisation org;
          org.set_id(req->organisation().id());
          org.set_name(req->organisation().name());
          org.set_type(req->organisation().type());
          org.set_region(req->organisation().region());
          SCHAKEL_RETURN_IF_ERROR(Store::InsertOrganisation(c, org, now));
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_CREATE,
                              "directory.organisation.created", "organisation", org.id())));
          *resp->mutable_organisation() = std::move(org);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "CreateOrganisation", *req, {Asked("organisation", req->organisation().id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::UpdateOrganisation(
    grpc::CallbackServerContext* ctx, const v1::UpdateOrganisationRequest* req,
    v1::UpdateOrganisationResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckId(v, "organisation.id", req->organisation().id());
    CheckOrganisationFields(v, req->organisation());
    if (req->organisation().etag().empty()) {
      v.Add("organisation.etag", "must be set to the etag you read");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "UpdateOrganisation"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto existing,
                                   Store::GetOrganisation(c, req->organisation().id()));
          if (!existing) return absl::NotFoundError("no organisation with that id");
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->organisation().etag(), existing->etag(), true));
          const bool type_changes = req->organisation().type() != existing->type();
          SCHAKEL_ASSIGN_OR_RETURN(auto dual, SqliteGovernanceStore::DualControlSince(c));
          if (type_changes && dual) {
            return TakesSecondAdmin("organisation.type: changing an organisation's type");
          }
          v1::Organisation org = *existing;
          org.set_name(req->organisation().name());
          org.set_type(req->organisation().type());
          org.set_region(req->organisation().region());
          SCHAKEL_RETURN_IF_ERROR(Store::UpdateOrganisation(c, org, now));
          v1::AuditRecord record =
              ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_UPDATE,
                           "directory.organisation.updated", "organisation", org.id());
          if (type_changes) record.set_purpose_of_use(kSetupPurpose);
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, record));
          *resp->mutable_organisation() = std::move(org);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "UpdateOrganisation", *req, {Asked("organisation", req->organisation().id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::GetProfessional(grpc::CallbackServerContext* ctx,
                                                            const v1::GetProfessionalRequest* req,
                                                            v1::GetProfessionalResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    CheckId(v, "professional_id", req->professional_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto pro, Store::GetProfessional(c, req->professional_id()));
      if (!pro) return absl::NotFoundError("no professional with that id");
      *resp->mutable_professional() = *std::move(pro);
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "GetProfessional", *req, {Asked("professional", req->professional_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::ListProfessionals(
    grpc::CallbackServerContext* ctx, const v1::ListProfessionalsRequest* req,
    v1::ListProfessionalsResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    const Page page = DecodePage(v, *req, "professionals");
    const int limit = page.limit;
    const std::string& after = page.after;
    if (!req->organisation_id().empty()) CheckId(v, "organisation_id", req->organisation_id());
    if (!v1::Role_IsValid(req->role())) v.Add("role", "is not a role");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto pros,
                               Store::ListProfessionals(c, req->organisation_id(), req->role(),
                                                        req->show_revoked(), after, limit + 1));
      const bool more = static_cast<int>(pros.size()) > limit;
      if (more) pros.pop_back();
      for (auto& p : pros) *resp->add_professionals() = std::move(p);
      if (more)
        resp->set_next_page_token(
            NextPageToken(*req, "professionals", resp->professionals().rbegin()->id()));
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "ListProfessionals", *req, {Asked("organisation", req->organisation_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::RegisterProfessional(
    grpc::CallbackServerContext* ctx, const v1::RegisterProfessionalRequest* req,
    v1::RegisterProfessionalResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    const v1::Professional& in = req->professional();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckId(v, "professional.id", in.id());
    CheckName(v, "professional.name", in.name());
    CheckId(v, "professional.organisation_id", in.organisation_id());
    for (int i = 0; i < in.roles_size(); ++i) {
      CheckRole(v, absl::StrCat("professional.roles[", i, "]"), in.roles(i));
    }
    // Fields the server owns are refused rather than silently ignored.
    if (in.state() != v1::PROFESSIONAL_STATE_UNSPECIFIED)
      v.Add("professional.state", "is set by the server");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "RegisterProfessional"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          // Checks that need the database are collected too, so one answer names every field.
          FieldViolations dv;
          SCHAKEL_ASSIGN_OR_RETURN(auto existing, Store::GetProfessional(c, in.id()));
          if (existing) dv.Add("professional.id", "a professional with this id exists");
          SCHAKEL_ASSIGN_OR_RETURN(auto org, Store::GetOrganisation(c, in.organisation_id()));
          if (!org) {
            dv.Add("professional.organisation_id", "no organisation with this id");
          } else {
            for (int i = 0; i < in.roles_size(); ++i) {
              CheckRoleFitsOrganisation(dv, absl::StrCat("professional.roles[", i, "]"),
                                        in.roles(i), *org);
            }
          }
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          SCHAKEL_ASSIGN_OR_RETURN(auto dual, SqliteGovernanceStore::DualControlSince(c));
          bool setup_grant = false;
          for (int i = 0; i < in.roles_size(); ++i) {
            if (!NeedsSecondAdmin(in.roles(i))) continue;
            if (dual) {
              return TakesSecondAdmin(absl::StrCat("professional.roles[", i, "]: granting ",
                                                   v1::Role_Name(in.roles(i))));
            }
            setup_grant = true;
          }
          v1::Professional pro;
          pro.set_id(in.id());
          pro.set_name(in.name());
          pro.set_organisation_id(in.organisation_id());
          *pro.mutable_roles() = in.roles();
          SortRoles(pro);
          SCHAKEL_RETURN_IF_ERROR(Store::InsertProfessional(c, pro, now));
          v1::AuditRecord record =
              ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_CREATE,
                           "directory.professional.registered", "professional", pro.id());
          if (setup_grant) record.set_purpose_of_use(kSetupPurpose);
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, record));
          SCHAKEL_RETURN_IF_ERROR(SqliteGovernanceStore::UpdateDualControl(c, now).status());
          SCHAKEL_ASSIGN_OR_RETURN(auto stored, Store::GetProfessional(c, pro.id()));
          *resp->mutable_professional() = *std::move(stored);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RegisterProfessional", *req,
                {Asked("professional", req->professional().id()),
                 Asked("organisation", req->professional().organisation_id())},
                std::move(handler));
}

absl::Status DirectoryService::ChangeRole(const Caller& caller, absl::string_view method,
                                          const google::protobuf::Message& request,
                                          const std::string& request_id,
                                          const std::string& professional_id, v1::Role role,
                                          const std::string& etag, bool grant,
                                          v1::Professional& out) {
  FieldViolations v;
  CheckRequestId(v, request_id);
  CheckId(v, "professional_id", professional_id);
  CheckRole(v, "role", role);
  if (!grant && role == v1::ROLE_ADMIN && professional_id == caller.principal.id) {
    // Otherwise the last administrator could leave the directory with none.
    v.Add("professional_id", "administrators cannot take the ADMIN role from themselves");
  }
  SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
  if (grant && professional_id == caller.principal.id) {
    // Refused (and so on record) before anything is read: no role, by any route, is self-granted.
    return absl::PermissionDeniedError("administrators cannot grant roles to themselves");
  }
  const absl::Time now = env_.clock->Now();
  // The response message is the Professional wrapped by the RPC's response; store the wrapper.
  v1::GrantRoleResponse stored;
  SCHAKEL_RETURN_IF_ERROR(RunIdempotent(
      *db_, {caller.principal.id, request_id, std::string(method)}, request, stored, now,
      [&](sqlite::Connection& c) -> absl::Status {
        SCHAKEL_ASSIGN_OR_RETURN(auto pro, Store::GetProfessional(c, professional_id));
        if (!pro) return absl::NotFoundError("no professional with that id");
        SCHAKEL_RETURN_IF_ERROR(CheckEtag(etag, pro->etag(), false));
        if (pro->state() != v1::PROFESSIONAL_STATE_ACTIVE) {
          return absl::FailedPreconditionError("the professional is revoked");
        }
        bool setup_grant = false;
        if (grant) {
          SCHAKEL_ASSIGN_OR_RETURN(auto org, Store::GetOrganisation(c, pro->organisation_id()));
          FieldViolations dv;
          if (org) CheckRoleFitsOrganisation(dv, "role", role, *org);
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          if (NeedsSecondAdmin(role)) {
            SCHAKEL_ASSIGN_OR_RETURN(auto dual, SqliteGovernanceStore::DualControlSince(c));
            if (dual) return TakesSecondAdmin(absl::StrCat("granting ", v1::Role_Name(role)));
            setup_grant = true;
          }
          pro->add_roles(role);
        } else {
          auto* roles = pro->mutable_roles();
          roles->erase(std::remove(roles->begin(), roles->end(), role), roles->end());
        }
        SortRoles(*pro);
        SCHAKEL_RETURN_IF_ERROR(Store::SaveProfessional(c, *pro, now));
        v1::AuditRecord record =
            ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_UPDATE,
                         grant ? "directory.role.granted" : "directory.role.revoked",
                         "professional", professional_id);
        record.mutable_objects(0)->set_type(absl::StrCat("professional/", v1::Role_Name(role)));
        if (setup_grant) record.set_purpose_of_use(kSetupPurpose);
        SCHAKEL_RETURN_IF_ERROR(audit_->Record(c, record));
        SCHAKEL_RETURN_IF_ERROR(SqliteGovernanceStore::UpdateDualControl(c, now).status());
        SCHAKEL_ASSIGN_OR_RETURN(auto saved, Store::GetProfessional(c, professional_id));
        *stored.mutable_professional() = *std::move(saved);
        return absl::OkStatus();
      }));
  out = stored.professional();
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* DirectoryService::GrantRole(grpc::CallbackServerContext* ctx,
                                                      const v1::GrantRoleRequest* req,
                                                      v1::GrantRoleResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    return ChangeRole(caller, "GrantRole", *req, req->request_id(), req->professional_id(),
                      req->role(), req->etag(), true, *resp->mutable_professional());
  };
  return Handle(ctx, "GrantRole", *req, {Asked("professional", req->professional_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::RevokeRole(grpc::CallbackServerContext* ctx,
                                                       const v1::RevokeRoleRequest* req,
                                                       v1::RevokeRoleResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    return ChangeRole(caller, "RevokeRole", *req, req->request_id(), req->professional_id(),
                      req->role(), req->etag(), false, *resp->mutable_professional());
  };
  return Handle(ctx, "RevokeRole", *req, {Asked("professional", req->professional_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::RevokeProfessional(
    grpc::CallbackServerContext* ctx, const v1::RevokeProfessionalRequest* req,
    v1::RevokeProfessionalResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckId(v, "professional_id", req->professional_id());
    CheckName(v, "reason", req->reason(), 500);
    if (req->professional_id() == caller.principal.id) {
      v.Add("professional_id", "administrators cannot revoke themselves");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "RevokeProfessional"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto pro, Store::GetProfessional(c, req->professional_id()));
          if (!pro) return absl::NotFoundError("no professional with that id");
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), pro->etag(), false));
          if (pro->state() == v1::PROFESSIONAL_STATE_REVOKED) {
            return absl::FailedPreconditionError("the professional is already revoked");
          }
          pro->set_state(v1::PROFESSIONAL_STATE_REVOKED);
          *pro->mutable_revoke_time() =
              google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(now));
          pro->set_revoke_reason(req->reason());
          SCHAKEL_RETURN_IF_ERROR(Store::SaveProfessional(c, *pro, now));
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_UPDATE,
                              "directory.professional.revoked", "professional", pro->id())));
          SCHAKEL_ASSIGN_OR_RETURN(auto saved, Store::GetProfessional(c, pro->id()));
          *resp->mutable_professional() = *std::move(saved);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RevokeProfessional", *req, {Asked("professional", req->professional_id())},
                std::move(handler));
}

std::unique_ptr<HostedService> NewDirectoryService() {
  return std::make_unique<DirectoryService>();
}

}  // namespace schakel::directory
