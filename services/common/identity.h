// Who is calling. The principal comes from the verified peer certificate (CN = principal id,
// O = organisation, OU = user|service), read by CertificateAuthProcessor before any handler runs.
//
// A service always calls as itself: there is no way to assert another principal in metadata.
// When a callee must know which user a call is for, the user is a field of the request, checked
// by the callee. The certificate's CN and O must be well-formed ids (IsWellFormedId).
//
// Calls between co-hosted services travel over an in-process channel, which has no TLS peer. Such
// a channel adds a per-process random token (kInternalTokenKey) that the host checks; the caller
// is then the host's own service principal.
#ifndef SCHAKEL_SERVICES_COMMON_IDENTITY_H_
#define SCHAKEL_SERVICES_COMMON_IDENTITY_H_

#include <memory>
#include <string>

#include <grpcpp/security/auth_metadata_processor.h>
#include <grpcpp/server_context.h>

#include "absl/status/statusor.h"
#include "schakel/v1/common.pb.h"

namespace schakel {

inline constexpr char kInternalTokenKey[] = "schakel-internal-token";
// Principal::peer of a call that came over the host's in-process channel.
inline constexpr char kInProcessPeer[] = "in-process";

// Auth-context properties set by CertificateAuthProcessor.
inline constexpr char kPrincipalIdProperty[] = "schakel_principal_id";
inline constexpr char kOrganisationProperty[] = "schakel_organisation_id";
inline constexpr char kKindProperty[] = "schakel_kind";

struct Principal {
  // Who made the call: the certificate's CN (or the host, for in-process calls).
  std::string id;
  std::string organisation_id;
  v1::PrincipalKind kind = v1::PRINCIPAL_KIND_UNSPECIFIED;
  // The access point, as gRPC names the peer ("ipv4:127.0.0.1:51234").
  std::string peer;
};

// Validates the peer certificate of each call and records the principal in the auth context.
// Calls without a usable certificate subject (CN and O well-formed ids, OU user or service) end
// with UNAUTHENTICATED.
class CertificateAuthProcessor final : public grpc::AuthMetadataProcessor {
 public:
  bool IsBlocking() const override { return false; }
  grpc::Status Process(const InputMetadata& auth_metadata, grpc::AuthContext* context,
                       OutputMetadata* consumed_auth_metadata,
                       OutputMetadata* response_metadata) override;
};

// How the host recognises its own in-process calls.
struct InternalCaller {
  std::string token;  // random, per process; never leaves it; an empty token matches nothing
  Principal host;     // the host's service principal (from its certificate)
};

// The principal of the call in `ctx`, or UNAUTHENTICATED. `internal` may be null when the host
// makes no in-process calls.
absl::StatusOr<Principal> AuthenticateCall(const grpc::ServerContextBase& ctx,
                                           const InternalCaller* internal);

}  // namespace schakel

#endif  // SCHAKEL_SERVICES_COMMON_IDENTITY_H_
