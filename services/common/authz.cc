#include "services/common/authz.h"

#include "absl/strings/string_view.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/common/bounded_cache.h"

namespace schakel {

AuthorizationTable& AuthorizationTable::Allow(std::string method, AccessRule rule) {
  rules_[std::move(method)] = std::move(rule);
  return *this;
}

const AccessRule* AuthorizationTable::Find(absl::string_view method) const {
  auto it = rules_.find(method);
  return it == rules_.end() ? nullptr : &it->second;
}

std::vector<std::string> AuthorizationTable::Methods() const {
  std::vector<std::string> methods;
  for (const auto& [method, rule] : rules_) methods.push_back(method);
  std::sort(methods.begin(), methods.end());
  return methods;
}

CachingRoleResolver::CachingRoleResolver(std::shared_ptr<RoleResolver> inner, absl::Duration ttl,
                                         const Clock& clock)
    : inner_(std::move(inner)), ttl_(std::min(ttl, absl::Seconds(5))), clock_(clock) {}

absl::StatusOr<DirectoryEntry> CachingRoleResolver::Resolve(absl::string_view principal_id) {
  return Cache(std::string(principal_id), [&] { return inner_->Resolve(principal_id); });
}

absl::StatusOr<DirectoryEntry> CachingRoleResolver::ResolveService(absl::string_view service_id) {
  return Cache(absl::StrCat("service:", service_id),
               [&] { return inner_->ResolveService(service_id); });
}

absl::StatusOr<DirectoryEntry> CachingRoleResolver::Cache(
    std::string key, const std::function<absl::StatusOr<DirectoryEntry>()>& fetch) {
  const absl::Time now = clock_.Now();
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(key);
    if (it != cache_.end() && now - it->second.fetched < ttl_) return it->second.entry;
  }
  auto entry = fetch();
  if (!entry.ok()) return entry.status();
  absl::MutexLock lock(&mu_);
  if (!cache_.contains(key)) MakeRoom(cache_, now, ttl_);
  cache_[std::move(key)] = Cached{*entry, now};
  return entry;
}

bool Caller::IsOneOf(const std::string& host_id, const std::vector<std::string>& sources) const {
  return principal.id == host_id ||
         std::find(sources.begin(), sources.end(), principal.id) != sources.end();
}

bool Caller::HasRole(v1::Role role) const {
  return std::find(entry.roles.begin(), entry.roles.end(), role) != entry.roles.end();
}

namespace {

// The directory did not answer a role check: unreachable, or it refused this host (a revoked
// service identity). Either way the caller may retry; the reason goes with it, for the operator.
absl::Status RoleCheckFailed(const absl::Status& why) {
  return absl::UnavailableError(
      absl::StrCat("the directory could not be asked to check roles (", why.message(), "); retry"));
}

}  // namespace

absl::StatusOr<Caller> Authorizer::Authorize(const Principal& principal,
                                             absl::string_view method) const {
  const AccessRule* rule = table_.Find(method);
  if (rule == nullptr) {
    return absl::PermissionDeniedError(absl::StrCat(method, " is not allowed"));
  }
  Caller caller{principal, {}};
  if (principal.kind == v1::PRINCIPAL_KIND_SERVICE) {
    if (!rule->services && !rule->any_principal) {
      return absl::PermissionDeniedError(absl::StrCat(method, " is not open to services"));
    }
    if (principal.peer == kInProcessPeer) return caller;
    auto service = resolver_->ResolveService(principal.id);
    if (!service.ok()) return RoleCheckFailed(service.status());
    if (service->registered &&
        (!service->active || service->organisation_id != principal.organisation_id)) {
      return absl::PermissionDeniedError(
          "this service identity is revoked (or listed under another organisation) in the "
          "directory");
    }
    return caller;
  }

  auto entry = resolver_->Resolve(principal.id);
  if (!entry.ok()) return RoleCheckFailed(entry.status());
  caller.entry = *std::move(entry);
  if (caller.entry.registered) {
    if (!caller.entry.active) {
      return absl::UnauthenticatedError("this professional's access has been revoked");
    }
    if (caller.entry.organisation_id != principal.organisation_id) {
      return absl::UnauthenticatedError(
          "the certificate's organisation does not match the directory");
    }
  }
  if (rule->any_principal) return caller;
  if (!caller.entry.registered) {
    return absl::PermissionDeniedError("not registered in the directory");
  }
  if (rule->any_user) return caller;
  for (v1::Role role : rule->roles) {
    if (caller.HasRole(role)) return caller;
  }
  return absl::PermissionDeniedError(absl::StrCat("your roles do not allow ", method));
}

}  // namespace schakel
