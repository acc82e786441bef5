// What the audit subcommands of schakelctl share: the stub, the verifier key to trust and the
// offline checks of checkpoints and proofs (client/lib/audit_verify.h).
#ifndef SCHAKEL_CLIENT_CLI_AUDIT_SHARED_H_
#define SCHAKEL_CLIENT_CLI_AUDIT_SHARED_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/cli/cli.h"
#include "client/lib/audit_verify.h"
#include "schakel/v1/audit.grpc.pb.h"
#include "services/transparency/merkle.h"
#include "services/transparency/note.h"

namespace schakel::cli {

// A stub on the connection the flags describe; null (after a usage message) when there is none.
std::unique_ptr<v1::AuditService::Stub> AuditStub();
// The verifier key to trust, in order: --verifier-key, var/keys/audit.vkey, the server's (then
// `from_server` is set; `stub` may be null for offline commands).
absl::StatusOr<std::string> TrustedVerifierKey(v1::AuditService::Stub* stub, bool* from_server);
absl::StatusOr<audit::note::Verifier> TrustedVerifier(v1::AuditService::Stub* stub,
                                                      bool* from_server);
// The offline checks (client/lib/audit_verify.h), shared with the desktop client.
using client::ToHashes;
using client::VerifyCheckpoint;
std::string B64(absl::string_view bytes);

// audit prove EVENT_ID|INDEX and audit entries (audit_prove.cc).
int AuditProve(const Args& args);
int AuditEntries();

}  // namespace schakel::cli

#endif  // SCHAKEL_CLIENT_CLI_AUDIT_SHARED_H_
