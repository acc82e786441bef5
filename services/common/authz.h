// Authorization: deny by default, one table per service.
//
// A service's AuthorizationTable names, for each RPC, who may call it: holders of certain roles,
// any registered user, any authenticated principal, and/or service principals. An RPC missing from
// the table is refused. Roles come from the directory through a RoleResolver, cached for at most a
// few seconds so that a revocation bites quickly.
#ifndef SCHAKEL_SERVICES_COMMON_AUTHZ_H_
#define SCHAKEL_SERVICES_COMMON_AUTHZ_H_

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "schakel/v1/common.pb.h"
#include "services/common/clock.h"
#include "services/common/identity.h"

namespace schakel {

// Who may call one RPC.
struct AccessRule {
  // Holders of any of these roles.
  std::vector<v1::Role> roles;
  // Any active registered professional, whatever their roles.
  bool any_user = false;
  // Any authenticated principal, registered or not (WhoAmI).
  bool any_principal = false;
  // Service principals calling in their own name.
  bool services = false;
};

class AuthorizationTable {
 public:
  // `method` is the bare RPC name, e.g. "GrantRole".
  AuthorizationTable& Allow(std::string method, AccessRule rule);
  // nullptr when the method is not in the table (and so refused).
  const AccessRule* Find(absl::string_view method) const;
  std::vector<std::string> Methods() const;

 private:
  absl::flat_hash_map<std::string, AccessRule> rules_;
};

// What the directory says about a principal (a professional, or a service identity).
struct DirectoryEntry {
  bool registered = false;  // listed in the directory
  bool active = false;      // not revoked
  std::string organisation_id;
  std::string name;
  std::vector<v1::Role> roles;

  // Whether the entry holds at least one of `any_of`.
  bool HasAnyRole(std::initializer_list<v1::Role> any_of) const {
    for (v1::Role r : any_of) {
      for (v1::Role held : roles) {
        if (held == r) return true;
      }
    }
    return false;
  }
  // Roles that do case work: may be on a case team, change a case, take a handover.
  bool DoesCaseWork() const {
    return HasAnyRole({v1::ROLE_VT_INTAKE, v1::ROLE_PROFESSIONAL, v1::ROLE_CASE_DIRECTOR});
  }
  // Roles that oversee their organisation's work (read only, never case work).
  bool HasOversightRole() const { return HasAnyRole({v1::ROLE_SUPERVISOR, v1::ROLE_AUDITOR}); }
};

class RoleResolver {
 public:
  virtual ~RoleResolver() = default;
  // The entry for `principal_id` (registered == false when unknown). Errors mean the directory
  // could not be asked; callers refuse the call with UNAVAILABLE.
  virtual absl::StatusOr<DirectoryEntry> Resolve(absl::string_view principal_id) = 0;
  // The entry for the service identity `service_id` (registered == false when not listed; no
  // roles). The default lists no service.
  virtual absl::StatusOr<DirectoryEntry> ResolveService(absl::string_view /*service_id*/) {
    return DirectoryEntry{};
  }
};

// Caches another resolver's answers for `ttl` (at most 5 s). Thread-safe.
class CachingRoleResolver final : public RoleResolver {
 public:
  CachingRoleResolver(std::shared_ptr<RoleResolver> inner, absl::Duration ttl, const Clock& clock);
  absl::StatusOr<DirectoryEntry> Resolve(absl::string_view principal_id) override;
  absl::StatusOr<DirectoryEntry> ResolveService(absl::string_view service_id) override;

 private:
  struct Cached {
    DirectoryEntry entry;
    absl::Time fetched;
  };
  // `key` names professionals by id and services by "service:" + id (an id has no ':').
  absl::StatusOr<DirectoryEntry> Cache(
      std::string key, const std::function<absl::StatusOr<DirectoryEntry>()>& fetch);
  std::shared_ptr<RoleResolver> inner_;
  absl::Duration ttl_;
  const Clock& clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Cached> cache_ ABSL_GUARDED_BY(mu_);
};

// An authorized caller: the principal and, for users, what the directory says about them (for
// services the entry stays empty: a service holds no roles).
struct Caller {
  Principal principal;
  DirectoryEntry entry;
  bool HasRole(v1::Role role) const;
  bool IsService() const { return principal.kind == v1::PRINCIPAL_KIND_SERVICE; }
  // Whether the caller is this host (`host_id`: its services call in-process) or one of
  // `sources`, the hosts a configuration option names as running the sending service elsewhere.
  bool IsOneOf(const std::string& host_id, const std::vector<std::string>& sources) const;
};

class Authorizer {
 public:
  Authorizer(AuthorizationTable table, std::shared_ptr<RoleResolver> resolver)
      : table_(std::move(table)), resolver_(std::move(resolver)) {}

  // The caller when `principal` may call `method`. Otherwise:
  //  UNAUTHENTICATED   - the professional is revoked, or the certificate's organisation is not
  //                      the one the directory has for them;
  //  PERMISSION_DENIED - the table does not allow it (including methods not in the table), or a
  //                      service certificate whose identity the directory lists as revoked or
  //                      under another organisation (one it does not list passes, so far). The
  //                      host's in-process calls (peer kInProcessPeer, proven by the per-process
  //                      token) are not looked up: the directory lists certificates;
  //  UNAVAILABLE       - the directory could not be asked.
  absl::StatusOr<Caller> Authorize(const Principal& principal, absl::string_view method) const;

  const AuthorizationTable& table() const { return table_; }

 private:
  AuthorizationTable table_;
  std::shared_ptr<RoleResolver> resolver_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_AUTHZ_H_
