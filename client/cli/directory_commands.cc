// schakelctl whoami / health / directory ...: one subcommand per DirectoryService RPC.
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/strings/str_split.h"
#include "client/cli/cli.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "schakel/v1/directory.grpc.pb.h"

ABSL_FLAG(std::string, id, "", "Id of the organisation or professional");
ABSL_FLAG(std::string, name, "", "Display name");
ABSL_FLAG(std::string, type, "", "Organisation type (veilig-thuis, local-team, police, ...)");
ABSL_FLAG(std::string, region, "", "Region (haaglanden, zuid-limburg, ...)");
ABSL_FLAG(std::string, org, "", "Organisation id");
ABSL_FLAG(std::string, roles, "", "Comma-separated roles (vt-intake,professional,...)");
ABSL_FLAG(std::string, role, "", "A role filter");
ABSL_FLAG(std::string, etag, "", "The etag you read, for updates");
ABSL_FLAG(std::string, reason, "", "Why, for revocations");
ABSL_FLAG(int, page_size, 0, "Page size for lists");
ABSL_FLAG(std::string, page_token, "", "Page token from a previous list");
ABSL_FLAG(bool, show_revoked, false, "Include revoked professionals");
ABSL_FLAG(std::string, service, "", "Service name for `health` (default: the whole server)");

namespace schakel::cli {
namespace {

using v1::DirectoryService;

template <typename Request, typename Response, typename Method>
int Call(Method method, const Request& request) {
  return CallAndPrint<DirectoryService, Request, Response>(method, request);
}

bool OrganisationFromFlags(v1::Organisation& org) {
  org.set_id(absl::GetFlag(FLAGS_id));
  org.set_name(absl::GetFlag(FLAGS_name));
  org.set_etag(absl::GetFlag(FLAGS_etag));
  v1::OrganisationType type = v1::ORGANISATION_TYPE_UNSPECIFIED;
  v1::Region region = v1::REGION_UNSPECIFIED;
  if (!EnumFlag("type", "schakel.v1.OrganisationType", absl::GetFlag(FLAGS_type), type) ||
      !EnumFlag("region", "schakel.v1.Region", absl::GetFlag(FLAGS_region), region)) {
    return false;
  }
  org.set_type(type);
  org.set_region(region);
  return true;
}

// The id from the first positional argument or --id.
std::string IdArg(const Args& args) { return args.size() > 1 ? args[1] : absl::GetFlag(FLAGS_id); }

// Health of the server at `address` (of `service`, or the whole server when empty).
grpc::Status CheckHealth(const std::string& address, const std::string& service,
                         grpc::health::v1::HealthCheckResponse& response) {
  auto channel = ConnectTo(address);
  if (!channel.ok())
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        std::string(channel.status().message()));
  auto stub = grpc::health::v1::Health::NewStub(*channel);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  auto ctx = NewContext();
  return stub->Check(ctx.get(), request, &response);
}

}  // namespace

int RunWhoAmI() {
  return Call<v1::WhoAmIRequest, v1::WhoAmIResponse>(&DirectoryService::Stub::WhoAmI, {});
}

// One server: its answer. Each service in a process of its own (--server naming several
// addresses) and no --service: one line per address, and 0 only when every one serves.
int RunHealth() {
  auto servers = Servers();
  if (!servers.ok()) return UsageError(servers.status().message());
  const std::string service = absl::GetFlag(FLAGS_service);
  grpc::health::v1::HealthCheckResponse response;
  if (!service.empty() || servers->Single()) {
    const grpc::Status status = CheckHealth(servers->For(service), service, response);
    if (!status.ok()) return PrintRpcError(status);
    Print(response);
    return response.status() == grpc::health::v1::HealthCheckResponse::SERVING ? 0 : 1;
  }
  int rc = 0;
  for (const std::string& address : servers->Distinct()) {
    response.Clear();
    const grpc::Status status = CheckHealth(address, "", response);
    std::string state =
        status.ok() ? grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status())
                    : status.error_message();
    if (!status.ok() || response.status() != grpc::health::v1::HealthCheckResponse::SERVING) {
      rc = 1;
    }
    std::cout << address << "  " << state << "\n";
  }
  return rc;
}

int RunDirectoryCommand(const Args& args) {
  const std::string verb = args.empty() ? "" : args[0];
  if (verb == "get-organisation") {
    v1::GetOrganisationRequest r;
    r.set_organisation_id(IdArg(args));
    return Call<v1::GetOrganisationRequest, v1::GetOrganisationResponse>(
        &DirectoryService::Stub::GetOrganisation, r);
  }
  if (verb == "list-organisations") {
    v1::ListOrganisationsRequest r;
    r.set_page_size(absl::GetFlag(FLAGS_page_size));
    r.set_page_token(absl::GetFlag(FLAGS_page_token));
    v1::OrganisationType type = v1::ORGANISATION_TYPE_UNSPECIFIED;
    v1::Region region = v1::REGION_UNSPECIFIED;
    if (!EnumFlag("type", "schakel.v1.OrganisationType", absl::GetFlag(FLAGS_type), type) ||
        !EnumFlag("region", "schakel.v1.Region", absl::GetFlag(FLAGS_region), region)) {
      return 2;
    }
    r.set_type(type);
    r.set_region(region);
    return Call<v1::ListOrganisationsRequest, v1::ListOrganisationsResponse>(
        &DirectoryService::Stub::ListOrganisations, r);
  }
  if (verb == "create-organisation" || verb == "update-organisation") {
    v1::Organisation org;
    if (!OrganisationFromFlags(org)) return 2;
    if (verb == "create-organisation") {
      v1::CreateOrganisationRequest r;
      r.set_request_id(RequestId());
      *r.mutable_organisation() = org;
      return Call<v1::CreateOrganisationRequest, v1::CreateOrganisationResponse>(
          &DirectoryService::Stub::CreateOrganisation, r);
    }
    v1::UpdateOrganisationRequest r;
    r.set_request_id(RequestId());
    *r.mutable_organisation() = org;
    return Call<v1::UpdateOrganisationRequest, v1::UpdateOrganisationResponse>(
        &DirectoryService::Stub::UpdateOrganisation, r);
  }
  if (verb == "get-professional") {
    v1::GetProfessionalRequest r;
    r.set_professional_id(IdArg(args));
    return Call<v1::GetProfessionalRequest, v1::GetProfessionalResponse>(
        &DirectoryService::Stub::GetProfessional, r);
  }
  if (verb == "list-professionals") {
    v1::ListProfessionalsRequest r;
    r.set_page_size(absl::GetFlag(FLAGS_page_size));
    r.set_page_token(absl::GetFlag(FLAGS_page_token));
    r.set_organisation_id(absl::GetFlag(FLAGS_org));
    r.set_show_revoked(absl::GetFlag(FLAGS_show_revoked));
    v1::Role role = v1::ROLE_UNSPECIFIED;
    if (!EnumFlag("role", "schakel.v1.Role", absl::GetFlag(FLAGS_role), role)) return 2;
    r.set_role(role);
    return Call<v1::ListProfessionalsRequest, v1::ListProfessionalsResponse>(
        &DirectoryService::Stub::ListProfessionals, r);
  }
  if (verb == "register-professional") {
    v1::RegisterProfessionalRequest r;
    r.set_request_id(RequestId());
    auto* pro = r.mutable_professional();
    pro->set_id(absl::GetFlag(FLAGS_id));
    pro->set_name(absl::GetFlag(FLAGS_name));
    pro->set_organisation_id(absl::GetFlag(FLAGS_org));
    for (absl::string_view text :
         absl::StrSplit(absl::GetFlag(FLAGS_roles), ',', absl::SkipEmpty())) {
      v1::Role role = v1::ROLE_UNSPECIFIED;
      if (!EnumFlag("roles", "schakel.v1.Role", std::string(text), role)) return 2;
      pro->add_roles(role);
    }
    return Call<v1::RegisterProfessionalRequest, v1::RegisterProfessionalResponse>(
        &DirectoryService::Stub::RegisterProfessional, r);
  }
  if (verb == "grant-role" || verb == "revoke-role") {
    if (args.size() != 3) return UsageError("usage: directory grant-role|revoke-role ID ROLE");
    v1::Role role = v1::ROLE_UNSPECIFIED;
    if (!EnumFlag("role", "schakel.v1.Role", args[2], role)) return 2;
    if (verb == "grant-role") {
      v1::GrantRoleRequest r;
      r.set_request_id(RequestId());
      r.set_professional_id(args[1]);
      r.set_role(role);
      r.set_etag(absl::GetFlag(FLAGS_etag));
      return Call<v1::GrantRoleRequest, v1::GrantRoleResponse>(&DirectoryService::Stub::GrantRole,
                                                               r);
    }
    v1::RevokeRoleRequest r;
    r.set_request_id(RequestId());
    r.set_professional_id(args[1]);
    r.set_role(role);
    r.set_etag(absl::GetFlag(FLAGS_etag));
    return Call<v1::RevokeRoleRequest, v1::RevokeRoleResponse>(&DirectoryService::Stub::RevokeRole,
                                                               r);
  }
  if (verb == "revoke-professional") {
    v1::RevokeProfessionalRequest r;
    r.set_request_id(RequestId());
    r.set_professional_id(IdArg(args));
    r.set_reason(absl::GetFlag(FLAGS_reason));
    r.set_etag(absl::GetFlag(FLAGS_etag));
    return Call<v1::RevokeProfessionalRequest, v1::RevokeProfessionalResponse>(
        &DirectoryService::Stub::RevokeProfessional, r);
  }
  // The deployment's service identities (one per schakeld certificate, OU=service).
  if (verb == "list-services") {
    v1::ListServiceIdentitiesRequest r;
    r.set_page_size(absl::GetFlag(FLAGS_page_size));
    r.set_page_token(absl::GetFlag(FLAGS_page_token));
    return Call<v1::ListServiceIdentitiesRequest, v1::ListServiceIdentitiesResponse>(
        &DirectoryService::Stub::ListServiceIdentities, r);
  }
  if (verb == "get-service") {
    v1::GetServiceIdentityRequest r;
    r.set_service_id(IdArg(args));
    return Call<v1::GetServiceIdentityRequest, v1::GetServiceIdentityResponse>(
        &DirectoryService::Stub::GetServiceIdentity, r);
  }
  if (verb == "register-service") {
    v1::RegisterServiceIdentityRequest r;
    r.set_request_id(RequestId());
    r.mutable_service()->set_id(absl::GetFlag(FLAGS_id));
    r.mutable_service()->set_organisation_id(absl::GetFlag(FLAGS_org));
    r.mutable_service()->set_description(absl::GetFlag(FLAGS_name));
    return Call<v1::RegisterServiceIdentityRequest, v1::RegisterServiceIdentityResponse>(
        &DirectoryService::Stub::RegisterServiceIdentity, r);
  }
  if (verb == "revoke-service") {
    v1::RevokeServiceIdentityRequest r;
    r.set_request_id(RequestId());
    r.set_service_id(IdArg(args));
    r.set_reason(absl::GetFlag(FLAGS_reason));
    r.set_etag(absl::GetFlag(FLAGS_etag));
    return Call<v1::RevokeServiceIdentityRequest, v1::RevokeServiceIdentityResponse>(
        &DirectoryService::Stub::RevokeServiceIdentity, r);
  }
  return UsageError(
      "directory commands: get-organisation ID, list-organisations, create-organisation, "
      "update-organisation, get-professional ID, list-professionals, register-professional, "
      "grant-role ID ROLE, revoke-role ID ROLE, revoke-professional ID --reason=..., "
      "list-services, get-service ID, register-service --id=ID --org=ORG --name=DESCRIPTION, "
      "revoke-service ID --reason=...");
}

}  // namespace schakel::cli
