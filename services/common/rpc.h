// The edge of every unary RPC: authenticate on gRPC's thread (cheap), then authorize and run the
// handler on the worker pool (disk, crypto), and finish the reactor from there. The handler's
// absl::Status is converted to grpc::Status exactly once, here. No exception escapes.
#ifndef SCHAKEL_SERVICES_COMMON_RPC_H_
#define SCHAKEL_SERVICES_COMMON_RPC_H_

#include <functional>

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "services/common/audit_trail.h"
#include "services/common/authz.h"
#include "services/common/hosted_service.h"

namespace schakel {

using RpcHandler = std::function<absl::Status(const Caller&)>;

// `method` is the bare RPC name as in the authorization table ("GrantRole"); `service` the short
// service name, for the log. A refused call (PERMISSION_DENIED, UNAUTHENTICATED after the
// certificate was read) is recorded durably in `audit` (when given) before the answer goes out.
grpc::ServerUnaryReactor* HandleUnary(grpc::CallbackServerContext* ctx, const HostEnv& env,
                                      const Authorizer& authorizer, AuditTrail* audit,
                                      absl::string_view service, absl::string_view method,
                                      RpcHandler handler);

// What the client is told for a status: INTERNAL, UNKNOWN and DATA_LOSS details go to the log
// only, under an incident id the client can quote.
absl::Status ClientVisible(const absl::Status& status, absl::string_view method);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_RPC_H_
