// Roles for services other than the directory: asked from DirectoryService over gRPC (an
// in-process channel when co-hosted), as the host's service principal. Wrap it in a
// CachingRoleResolver so a call costs no round trip while a revocation still bites within 5 s.
#ifndef SCHAKEL_SERVICES_COMMON_DIRECTORY_RESOLVER_H_
#define SCHAKEL_SERVICES_COMMON_DIRECTORY_RESOLVER_H_

#include <functional>
#include <memory>

#include <grpcpp/channel.h>

#include "services/common/authz.h"

namespace schakel {

class DirectoryRoleResolver final : public RoleResolver {
 public:
  // `channel` is called on first use (in-process channels exist only once the host runs).
  explicit DirectoryRoleResolver(std::function<std::shared_ptr<grpc::Channel>()> channel)
      : channel_(std::move(channel)) {}
  absl::StatusOr<DirectoryEntry> Resolve(absl::string_view principal_id) override;

 private:
  std::function<std::shared_ptr<grpc::Channel>()> channel_;
};

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_DIRECTORY_RESOLVER_H_
