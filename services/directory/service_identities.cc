// DirectoryService: the deployment's service identities. A service certificate is listed here so
// that it can be revoked like a professional; the host lists its own on start.
#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "services/common/idempotency.h"
#include "services/common/log.h"
#include "services/common/status.h"
#include "services/common/validation.h"
#include "services/directory/directory_rules.h"
#include "services/directory/directory_service.h"
#include "services/directory/directory_store.h"
#include "services/directory/governance_store.h"
#include "services/runtime/page_token.h"

namespace schakel::directory {
namespace {

using Governance = SqliteGovernanceStore;

}  // namespace

absl::StatusOr<DirectoryEntry> LocalRoleResolver::ResolveService(absl::string_view service_id) {
  DirectoryEntry entry;
  SCHAKEL_RETURN_IF_ERROR(db_.Read([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto service, Governance::GetService(c, std::string(service_id)));
    if (!service) return absl::OkStatus();
    entry.registered = true;
    entry.active = service->state() == v1::SERVICE_IDENTITY_STATE_ACTIVE;
    entry.organisation_id = service->organisation_id();
    entry.name = service->description();
    return absl::OkStatus();
  }));
  return entry;
}

absl::Status DirectoryService::ListHostService() {
  if (env_.internal == nullptr || env_.internal->host.id.empty()) return absl::OkStatus();
  const Principal& host = env_.internal->host;
  return db_->Transaction([&](sqlite::Connection& c) -> absl::Status {
    SCHAKEL_ASSIGN_OR_RETURN(auto existing, Governance::GetService(c, host.id));
    if (existing) return absl::OkStatus();  // listed before; a revocation stands
    v1::ServiceIdentity service;
    service.set_id(host.id);
    service.set_organisation_id(host.organisation_id);
    service.set_description("Schakel host (listed by itself on its first start)");
    SCHAKEL_RETURN_IF_ERROR(Governance::InsertService(c, service, env_.clock->Now()));
    const Caller caller{host, {}};
    SCHAKEL_RETURN_IF_ERROR(
        audit_->Record(c, ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_CREATE,
                                       "directory.service.listed", "service", host.id)));
    LogEvent(LogLevel::kInfo, "directory.service.listed",
             {{"service", absl::string_view(host.id)}});
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryService::GetServiceIdentity(
    grpc::CallbackServerContext* ctx, const v1::GetServiceIdentityRequest* req,
    v1::GetServiceIdentityResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    CheckId(v, "service_id", req->service_id());
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto service, Governance::GetService(c, req->service_id()));
      if (!service) return absl::NotFoundError("no service identity with that id");
      *resp->mutable_service() = *std::move(service);
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "GetServiceIdentity", *req, {Asked("service", req->service_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::ListServiceIdentities(
    grpc::CallbackServerContext* ctx, const v1::ListServiceIdentitiesRequest* req,
    v1::ListServiceIdentitiesResponse* resp) {
  auto handler = [this, req, resp](const Caller&) -> absl::Status {
    FieldViolations v;
    const Page page = DecodePage(v, *req, "service_identities");
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    return db_->Read([&](sqlite::Connection& c) -> absl::Status {
      SCHAKEL_ASSIGN_OR_RETURN(auto services,
                               Governance::ListServices(c, page.after, page.limit + 1));
      const bool more = static_cast<int>(services.size()) > page.limit;
      if (more) services.pop_back();
      for (auto& s : services) *resp->add_services() = std::move(s);
      if (more) {
        resp->set_next_page_token(
            NextPageToken(*req, "service_identities", resp->services().rbegin()->id()));
      }
      return absl::OkStatus();
    });
  };
  return Handle(ctx, "ListServiceIdentities", *req, {}, std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::RegisterServiceIdentity(
    grpc::CallbackServerContext* ctx, const v1::RegisterServiceIdentityRequest* req,
    v1::RegisterServiceIdentityResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    const v1::ServiceIdentity& in = req->service();
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckId(v, "service.id", in.id());
    CheckId(v, "service.organisation_id", in.organisation_id());
    CheckName(v, "service.description", in.description());
    if (in.state() != v1::SERVICE_IDENTITY_STATE_UNSPECIFIED) {
      v.Add("service.state", "is set by the server");
    }
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "RegisterServiceIdentity"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          FieldViolations dv;
          SCHAKEL_ASSIGN_OR_RETURN(auto existing, Governance::GetService(c, in.id()));
          if (existing) dv.Add("service.id", "a service identity with this id exists");
          SCHAKEL_ASSIGN_OR_RETURN(auto org,
                                   SqliteDirectoryStore::GetOrganisation(c, in.organisation_id()));
          if (!org) dv.Add("service.organisation_id", "no organisation with this id");
          SCHAKEL_RETURN_IF_ERROR(dv.ToStatus());
          v1::ServiceIdentity service;
          service.set_id(in.id());
          service.set_organisation_id(in.organisation_id());
          service.set_description(in.description());
          SCHAKEL_RETURN_IF_ERROR(Governance::InsertService(c, service, now));
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_CREATE,
                              "directory.service.registered", "service", service.id())));
          SCHAKEL_ASSIGN_OR_RETURN(auto stored, Governance::GetService(c, service.id()));
          *resp->mutable_service() = *std::move(stored);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RegisterServiceIdentity", *req,
                {Asked("service", req->service().id()),
                 Asked("organisation", req->service().organisation_id())},
                std::move(handler));
}

grpc::ServerUnaryReactor* DirectoryService::RevokeServiceIdentity(
    grpc::CallbackServerContext* ctx, const v1::RevokeServiceIdentityRequest* req,
    v1::RevokeServiceIdentityResponse* resp) {
  auto handler = [this, req, resp](const Caller& caller) {
    FieldViolations v;
    CheckRequestId(v, req->request_id());
    CheckId(v, "service_id", req->service_id());
    CheckName(v, "reason", req->reason(), 500);
    SCHAKEL_RETURN_IF_ERROR(v.ToStatus());
    const absl::Time now = env_.clock->Now();
    return RunIdempotent(
        *db_, {caller.principal.id, req->request_id(), "RevokeServiceIdentity"}, *req, *resp, now,
        [&](sqlite::Connection& c) -> absl::Status {
          SCHAKEL_ASSIGN_OR_RETURN(auto service, Governance::GetService(c, req->service_id()));
          if (!service) return absl::NotFoundError("no service identity with that id");
          SCHAKEL_RETURN_IF_ERROR(CheckEtag(req->etag(), service->etag(), false));
          if (service->state() == v1::SERVICE_IDENTITY_STATE_REVOKED) {
            return absl::FailedPreconditionError("the service identity is already revoked");
          }
          service->set_state(v1::SERVICE_IDENTITY_STATE_REVOKED);
          *service->mutable_revoke_time() =
              google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(now));
          service->set_revoke_reason(req->reason());
          SCHAKEL_RETURN_IF_ERROR(Governance::SaveService(c, *service, now));
          SCHAKEL_RETURN_IF_ERROR(audit_->Record(
              c, ChangeRecord(*audit_, caller, v1::AUDIT_ACTION_UPDATE, "directory.service.revoked",
                              "service", service->id())));
          LogEvent(LogLevel::kWarning, "directory.service.revoked",
                   {{"service", absl::string_view(service->id())}});
          SCHAKEL_ASSIGN_OR_RETURN(auto saved, Governance::GetService(c, service->id()));
          *resp->mutable_service() = *std::move(saved);
          return absl::OkStatus();
        });
  };
  return Handle(ctx, "RevokeServiceIdentity", *req, {Asked("service", req->service_id())},
                std::move(handler));
}

}  // namespace schakel::directory
