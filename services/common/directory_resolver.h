// Roles for services other than the directory: asked from DirectoryService over gRPC (an
// in-process channel when co-hosted), as the host's service principal. Wrap it in a
// CachingRoleResolver so a call costs no round trip while a revocation still bites within 5 s.
#ifndef SCHAKEL_SERVICES_COMMON_DIRECTORY_RESOLVER_H_
#define SCHAKEL_SERVICES_COMMON_DIRECTORY_RESOLVER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <grpcpp/channel.h>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "schakel/v1/directory.pb.h"
#include "services/common/authz.h"
#include "services/common/clock.h"

namespace schakel {

class DirectoryRoleResolver final : public RoleResolver {
 public:
  // `channel` is called on first use (in-process channels exist only once the host runs).
  explicit DirectoryRoleResolver(std::function<std::shared_ptr<grpc::Channel>()> channel)
      : channel_(std::move(channel)) {}
  absl::StatusOr<DirectoryEntry> Resolve(absl::string_view principal_id) override;
  // From GetServiceIdentity.
  absl::StatusOr<DirectoryEntry> ResolveService(absl::string_view service_id) override;

 private:
  std::function<std::shared_ptr<grpc::Channel>()> channel_;
};

// Organisations from DirectoryService, cached for `ttl` (types and regions change rarely; a change
// shows within the ttl). Thread-safe.
class OrganisationResolver {
 public:
  OrganisationResolver(std::function<std::shared_ptr<grpc::Channel>()> channel, absl::Duration ttl,
                       const Clock& clock)
      : channel_(std::move(channel)), ttl_(ttl), clock_(clock) {}
  // The organisation, nullopt when the directory does not know it, UNAVAILABLE when it cannot be
  // asked.
  absl::StatusOr<std::optional<v1::Organisation>> Get(absl::string_view organisation_id);

 private:
  struct Cached {
    std::optional<v1::Organisation> organisation;
    absl::Time fetched;
  };
  std::function<std::shared_ptr<grpc::Channel>()> channel_;
  absl::Duration ttl_;
  const Clock& clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Cached> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_DIRECTORY_RESOLVER_H_
