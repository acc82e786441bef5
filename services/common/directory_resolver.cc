#include "services/common/directory_resolver.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "schakel/v1/directory.grpc.pb.h"
#include "services/common/bounded_cache.h"
#include "services/common/status.h"

namespace schakel {
namespace {

// What the directory's answer to a lookup means: true when it knows the id, false when it does
// not (or the id cannot even be one: not registered), UNAVAILABLE when it could not be asked.
absl::StatusOr<bool> Known(const grpc::Status& st) {
  if (st.error_code() == grpc::StatusCode::NOT_FOUND ||
      st.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    return false;
  }
  if (!st.ok()) return absl::UnavailableError(absl::StrCat("directory: ", st.error_message()));
  return true;
}

}  // namespace

absl::StatusOr<DirectoryEntry> DirectoryRoleResolver::Resolve(absl::string_view principal_id) {
  auto stub = v1::DirectoryService::NewStub(channel_());
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  v1::GetProfessionalRequest req;
  req.set_professional_id(std::string(principal_id));
  v1::GetProfessionalResponse resp;
  SCHAKEL_ASSIGN_OR_RETURN(const bool known, Known(stub->GetProfessional(&ctx, req, &resp)));
  DirectoryEntry entry;
  if (!known) return entry;
  const v1::Professional& p = resp.professional();
  entry.registered = true;
  entry.active = p.state() == v1::PROFESSIONAL_STATE_ACTIVE;
  entry.organisation_id = p.organisation_id();
  entry.name = p.name();
  for (int r : p.roles()) entry.roles.push_back(static_cast<v1::Role>(r));
  return entry;
}

absl::StatusOr<DirectoryEntry> DirectoryRoleResolver::ResolveService(absl::string_view service_id) {
  auto stub = v1::DirectoryService::NewStub(channel_());
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  v1::GetServiceIdentityRequest req;
  req.set_service_id(std::string(service_id));
  v1::GetServiceIdentityResponse resp;
  SCHAKEL_ASSIGN_OR_RETURN(const bool known, Known(stub->GetServiceIdentity(&ctx, req, &resp)));
  DirectoryEntry entry;
  if (!known) return entry;
  entry.registered = true;
  entry.active = resp.service().state() == v1::SERVICE_IDENTITY_STATE_ACTIVE;
  entry.organisation_id = resp.service().organisation_id();
  entry.name = resp.service().description();
  return entry;
}

absl::StatusOr<std::optional<v1::Organisation>> OrganisationResolver::Get(
    absl::string_view organisation_id) {
  const absl::Time now = clock_.Now();
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(organisation_id);
    if (it != cache_.end() && now - it->second.fetched < ttl_) return it->second.organisation;
  }
  auto stub = v1::DirectoryService::NewStub(channel_());
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  v1::GetOrganisationRequest req;
  req.set_organisation_id(std::string(organisation_id));
  v1::GetOrganisationResponse resp;
  grpc::Status st = stub->GetOrganisation(&ctx, req, &resp);
  std::optional<v1::Organisation> result;
  if (st.ok()) {
    result = resp.organisation();
  } else if (st.error_code() != grpc::StatusCode::NOT_FOUND &&
             st.error_code() != grpc::StatusCode::INVALID_ARGUMENT) {
    return absl::UnavailableError(absl::StrCat("directory: ", st.error_message()));
  }
  absl::MutexLock lock(&mu_);
  if (!cache_.contains(organisation_id)) MakeRoom(cache_, now, ttl_);
  cache_[organisation_id] = Cached{result, now};
  return result;
}

}  // namespace schakel
